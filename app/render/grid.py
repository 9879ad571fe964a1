"""Which column and row each automatically placed node takes: the grid's shape, no
coordinates yet (app.render.layout sizes it). Columns come from the funnel order inside each
phase (SPEC §3, loops cut); inside a lane a node takes its predecessors' row when it is free.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from app.model import Diagram, Edge
from app.model import edge_id as make_edge_id
from app.model.order import funnel_order
from app.render.labels import shared_rate
from app.render.rect import Rect
from app.render.sizes import label_size


class Grid:
    """Which column and row each automatically placed node takes (no coordinates yet)."""

    def __init__(self, diagram: Diagram) -> None:
        self.diagram = diagram
        ranks, closing = funnel_order(diagram)
        self.phase_of = _placement_phases(diagram, ranks)
        self.fixed = {n.id for n in diagram.nodes if n.x is not None or n.y is not None}
        auto = [n.id for n in diagram.nodes if n.id not in self.fixed]
        phase_of = self.phase_of
        cells = {i: (phase_of[i], ranks[i]) for i in auto}
        keys = sorted(set(cells.values()))
        column = {key: i for i, key in enumerate(keys)}
        self.col = {i: column[cell] for i, cell in cells.items()}
        self.columns = len(keys)
        self.column_phase = [key[0] for key in keys]
        self.preds: dict[str, list[str]] = defaultdict(list)
        lane = {n.id: n.lane for n in diagram.nodes}
        #: each lane's index, and each node's lane by index (what the router works in)
        self.lane_index = {band.id: i for i, band in enumerate(diagram.lanes)}
        self.lane_of = {node_id: self.lane_index[lane_id] for node_id, lane_id in lane.items()}
        self.order = {n.id: i for i, n in enumerate(diagram.nodes)}
        self.kinds: dict[str, str] = {n.id: n.kind for n in diagram.nodes}  # (a StrEnum: a str)
        self.edges: list[tuple[str, str, str]] = []
        self.labels: dict[str, tuple[float, float]] = {}  # plate sizes, by edge id
        self.handoffs: set[str] = set()
        outgoing: dict[str, list[Edge]] = defaultdict(list)
        for edge in diagram.edges:
            outgoing[edge.source].append(edge)
        for edge in diagram.edges:
            source, target = edge.source, edge.target
            edge_id = make_edge_id(source, target)
            self.edges.append((edge_id, source, target))
            siblings = outgoing[source]
            size = label_size(edge, shared_rate(siblings, edge) if len(siblings) > 1 else None)
            if size is not None:
                self.labels[edge_id] = size
            if lane[source] != lane[target]:
                self.handoffs.add(edge_id)
            elif (source, target) not in closing:
                self.preds[target].append(source)
        self.blocked: set[tuple[str, int, int]] = set()
        self._assign_rows()

    def _assign_rows(self) -> None:
        self.row: dict[str, int] = {}
        self.rows: dict[str, int] = defaultdict(int)  # rows per lane
        row, col, order, preds = self.row, self.col, self.order, self.preds
        by_lane: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for node in self.diagram.nodes:
            c = col.get(node.id)
            if c is not None:
                by_lane[node.lane].append((c, order[node.id], node.id))
        nowhere = float("inf")

        def centre(node_id: str) -> float:
            rows = [row[p] for p in preds[node_id] if p in row] if node_id in preds else ()
            return sum(rows) / len(rows) if rows else nowhere

        for lane, cells in by_lane.items():
            taken: dict[int, set[int]] = defaultdict(set)
            lowest: dict[int, int] = defaultdict(int)
            for blocked_lane, c, r in self.blocked:
                if blocked_lane == lane:
                    taken[c].add(r)
            cells.sort()
            most = 0
            start = 0
            while start < len(cells):  # column by column, nodes in order of their predecessors
                c = cells[start][0]
                end = start + 1
                while end < len(cells) and cells[end][0] == c:
                    end += 1
                group = sorted((centre(i), k, i) for _, k, i in cells[start:end])
                used = taken[c]
                for wish, _, node_id in group:
                    r = round(wish) if wish != nowhere else -1
                    if r < 0 or r in used:
                        while lowest[c] in used:
                            lowest[c] += 1
                        r = lowest[c]
                    used.add(r)
                    row[node_id] = r
                    most = max(most, r + 1)
                start = end
            self.rows[lane] = most

    def bump(self, rects: dict[str, Rect]) -> bool:
        """Block the cells of auto nodes that overlap a hand-placed one; True if any did."""
        if not self.fixed:
            return False
        lane = {n.id: n.lane for n in self.diagram.nodes}
        fixed = sorted((rects[i].x, i) for i in self.fixed)
        xs = [x for x, _ in fixed]
        widest = max(rects[i].w for i in self.fixed)
        hit = False
        for node_id, c in self.col.items():
            r = rects[node_id]
            lo = _bisect(xs, r.x - widest)
            for _, other in fixed[lo:]:
                o = rects[other]
                if o.x >= r.right:
                    break
                if lane[other] == lane[node_id] and o.intersects(r):
                    self.blocked.add((lane[node_id], c, self.row[node_id]))
                    hit = True
                    break
        if hit:
            self._assign_rows()
        return hit


def _bisect(xs: list[float], x: float) -> int:
    return bisect_left(xs, x)


def _placement_phases(diagram: Diagram, ranks: dict[str, int]) -> dict[str, int]:
    """Phase index per node; a node without a phase sits with its predecessors' latest."""
    if not diagram.phases:
        return {node.id: 0 for node in diagram.nodes}
    index = {phase.id: i for i, phase in enumerate(diagram.phases)}
    if all(node.phase is not None for node in diagram.nodes):  # (the usual case)
        return {node.id: index[node.phase] for node in diagram.nodes}  # type: ignore[index]
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
