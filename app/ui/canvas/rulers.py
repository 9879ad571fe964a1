"""The canvas' frozen panes: lane titles in a column left of the viewport, phase titles in a
row above it, like the row and column headers of a spreadsheet.

They sit in the view's margins (QAbstractScrollArea.setViewportMargins), beside the viewport,
not over it: Qt can then scroll the picture by moving pixels and repaint only the strip that
came into view, and the rulers repaint only themselves. Each lane's title is centred on the
part of the lane in view, at every zoom; a click or right-click on a title acts as one on the
diagram's own header would (select, context menu).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from app.model.axes import LANE, PHASE, Axis
from app.render import theme
from app.render.bands import band_at, bands
from app.ui.canvas.frozen import FrozenHeaders

#: how each ruler draws its titles
_PAINT = {LANE: FrozenHeaders.paint_lanes, PHASE: FrozenHeaders.paint_phases}


class _Ruler(QWidget):
    """The lane column (LANE) or the phase row (PHASE) beside the viewport."""

    def __init__(self, view, axis: Axis) -> None:
        super().__init__(view)
        self.view, self.axis = view, axis
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(False)

    def paintEvent(self, event) -> None:
        frozen = self.view.frozen
        geometry = getattr(self.view.scene(), "layout", None)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(theme.HEADER_FILL))
        if geometry is not None:
            painter.setFont(frozen.font)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            # The ruler lies beside the viewport: its y (lanes) or x (phases) is the viewport's.
            strip = QRect(0, 0, self.width(), self.height())
            if bands(geometry, self.axis):
                _PAINT[self.axis](frozen, painter, geometry, strip, 0)
        painter.end()

    def scene_point(self, pos) -> QPointF:
        """The scene point beside `pos` (ruler pixels). The lane ruler shares the viewport's
        y, the phase ruler its x: the coordinate along the axis is exact, the other one
        lies near the viewport's edge."""
        return self.view.mapToScene(pos)

    def band_at(self, pos) -> str | None:
        """The id of the lane or phase under `pos` (ruler pixels)."""
        geometry = getattr(self.view.scene(), "layout", None)
        if geometry is None:
            return None
        point = self.scene_point(pos)
        band = band_at(geometry, self.axis, point.x(), point.y())
        return None if band is None else band.id

    def mousePressEvent(self, event) -> None:
        pos = event.position().toPoint()
        band = self.band_at(pos)
        scene = self.view.scene()
        if band is None or scene is None:
            event.ignore()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            scene.band_clicked.emit(self.axis, band)
        elif event.button() == Qt.MouseButton.RightButton:
            # The header's own menu, as a right-click on the diagram's header would give.
            scene.context_menu_requested.emit(self.axis, band, self.scene_point(pos),
                                              event.globalPosition().toPoint())
        event.accept()


class Rulers:
    """The lane and phase rulers of a DiagramView, placed in its viewport margins."""

    def __init__(self, view) -> None:
        self.view = view
        self.lanes = _Ruler(view, LANE)
        self.phases = _Ruler(view, PHASE)
        self.corner = QWidget(view)
        self.corner.setAutoFillBackground(True)
        palette = self.corner.palette()
        palette.setColor(self.corner.backgroundRole(), QColor(theme.HEADER_FILL))
        self.corner.setPalette(palette)
        self._margins = (-1, -1)

    def sizes(self) -> tuple[int, int]:
        """The lane column's width and the phase row's height (0 without lanes / phases)."""
        geometry = getattr(self.view.scene(), "layout", None)
        frozen = self.view.frozen
        if geometry is None or not frozen.enabled:
            return 0, 0
        return (frozen.lane_width if geometry.lanes else 0,
                frozen.phase_height if geometry.phases else 0)

    def place(self) -> None:
        """Size the margins for the diagram's lanes and phases and lay the rulers in them."""
        left, top = self.sizes()
        if (left, top) != self._margins:
            self._margins = (left, top)
            self.view.setViewportMargins(left, top, 0, 0)
        frame = self.view.frameWidth()
        viewport = self.view.viewport().geometry()
        self.lanes.setGeometry(frame, viewport.y(), left, viewport.height())
        self.phases.setGeometry(viewport.x(), frame, viewport.width(), top)
        self.corner.setGeometry(frame, frame, left, top)
        for widget, shown in ((self.lanes, left > 0), (self.phases, top > 0),
                              (self.corner, left > 0 and top > 0)):
            widget.setVisible(shown)
            widget.raise_()

    def update(self) -> None:
        """Repaint both rulers (after a scroll, a zoom or an edit)."""
        self.lanes.update()
        self.phases.update()

    def lane_title_rect(self, band) -> QRect | None:
        """Where `band`'s title is drawn in the lane ruler (view pixels), if in view."""
        y0 = self.view.mapFromScene(QPointF(0, band.rect.y)).y()
        y1 = self.view.mapFromScene(QPointF(0, band.rect.bottom)).y()
        a, b = max(y0, 0), min(y1, self.lanes.height())
        if b <= a or not self.lanes.isVisible():
            return None
        return QRect(self.lanes.x(), self.lanes.y() + a, self.lanes.width(), b - a)
