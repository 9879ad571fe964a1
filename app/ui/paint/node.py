"""How a node is drawn: its look (outline, texts, marks) worked out once, then replayed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from app.model import Node
from app.render import theme
from app.render.canvas_geometry import (
    HANDLE_RADIUS,
    connect_handle,
    label_width,
    severity_marker_center,
    status_mark_center,
)
from app.render.layout import Rect
from app.render.shapes import node_outline, text_box
from app.render.texts import node_lines, small_line_width
from app.ui.paint.styles import (
    _SEVERITY_GLYPH,
    _build_path,
    _fit,
    _mark,
    _readable,
    styles,
    text_draws,
)


@dataclass(eq=False)
class NodeLook:
    """Everything one node draws, in its own coordinates (top-left corner at 0, 0)."""

    kind: str
    size: tuple[float, float]
    outlines: tuple[QPainterPath, ...]
    texts: tuple[tuple[float, float, str, str], ...]  # x, baseline, text, font key
    status: str
    severity: str | None


@lru_cache(maxsize=64)
def _outlines(kind: str, w: float, h: float) -> tuple[QPainterPath, ...]:
    return tuple(_build_path(p) for p in node_outline(kind, Rect(0.0, 0.0, w, h)))


def outline_paths(kind: str, w: float, h: float) -> tuple[QPainterPath, ...]:
    """A node kind's outline(s) in a w x h box with its top-left corner at 0, 0 (cached)."""
    return _outlines(kind, w, h)


def node_look(node: Node, size: tuple[float, float], *, status: str = "unmeasured",
              severity: str | None = None, volume: str = "", lang: str = "en") -> NodeLook:
    """Work out how `node` is drawn in a box of `size`: outline, texts, marks."""
    kind = node.kind.value
    w, h = size
    # Title lines come wrapped from the layout; they keep clear of the corner marks.
    label_w = label_width(kind, Rect(0.0, 0.0, w, h), text_box(kind, Rect(0.0, 0.0, w, h)).w)
    metrics = styles().metrics
    texts = []
    for line in node_lines(node, w, h, lang, volume):
        width = label_w if line.key == "label" else small_line_width(kind, w, h)
        fitted, advance = _fit(line.text, width, line.key)
        texts.append((line.cx - advance / 2, line.top + metrics[line.key].ascent(), fitted,
                      line.key))
    return NodeLook(kind, (w, h), _outlines(kind, w, h), tuple(texts), status, severity)


def paint_outline(painter: QPainter, look: NodeLook, *, selected: bool = False) -> None:
    """A node's outline in its kind's pen and fill, and the selection stroke over it."""
    s = styles()
    painter.setPen(s.node_pen[look.kind])
    painter.setBrush(s.node_fill[look.kind])
    for outline in look.outlines:
        painter.drawPath(outline)
    if selected:
        painter.setPen(s.selection_pen)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(look.outlines[0])


def paint_node(painter: QPainter, look: NodeLook, *, selected: bool = False,
               handle: bool = False) -> None:
    """Paint a node at the painter's origin: outline, texts, status mark, severity marker."""
    s = styles()
    paint_outline(painter, look, selected=selected)
    if not _readable(painter, theme.FONT_LABEL_PX):
        return  # too small to read: the outline alone shows where the node is
    w, h = look.size
    rect = Rect(0.0, 0.0, w, h)
    small = _readable(painter, theme.FONT_SMALL_PX)
    for x, y, text, key in look.texts:
        if key == "label" or small:
            painter.setFont(s.fonts[key])
            painter.setPen(s.text_pens[key])
            painter.drawText(QPointF(x, y), text)
            text_draws["node"] += 1
    shape, glyph = s.marks[look.status]
    _mark(painter, status_mark_center(rect, look.kind), shape, s.status_brush[look.status],
          glyph)
    if look.severity:
        _mark(painter, severity_marker_center(rect, look.kind), s.severity_shape,
              s.severity_brush[look.severity], _SEVERITY_GLYPH[look.severity])
    if handle:
        cx, cy = connect_handle(rect)
        painter.setPen(s.handle_pen)
        painter.setBrush(s.selection_brush)
        painter.drawEllipse(QPointF(cx, cy), HANDLE_RADIUS, HANDLE_RADIUS)
        painter.setPen(QPen(Qt.white, 1.6))
        painter.drawLine(QPointF(cx - 3, cy), QPointF(cx + 3, cy))
        painter.drawLine(QPointF(cx, cy - 3), QPointF(cx, cy + 3))



def node_handle_margin() -> float:
    """How far a node's drawing reaches past its box (connect handle, selection stroke)."""
    return HANDLE_RADIUS + 2.0

