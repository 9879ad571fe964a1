"""Where everything goes: lane bands, phase columns, node boxes and edge routes, in scene units.

Lanes are rows and phases are columns of a grid (a partition grid, as yEd draws swimlanes).
Inside a phase, nodes stand in columns by funnel order (SPEC §3, loops cut); inside a lane, in
rows, a node in the row of its predecessor when that is free. Every column, row, channel and
corridor takes the room its content needs, not a fixed pitch: columns are as wide as their
widest node, a channel as wide as its widest label plus one track per vertical run through it,
a corridor as tall as the runs along it (app.render.routes). The router says what room it
needs in steps: the heights first (what the routes take across the lanes follows from the
grid alone), then the widths (how many tracks a channel needs follows from the heights).

Nodes with `x`/`y` keep them (pulled inside their lane and phase); the others avoid them.
The canvas and every exporter draw from the same `Layout`.
"""

from __future__ import annotations

import gc
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from app.model import Diagram, Edge
from app.render import theme
from app.render.grid import Grid
from app.render.labels import shared_rate, text_width
from app.render.rect import Rect
from app.render.route import ARROW_ROOM, CHANNEL_PAD, Route
from app.render.routes import BADGE_ROOM, TRACK_GAP, Needs, Router, route_edges
from app.render.sizes import label_size, node_size

__all__ = ["Band", "Layout", "Rect", "Route", "layout", "relayout"]

CORRIDOR_PAD = 5.0  # above and below the tracks of a corridor
MIN_CORRIDOR = 12.0  # between two rows of a lane, and at a lane's top and bottom
MIN_CHANNEL = 32.0  # between two columns (room for an arrow head)
EMPTY_PHASE_WIDTH = 140.0

@dataclass(frozen=True)
class Band:
    """A lane (horizontal) or phase (vertical) band with its header."""

    id: str
    title: str
    color: str
    rect: Rect
    header: Rect


@dataclass(frozen=True)
class Layout:
    """The resolved geometry of one diagram snapshot."""

    nodes: dict[str, Rect]
    lanes: tuple[Band, ...]
    phases: tuple[Band, ...]
    bounds: Rect
    #: each edge's route, by edge id
    routes: dict[str, Route] = field(default_factory=dict)

    def lane_at(self, y: float) -> str | None:
        """The lane whose band holds the scene height `y` (clamped to the first/last lane)."""
        if not self.lanes:
            return None
        for band in self.lanes:
            if y < band.rect.bottom:
                return band.id
        return self.lanes[-1].id

    def phase_at(self, x: float) -> str | None:
        """The phase whose column holds `x` (clamped); None when the diagram has no phases."""
        if not self.phases:
            return None
        for band in self.phases:
            if x < band.rect.right:
                return band.id
        return self.phases[-1].id



def layout(diagram: Diagram) -> Layout:
    """Resolve the geometry of `diagram`: boxes in a grid sized to their content, then routes."""
    # Routing makes many small tuples; the collector would walk the whole (big, long-lived)
    # diagram again and again for nothing (see research/performance.md): pause it meanwhile.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _layout(diagram)
    finally:
        if paused:
            gc.enable()


def _layout(diagram: Diagram) -> Layout:
    grid = Grid(diagram)
    if not grid.fixed:
        return _layout_grid(diagram, grid)
    # Boxes placed by hand join the columns and rows where they happen to stand, which the
    # widths decide: route on default gaps to learn what room the routes need, then on the
    # grid sized for it (again if that needs more).
    needs: Needs | None = None
    for _ in range(4):  # place; move auto nodes off hand-placed ones; at most a few times
        geometry = _place(diagram, grid, needs)
        if not grid.bump(geometry.nodes):
            break
    _, needs = _route(diagram, geometry, grid, paths=False)
    for _ in range(3):  # sized for what the routes needed; again if they then need more
        geometry = _place(diagram, grid, needs)
        routes, got = _route(diagram, geometry, grid)
        if not _grow(needs, got):
            break
    return Layout(geometry.nodes, geometry.lanes, geometry.phases, geometry.bounds, routes)


def _layout_grid(diagram: Diagram, grid: Grid) -> Layout:
    """Every node in its grid cell: one routing pass. What the routes take across the lanes
    (corridors, ports) follows from the cells alone, so the heights are sized first; then,
    with the heights, where the ports go and how many tracks each channel needs; then the
    widths, and the lines (as a layered layout sizes its gaps by the routes through them)."""
    rows = {grid.lane_index[lane]: count for lane, count in grid.rows.items() if count}
    router = Router(grid.edges, grid.col, grid.row, grid.lane_of, rows, grid.columns,
                    grid.labels, grid.handoffs, grid.kinds)
    sizes = _sizes(diagram, router.needs)
    geometry = _place(diagram, grid, router.needs, sizes)  # the heights; not the widths yet
    router.ports(geometry.nodes, [(b.rect.y, b.rect.bottom) for b in geometry.lanes],
                 geometry.rows)
    geometry = _place(diagram, grid, router.needs, sizes, geometry)  # and now the widths
    routes = router.lines(geometry.nodes, geometry.cols, theme.LANE_HEADER_WIDTH,
                          geometry.bounds.right)
    return Layout(geometry.nodes, geometry.lanes, geometry.phases, geometry.bounds, routes)


