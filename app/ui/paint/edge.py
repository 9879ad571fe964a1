"""How an edge is drawn: its route, pens, label plate and handoff badge."""

from __future__ import annotations

from functools import cached_property, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from app.model import Edge
from app.render import theme
from app.render.canvas_geometry import BADGE_RADIUS, HANDLE_RADIUS, label_pill
from app.render.labels import edge_text
from app.render.layout import Rect
from app.render.shapes import EdgeGeometry, edge_geometry, split_cubic
from app.ui.paint.styles import _build_path, _fit, _mark, _pen, _readable, styles, text_draws


class EdgeLook:
    """Everything one edge draws, in scene coordinates.

    Where it goes (route, label text, bounds) is worked out at once; the Qt paths, pens and
    plate are made on first use: most edges of a big diagram are never painted up close.
    """

    def __init__(self, geometry: EdgeGeometry, status: str, width: float, handoff: bool,
                 text: str, advance: float) -> None:
        self.status, self.width, self.handoff = status, width, handoff
        self.text, self._advance, self.geometry = text, advance, geometry  # the route
        cx, cy = geometry.label_x, geometry.label_y
        self._pill = None  # the label plate as a layout Rect
        if text:
            self._pill = label_pill(cx, cy, advance, _edge_line_height() - 4)
        self._badge = None  # the handoff badge's centre
        if handoff:  # the badge sits left of the label plate, or on the curve when there is none
            self._badge = (self._pill.x - BADGE_RADIUS - 2, cy) if self._pill else (cx, cy)
        # The curve lies inside the hull of its control points: bounds without a QPainterPath.
        xs, ys = _points(geometry.path, geometry.arrow)
        margin = width + HANDLE_RADIUS + 2
        self.bounds = QRectF(min(xs) - margin, min(ys) - margin,
                             max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin)
        label = self._pill
        if self._badge is not None:
            bx, by = self._badge
            disc = Rect(bx - BADGE_RADIUS, by - BADGE_RADIUS, 2 * BADGE_RADIUS, 2 * BADGE_RADIUS)
            label = disc if label is None else _union(label, disc)
        # (the label's room includes 2 px for the selection stroke)
        self.label_bounds = (None if label is None else
                             QRectF(label.x - 2, label.y - 2, label.w + 4, label.h + 4))

    @cached_property
    def curve(self) -> QPainterPath:
        return _build_path(self.geometry.path)

    @cached_property
    def pieces(self) -> tuple[tuple[QPainterPath, QRectF, QPen, QPen], ...] | None:
        """A long curve cut in pieces (path, bounds, pen, solid pen), each dashed on from
        where the one before stopped: the on-screen pieces look exactly like the whole curve,
        and a repaint strokes only those. None for a curve short enough to draw whole."""
        command = self.geometry.path[-1]
        if command[0] != "C":
            return None
        p0, (c1x, c1y, c2x, c2y, ex, ey) = self.geometry.path[0][1:3], command[1:7]
        size = max(self.bounds.width(), self.bounds.height())
        count = int(size // _PIECE)
        if count < 3:
            return None
        pen, solid = self.pen, self.solid_pen
        result, travelled = [], 0.0
        for i in range(count):
            a, b, c, d = split_cubic(p0, (c1x, c1y), (c2x, c2y), (ex, ey),
                                     i / count, (i + 1) / count)
            path = QPainterPath(QPointF(*a))
            path.cubicTo(*b, *c, *d)
            piece_pen = pen
            if self.handoff:
                piece_pen = QPen(pen)
                piece_pen.setDashOffset(travelled / pen.widthF())
            m = solid.widthF()
            bounds = path.controlPointRect().adjusted(-m, -m, m, m)
            result.append((path, bounds, piece_pen, solid))
            travelled += path.length()
        return tuple(result)

    @cached_property
    def arrow(self) -> QPainterPath:
        return _build_path(self.geometry.arrow)

    @property
    def pen(self) -> QPen:
        return _edge_pen(self.status, self.width, self.handoff)

    @property
    def solid_pen(self) -> QPen:
        """The same without dashes: drawn when too small to see them (and cheaper)."""
        return _edge_pen(self.status, self.width, False)

    @cached_property
    def pill(self) -> QRectF | None:
        p = self._pill
        return None if p is None else QRectF(p.x, p.y, p.w, p.h)

    @cached_property
    def badge(self) -> QPointF | None:
        return None if self._badge is None else QPointF(*self._badge)

    @cached_property
    def text_pos(self) -> QPointF:
        metrics = styles().metrics["edge"]
        return QPointF(self.geometry.label_x - self._advance / 2,
                       self.geometry.label_y + (metrics.ascent() - metrics.descent()) / 2)

    @cached_property
    def ends(self) -> tuple[QPointF, QPointF]:
        path = self.geometry.path
        return QPointF(*path[0][1:3]), QPointF(*path[-1][-2:])


def _points(*paths) -> tuple[list[float], list[float]]:
    xs, ys = [], []
    for path in paths:
        for command in path:
            xs.extend(command[1::2])
            ys.extend(command[2::2])
    return xs, ys


def _union(a: Rect, b: Rect) -> Rect:
    x, y = min(a.x, b.x), min(a.y, b.y)
    return Rect(x, y, max(a.right, b.right) - x, max(a.bottom, b.bottom) - y)


#: curves longer than a few of these are stroked piece by piece (see EdgeLook.pieces)
_PIECE = 400.0


@lru_cache(maxsize=1)
def _edge_line_height() -> float:
    return styles().metrics["edge"].height()


@lru_cache(maxsize=128)
def _edge_pen(status: str, width: float, handoff: bool) -> QPen:
    return _pen(theme.EDGE_COLOR[status], width, theme.HANDOFF_DASH if handoff else None)


def edge_look(edge: Edge, src: Rect, dst: Rect, *, status: str = "unmeasured",
              width: float | None = None, handoff: bool = False, lang: str = "en") -> EdgeLook:
    """Work out how `edge` is drawn between the boxes `src` and `dst`."""
    geometry = edge_geometry(src, dst)
    width = theme.EDGE_MIN_WIDTH if width is None else round(width, 1)
    text, advance = _fit(edge_text(edge, lang), theme.EDGE_LABEL_MAX_WIDTH, "edge") if (
        edge.label or edge.conversion) else ("", 0.0)
    return EdgeLook(geometry, status, width, handoff, text, advance)


def paint_edge(painter: QPainter, look: EdgeLook, *, selected: bool = False,
               exposed: QRectF | None = None) -> None:
    """Paint an edge's curve (dashed across lanes) and arrow head; end handles when selected.

    `exposed` is the part of the scene being repainted: of a long curve only the pieces
    there are stroked (the canvas passes it; exports draw everything).
    """
    s = styles()
    painter.setBrush(Qt.NoBrush)
    if selected:
        painter.setPen(s.selection_pen)
        painter.drawPath(look.curve)
    # Dashing a long curve costs more than all else on screen; too small to see, skip it.
    dashed = _readable(painter, theme.FONT_EDGE_PX)
    pieces = look.pieces if exposed is not None else None
    if pieces:
        for path, bounds, pen, solid_pen in pieces:
            if bounds.intersects(exposed):
                painter.setPen(pen if dashed else solid_pen)
                painter.drawPath(path)
    else:
        painter.setPen(look.pen if dashed else look.solid_pen)
        painter.drawPath(look.curve)
    painter.setPen(s.no_pen)
    painter.setBrush(s.edge_brush[look.status])
    painter.drawPath(look.arrow)
    if selected:
        painter.setPen(s.handle_pen)
        painter.setBrush(s.selection_brush)
        for end in look.ends:
            painter.drawEllipse(end, HANDLE_RADIUS, HANDLE_RADIUS)


def paint_edge_label(painter: QPainter, look: EdgeLook, *, selected: bool = False) -> None:
    """Paint an edge's handoff badge and its label plate; drawn above nodes so none hides it."""
    if look.label_bounds is None or not _readable(painter, theme.FONT_EDGE_PX):
        return
    s = styles()
    if look.badge is not None:
        _mark(painter, (look.badge.x(), look.badge.y()), s.badge_shape,
              s.edge_brush[look.status], "⇄")
    if look.pill is not None:
        painter.setPen(s.selection_pen if selected else s.pill_pen[look.status])
        painter.setBrush(s.white)
        painter.drawRoundedRect(look.pill, 4.0, 4.0)
        painter.setFont(s.fonts["edge"])
        painter.setPen(s.edge_text_pens[look.status])
        painter.drawText(look.text_pos, look.text)
        text_draws["edge"] += 1

