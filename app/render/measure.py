"""How legible a drawn diagram is, counted: the one measure that tests and benchmarks share.

Input is plain geometry (`Drawing`: node boxes, edge paths, label plates, which texts were
cut), so it measures whatever drew it: the shared layout, an SVG's pictures, an old version.
The first five counts must be zero on a readable diagram; area, bends and crossings are
tracked in the benchmark.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from app.render.rect import Rect
from app.render.shapes import Command

Point = tuple[float, float]


@dataclass(frozen=True)
class DrawnEdge:
    """One edge as drawn: its ends' node ids and its path (app/render path commands)."""

    id: str
    source: str
    target: str
    path: list[Command]


@dataclass(frozen=True)
class DrawnLabel:
    """An edge label's plate, and whether its text was cut (and over how many lines)."""

    edge: str
    rect: Rect
    cut: bool = False
    lines: int = 1


@dataclass
class Drawing:
    """Everything the counts look at."""

    nodes: dict[str, Rect]
    edges: list[DrawnEdge]
    labels: list[DrawnLabel]
    #: node titles: (node id, cut, lines drawn)
    titles: list[tuple[str, bool, int]] = field(default_factory=list)
    bounds: Rect | None = None


@dataclass(frozen=True)
class Counts:
    edges_through_nodes: int
    labels_on_nodes: int
    labels_on_labels: int
    labels_crossed: int
    cut_labels: int  # cut while shown on fewer than two lines
    labels_nearer_other: int  # a label nearer another edge than its own
    area_per_node: float
    bends_per_edge: float
    crossings: int

    #: the counts that must be zero
    ZERO = ("edges_through_nodes", "labels_on_nodes", "labels_on_labels", "labels_crossed",
            "cut_labels", "labels_nearer_other")

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def problems(self) -> dict[str, int]:
        """The must-be-zero counts that are not."""
        return {name: getattr(self, name) for name in self.ZERO if getattr(self, name)}


def polyline(path: list[Command]) -> list[Point]:
    """The path as points; cubic curves flattened into short straight pieces."""
    points: list[Point] = []
    for command in path:
        op = command[0]
        if op in ("M", "L"):
            points.append((command[1], command[2]))
        elif op == "C" and points:
            p0 = points[-1]
            p1, p2, p3 = command[1:3], command[3:5], command[5:7]
            for i in range(1, 9):
                t = i / 8
                u = 1 - t
                a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
                points.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                               a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return points


def segments(points: list[Point]) -> list[tuple[Point, Point]]:
    return [(a, b) for a, b in zip(points, points[1:], strict=False) if a != b]


