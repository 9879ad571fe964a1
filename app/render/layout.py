"""Where everything goes: lane bands, phase columns and node boxes, in scene units.

Nodes with `x`/`y` keep them (pulled inside their lane and phase if a band has grown past
them); the others are placed in funnel order, left to right, inside their lane and phase,
without overlapping anything. The canvas and every exporter draw from the same `Layout`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.model import Diagram, Node
from app.model.order import funnel_ranks
from app.render import theme


@dataclass(frozen=True)
class Rect:
    """An axis-aligned box: top-left corner and size."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px < self.right and self.y <= py < self.bottom

    def intersects(self, other: Rect) -> bool:
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)


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
    """Resolve the geometry of `diagram`."""
    ranks = funnel_ranks(diagram)
    placement_phase = _placement_phases(diagram, ranks)
    columns, phase_bands = _columns(diagram, placement_phase, ranks)
    top = theme.PHASE_HEADER_HEIGHT if diagram.phases else 0.0
    node_rects, lane_bands = _rows(diagram, columns, top)
    right = max([b.rect.right for b in phase_bands]
                + [r.right + theme.PHASE_PADDING for r in node_rects.values()]
                + [theme.LANE_HEADER_WIDTH + theme.MIN_PHASE_WIDTH])
    bottom = lane_bands[-1].rect.bottom
    lanes = tuple(
        Band(b.id, b.title, b.color, Rect(0.0, b.rect.y, right, b.rect.h), b.header)
        for b in lane_bands
    )
    phases = tuple(
        Band(b.id, b.title, b.color, Rect(b.rect.x, 0.0, b.rect.w, bottom), b.header)
        for b in phase_bands
    )
    return Layout(node_rects, lanes, phases, Rect(0.0, 0.0, right, bottom))


def relayout(previous: Layout, before: Diagram, after: Diagram) -> Layout:
    """The layout of `after`, given `previous`, the layout of `before`.

    An edit that leaves ids, lanes, phases, edges' ends and positions alone (a label, a KPI)
    keeps `previous`; one that only moves nodes already placed by hand, inside their lane and
    phase and without growing or shrinking a band or displacing an auto-placed node, changes
    only those boxes. Anything else is laid out afresh: the result is always `layout(after)`.
    """
    if (after.lanes != before.lanes or after.phases != before.phases
            or len(after.nodes) != len(before.nodes) or len(after.edges) != len(before.edges)):
        return layout(after)
    if after.edges is not before.edges and any(
            a is not b and (a.source, a.target) != (b.source, b.target)
            for a, b in zip(before.edges, after.edges, strict=True)):
        return layout(after)
    moved: list[tuple[Node, Node]] = []
    for a, b in zip(before.nodes, after.nodes, strict=True):
        if a is b:
            continue
        if a.id != b.id or a.lane != b.lane or a.phase != b.phase:
            return layout(after)
        if (a.x, a.y) != (b.x, b.y):
            moved.append((a, b))
    if not moved:
        return previous
    rects = dict(previous.nodes)
    for a, b in moved:
        rect = _moved_rect(previous, after, a, b)
        if rect is None:
            return layout(after)
        rects[b.id] = rect
    return Layout(rects, previous.lanes, previous.phases, previous.bounds)


def _moved_rect(previous: Layout, diagram: Diagram, a: Node, b: Node) -> Rect | None:
    """Where hand-placed node `a`, moved to `b`'s position, goes if no band or auto-placed
    node is affected by the move; None when the whole diagram must be laid out again."""
    if (a.x is None or a.y is None or b.x is None or b.y is None
            or (diagram.phases and b.phase is None)):
        return None  # an auto-placed node frees or takes a slot; a phase from predecessors
    old = previous.nodes[a.id]
    lane = next(band for band in previous.lanes if band.id == b.lane)
    left = theme.LANE_HEADER_WIDTH
    right = previous.bounds.right
    if diagram.phases:
        phase = next(band for band in previous.phases if band.id == b.phase)
        left, right = phase.rect.x, min(right, phase.rect.right)
    rect = Rect(max(b.x, left), max(b.y, lane.rect.y + theme.LANE_PADDING),
                theme.NODE_WIDTH, theme.NODE_HEIGHT)
    pad, lane_pad = theme.PHASE_PADDING, theme.LANE_PADDING
    # The node neither set nor now sets its phase's width or its lane's height...
    if not (max(old.right, a.x + theme.NODE_WIDTH) + pad < right
            and max(rect.right, b.x + theme.NODE_WIDTH) + pad <= right
            and old.bottom + lane_pad < lane.rect.bottom
            and rect.bottom + lane_pad <= lane.rect.bottom):
        return None
    # ...and every auto-placed node of its lane finds the same rows free as before: the old
    # box and the new one block the same slots of each auto-placed column (up to its lowest
    # node; slots below were never looked at).
    inner_top = lane.rect.y + lane_pad
    lowest: dict[float, float] = {}
    for node in diagram.nodes:
        if node.lane == b.lane and node.y is None:
            column = previous.nodes[node.id]
            lowest[column.x] = max(lowest.get(column.x, column.y), column.y)
    for x, last_y in lowest.items():
        if not any(r.x < x + theme.NODE_WIDTH and x < r.right for r in (old, rect)):
            continue
        rows = range(round((last_y - inner_top) / theme.ROW_HEIGHT) + 1)
        slots = [Rect(x, inner_top + row * theme.ROW_HEIGHT, theme.NODE_WIDTH,
                      theme.NODE_HEIGHT) for row in rows]
        if [slot.intersects(old) for slot in slots] != [slot.intersects(rect) for slot in slots]:
            return None
    return rect


