"""How an edge is drawn: its route, pens, label plate and handoff badge."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from app.model import Edge
from app.render import theme
from app.render.canvas_geometry import HANDLE_RADIUS
from app.render.labels import edge_text
from app.render.route import Route
from app.render.texts import LabelPlace, label_reach, place_label
from app.ui.paint.styles import _build_path, _fit, _mark, _pen, _readable, styles, text_draws


class _once:  # noqa: N801 - used as a decorator
    """functools.cached_property without its lock (Python 3.11 takes one per read): worked out
    on first read, then an ordinary attribute of the instance."""

    def __init__(self, make: Callable) -> None:
        self.make, self.name = make, make.__name__
        self.__doc__ = make.__doc__

    def __get__(self, obj, owner=None):  # noqa: ANN001, ANN204
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.make(obj)
        return value


class EdgeLook:
    """Everything one edge draws, in scene coordinates.

    Only the route and the pens' keys are kept at once; the bounds, the label's text
    and where its words go, the Qt paths, pens and plate are made on first use: most edges of
    a big diagram are never painted up close, and a scene of thousands is built faster.
    """

    def __init__(self, geometry: Route, status: str, width: float, handoff: bool,
                 text: str | Callable[[], str], labelled: bool = True) -> None:
        self.status, self.width, self.handoff = status, width, handoff
        self.geometry = geometry  # the route
        self._text = text  # the label's whole text (the lines may be cut), or its maker
        #: whether anything is drawn on the first stub: a label plate or a handoff badge
        self.has_label = handoff or (labelled and (not isinstance(text, str) or bool(text)))

    @_once
    def bounds(self) -> QRectF:
        """Where the curve, its arrow and its end handles can be (asked for when Qt indexes
        the item, after the scene is built)."""
        # The rounded line lies inside the hull of its corners and the arrow head within
        # ARROW_SIZE of its tip: bounds without a QPainterPath.
        points = self.geometry.points
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        margin = self.width + HANDLE_RADIUS + 2 + _ARROW_SIZE
        x, y = min(xs) - margin, min(ys) - margin
        return QRectF(x, y, max(xs) + margin - x, max(ys) + margin - y)

    @_once
    def text(self) -> str:
        """The label's whole text ("" for none)."""
        return self._text if isinstance(self._text, str) else self._text()

    @_once
    def place(self) -> LabelPlace:
        """Where the label's plate, badge and lines go."""
        return place_label(self.geometry, self.text, self.handoff)

    @_once
    def label_bounds(self) -> QRectF | None:
        """Plate and badge, with 2 px for the selection stroke; None without either."""
        label = self.place.bounds
        return (None if label is None else
                QRectF(label.x - 2, label.y - 2, label.w + 4, label.h + 4))

    @_once
    def label_reach(self) -> QRectF | None:
        """Where the label can be (label_bounds lies inside), known without placing it."""
        if not self.has_label:
            return None
        r = label_reach(self.geometry, self.handoff)
        return QRectF(r.x - 2, r.y - 2, r.w + 4, r.h + 4)

    @_once
    def curve(self) -> QPainterPath:
        return _build_path(self.geometry.path)

    @_once
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

    @_once
    def piece_cells(self) -> dict[tuple[int, int], list[int]]:
        """Which pieces lie in each square of _CELL scene units: a repaint of a small area
        of a very long edge (a loop-back across a huge diagram) looks at a few, not all."""
        cells: dict[tuple[int, int], list[int]] = {}
        for i, (_, bounds, _, _) in enumerate(self.pieces or ()):
            for cx in range(int(bounds.left() // _CELL), int(bounds.right() // _CELL) + 1):
                for cy in range(int(bounds.top() // _CELL), int(bounds.bottom() // _CELL) + 1):
                    cells.setdefault((cx, cy), []).append(i)
        return cells

    def pieces_in(self, area: QRectF) -> list[tuple[QPainterPath, QRectF, QPen, QPen]]:
        """The pieces whose bounds meet `area`, in path order."""
        pieces, cells = self.pieces or (), self.piece_cells
        found: set[int] = set()
        for cx in range(int(area.left() // _CELL), int(area.right() // _CELL) + 1):
            for cy in range(int(area.top() // _CELL), int(area.bottom() // _CELL) + 1):
                found.update(cells.get((cx, cy), ()))
        return [pieces[i] for i in sorted(found) if pieces[i][1].intersects(area)]

    @_once
    def arrow(self) -> QPainterPath:
        return _build_path(self.geometry.arrow)

    @property
    def pen(self) -> QPen:
        return _edge_pen(self.status, self.width, self.handoff)

    @property
    def solid_pen(self) -> QPen:
        """The same without dashes: drawn when too small to see them (and cheaper)."""
        return _edge_pen(self.status, self.width, False)

    @_once
    def pill(self) -> QRectF | None:
        p = self.place.plate
        return None if p is None else QRectF(p.x, p.y, p.w, p.h)

    @_once
    def badge(self) -> QPointF | None:
        badge = self.place.badge
        return None if badge is None else QPointF(*badge)

    @_once
    def text_lines(self) -> tuple[tuple[QPointF, str], ...]:
        """Each label line's baseline start and text, fitted to the real font."""
        metrics = styles().metrics["edge"]
        plate = self.place.plate
        room = (plate.w - 2.0) if plate is not None else 0.0  # 5 px padding each side
        lines = []
        for cx, cy, line in self.place.lines:
            fitted, advance = _fit(line, room, "edge")
            lines.append((QPointF(cx - advance / 2, cy + (metrics.ascent() - metrics.descent())
                                  / 2), fitted))
        return tuple(lines)

    @_once
    def ends(self) -> tuple[QPointF, QPointF]:
        path = self.geometry.path
        return QPointF(*path[0][1:3]), QPointF(*path[-1][-2:])


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
#: side of the squares a long edge's pieces are filed in (see EdgeLook.piece_cells)
_CELL = 1024.0
#: how far an arrow head reaches from its tip (app.render.shapes.arrow_head's size)
_ARROW_SIZE = 9.0


@lru_cache(maxsize=128)
def _edge_pen(status: str, width: float, handoff: bool) -> QPen:
    return _pen(theme.EDGE_COLOR[status], width, theme.HANDOFF_DASH if handoff else None)


def edge_look(edge: Edge, route: Route, *, status: str = "unmeasured",
              width: float | None = None, handoff: bool = False, lang: str = "en",
              shared: float | None = None) -> EdgeLook:
    """Work out how `edge` is drawn along `route` (from the layout, or a drag's quick route;
    `shared`: the share it gets of what its siblings leave, shown as "≈50% (shared)")."""
    width = theme.EDGE_MIN_WIDTH if width is None else round(width, 1)
    labelled = bool(edge.label or edge.conversion or shared is not None)
    return EdgeLook(route, status, width, handoff, partial(edge_text, edge, lang, shared)
                    if labelled else "", labelled)


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
    # (a curve wholly in the exposed area is stroked in one go: the pieces join up into it)
    pieces = (look.pieces if exposed is not None and not exposed.contains(look.bounds)
              else None)
    if pieces:
        for path, _, pen, solid_pen in look.pieces_in(exposed):
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

