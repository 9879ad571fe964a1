"""Fonts, pens, brushes and path translation shared by every painter, made once."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)

from app.render import theme
from app.render.canvas_geometry import BADGE_RADIUS, MARK_RADIUS
from app.render.labels import elide
from app.render.shapes import status_mark

#: counts of texts drawn, per kind; tests read it to check the level of detail
text_draws = {"node": 0, "edge": 0, "band": 0}

_SEVERITY_GLYPH = {"error": "×", "warning": "!", "info": "i"}
_FONT_PX = {"label": theme.FONT_LABEL_PX, "owner": theme.FONT_SMALL_PX,
            "no-owner": theme.FONT_SMALL_PX, "volume": theme.FONT_SMALL_PX,
            "edge": theme.FONT_EDGE_PX, "header": theme.FONT_HEADER_PX, "mark": 9.5}


# -- paths, fonts, pens: made once ------------------------------------------------------------
def append_commands(path: QPainterPath, commands) -> QPainterPath:
    """Add app/render path commands (M, L, C, Z) to `path`; the one translation to Qt."""
    for command in commands:
        op = command[0]
        if op == "M":
            path.moveTo(command[1], command[2])
        elif op == "L":
            path.lineTo(command[1], command[2])
        elif op == "C":
            path.cubicTo(*command[1:7])
        elif op == "Z":
            path.closeSubpath()
    return path


def _build_path(commands) -> QPainterPath:
    return append_commands(QPainterPath(), commands)


@lru_cache(maxsize=4096)
def _cached_path(commands: tuple) -> QPainterPath:
    return _build_path(commands)


def path_from_commands(commands) -> QPainterPath:
    """A QPainterPath from app.render.shapes path commands (cached: shapes repeat a lot)."""
    return _cached_path(tuple(commands))


class Styles:
    """Fonts, metrics, pens and brushes, made once (they need a QGuiApplication)."""

    def __init__(self) -> None:
        from app.ui.fonts import ui_families

        def font(key: str, bold: bool = False, italic: bool = False) -> QFont:
            f = QFont()
            f.setFamilies(ui_families())
            f.setStyleHint(QFont.StyleHint.SansSerif)
            f.setPixelSize(round(_FONT_PX[key]))
            f.setBold(bold)
            f.setItalic(italic)
            return f

        self.fonts = {
            "label": font("label", bold=True),
            "owner": font("owner"),
            "no-owner": font("no-owner", italic=True),
            "volume": font("volume"),
            "edge": font("edge"),
            "header": font("header", bold=True),
            "mark": font("mark", bold=True),
        }
        self.metrics = {key: QFontMetricsF(f) for key, f in self.fonts.items()}
        ink, muted = QColor(theme.INK), QColor(theme.MUTED_INK)
        self.text_pens = {"label": QPen(ink), "owner": QPen(muted), "volume": QPen(muted),
                          "no-owner": QPen(QColor(theme.tint(theme.MUTED_INK, 0.25))),
                          "edge": QPen(ink), "header": QPen(ink), "mark": QPen(Qt.white)}
        self.node_fill = {k: QBrush(QColor(c)) for k, c in theme.NODE_FILL.items()}
        self.node_pen = {k: _pen(c, 1.6) for k, c in theme.NODE_BORDER.items()}
        self.status_brush = {k: QBrush(QColor(c)) for k, c in theme.STATUS_COLOR.items()}
        self.severity_brush = {k: QBrush(QColor(c)) for k, c in theme.SEVERITY_COLOR.items()}
        # The conversion reads in its status colour; unmeasured stays plain ink.
        self.edge_text_pens = {k: QPen(QColor(theme.INK if k == "unmeasured" else c))
                               for k, c in theme.EDGE_COLOR.items()}
        self.edge_brush = {k: QBrush(QColor(c)) for k, c in theme.EDGE_COLOR.items()}
        self.selection_pen = _pen(theme.SELECTION, 3.0)
        self.selection_brush = QBrush(QColor(theme.SELECTION))
        self.white = QBrush(QColor(theme.CANVAS))
        self.pill_pen = {k: _pen(theme.tint(c, 0.45), 1.0) for k, c in theme.EDGE_COLOR.items()}
        self.grid_pen = _pen(theme.GRID_INK, 1.0)
        self.header_fill = QBrush(QColor(theme.HEADER_FILL))
        self.handle_pen = _pen(theme.INK, 1.2)
        self.no_pen = QPen(Qt.NoPen)
        marks = {}
        for status in theme.STATUS_COLOR:
            commands, glyph = status_mark(status, 0.0, 0.0, MARK_RADIUS)
            marks[status] = (path_from_commands(commands), glyph)
        self.marks = marks  # centred on 0,0; painted translated
        square = QPainterPath()
        square.addRoundedRect(QRectF(-MARK_RADIUS, -MARK_RADIUS, 2 * MARK_RADIUS,
                                     2 * MARK_RADIUS), 2.5, 2.5)
        self.severity_shape = square  # a rounded square: never confused with a status mark
        badge = QPainterPath()
        badge.addEllipse(QPointF(0, 0), BADGE_RADIUS, BADGE_RADIUS)
        self.badge_shape = badge


def _pen(color: str, width: float, dash: tuple[float, ...] | None = None) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setJoinStyle(Qt.RoundJoin)
    pen.setCapStyle(Qt.RoundCap)
    if dash:
        # Flat ends on dashes: a round cap on each of thousands of dashes made the dashed
        # handoffs most of a repaint (~5x the time). Each dash is lengthened by the caps it
        # lost, so dashes and gaps keep the extent they had (as the SVG draws them).
        pen.setCapStyle(Qt.FlatCap)
        on_off = [d + width if i % 2 == 0 else d - width for i, d in enumerate(dash)]
        pen.setDashPattern([max(d, 0.1) / width for d in on_off])  # Qt dashes: pen widths
    return pen


_styles: Styles | None = None


def styles() -> Styles:
    """The shared Styles (created on first use, under a running QGuiApplication)."""
    global _styles
    if _styles is None:
        _styles = Styles()
    return _styles


_MEASURED_CHARS = 2000


def _fit(text: str, width: float, key: str) -> tuple[str, float]:
    """`text` elided like the SVG writer does, then cut further if the real font is wider."""
    text = text[:_MEASURED_CHARS]  # more never fits: measuring a huge label costs (issue 17)
    text = elide(text, width, _FONT_PX[key])
    metrics = styles().metrics[key]
    advance = metrics.horizontalAdvance(text)
    if advance > width:
        text = metrics.elidedText(text, Qt.ElideRight, width)
        advance = metrics.horizontalAdvance(text)
    return text, advance


def _readable(painter: QPainter, px: float) -> bool:
    scale = painter.worldTransform().m22() or painter.worldTransform().m12()
    return abs(scale) * px >= theme.MIN_READABLE_PX


def _mark(painter: QPainter, center: tuple[float, float], shape: QPainterPath,
          brush: QBrush, glyph: str) -> None:
    s = styles()
    painter.save()
    painter.translate(*center)
    painter.setPen(s.no_pen)
    painter.setBrush(brush)
    painter.drawPath(shape)
    painter.setFont(s.fonts["mark"])
    painter.setPen(s.text_pens["mark"])
    metrics = s.metrics["mark"]
    painter.drawText(QPointF(-metrics.horizontalAdvance(glyph) / 2,
                             (metrics.ascent() - metrics.descent()) / 2), glyph)
    text_draws["node"] += 1
    painter.restore()