def relayout(previous: Layout, before: Diagram, after: Diagram) -> Layout:
    """The layout of `after`, given `previous`, the layout of `before`: `previous` itself when
    nothing that sizes or places a box or an edge changed (a KPI, notes, an owner that still
    fits its node's width, a rate whose label keeps its plate size), else `layout(after)`."""
    if _layout_key(before) == _layout_key(after) and _same_plates(before, after):
        return previous
    return layout(after)


def _same_plates(before: Diagram, after: Diagram) -> bool:
    """Whether every edge label of `after` takes the plate it took in `before`: the layout
    reads only the plate sizes (grid.labels), so a new rate of the same width keeps it."""
    changed = {b.source for a, b in zip(before.edges, after.edges, strict=True)
               if a is not b and _label_key(a) != _label_key(b)}
    if not changed:
        return True
    # a rate also changes the shared remainder its siblings show: compare a source's edges
    outgoing: dict[str, list[tuple[Edge, Edge]]] = defaultdict(list)
    for a, b in zip(before.edges, after.edges, strict=True):
        if b.source in changed:
            outgoing[b.source].append((a, b))
    for pairs in outgoing.values():
        olds, news = [a for a, _ in pairs], [b for _, b in pairs]
        for a, b in pairs:
            if label_size(a, shared_rate(olds, a)) != label_size(b, shared_rate(news, b)):
                return False
    return True


def _grow(needs: Needs, got: Needs) -> bool:
    """Take in `got` where it needed more than `needs` had, if the routes had to squeeze
    anything; True if anything grew (then the layout is sized and routed again)."""
    if not got.squeezed or (got.columns, got.rows) != (needs.columns, needs.rows):
        return False  # another shape (boxes placed by hand): sizing by index would not fit
    grew = False
    for name in ("channel_tracks", "channel_labels", "corridor_height", "node_height"):
        have, want = getattr(needs, name), getattr(got, name)
        for key, value in want.items():
            if value > have.get(key, 0) + 0.01:
                have[key] = value
                grew = True
    return grew


def _layout_key(diagram: Diagram) -> tuple[object, ...]:
    """Everything the layout reads but the edge labels' sizes (see _same_plates): ids, lanes,
    phases, positions, kinds, sizes of node texts."""
    if _last_key[0] is diagram:  # the `after` of one edit is the `before` of the next
        return _last_key[1]  # type: ignore[no-any-return]
    key = (tuple((lane.id, lane.title) for lane in diagram.lanes),
           tuple((phase.id, phase.title) for phase in diagram.phases),
           tuple((n.id, n.lane, n.phase, n.x, n.y, node_size(n)) for n in diagram.nodes),
           tuple((e.source, e.target) for e in diagram.edges),
           tuple(n.kind for n in diagram.nodes))
    _last_key[:] = [diagram, key]
    return key


_last_key: list[Any] = [None, None]  # the last diagram keyed, and its key


def _label_key(edge: Edge) -> tuple[object, ...]:
    """What an edge label's size depends on (cheaper to compare than to measure)."""
    measure = edge.conversion  # (target and actual say whether it is bare)
    return edge.label, None if measure is None else (measure.target, measure.actual)


@dataclass
class _Placed:
    nodes: dict[str, Rect]
    lanes: tuple[Band, ...]
    phases: tuple[Band, ...]
    bounds: Rect
    cols: list[list[float]]  # each grid column's left and right
    rows: dict[int, list[list[float]]]  # each lane's grid rows' top and bottom, by lane index


def _sizes(diagram: Diagram, needs: Needs | None) -> dict[str, tuple[float, float]]:
    """Each node's box size, as tall as its ports need."""
    sizes = {n.id: node_size(n) for n in diagram.nodes}
    if needs is not None:
        for node_id, h in needs.node_height.items():
            w, old = sizes[node_id]
            if h > old:
                sizes[node_id] = (w, h)
    return sizes


