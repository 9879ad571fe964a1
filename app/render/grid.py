"""Which column and row each automatically placed node takes: the grid's shape, no
coordinates yet (app.render.layout sizes it). Columns come from the funnel order inside each
phase (SPEC §3, loops cut); inside a lane a node takes its predecessors' row when it is free.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from app.model import Diagram, Edge
from app.model.order import funnel_ranks, loop_closing_edges
from app.render.labels import shared_rate
from app.render.rect import Rect
from app.render.sizes import label_size


class Grid:
    """Which column and row each automatically placed node takes (no coordinates yet)."""

    def __init__(self, diagram: Diagram) -> None:
        self.diagram = diagram
        ranks = funnel_ranks(diagram)
        self.phase_of = _placement_phases(diagram, ranks)
        self.fixed = {n.id for n in diagram.nodes if n.x is not None or n.y is not None}
        auto = [n for n in diagram.nodes if n.id not in self.fixed]
        keys = sorted({(self.phase_of[n.id], ranks[n.id]) for n in auto})
        column = {key: i for i, key in enumerate(keys)}
        self.col = {n.id: column[(self.phase_of[n.id], ranks[n.id])] for n in auto}
        self.columns = len(keys)
        self.column_phase = [key[0] for key in keys]
        closing = loop_closing_edges(diagram)
        self.preds: dict[str, list[str]] = defaultdict(list)
        lane = {n.id: n.lane for n in diagram.nodes}
        for edge in diagram.edges:
            if (edge.source, edge.target) not in closing and lane[edge.source] == lane[
                    edge.target]:
                self.preds[edge.target].append(edge.source)
        self.order = {n.id: i for i, n in enumerate(diagram.nodes)}
        self.kinds = {n.id: n.kind.value for n in diagram.nodes}
        self.edges = [(e.id, e.source, e.target) for e in diagram.edges]
        self.labels: dict[str, tuple[float, float]] = {}  # plate sizes, by edge id
        self.handoffs: set[str] = set()
        outgoing: dict[str, list[Edge]] = defaultdict(list)
        for edge in diagram.edges:
            outgoing[edge.source].append(edge)
        for (edge_id, source, target), edge in zip(self.edges, diagram.edges, strict=True):
            size = label_size(edge, shared_rate(outgoing[source], edge))
            if size is not None:
                self.labels[edge_id] = size
            if lane[source] != lane[target]:
                self.handoffs.add(edge_id)
        self.blocked: set[tuple[str, int, int]] = set()
        self._assign_rows()

    def _assign_rows(self) -> None:
        self.row: dict[str, int] = {}
        self.rows: dict[str, int] = defaultdict(int)  # rows per lane
        by_lane: dict[str, list[str]] = defaultdict(list)
        for node in self.diagram.nodes:
            if node.id in self.col:
                by_lane[node.lane].append(node.id)
        for lane, ids in by_lane.items():
            taken: dict[int, set[int]] = defaultdict(set)
            lowest: dict[int, int] = defaultdict(int)
            for r in (b for b in self.blocked if b[0] == lane):
                taken[r[1]].add(r[2])

            def centre(node_id: str) -> float:
                rows = [self.row[p] for p in self.preds[node_id] if p in self.row]
                return sum(rows) / len(rows) if rows else float("inf")

            ids.sort(key=lambda i: (self.col[i], self.order[i]))
            start = 0
            while start < len(ids):  # column by column, nodes in order of their predecessors
                end = start
                while end < len(ids) and self.col[ids[end]] == self.col[ids[start]]:
                    end += 1
                group = sorted(ids[start:end], key=lambda i: (centre(i), self.order[i]))
                for node_id in group:
                    c = self.col[node_id]
                    wish = centre(node_id)
                    row = round(wish) if wish != float("inf") else -1
                    if row < 0 or row in taken[c]:
                        while lowest[c] in taken[c]:
                            lowest[c] += 1
                        row = lowest[c]
                    taken[c].add(row)
                    self.row[node_id] = row
                    self.rows[lane] = max(self.rows[lane], row + 1)
                start = end

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
