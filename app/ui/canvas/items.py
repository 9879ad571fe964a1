"""The graphics items of the canvas: one per node, edge, edge label, lane and phase.

Items hold a *look* (see app.ui.paint) and replay it when painted; they never hold document
data that the model does not have, and nothing is ever read back from them into the model.
Each item paints itself (no child items) so a 5,000-node diagram stays one item per node.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker
from PySide6.QtWidgets import QGraphicsItem

from app.model import Edge, Node
from app.model.axes import LANE, Axis
from app.render import theme
from app.render.canvas_geometry import HANDLE_RADIUS, near
from app.render.layout import Band, Rect
from app.render.sizes import title_lines
from app.ui.canvas import connecting, semantic
from app.ui.paint import (
    EdgeLook,
    NodeLook,
    node_handle_margin,
    paint_edge,
    paint_lane,
    paint_node,
    paint_phase,
)

# (edges stand at Qt's default 0, so a scene of thousands sets no z on them)
Z_LANE, Z_PHASE, Z_EDGE, Z_NODE, Z_LABEL, Z_ACTIVE, Z_DRAG = -1.0, -0.5, 0.0, 2.0, 3.0, 4.0, 10.0
# (labels.py draws the edge labels at Z_LABEL)
# Flags combined once: an enum `|` per item costs more than setting them (thousands of items).
_NODE_FLAGS = QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemIsMovable
# (the extended option tells an edge's paint which part of the scene is being repainted)
_BAND_BUTTONS = Qt.LeftButton | Qt.RightButton  # (a band's header takes both)
_EDGE_FLAGS = QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemUsesExtendedStyleOption


class NodeItem(QGraphicsItem):
    """One node: selectable, movable by dragging inside, connected by dragging from its border
    (four handles show on hover and selection)."""

    #: whether the bounds include the room of a zoomed-out title (set by the scene)
    reach = False
    # (defaults on the class: a big scene is built without setting them on each item)
    _hover = False
    _bounds: QRectF | None = None
    _shape: QPainterPath | None = None

    def __init__(self, node: Node, look, facts, size: tuple[float, float] | None = None) -> None:
        super().__init__()
        self._size = size or (theme.NODE_WIDTH, theme.NODE_HEIGHT)
        self.node_id = node.id
        self.node, self._look, self.facts = node, look, facts
        self.setFlags(_NODE_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setZValue(Z_NODE)

    @property
    def look(self) -> NodeLook:
        """How the node is drawn, worked out on first need: most of a big diagram is off
        screen, and a node's texts cost more to measure than its box does to place."""
        if not isinstance(self._look, NodeLook):
            self._look = self._look()
        return self._look

    def set_look(self, node: Node, look, facts) -> None:
        """Show `node` drawn as `look` (a NodeLook, or a function that makes one)."""
        self.node, self._look, self.facts = node, look, facts
        self.update()

    def toolTip(self) -> str:  # noqa: N802 - Qt's name
        """A title cut after its lines, whole (asked for when shown: see scene.helpEvent)."""
        return self.node.title if title_lines(self.node)[1] else ""

    @property
    def size(self) -> tuple[float, float]:
        # The layout's size for the node: no need to build the look to know it.
        return self._size

    def set_size(self, w: float, h: float) -> None:
        """The layout gave the node another size (a longer title, more ports)."""
        self.prepareGeometryChange()
        self._size = (w, h)
        self._bounds = self._shape = None

    @property
    def box(self) -> Rect:
        """The node's box where it is shown now (during a drag: where the hand has it)."""
        w, h = self.size
        return Rect(self.x(), self.y(), w, h)

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            w, h = self.size
            m = node_handle_margin()
            mx, my = semantic.REACH if self.reach else (m, m)
            self._bounds = QRectF(-mx, -my, w + 2 * mx, h + 2 * my)
        return self._bounds

    def set_reach(self, on: bool) -> None:
        """Make room in the bounds for a zoomed-out title reaching past the box (or not)."""
        if on != self.reach:
            self.prepareGeometryChange()
            self.reach, self._bounds = on, None

    def shape(self) -> QPainterPath:
        if self._shape is None:
            # The box and a band around it: a press a little outside the border still
            # starts a connection (connecting.py) instead of a rubber band.
            w, h = self.size
            m = connecting.OUTSIDE
            path = QPainterPath()
            path.addRect(QRectF(-m, -m, w + 2 * m, h + 2 * m))
            self._shape = path
        return self._shape

    def paint(self, painter, option, widget=None) -> None:
        selected = self.isSelected()
        zoom = option.levelOfDetailFromTransform(painter.worldTransform())
        if semantic.active(zoom):  # zoomed out: the title alone, large enough to read
            room = self.scene().title_room(self.node_id)
            semantic.paint_node(painter, self.look, self.node.title, zoom, selected=selected,
                                handle=selected or self._hover, room=room)
            return
        paint_node(painter, self.look, selected=selected)
        if selected or self._hover:
            w, h = self.size
            connecting.paint_handles(painter, Rect(0.0, 0.0, w, h))

    def hoverMoveEvent(self, event) -> None:
        # The cursor says what a press does here: connect (border) or move (inside).
        w, h = self.size
        p = event.pos()
        zoom = self.scene().views()[0].transform().m11() if self.scene().views() else 1.0
        on_border = connecting.in_connect_zone(Rect(0.0, 0.0, w, h), p.x(), p.y(), zoom)
        self.setCursor(Qt.CrossCursor if on_border or getattr(self.scene(), "connect_mode",
                                                              False)
                       else Qt.SizeAllCursor)

    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        self._raise()

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self.unsetCursor()
        self._raise()

    def selection_changed(self) -> None:
        """Called by the scene (no itemChange override: it would cost a Python call per
        change of every item while a big scene is built)."""
        self._raise()

    def _raise(self) -> None:
        # A node being worked on comes above the edge labels, so its handle is never hidden.
        self.setZValue(Z_ACTIVE if self._hover or self.isSelected() else Z_NODE)
        self.update()


