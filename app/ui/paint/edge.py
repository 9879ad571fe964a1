"""How an edge is drawn: its route, pens, label plate and handoff badge."""

from __future__ import annotations

from functools import cached_property, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from app.model import Edge
from app.render import theme
from app.render.canvas_geometry import HANDLE_RADIUS
from app.render.labels import edge_text
from app.render.routes import Route
from app.render.texts import LabelPlace, place_label
from app.ui.paint.styles import _build_path, _fit, _mark, _pen, _readable, styles, text_draws


class EdgeLook:
    """Everything one edge draws, in scene coordinates.

    Where it goes (route, label lines, bounds) is worked out at once; the Qt paths, pens and
    plate are made on first use: most edges of a big diagram are never painted up close.
    """

    def __init__(self, geometry: Route, status: str, width: float, handoff: bool,
                 place: LabelPlace, text: str = "") -> None:
        self.status, self.width, self.handoff = status, width, handoff
        self.geometry, self.place = geometry, place  # the route; where the label goes
        self.text = text  # the label's whole text (the lines may be cut)
        self._pill = place.plate  # the label plate as a layout Rect
        self._badge = place.badge  # the handoff badge's centre
        # The path lies inside the hull of its control points: bounds without a QPainterPath.
        xs, ys = _points(geometry.path, geometry.arrow)
        margin = width + HANDLE_RADIUS + 2
        self.bounds = QRectF(min(xs) - margin, min(ys) - margin,
                             max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin)
        label = place.bounds
        # (the label's room includes 2 px for the selection stroke)
        self.label_bounds = (None if label is None else
                             QRectF(label.x - 2, label.y - 2, label.w + 4, label.h + 4))

    @cached_property
    def curve(self) -> QPainterPath:
        return _build_path(self.geometry.path)

    @cached_property
    def pieces(self) -> tuple[tuple[QPainterPath, QRectF, QPen, QPen], ...] | None:
        """A long path cut in pieces (path, bounds, pen, solid pen), each dashed on from
        where the one before stopped: the on-screen pieces look exactly like the whole path,
        and a repaint strokes only those. None for a path short enough to draw whole."""
        size = max(self.bounds.width(), self.bounds.height())
        if size // _PIECE < 3:
            return None
        pen, solid = self.pen, self.solid_pen
        result, travelled = [], 0.0
        m = solid.widthF()
        for chunk in _chunks(self.geometry.path):
            path = _build_path(chunk)
            piece_pen = pen
            if self.handoff:
                piece_pen = QPen(pen)
                piece_pen.setDashOffset(travelled / pen.widthF())
            bounds = path.controlPointRect().adjusted(-m, -m, m, m)
            result.append((path, bounds, piece_pen, solid))
            travelled += path.length()
        return tuple(result) if len(result) > 1 else None

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
    def text_lines(self) -> tuple[tuple[QPointF, str], ...]:
        """Each label line's baseline start and text, fitted to the real font."""
        metrics = styles().metrics["edge"]
        room = (self._pill.w - 2.0) if self._pill is not None else 0.0  # 5 px padding each side
        lines = []
        for cx, cy, line in self.place.lines:
            fitted, advance = _fit(line, room, "edge")
            lines.append((QPointF(cx - advance / 2, cy + (metrics.ascent() - metrics.descent())
                                  / 2), fitted))
        return tuple(lines)

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


def _chunks(path) -> list[list]:
    """`path` (M, then L and C commands) as pieces about _PIECE long, each from where the one
    before ended; a long straight run is cut too."""
    chunks: list[list] = []
    x, y = path[0][1], path[0][2]
    current: list = [("M", x, y)]
    run = 0.0
    for command in path[1:]:
        if command[0] == "L":
            ex, ey = command[1], command[2]
            length = abs(ex - x) + abs(ey - y)
            parts = max(1, int(length // _PIECE))
            for i in range(1, parts + 1):
                px, py = x + (ex - x) * i / parts, y + (ey - y) * i / parts
                current.append(("L", px, py))
                run += length / parts
                if run >= _PIECE:
                    chunks.append(current)
                    current, run = [("M", px, py)], 0.0
            x, y = ex, ey
        elif command[0] == "C":
            current.append(command)
            run += abs(command[5] - x) + abs(command[6] - y)
            x, y = command[5], command[6]
    if len(current) > 1:
        chunks.append(current)
    return chunks


#: curves longer than a few of these are stroked piece by piece (see EdgeLook.pieces)
_PIECE = 400.0


@lru_cache(maxsize=128)
def _edge_pen(status: str, width: float, handoff: bool) -> QPen:
    return _pen(theme.EDGE_COLOR[status], width, theme.HANDOFF_DASH if handoff else None)


def edge_look(edge: Edge, route: Route, *, status: str = "unmeasured",
              width: float | None = None, handoff: bool = False, lang: str = "en",
              shared: float | None = None) -> EdgeLook:
    """Work out how `edge` is drawn along `route` (from the layout, or a drag's quick route;
    `shared`: the share it gets of what its siblings leave, shown as "≈50% (shared)")."""
    width = theme.EDGE_MIN_WIDTH if width is None else round(width, 1)
    text = (edge_text(edge, lang, shared)
            if (edge.label or edge.conversion or shared is not None) else "")
    return EdgeLook(route, status, width, handoff, place_label(route, text, handoff), text)


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
        for position, line in look.text_lines:
            painter.drawText(position, line)
            text_draws["edge"] += 1

