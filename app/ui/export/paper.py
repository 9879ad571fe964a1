"""Diagram pages on paper, for the PDF export and File → Print alike.

The diagram (with its legend) is recorded once as a QPicture at 100% and replayed, scaled
and clipped, once per page of the plan app.render.paging works out: pages after the first
column repeat the lane headers at their left, pages after the first row the phase headers at
their top, and every page has the title and date above and its number below. Any
QPagedPaintDevice will do: a QPdfWriter or the QPrinter of the print dialog.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPainter, QPen, QPicture

from app.export.svg_export import MARGIN
from app.export.svg_legend import build_legend
from app.render import paging, theme
from app.render.layout import Layout, layout

DPI = 96  # one scene unit is one pixel at 96 dpi, as on screen
HEADER_HEIGHT = 44.0  # paper pixels above the diagram: title and date
FOOTER_HEIGHT = 22.0  # below it: the page number
#: the legend wraps to this width (picture units) so that it fits one page
LEGEND_WIDTH = 600.0

_WORDS = {
    "en": {"page": "Page {n} of {m}", "part": "row {r} of {rows}, column {c} of {columns}"},
    "zh": {"page": "第 {n} 页，共 {m} 页", "part": "第 {r}/{rows} 行，第 {c}/{columns} 列"},
}


class DiagramPicture:
    """The diagram and its legend recorded at 100%, with what paging needs to know of it."""

    def __init__(self, diagram, report, lang: str, *, flow_thickness: bool = False,
                 geometry: Layout | None = None) -> None:
        from app.ui.export.png import paint_picture

        geometry = geometry or layout(diagram)
        b = geometry.bounds
        legend = build_legend(lang, min(b.w, LEGEND_WIDTH), flow_thickness)
        self.width = max(b.w, legend.width) + 2 * MARGIN
        self.height = b.h + legend.height + 2 * MARGIN
        # What later pages repeat: the lane header column and the phase header row.
        lane_w = (geometry.lanes[0].header.right - b.x + MARGIN) if geometry.lanes else 0.0
        phase_h = (geometry.phases[0].header.bottom - b.y + MARGIN) if geometry.phases else 0.0
        self.headers = (lane_w, phase_h)
        # Where the lanes end (the legend below is not repeated) and the phase header row,
        # in picture units: every page draws the phase titles over the part it shows.
        self.lanes_bottom = b.bottom - b.y + MARGIN
        self.phase_row = ((geometry.phases[0].header.y - b.y + MARGIN,
                           geometry.phases[0].header.h) if geometry.phases else None)
        self.phases = tuple((band.rect.x - b.x + MARGIN, band.rect.right - b.x + MARGIN,
                             band.title) for band in geometry.phases)
        # The lane header column, and each lane's span: every page draws the lane titles over
        # the part of the lane it shows.
        self.lane_column = ((geometry.lanes[0].header.x - b.x + MARGIN,
                             geometry.lanes[0].header.w) if geometry.lanes else None)
        self.lanes = tuple((band.rect.y - b.y + MARGIN, band.rect.bottom - b.y + MARGIN,
                            band.title, band.color) for band in geometry.lanes)
        self.picture = QPicture()
        recorder = QPainter(self.picture)
        hints = QPainter.RenderHint
        recorder.setRenderHints(hints.Antialiasing | hints.TextAntialiasing)
        # Recorded at 100%: the canvas painter leaves out text it thinks too small to read on
        # screen, but paper is read up close.
        paint_picture(recorder, diagram, report, lang, legend, flow_thickness=flow_thickness,
                      geometry=geometry)
        recorder.end()

    def draw(self, painter: QPainter, source: QRectF, target: QPointF, scale: float) -> None:
        """Draw the `source` part (picture units) with its corner at `target` (paper)."""
        painter.save()
        painter.setClipRect(QRectF(target.x(), target.y(), source.width() * scale,
                                   source.height() * scale))
        painter.translate(target.x() - source.x() * scale, target.y() - source.y() * scale)
        painter.scale(scale, scale)
        painter.drawPicture(QPointF(0, 0), self.picture)
        painter.restore()


def room(page_layout: QPageLayout) -> tuple[float, float]:
    """The diagram's room on a page (paper pixels at DPI): the printable area less the header
    and the footer."""
    area = page_layout.paintRectPixels(DPI)
    return float(area.width()), float(area.height()) - HEADER_HEIGHT - FOOTER_HEIGHT


def paint_pages(device, painter: QPainter, picture: DiagramPicture, plan: paging.PagePlan,
                lang: str, header: Callable[[QPainter, QRectF], None]) -> None:
    """Paint every page of `plan` on `device` (its first page already begun); `header`
    draws the title and date into the rect it is given."""
    area = device.pageLayout().paintRectPixels(DPI)
    width, s = float(area.width()), plan.scale
    lane_w, phase_h = picture.headers
    words = _WORDS.get(lang, _WORDS["en"])
    for number, tile in enumerate(plan.tiles, 1):
        if number > 1:
            device.newPage()
        header(painter, QRectF(0, 0, width, HEADER_HEIGHT))
        left = lane_w * s if tile.repeat_lanes else 0.0
        top = phase_h * s if tile.repeat_phases else 0.0
        origin = QPointF(0, HEADER_HEIGHT)
        if tile.repeat_lanes and tile.repeat_phases:  # the corner above the lane headers
            picture.draw(painter, QRectF(0, 0, lane_w, phase_h), origin, s)
        if tile.repeat_lanes:  # the lane headers, down to the last lane (not the legend)
            strip_h = min(tile.h, max(0.0, picture.lanes_bottom - tile.y))
            picture.draw(painter, QRectF(0, tile.y, lane_w, strip_h), origin + QPointF(0, top),
                         s)
        if tile.repeat_phases:
            picture.draw(painter, QRectF(tile.x, 0, tile.w, phase_h),
                         origin + QPointF(left, 0), s)
        picture.draw(painter, QRectF(tile.x, tile.y, tile.w, tile.h),
                     origin + QPointF(left, top), s)
        _phase_titles(painter, picture, tile, origin + QPointF(left, 0), s)
        _lane_titles(painter, picture, tile, origin + QPointF(0, top), s)
        _cut_marks(painter, origin, left, top, tile, s)
        text = words["page"].format(n=number, m=plan.count)
        if plan.rows > 1:
            text += " · " + words["part"].format(r=tile.row + 1, rows=plan.rows,
                                                  c=tile.column + 1, columns=plan.columns)
        _footer(painter, QRectF(0, area.height() - FOOTER_HEIGHT, width, FOOTER_HEIGHT), text)


def _phase_titles(painter: QPainter, picture: DiagramPicture, tile, origin: QPointF,
                  s: float) -> None:
    """Each phase's title centred over the part of the phase this page shows (a cut never
    leaves half a title), in the diagram's header font."""
    if picture.phase_row is None:
        return
    from app.ui.fonts import ui_families

    row_y, row_h = picture.phase_row
    y = origin.y() + row_y * s
    font = QFont()
    font.setFamilies(ui_families())
    font.setPixelSize(max(1, round(theme.FONT_HEADER_PX * s)))
    font.setBold(True)
    painter.save()
    painter.setFont(font)
    metrics = painter.fontMetrics()
    page_left, page_right = origin.x(), origin.x() + tile.w * s
    for x0, x1, title in picture.phases:
        a = max(page_left, origin.x() + (x0 - tile.x) * s)
        b = min(page_right, origin.x() + (x1 - tile.x) * s)
        if b - a < 4:
            continue
        rect = QRectF(a, y, b - a, row_h * s)
        painter.fillRect(rect.adjusted(1, 1, -1, -1), QColor(theme.HEADER_FILL))
        painter.setPen(QColor(theme.INK))
        text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(rect.width() - 8))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def _lane_titles(painter: QPainter, picture: DiagramPicture, tile, origin: QPointF,
                 s: float) -> None:
    """Each lane's title centred beside the part of the lane this page shows (a cut between
    two rows of pages never leaves half a title)."""
    if picture.lane_column is None:
        return
    from PySide6.QtGui import QFontMetricsF

    from app.ui.fonts import ui_families
    from app.ui.paint.wrap import wrap

    column_x, column_w = picture.lane_column
    font = QFont()
    font.setFamilies(ui_families())
    font.setPixelSize(max(1, round(theme.FONT_HEADER_PX * s)))
    font.setBold(True)
    metrics = QFontMetricsF(font)
    step = font.pixelSize() * 1.25
    painter.save()
    painter.setFont(font)
    page_top, page_bottom = origin.y(), origin.y() + tile.h * s
    for y0, y1, title, color in picture.lanes:
        a = max(page_top, origin.y() + (y0 - tile.y) * s)
        b = min(page_bottom, origin.y() + (y1 - tile.y) * s)
        if b - a < step:
            continue
        rect = QRectF(origin.x() + (column_x + 5) * s, a + 1, (column_w - 5) * s, b - a - 2)
        painter.fillRect(rect, QColor(theme.tint(color, 0.78)))
        painter.setPen(QColor(color).darker(170))
        text = rect.adjusted(7 * s, 4, -8 * s, -4)
        lines = wrap(title, metrics, text.width(), max(1, int(text.height() // step)))
        used, used_metrics, used_step = font, metrics, step
        if lines and lines[-1].endswith("…"):  # a sliver of the lane: a smaller font (never
            least = math.ceil(paging.MIN_TEXT_PT / paging.POINTS_PER_PX)  # under 7 pt)
            for px in range(font.pixelSize() - 1, least - 1, -1):
                small = QFont(font)
                small.setPixelSize(px)
                small_metrics = QFontMetricsF(small)
                tried = wrap(title, small_metrics, text.width(),
                             max(1, int((b - a - 2) // (px * 1.25))))
                if tried and not tried[-1].endswith("…"):
                    used, used_metrics, used_step, lines = small, small_metrics, px * 1.25, tried
                    break
        painter.setFont(used)
        y = text.center().y() - len(lines) * used_step / 2
        y += (used_step + used_metrics.ascent() - used_metrics.descent()) / 2
        for line in lines:
            painter.drawText(QPointF(text.center().x()
                                     - used_metrics.horizontalAdvance(line) / 2, y), line)
            y += used_step
    painter.restore()


def _cut_marks(painter: QPainter, origin: QPointF, left: float, top: float, tile, s: float
               ) -> None:
    """A thin dashed line where repeated headers meet the page's own part of the diagram."""
    if not left and not top:
        return
    painter.save()
    pen = QPen(QColor(theme.MUTED_INK), 0.8, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    bottom = origin.y() + top + tile.h * s
    right = origin.x() + left + tile.w * s
    if left:
        painter.drawLine(QPointF(origin.x() + left, origin.y()), QPointF(origin.x() + left,
                                                                          bottom))
    if top:
        painter.drawLine(QPointF(origin.x(), origin.y() + top), QPointF(right,
                                                                         origin.y() + top))
    painter.restore()


def _footer(painter: QPainter, rect: QRectF, text: str) -> None:
    from app.ui.fonts import ui_families

    painter.save()
    font = QFont()
    font.setFamilies(ui_families())
    font.setPixelSize(11)
    painter.setFont(font)
    painter.setPen(QColor(theme.MUTED_INK))
    painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)
    painter.restore()