class EdgeItem(QGraphicsItem):
    """One edge's curve and arrow; selectable, with end handles to reconnect when selected."""

    _shape: QPainterPath | None = None
    labels = None  # the scene's LabelLayer, which draws the label (labels.py)

    def __init__(self, edge: Edge, look: EdgeLook, facts, key: str | None = None) -> None:
        super().__init__()
        self.source, self.target = edge.source, edge.target
        self.edge_id = key or edge.id  # (the scene passes the id it already has)
        self.edge, self.look, self.facts = edge, look, facts
        self.setFlags(_EDGE_FLAGS)  # (at Z_EDGE, Qt's default z)

    def set_look(self, edge: Edge, look: EdgeLook, facts) -> None:
        """Show `edge` drawn as `look` (re-routed, restyled or relabelled)."""
        self.prepareGeometryChange()
        self.edge, self.look, self.facts, self._shape = edge, look, facts, None
        if self.labels is not None:
            self.labels.refresh(self)

    def end_at(self, scene_pos: QPointF) -> str | None:
        """"from" or "to" when `scene_pos` is on that end's handle (shown when selected)."""
        if not self.isSelected():
            return None
        point = (scene_pos.x(), scene_pos.y())
        for key, end in zip(("from", "to"), self.look.ends, strict=True):
            if near(point, (end.x(), end.y()), HANDLE_RADIUS):
                return key
        return None

    def boundingRect(self) -> QRectF:
        return self.look.bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(max(10.0, self.look.pen.widthF() + 6))
            path = stroker.createStroke(self.look.curve)
            path.addPath(self.look.arrow)
            for end in self.look.ends:  # the reconnect handles must be grabbable
                path.addEllipse(end, HANDLE_RADIUS + 3, HANDLE_RADIUS + 3)
            self._shape = path
        return self._shape

    def paint(self, painter, option, widget=None) -> None:
        paint_edge(painter, self.look, selected=self.isSelected(), exposed=option.exposedRect)


class BandItem(QGraphicsItem):
    """A lane or phase band. Only its header takes clicks; the body lets a rubber band start."""

    def __init__(self, band: Band, axis: Axis) -> None:
        super().__init__()
        self.band, self.axis = band, axis
        r, h = band.rect, band.header
        self._bounds = QRectF(r.x, r.y, r.w, r.h).united(QRectF(h.x, h.y, h.w, h.h))
        self._header = QPainterPath()
        self._header.addRect(QRectF(h.x, h.y, h.w, h.h))
        lane = axis is LANE
        self._paint = paint_lane if lane else paint_phase
        self.setZValue(Z_LANE if lane else Z_PHASE)
        self.setAcceptedMouseButtons(_BAND_BUTTONS)

    @property
    def band_id(self) -> str:
        return self.band.id

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._header

    def paint(self, painter, option, widget=None) -> None:
        # In the designer the rulers beside the viewport show the titles: the header's own
        # would only peek out as fragments at the scene's edge. Exports and print (no view
        # widget) draw them.
        view = widget.parent() if widget is not None else None
        rulers = getattr(view, "rulers", None)
        shown = rulers is not None and rulers.sizes()[0 if self.axis is LANE else 1] > 0
        self._paint(painter, self.band, title=not shown)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            self.scene().band_clicked.emit(self.axis, self.band.id)
            event.accept()
        else:
            event.ignore()