def segment_hits_rect(a: Point, b: Point, rect: Rect) -> bool:
    """Whether the segment a-b passes through the inside of `rect` (Liang-Barsky clip)."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - rect.x), (dx, rect.right - a[0]),
                 (-dy, a[1] - rect.y), (dy, rect.bottom - a[1])):
        if p == 0:
            if q <= 0:
                return False
        else:
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
            if t0 >= t1:
                return False
    return t1 - t0 > 1e-9


def _shrink(rect: Rect, by: float) -> Rect:
    return Rect(rect.x + by, rect.y + by, max(rect.w - 2 * by, 0.0), max(rect.h - 2 * by, 0.0))


def _bbox(points: list[Point]) -> Rect:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _touch(a: Rect, b: Rect) -> bool:
    return a.x <= b.right and b.x <= a.right and a.y <= b.bottom and b.y <= a.bottom


def _crosses(a: Point, b: Point, c: Point, d: Point) -> bool:
    """A proper crossing of segments a-b and c-d (touching ends do not count)."""
    def orient(p: Point, q: Point, r: Point) -> int:
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0 if abs(v) < 1e-6 else (1 if v > 0 else -1)
    return (orient(a, b, c) * orient(a, b, d) < 0) and (orient(c, d, a) * orient(c, d, b) < 0)


def _distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy)
                                             / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _turns(points: list[Point]) -> float:
    """Bends: the total turning of the path in quarter turns (an S-curve is two)."""
    total = 0.0
    previous = None
    for a, b in segments(points):
        angle = math.atan2(b[1] - a[1], b[0] - a[0])
        if previous is not None:
            turn = abs((angle - previous + math.pi) % (2 * math.pi) - math.pi)
            total += turn
        previous = angle
    return total / (math.pi / 2)


class _Grid:
    """Boxes bucketed by cell, so a segment looks only at the boxes near it."""

    def __init__(self, items: list[tuple[str, Rect]], cell: float = 200.0) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[tuple[str, Rect]]] = {}
        for item in items:
            for key in self._keys(item[1]):
                self.cells.setdefault(key, []).append(item)

    def _keys(self, r: Rect) -> list[tuple[int, int]]:
        c = self.cell
        return [(i, j) for i in range(int(r.x // c), int(r.right // c) + 1)
                for j in range(int(r.y // c), int(r.bottom // c) + 1)]

    def near(self, r: Rect) -> list[tuple[str, Rect]]:
        seen, found = set(), []
        for key in self._keys(r):
            for item in self.cells.get(key, ()):
                if id(item) not in seen:
                    seen.add(id(item))
                    found.append(item)
        return found


def measure(drawing: Drawing) -> Counts:
    """Count what keeps `drawing` from being read (see `Counts`)."""
    lines = {e.id: polyline(e.path) for e in drawing.edges}
    segs = {e.id: segments(lines[e.id]) for e in drawing.edges}
    node_grid = _Grid([(i, _shrink(r, 1.0)) for i, r in drawing.nodes.items()])
    through = 0
    for edge in drawing.edges:
        hit: set[str] = set()
        for a, b in segs[edge.id]:
            box = _bbox([a, b])
            for node_id, rect in node_grid.near(box):
                if node_id in (edge.source, edge.target) or node_id in hit:
                    continue
                if segment_hits_rect(a, b, rect):
                    hit.add(node_id)
        through += len(hit)
    on_nodes = sum(1 for label in drawing.labels
                   if any(_shrink(label.rect, 0.5).intersects(r)
                          for _, r in node_grid.near(label.rect)))
    label_grid = _Grid([(str(i), _shrink(lb.rect, 0.5)) for i, lb in enumerate(drawing.labels)])
    on_labels = 0
    for i, label in enumerate(drawing.labels):
        if any(int(j) > i and label.rect.intersects(r) for j, r in label_grid.near(label.rect)):
            on_labels += 1
    edge_seg_grid = _Grid([(e.id, _bbox([a, b])) for e in drawing.edges for a, b in segs[e.id]])
    seg_index: dict[str, list[tuple[Point, Point]]] = {e.id: segs[e.id] for e in drawing.edges}
    crossed = nearer = 0
    for label in drawing.labels:
        inner = _shrink(label.rect, 1.0)
        others = {edge_id for edge_id, _ in edge_seg_grid.near(label.rect) if edge_id != label.edge}
        if any(segment_hits_rect(a, b, inner) for edge_id in others
               for a, b in seg_index[edge_id]):
            crossed += 1
        centre = (label.rect.cx, label.rect.cy)
        own = min((_distance(centre, a, b) for a, b in seg_index.get(label.edge, ())),
                  default=math.inf)
        reach = Rect(centre[0] - own - 1, centre[1] - own - 1, 2 * own + 2, 2 * own + 2) \
            if own != math.inf else label.rect
        candidates = {edge_id for edge_id, _ in edge_seg_grid.near(reach)
                      if edge_id != label.edge}
        if any(_distance(centre, a, b) < own - 0.5 for edge_id in candidates
               for a, b in seg_index[edge_id]):
            nearer += 1
    cut = sum(1 for label in drawing.labels if label.cut and label.lines < 2)
    cut += sum(1 for _, was_cut, count in drawing.titles if was_cut and count < 2)
    crossings = _count_crossings(drawing.edges, segs)
    bounds = drawing.bounds or _bbox([p for r in drawing.nodes.values()
                                      for p in ((r.x, r.y), (r.right, r.bottom))] or [(0, 0)])
    area = bounds.w * bounds.h / max(len(drawing.nodes), 1)
    bends = (sum(_turns(lines[e.id]) for e in drawing.edges) / len(drawing.edges)
             if drawing.edges else 0.0)
    return Counts(through, on_nodes, on_labels, crossed, cut, nearer, round(area),
                  round(bends, 2), crossings)


def _count_crossings(edges: list[DrawnEdge], segs: dict[str, list[tuple[Point, Point]]],
                     ) -> int:
    """Pairs of edges' segments that cross (edges that share a node are not counted there)."""
    grid = _Grid([(f"{e.id}\0{k}", _bbox([a, b])) for e in edges
                  for k, (a, b) in enumerate(segs[e.id])], cell=150.0)
    ends = {e.id: (e.source, e.target) for e in edges}
    count = 0
    for edge in edges:
        for a, b in segs[edge.id]:
            for key, _ in grid.near(_bbox([a, b])):
                other, j = key.split("\0")
                if other <= edge.id or set(ends[other]) & set(ends[edge.id]):
                    continue
                c, d = segs[other][int(j)]
                if _crosses(a, b, c, d):
                    count += 1
    return count
