"""Connecting nodes with the mouse: where a press starts a connection, and what it may join.

A press on a node's border (a band a few screen pixels wide, inside and outside the box) or
on one of the four side handles starts a connection, as in draw.io; a press inside the box
moves the node. While the rubber line is dragged, the node under the pointer is outlined
green when the connection is allowed and red when it is not, with the reason next to the
pointer (diagram-js' `connection.create` rule, asked while dragging, not after release).
The rule is the model itself: the edge is tried on the snapshot, so it can never disagree
with what the session will accept.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from app.model import Diagram, Edge
from app.model.commands import AddItems, EditRefused, Reconnect
from app.render import theme
from app.render.canvas_geometry import HANDLE_RADIUS
from app.render.layout import Rect
from app.ui.refusals import translate_refusal

translate = QCoreApplication.translate

#: how wide, in screen pixels, the band along a node's border is that starts a connection
BORDER_PX = 8.0
#: how far outside its box a node takes presses, in scene units (within its drawn margin)
OUTSIDE = HANDLE_RADIUS + 2.0
ALLOWED, REFUSED = "#1E8449", "#C0392B"


def side_handles(rect: Rect) -> tuple[tuple[float, float], ...]:
    """The four connect handles: the middle of the right, bottom, left and top sides."""
    return ((rect.right, rect.cy), (rect.cx, rect.bottom), (rect.x, rect.cy), (rect.cx, rect.y))


def in_connect_zone(rect: Rect, x: float, y: float, zoom: float) -> bool:
    """Whether the scene point (x, y) is on the border band or a handle of the node `rect`."""
    band = min(max(BORDER_PX / max(zoom, 0.01), 3.0), rect.h / 3)
    outer = (rect.x - OUTSIDE <= x <= rect.right + OUTSIDE
             and rect.y - OUTSIDE <= y <= rect.bottom + OUTSIDE)
    inner = (rect.x + band < x < rect.right - band and rect.y + band < y < rect.bottom - band)
    if outer and not inner:
        return True
    reach = HANDLE_RADIUS + 3.0
    return any((x - hx) ** 2 + (y - hy) ** 2 <= reach * reach for hx, hy in side_handles(rect))


def _named_refusal(diagram: Diagram, source: str, target: str) -> str | None:
    """The common refusals of an edge `source`→`target`, worded with the names the user
    sees rather than ids; None when none of them applies."""
    if source == target:
        return translate("Connect", "A node cannot be connected to itself here.")
    a, b = diagram.node(source), diagram.node(target)
    if a is not None and a.kind.value == "exit":
        return translate("Connect", "\"%1\" is an exit, where a path ends: nothing can leave "
                         "it. Make it a step first.").replace("%1", a.title)
    if a is not None and b is not None and diagram.edge(source, target) is not None:
        return translate("Connect", "\"%1\" and \"%2\" are already connected.").replace(
            "%1", a.title).replace("%2", b.title)
    return None


def _tried(command, diagram: Diagram) -> str | None:
    # The rule is the model itself: whatever else it refuses is said in its own words.
    try:
        command.apply(diagram)
    except EditRefused as error:
        return translate_refusal(str(error))
    return None


def connection_refusal(diagram: Diagram, source: str, target: str) -> str | None:
    """Why an edge `source`→`target` would be refused (in the interface language), or None."""
    return _named_refusal(diagram, source, target) or _tried(
        AddItems(edges=(Edge(source=source, target=target),)), diagram)


def reconnection_refusal(diagram: Diagram, source: str, target: str, new_source: str,
                         new_target: str) -> str | None:
    """Why moving an end of edge `source`→`target` to make `new_source`→`new_target` would be
    refused (in the interface language), or None."""
    return _named_refusal(diagram, new_source, new_target) or _tried(
        Reconnect(source, target, new_source, new_target), diagram)


def paint_handles(painter: QPainter, rect: Rect) -> None:
    """The four side handles of a node being hovered or selected (at the painter's origin)."""
    painter.setPen(QPen(QColor(theme.INK), 1.2))
    painter.setBrush(QColor(theme.SELECTION))
    for hx, hy in side_handles(rect):
        painter.drawEllipse(QPointF(hx, hy), HANDLE_RADIUS - 1, HANDLE_RADIUS - 1)
    painter.setPen(QPen(Qt.GlobalColor.white, 1.4))
    for hx, hy in side_handles(rect):
        painter.drawLine(QPointF(hx - 2.5, hy), QPointF(hx + 2.5, hy))
        painter.drawLine(QPointF(hx, hy - 2.5), QPointF(hx, hy + 2.5))


class ReasonPlate(QGraphicsItem):
    """Why a connection is refused, on a plate next to the pointer, the same size at any zoom."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.left = False  # shown left of the pointer (near the view's right edge)
        self.font = QFont()
        self.font.setPixelSize(13)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(20.0)

    def set_text(self, text: str) -> None:
        self.prepareGeometryChange()
        self.text = text
        self.setVisible(bool(text))

    def boundingRect(self) -> QRectF:
        if not self.text:
            return QRectF()
        metrics = QFontMetricsF(self.font)
        # Measured a little narrower than drawn: what fits here surely fits when painted.
        wrapped = metrics.boundingRect(QRectF(0, 0, 380, 2000), Qt.TextFlag.TextWordWrap, self.text)
        width, height = min(wrapped.width(), 380) + 40, wrapped.height() + 12
        return QRectF(-width - 14 if self.left else 14, 14, width, height)

    def paint(self, painter, option, widget=None) -> None:
        rect = self.boundingRect()
        painter.setPen(QPen(QColor(REFUSED), 1.0))
        painter.setBrush(QColor("#FFF5F4"))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setFont(self.font)
        painter.setPen(QColor("#7B241C"))
        painter.drawText(rect.adjusted(8, 4, -8, -4), Qt.TextFlag.TextWordWrap, self.text)


class TargetFeedback:
    """The outline on the node under the pointer and the reason plate, while dragging."""

    def __init__(self, scene) -> None:
        self.scene = scene
        self.outline = QGraphicsPathItem()
        self.outline.setZValue(9.0)
        self.outline.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.plate = ReasonPlate()
        scene.addItem(self.outline)
        scene.addItem(self.plate)
        self.outline.hide()
        self.plate.hide()
        self.target: str | None = None
        self.reason: str | None = None

    def show(self, target_item, reason: str | None, pointer: QPointF) -> None:
        """Outline `target_item` (None: nothing under the pointer) as allowed or refused."""
        self.target = target_item.node_id if target_item is not None else None
        self.reason = reason if target_item is not None else None
        if target_item is None:
            self.outline.hide()
            self.plate.set_text("")
            return
        box = target_item.box
        path = QPainterPath()
        path.addRoundedRect(QRectF(box.x - 4, box.y - 4, box.w + 8, box.h + 8), 8, 8)
        self.outline.setPath(path)
        self.outline.setPen(QPen(QColor(REFUSED if reason else ALLOWED), 3.0))
        self.outline.show()
        self.plate.set_text(reason or "")
        self.follow(pointer)

    def follow(self, pointer: QPointF) -> None:
        self.plate.setPos(pointer)
        views = self.scene.views()
        if views and self.plate.text:
            view = views[0]
            x = view.mapFromScene(pointer).x()
            left = x + self.plate.boundingRect().width() + 30 > view.viewport().width()
            if left != self.plate.left:
                self.plate.prepareGeometryChange()
                self.plate.left = left

    def remove(self) -> None:
        for item in (self.outline, self.plate):
            if item.scene() is not None:
                self.scene.removeItem(item)
