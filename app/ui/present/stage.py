"""The presentation's canvas: a second, read-only view on the designer's scene.

It draws two things over the diagram: the top bottleneck's path (an orange band along its
edges and a ring around its nodes, kept off the edge labels so they stay readable) and a
white veil over the phases or lanes not revealed yet. A click selects; it never edits.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QFrame, QGraphicsView

from app.render.layout import Rect
from app.ui.canvas.frozen import FrozenHeaders
from app.ui.paint import append_commands
from app.ui.present import theme
from app.ui.present.path import FunnelPath

#: the stage never blows a small diagram up beyond this (text would look coarse)
MAX_ZOOM = 2.2
#: below this zoom the canvas' 14 px labels are too small for the back of a room: the stage
#: then fits the newest band and lets the earlier ones run off to the left (or top)
READABLE_ZOOM = 1.2
FIT_MARGIN = 24.0


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


class StageView(QGraphicsView):
    """Shows the shared DiagramScene fitted to the revealed part, with path and veil."""

    clicked = Signal(str)  # the id of the node or edge clicked ("" for empty canvas)

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the presentation
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.shown: Rect | None = None
        self.hidden: Rect | None = None
        self.focus: Rect | None = None
        self.columns = True
        self.path = FunnelPath()
        self._path_shape: QPainterPath | None = None
        self._rings: list[QRectF] = []
        self.framed: QRectF | None = None  # what B framed (the bottleneck), until the next step
        # Lane and phase titles always pinned at the edges, in the presentation's large type.
        self.frozen = FrozenHeaders(self, font_px=theme.scaled(22),
                                    lane_width=theme.scaled(170),
                                    phase_height=theme.scaled(40), ink=theme.INK)

    # -- what is revealed ---------------------------------------------------------------------
    def show_part(self, shown: Rect, hidden: Rect | None, focus: Rect | None = None,
                  columns: bool = True) -> None:
        """Fit the view to `shown` (or, if that would be unreadably small, to `focus`, the
        newest band, keeping its far edge in sight) and veil `hidden`. `columns`: the bands
        are phases (False: lanes)."""
        self.shown, self.hidden, self.focus, self.columns = shown, hidden, focus, columns
        self.framed = None
        self.fit()
        self.viewport().update()

    def _room(self) -> QRectF:
        """The part of the viewport beside the pinned lane and phase titles."""
        left, top = self.frozen.reserved()
        return QRectF(self.viewport().rect()).adjusted(left, top, 0, 0)

    def _fit_zoom(self, rect: QRectF) -> float:
        room = self._room()
        if rect.width() <= 0 or rect.height() <= 0:
            return 1.0
        return min(room.width() / rect.width(), room.height() / rect.height())

    def _content(self, rect: Rect) -> QRectF:
        """`rect` without the diagram's own lane and phase headers (the strips stand in)."""
        area = _qrect(rect)
        geometry = getattr(self.scene(), "layout", None)
        if geometry is not None and geometry.lanes:
            area.setLeft(max(area.left(), geometry.lanes[0].header.right))
        if geometry is not None and geometry.phases:
            area.setTop(max(area.top(), geometry.phases[0].header.bottom))
        return area

    def fit(self) -> None:
        """Fit the revealed part to the view (at most MAX_ZOOM); see `show_part`. After B,
        the framed bottleneck instead."""
        if self.framed is not None:
            target = self.framed.adjusted(-3 * FIT_MARGIN, -3 * FIT_MARGIN, 3 * FIT_MARGIN,
                                          3 * FIT_MARGIN)
            self._place(min(self._fit_zoom(target), MAX_ZOOM), target.center())
            return
        if self.shown is None:
            return
        target = self._content(self.shown).adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN,
                                                    FIT_MARGIN)
        zoom = min(self._fit_zoom(target), MAX_ZOOM)
        centre = target.center()
        if zoom < READABLE_ZOOM and self.focus is not None:
            band = self._content(self.focus).adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN,
                                                      FIT_MARGIN)
            zoom = min(self._fit_zoom(band), MAX_ZOOM)
            room = self._room()
            half_w, half_h = room.width() / zoom / 2, room.height() / zoom / 2
            # The newest band sits at the right (bottom) edge; what came before fills the rest.
            if self.columns:
                centre = QPointF(max(band.right() - half_w, target.left() + half_w),
                                 target.center().y())
            else:  # a lane row
                centre = QPointF(target.center().x(),
                                 max(band.bottom() - half_h, target.top() + half_h))
        # A diagram lower than the room starts right under the phase titles, not mid-air.
        spare = self._room().height() / zoom - target.height()
        if spare > 0:
            centre.setY(target.center().y() + spare / 2)
        self._place(zoom, centre)

    def frame(self, rect: QRectF) -> None:
        """Centre `rect` (scene units) in the room beside the strips and zoom to frame it."""
        self.framed = QRectF(rect)
        self.fit()
        self.viewport().update()

    def _place(self, zoom: float, centre: QPointF) -> None:
        """Scale to `zoom` and put scene point `centre` at the middle of the room."""
        self.resetTransform()
        self.scale(zoom, zoom)
        viewport = self.viewport().rect()
        # Scrolling must never stop the stage short of where it is told to look.
        reach = QRectF(self.scene().sceneRect()).adjusted(
            -viewport.width() / zoom, -viewport.height() / zoom,
            viewport.width() / zoom, viewport.height() / zoom)
        self.setSceneRect(reach)
        room = self._room()
        offset = QPointF(room.center().x() - viewport.width() / 2,
                         room.center().y() - viewport.height() / 2) / zoom
        self.centerOn(centre - offset)

    def zoom(self) -> float:
        return self.transform().m11()

    # -- the bottleneck's path ----------------------------------------------------------------
    def set_path(self, path: FunnelPath, geometry, diagram) -> None:
        """Highlight `path` (node ids and edge ids) using the scene's current layout."""
        self.path = path
        shape = QPainterPath()
        self._rings = []
        for edge_id in path.edges:
            source, _, target = edge_id.partition("->")
            route = geometry.routes.get(edge_id)
            if route is None or diagram.edge(source, target) is None:
                continue
            shape.addPath(append_commands(QPainterPath(), route.path))
        for node_id in path.nodes:
            box = geometry.nodes.get(node_id)
            if box is not None:
                self._rings.append(_qrect(box).adjusted(-7, -7, 7, 7))
        self._path_shape = shape if path.edges else None
        self.viewport().update()

    # -- drawing ------------------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._path_shape is not None:
            color = QColor(theme.PATH)
            color.setAlpha(150)
            pen = QPen(color, theme.PATH_WIDTH)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            # Keep the band off the edge labels and the node boxes: their text stays crisp.
            painter.setClipPath(self._clear_of_labels(rect))
            painter.drawPath(self._path_shape)
            painter.setClipping(False)
            ring = QPen(QColor(theme.PATH), 5.0)
            painter.setPen(ring)
            for box in self._rings:
                painter.drawRoundedRect(box, 10, 10)
        if self.hidden is not None:
            painter.fillRect(_qrect(self.hidden), theme.DIM)
            painter.setPen(QPen(QColor(theme.MUTED), 2.0, Qt.PenStyle.DashLine))
            r = self.hidden
            if self.columns:  # the edge of the reveal, so the room sees where it stops
                painter.drawLine(QPointF(r.x, r.y), QPointF(r.x, r.bottom))
            else:
                painter.drawLine(QPointF(r.x, r.y), QPointF(r.right, r.y))
        painter.restore()
        self.frozen.paint(painter)
        self._veil_strips(painter)

    def _veil_strips(self, painter: QPainter) -> None:
        """The pinned titles of bands not revealed yet are veiled like the bands."""
        if self.hidden is None:
            return
        area = self.mapFromScene(_qrect(self.hidden)).boundingRect()
        painter.save()
        painter.resetTransform()
        for strip in (self.frozen.phase_strip() if self.columns else self.frozen.lane_strip(),):
            if strip is not None:
                if self.columns:
                    cover = QRectF(area.left(), strip.top(), strip.right() - area.left() + 1,
                                   strip.height())
                else:
                    cover = QRectF(strip.left(), area.top(), strip.width(),
                                   strip.bottom() - area.top() + 1)
                painter.fillRect(cover, theme.DIM)
        painter.restore()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.frozen.scrolled(dx, dy)

    def _clear_of_labels(self, rect: QRectF) -> QPainterPath:
        area = QPainterPath()
        area.addRect(rect)
        scene = self.scene()
        cut = QPainterPath()
        for edge_id in self.path.edges:
            item = getattr(scene, "edges", {}).get(edge_id)
            label = getattr(item, "label", None)
            if label is not None and label.isVisible():
                cut.addRect(label.sceneBoundingRect())
        geometry = getattr(scene, "layout", None)
        if geometry is not None:
            for node_id in self.path.nodes:
                box = geometry.nodes.get(node_id)
                if box is not None:
                    cut.addRect(_qrect(box))
        return area.subtracted(cut)

    # -- mouse: select, never edit ------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        scene_pos = self.mapToScene(event.position().toPoint())
        scene = self.scene()
        node = scene.node_at(scene_pos) if hasattr(scene, "node_at") else None
        target = ""
        if node is not None:
            target = node.node_id
        else:
            for item in scene.items(scene_pos):
                edge_id = getattr(item, "edge_id", None) or getattr(
                    getattr(item, "edge_item", None), "edge_id", None)
                if edge_id:
                    target = edge_id
                    break
        self.clicked.emit(target)
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        event.accept()  # no rename in place while presenting

    def wheelEvent(self, event) -> None:
        event.accept()  # the reveal decides what is shown

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()