def _place(diagram: Diagram, grid: Grid, needs: Needs | None,
           sizes: dict[str, tuple[float, float]] | None = None,
           heights: _Placed | None = None) -> _Placed:
    """Coordinates for the grid, every gap as big as `needs` says (defaults on the first go);
    `sizes`: each node's, if known (else `_sizes`); `heights`: a placement of the same grid,
    every node in it, whose heights stand (only the widths are worked out again)."""
    if sizes is None:
        sizes = _sizes(diagram, needs)
    col_w = [0.0] * grid.columns
    for node_id, c in grid.col.items():
        col_w[c] = max(col_w[c], sizes[node_id][0])
    labels = [0.0] * (grid.columns + 1)  # label room of the channel left of each column
    tracks = [0] * (grid.columns + 1)
    if needs is not None and needs.columns == grid.columns:
        for k, room in needs.channel_labels.items():
            labels[k] = room
        for k, count in needs.channel_tracks.items():
            tracks[k] = count
    else:
        for edge_id, source, _ in grid.edges:
            column = grid.col.get(source)
            if column is not None and (edge_id in grid.labels or edge_id in grid.handoffs):
                room = (grid.labels[edge_id][0] if edge_id in grid.labels else 0.0) + (
                    BADGE_ROOM if edge_id in grid.handoffs else 0.0)
                labels[column + 1] = max(labels[column + 1], room)
        tracks = [2] * (grid.columns + 1)

    # Each channel: its label part, and its track part, made wider if the channel would be
    # narrower than MIN_CHANNEL.
    label_part = [CHANNEL_PAD + room + (CHANNEL_PAD / 2 if room else 0.0) for room in labels]
    track_part = [max(n - 1, 0) * TRACK_GAP + ARROW_ROOM + (CHANNEL_PAD / 2 if n else 0.0)
                  for n in tracks]
    track_part = [max(0.0, MIN_CHANNEL - lp - tp) + tp
                  for lp, tp in zip(label_part, track_part, strict=True)]

    # x: channel (label part | phase boundaries | track part) then column, left to right.
    phase_count = max(len(diagram.phases), 1)
    fixed_right: dict[int, float] = defaultdict(float)
    nodes = diagram.node_index()
    for node_id in grid.fixed:
        node = nodes[node_id]
        if node.x is not None:
            p = grid.phase_of[node_id]
            fixed_right[p] = max(fixed_right[p], node.x + sizes[node_id][0])
    starts = [0.0] * phase_count
    ends = [0.0] * phase_count
    col_x = [0.0] * grid.columns
    x = theme.LANE_HEADER_WIDTH
    opened = -1  # the last phase whose band has started

    def open_to(p: int, x: float) -> float:
        nonlocal opened
        while opened < p:
            if opened >= 0:
                x = close(opened, x)
            opened += 1
            starts[opened] = x
            if opened < p:  # an empty phase on the way
                x += _phase_min_width(diagram, opened)
        return x

    def close(p: int, x: float) -> float:
        x = max(x, starts[p] + _phase_min_width(diagram, p), fixed_right[p] + theme.PHASE_PADDING)
        ends[p] = x
        return x

    for c in range(grid.columns):
        p = grid.column_phase[c]
        x += label_part[c]
        if p != opened:  # the boundary falls after the labels of the phase before
            boundary = x - (CHANNEL_PAD / 2 if labels[c] else 0.0) if c else x - label_part[c]
            x += open_to(p, boundary) - boundary
        x += track_part[c]
        col_x[c] = x
        x += col_w[c]
    x += label_part[grid.columns] + track_part[grid.columns]
    x = open_to(phase_count - 1, x)
    x = close(phase_count - 1, x)
    right = x

    cols = [[col_x[c], col_x[c] + col_w[c]] for c in range(grid.columns)]
    rects: dict[str, Rect] = {}
    if heights is not None:  # the same rows and lanes: every box only moves across
        for node_id, old in heights.nodes.items():
            c, w = grid.col[node_id], old.w
            rects[node_id] = Rect(col_x[c] + (col_w[c] - w) / 2, old.y, w, old.h)
        return _bands(diagram, rects, list(heights.lanes), heights.bounds.bottom, right,
                      starts, ends, cols, heights.rows)

    # y: per lane, corridor, row, corridor, ..., each as tall as it needs.
    top = theme.PHASE_HEADER_HEIGHT if diagram.phases else 0.0
    lane_bands = []
    row_spans: dict[int, list[list[float]]] = {}
    by_lane: dict[str, list[str]] = defaultdict(list)
    for node in diagram.nodes:
        by_lane[node.lane].append(node.id)
    for index, lane in enumerate(diagram.lanes):
        ids = by_lane[lane.id]
        count = grid.rows[lane.id]
        row_h = [0.0] * count
        for node_id in ids:
            if node_id in grid.row:
                r = grid.row[node_id]
                row_h[r] = max(row_h[r], sizes[node_id][1])
        matched = needs is not None and needs.rows.get(index) == count
        y = top
        row_y = [0.0] * count
        for r in range(count + 1):
            runs = (needs.corridor_height.get((index, r), 0.0)
                    if matched and needs is not None else TRACK_GAP)
            y += max(MIN_CORRIDOR, 2 * CORRIDOR_PAD + runs - TRACK_GAP)
            if r < count:
                row_y[r] = y
                y += row_h[r]
        row_spans[index] = [[row_y[r], row_y[r] + row_h[r]] for r in range(count)]
        for node_id in ids:
            w, h = sizes[node_id]
            if node_id in grid.row:
                c, r = grid.col[node_id], grid.row[node_id]
                rects[node_id] = Rect(col_x[c] + (col_w[c] - w) / 2,
                                      row_y[r] + (row_h[r] - h) / 2, w, h)
            else:
                node = nodes[node_id]
                p = grid.phase_of[node_id]
                left = starts[p] if diagram.phases else theme.LANE_HEADER_WIDTH
                default_x = left + theme.PHASE_PADDING
                inner = top + MIN_CORRIDOR  # pulled inside its lane, as high as a first row
                rects[node_id] = Rect(max(node.x if node.x is not None else default_x, left),
                                      max(node.y if node.y is not None else inner, inner), w, h)
                y = max(y, rects[node_id].bottom + theme.LANE_PADDING)
        height = max(y - top, _lane_min_height(lane.title))
        color = theme.lane_color(index, lane.color)
        header = Rect(0.0, top, theme.LANE_HEADER_WIDTH, height)
        lane_bands.append(Band(lane.id, lane.title, color, Rect(0.0, top, right, height), header))
        top += height
    return _bands(diagram, rects, lane_bands, top, right, starts, ends, cols, row_spans)


