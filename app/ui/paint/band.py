"""How a lane or a phase band is drawn: tinted band, header, title."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from app.render import theme
from app.render.layout import Band
from app.ui.paint.styles import _readable, styles, text_draws


def paint_lane(painter: QPainter, band: Band, *, title: bool = True) -> None:
    """Paint a lane: tinted band, coloured header on the left, its title wrapped (unless
    not `title`: the designer's rulers stand in for it)."""
    _paint(painter, band, lane=True, title=title)


def paint_phase(painter: QPainter, band: Band, *, title: bool = True) -> None:
    """Paint a phase: header on top, a separator on its left, its title elided (unless not
    `title`)."""
    _paint(painter, band, lane=False, title=title)


def _paint(painter: QPainter, band: Band, *, lane: bool, title: bool) -> None:
    s = styles()
    r, h = band.rect, band.header
    header = QRectF(h.x, h.y, h.w, h.h)
    if lane:
        painter.fillRect(QRectF(r.x, r.y, r.w, r.h), QColor(theme.tint(band.color, 0.94)))
        painter.fillRect(header, QColor(theme.tint(band.color, 0.78)))
        painter.fillRect(QRectF(h.x, h.y, 5.0, h.h), QColor(band.color))
        painter.setPen(s.grid_pen)
        painter.drawLine(QPointF(r.x, r.bottom), QPointF(r.right, r.bottom))
        title_pen = QPen(QColor(band.color).darker(170))
        text_rect = header.adjusted(12, 8, -8, -8)
    else:
        painter.fillRect(header, s.header_fill)
        painter.setPen(s.grid_pen)
        painter.drawLine(QPointF(r.x, r.y), QPointF(r.x, r.bottom))
        painter.drawLine(QPointF(h.x, h.bottom), QPointF(h.right, h.bottom))
        title_pen = s.text_pens["header"]
        text_rect = header.adjusted(8, 2, -8, -2)
    if not title or not _readable(painter, theme.FONT_HEADER_PX):
        return
    painter.setFont(s.fonts["header"])
    painter.setPen(title_pen)
    metrics = s.metrics["header"]
    # Long names wrap (lanes) or elide (phases) rather than run out of their header.
    if lane:
        painter.drawText(text_rect, Qt.AlignCenter | Qt.TextWordWrap, band.title)
    else:
        painter.drawText(text_rect, Qt.AlignCenter,
                         metrics.elidedText(band.title, Qt.ElideRight, text_rect.width()))
    text_draws["band"] += 1

