"""Frozen panes: lane titles pinned at the view's left edge and phase titles at its top edge.

A strip of fixed on-screen size shows each lane's title centred on the part of the lane in
view, and one along the top the phase titles; like frozen panes in a spreadsheet, you always
see which department and which phase you are looking at. `FrozenHeaders` draws them: the
presentation's stage over its picture (from drawForeground), the designer's canvas in rulers
beside its viewport (canvas/rulers.py).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QRegion

from app.render import theme
from app.ui.paint.wrap import broken_word, wrap


class FrozenHeaders:
    """Paints the pinned lane and phase strips over a QGraphicsView showing a DiagramScene.

    `font_px`, `lane_width` and `phase_height` are in screen pixels: the strips keep their
    size at every zoom. `ink` overrides the title colour (the presentation's black).
    """

    def __init__(self, view, *, font_px: float = 13.0, lane_width: int = 108,
                 phase_height: int = 26, ink: str | None = None) -> None:
        from app.ui.fonts import ui_families

        self.view = view
        self.lane_width, self.phase_height, self.ink = lane_width, phase_height, ink
        self.font = QFont()
        self.font.setFamilies(ui_families())
        self.font.setPixelSize(round(font_px))
        self.font.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self._smaller = []
        for px in (font_px * 0.85, font_px * 0.72):
            font = QFont(self.font)
            font.setPixelSize(round(px))
            self._smaller.append((font, QFontMetricsF(font)))
        self.enabled = True

    # -- where the strips are -----------------------------------------------------------------
    def _layout(self):
        return getattr(self.view.scene(), "layout", None)

    def lane_strip(self) -> QRect | None:
        """The lane strip over the viewport (viewport pixels); None without lanes."""
        geometry = self._layout()
        if not self.enabled or geometry is None or not geometry.lanes:
            return None
        return QRect(0, 0, self.lane_width, self.view.viewport().height())

    def phase_strip(self) -> QRect | None:
        """The phase strip over the viewport (viewport pixels); None without phases."""
        geometry = self._layout()
        if not self.enabled or geometry is None or not geometry.phases:
            return None
        return QRect(0, 0, self.view.viewport().width(), self.phase_height)

    def reserved(self) -> tuple[int, int]:
        """Screen pixels the strips take at the left and at the top when pinned (for a fit)."""
        geometry = self._layout()
        if not self.enabled or geometry is None:
            return 0, 0
        return (self.lane_width if geometry.lanes else 0,
                self.phase_height if geometry.phases else 0)

    def scrolled(self, dx: int, dy: int) -> None:
        """Call after the view scrolled: Qt moved the old strips with the picture; repaint
        where they were and where they are."""
        region = QRegion()
        for strip in (self.lane_strip(), self.phase_strip()):
            if strip is not None:
                region += QRegion(strip)
                region += QRegion(strip.translated(dx, dy))
        if not region.isEmpty():
            self.view.viewport().update(region)

    # -- painting -----------------------------------------------------------------------------
    def paint(self, painter: QPainter) -> None:
        """Paint the strips over the view's picture (from its drawForeground)."""
        lanes, phases = self.lane_strip(), self.phase_strip()
        if lanes is None and phases is None:
            return
        geometry = self._layout()
        painter.save()
        painter.resetTransform()  # viewport pixels from here on
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(self.font)
        top = phases.height() if phases is not None else 0
        left = lanes.width() if lanes is not None else 0
        self._blank_own_headers(painter, geometry)
        if lanes is not None:
            self.paint_lanes(painter, geometry, lanes, top)
        if phases is not None:
            self.paint_phases(painter, geometry, phases, left)
        if lanes is not None and phases is not None:
            painter.fillRect(QRect(0, 0, left, top), QColor(theme.HEADER_FILL))
        painter.restore()

    def _blank_own_headers(self, painter: QPainter, geometry) -> None:
        """The diagram's own (smaller) headers would say the same again beside the strips:
        paint them over."""
        b, paper = geometry.bounds, QColor(theme.CANVAS)
        for bands, column in ((geometry.lanes, True), (geometry.phases, False)):
            if not bands:
                continue
            h = bands[0].header
            area = (QRectF(h.x, b.y, h.w, b.h) if column else QRectF(b.x, h.y, b.w, h.h))
            painter.fillRect(self.view.mapFromScene(area).boundingRect(), paper)

    def paint_lanes(self, painter: QPainter, geometry, strip: QRect, top: int) -> None:
        view, bottom = self.view, strip.bottom() + 1
        grid = QPen(QColor(theme.GRID_INK), 1.0)
        for band in geometry.lanes:
            y0 = view.mapFromScene(QPointF(0, band.rect.y)).y()
            y1 = view.mapFromScene(QPointF(0, band.rect.bottom)).y()
            a, b = max(y0, top), min(y1, bottom)
            if b <= a:
                continue
            painter.fillRect(QRect(0, a, strip.width(), b - a),
                             QColor(theme.tint(band.color, 0.78)))
            painter.fillRect(QRect(0, a, 5, b - a), QColor(band.color))
            painter.setPen(grid)
            painter.drawLine(0, y1, strip.width(), y1)
            if b - a >= self.font.pixelSize():
                painter.setPen(QColor(self.ink) if self.ink else
                               QColor(band.color).darker(170))
                self._title(painter, band.title, QRectF(10, a + 2, strip.width() - 14,
                                                        b - a - 4))
        end = min(bottom, view.mapFromScene(QPointF(0, geometry.lanes[-1].rect.bottom)).y())
        painter.setPen(QPen(QColor(theme.MUTED_INK), 1.0))
        painter.drawLine(strip.width() - 1, top, strip.width() - 1, end)

    def paint_phases(self, painter: QPainter, geometry, strip: QRect, left: int) -> None:
        view, right = self.view, strip.right() + 1
        end = min(right, view.mapFromScene(QPointF(geometry.phases[-1].rect.right, 0)).x())
        painter.fillRect(QRect(left, 0, end - left, strip.height()), QColor(theme.HEADER_FILL))
        grid = QPen(QColor(theme.GRID_INK), 1.0)
        ink = QColor(self.ink or theme.INK)
        for band in geometry.phases:
            x0 = view.mapFromScene(QPointF(band.rect.x, 0)).x()
            x1 = view.mapFromScene(QPointF(band.rect.right, 0)).x()
            a, b = max(x0, left), min(x1, right)
            if b <= a:
                continue
            painter.setPen(grid)
            painter.drawLine(x1, 0, x1, strip.height())
            painter.setPen(ink)
            font, lines, rect = self.phase_title(band.title, (a, b), (x0, x1), strip.height())
            painter.setFont(font)
            step = font.pixelSize() * 1.25  # tighter than the CJK font's own line height
            top = rect.center().y() - step * len(lines) / 2
            for i, line in enumerate(lines if lines and lines[0] != "…" else []):
                painter.drawText(QRectF(rect.x(), top + i * step, rect.width(), step),
                                 Qt.AlignmentFlag.AlignCenter, line)
        painter.setFont(self.font)
        end = min(right, view.mapFromScene(QPointF(geometry.phases[-1].rect.right, 0)).x())
        painter.setPen(QPen(QColor(theme.MUTED_INK), 1.0))
        painter.drawLine(left, strip.height() - 1, end, strip.height() - 1)

    def phase_title(self, title: str, shown: tuple[float, float], whole: tuple[float, float],
                    height: float) -> tuple[QFont, list[str], QRectF]:
        """How a phase title is drawn in the ruler: font, lines and rect (ruler pixels).
        `shown` is the part of the phase in view, `whole` all of it (from x0 to x1).
        Centred on the part in view; a narrow phase takes a smaller font, then two lines
        where the ruler is tall enough, before any "…". A phase wide enough for its title
        but partly scrolled out of view keeps it whole at the usual font, sliding out with
        the phase (cut by the view's edge, as a spreadsheet's, not shrunk to the sliver)."""
        a, b = shown
        x0, x1 = whole
        pad = 6.0
        room = b - a - 2 * pad
        if self.metrics.horizontalAdvance(title) > room and \
                self.metrics.horizontalAdvance(title) <= x1 - x0 - 2 * pad:
            need = self.metrics.horizontalAdvance(title) + 2 * pad
            left = b - need if x0 < a else a  # towards the hidden side
            return self.font, [title], QRectF(left + pad, 0, need - 2 * pad, height)
        rect = QRectF(a + pad, 0, room, height)
        fonts = [(self.font, self.metrics), *self._smaller]
        for font, metrics in fonts:
            if metrics.horizontalAdvance(title) <= room:
                return font, [title], rect
        font, metrics = fonts[-1]
        step = font.pixelSize() * 1.25
        if height >= 2 * step + 2:
            lines = wrap(title, metrics, room, 2)
            if len(lines) == 2 and not lines[-1].endswith("…") and \
                    not any(broken_word(title, lines)):
                return font, lines, rect
        return font, [metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)], rect

    def _title(self, painter: QPainter, title: str, rect: QRectF) -> None:
        """A lane title in `rect`: wrapped; in a lane too short for it, a smaller font with
        more lines before its last line is elided ("Customer success", not "Customer …")."""
        font, metrics, step, lines = self.lane_title(title, rect.width(), rect.height())
        painter.setFont(font)
        height = len(lines) * step
        y = rect.y() + (rect.height() - height) / 2 + (step + metrics.ascent() -
                                                      metrics.descent()) / 2
        for text in lines:
            advance = metrics.horizontalAdvance(text)
            painter.drawText(QPointF(rect.x() + (rect.width() - advance) / 2, y), text)
            y += step
        painter.setFont(self.font)

    def lane_title(self, title: str, width: float, height: float
                   ) -> tuple[QFont, QFontMetricsF, float, list[str]]:
        """The font, its metrics, line step and lines of a lane title in `width` x `height`
        ruler pixels: the largest font that shows it whole, no word split; else the usual
        font, the last line elided."""
        usual = None
        for font, metrics in [(self.font, self.metrics), *self._smaller]:
            step = font.pixelSize() * 1.25  # tighter than the CJK font's own line height
            lines = wrap(title, metrics, width, max(1, int(height // step)))
            if not lines or not lines[-1].endswith("…") and not any(broken_word(title, lines)):
                return font, metrics, step, lines
            usual = usual or (font, metrics, step, lines)
        assert usual is not None  # (the usual font is tried first)
        return usual