def _bands(diagram: Diagram, rects: dict[str, Rect], lane_bands: list[Band], top: float,
           right: float, starts: list[float], ends: list[float], cols: list[list[float]],
           row_spans: dict[int, list[list[float]]]) -> _Placed:
    """The lanes and phases around the placed boxes, in whole units; `top`: the last lane's
    bottom, `right`: the last column's channel's."""
    # Whole units: an exported image's size in pixels is then exactly the diagram's.
    right = math.ceil(max([right] + [r.right + theme.PHASE_PADDING for r in rects.values()]))
    if lane_bands:  # the last lane takes the rounding
        last = lane_bands[-1]
        top = math.ceil(top)
        lane_bands[-1] = Band(last.id, last.title, last.color,
                              Rect(0.0, last.rect.y, right, top - last.rect.y),
                              Rect(0.0, last.rect.y, theme.LANE_HEADER_WIDTH, top - last.rect.y))
    bottom = top
    lanes = tuple(Band(b.id, b.title, b.color, Rect(0.0, b.rect.y, right, b.rect.h), b.header)
                  for b in lane_bands)
    phases = []
    if diagram.phases:
        ends[-1] = right
        for p, phase in enumerate(diagram.phases):
            width = ends[p] - starts[p]
            header = Rect(starts[p], 0.0, width, theme.PHASE_HEADER_HEIGHT)
            phases.append(Band(phase.id, phase.title, theme.HEADER_FILL,
                               Rect(starts[p], 0.0, width, bottom), header))
    return _Placed(rects, lanes, tuple(phases), Rect(0.0, 0.0, right, bottom), cols, row_spans)


def _phase_min_width(diagram: Diagram, p: int) -> float:
    """A phase is at least wide enough for its title."""
    if not diagram.phases:
        return 0.0
    title = diagram.phases[p].title
    return max(EMPTY_PHASE_WIDTH, text_width(title, theme.FONT_HEADER_PX) + 28.0)


def _lane_min_height(title: str) -> float:
    """A lane is at least tall enough for a node and its title wrapped in the header."""
    from app.render.sizes import wrap

    lines, _ = wrap(title, theme.LANE_HEADER_WIDTH - 20, theme.FONT_HEADER_PX, 0)
    return max(theme.NODE_HEIGHT + 2 * MIN_CORRIDOR,
               len(lines) * theme.FONT_HEADER_PX * 1.3 + 24.0)


def _route(diagram: Diagram, geometry: _Placed, grid: Grid,
           paths: bool = True) -> tuple[dict[str, Route], Needs]:
    lanes = [(b.rect.y, b.rect.bottom) for b in geometry.lanes]
    return route_edges(grid.edges, geometry.nodes, grid.lane_of, lanes, theme.LANE_HEADER_WIDTH,
                       geometry.bounds.right, grid.labels, grid.handoffs, paths=paths,
                       kinds=grid.kinds)