def _placement_phases(diagram: Diagram, ranks: dict[str, int]) -> dict[str, int]:
    """Phase index per node; a node without a phase sits with its predecessors' latest."""
    if not diagram.phases:
        return {node.id: 0 for node in diagram.nodes}
    index = {phase.id: i for i, phase in enumerate(diagram.phases)}
    preds: dict[str, list[str]] = defaultdict(list)
    for edge in diagram.edges:
        preds[edge.target].append(edge.source)
    result: dict[str, int] = {}
    for node in sorted(diagram.nodes, key=lambda n: ranks[n.id]):
        if node.phase is not None:
            result[node.id] = index[node.phase]
        else:
            result[node.id] = max((result.get(p, 0) for p in preds[node.id]), default=0)
    return result


def _columns(diagram: Diagram, placement_phase: dict[str, int], ranks: dict[str, int],
             ) -> tuple[dict[str, float], list[Band]]:
    """Left edge of each auto-placed node's column, and the phase bands."""
    phase_count = max(len(diagram.phases), 1)
    ranks_in_phase: list[list[int]] = [sorted({ranks[n.id] for n in diagram.nodes
                                               if placement_phase[n.id] == p})
                                       for p in range(phase_count)]
    explicit_right: dict[int, float] = defaultdict(float)
    for node in diagram.nodes:
        if node.x is not None:
            p = placement_phase[node.id]
            explicit_right[p] = max(explicit_right[p], node.x + theme.NODE_WIDTH)

    column_left: dict[str, float] = {}
    bands: list[Band] = []
    left = theme.LANE_HEADER_WIDTH
    for p in range(phase_count):
        slots = {rank: i for i, rank in enumerate(ranks_in_phase[p])}
        for node in diagram.nodes:
            if placement_phase[node.id] == p:
                column_left[node.id] = left + slots[ranks[node.id]] * theme.COLUMN_WIDTH
        width = max(theme.MIN_PHASE_WIDTH,
                    len(slots) * theme.COLUMN_WIDTH,
                    explicit_right[p] + theme.PHASE_PADDING - left)
        if diagram.phases:
            phase = diagram.phases[p]
            header = Rect(left, 0.0, width, theme.PHASE_HEADER_HEIGHT)
            bands.append(Band(phase.id, phase.title, theme.HEADER_FILL,
                              Rect(left, 0.0, width, 0.0), header))
        for node in diagram.nodes:
            if placement_phase[node.id] == p and node.x is not None:
                column_left[node.id] = max(node.x, left)  # pulled inside its phase
        left += width
    return column_left, bands


def _rows(diagram: Diagram, column_left: dict[str, float], top: float,
          ) -> tuple[dict[str, Rect], list[Band]]:
    """Node boxes lane by lane, top to bottom, and the lane bands."""
    by_lane: dict[str, list[Node]] = defaultdict(list)
    for node in diagram.nodes:
        by_lane[node.lane].append(node)
    rects: dict[str, Rect] = {}
    bands: list[Band] = []
    for index, lane in enumerate(diagram.lanes):
        nodes = by_lane[lane.id]
        inner_top = top + theme.LANE_PADDING
        placed = _Occupancy()
        for node in nodes:
            if node.y is not None:
                rect = Rect(column_left[node.id], max(node.y, inner_top),
                            theme.NODE_WIDTH, theme.NODE_HEIGHT)
                rects[node.id] = rect
                placed.add(rect)
        for node in nodes:
            if node.y is None:
                x = column_left[node.id]
                if node.x is None:
                    x += (theme.COLUMN_WIDTH - theme.NODE_WIDTH) / 2
                rect = placed.first_free(x, inner_top)
                rects[node.id] = rect
                placed.add(rect)
        content_bottom = placed.bottom if placed.rects else top
        height = max(theme.MIN_LANE_HEIGHT, content_bottom + theme.LANE_PADDING - top)
        color = theme.lane_color(index, lane.color)
        header = Rect(0.0, top, theme.LANE_HEADER_WIDTH, height)
        bands.append(Band(lane.id, lane.title, color, Rect(0.0, top, 0.0, height), header))
        top += height
    return rects, bands


class _Occupancy:
    """Boxes already placed in one lane, bucketed by grid cell so a free slot is found fast
    (a column holding hundreds of nodes checks only its neighbours, not the whole column)."""

    def __init__(self) -> None:
        self.rects: list[Rect] = []
        self.bottom = 0.0
        self._buckets: dict[tuple[int, int], list[Rect]] = defaultdict(list)
        self._next_row: dict[float, int] = {}

    @staticmethod
    def _keys(rect: Rect) -> list[tuple[int, int]]:
        w, h = theme.COLUMN_WIDTH, theme.ROW_HEIGHT
        return [(i, j) for i in range(int(rect.x // w), int(rect.right // w) + 1)
                for j in range(int(rect.y // h), int(rect.bottom // h) + 1)]

    def add(self, rect: Rect) -> None:
        self.rects.append(rect)
        self.bottom = max(self.bottom, rect.bottom)
        for key in self._keys(rect):
            self._buckets[key].append(rect)

    def first_free(self, x: float, top: float) -> Rect:
        """The highest row at `x`, below the rows already taken there, that overlaps nothing."""
        row = self._next_row.get(x, 0)
        buckets = self._buckets
        while True:
            rect = Rect(x, top + row * theme.ROW_HEIGHT, theme.NODE_WIDTH, theme.NODE_HEIGHT)
            near = (other for key in self._keys(rect) if key in buckets
                    for other in buckets[key])
            if not any(rect.intersects(other) for other in near):
                self._next_row[x] = row + 1
                return rect
            row += 1
