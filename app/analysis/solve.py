"""Volumes and goal yields of one scenario (SPEC §3), solved per strongly connected component.

Forward, in topological order of the components: a node's volume is its entry volume plus its
inflows; a loop is solved as one small linear system (its steady state per period).
Backward, in reverse order: a node's *goal yield* is how many goal arrivals one person at that
node produces downstream. Flows are linear, so goal volume = Σ entry volume × goal yield, which
is what makes channel attribution and the impact of an edge cheap local computations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.analysis.graph import (
    FunnelGraph,
    effective_conversions,
    entry_volumes,
    known_conversions,
)
from app.analysis.sparse import LoopSystem, spectral_gain
from app.model import NodeKind


@dataclass(frozen=True)
class LoopFailure:
    """A loop whose gain is ≥ 1 in one scenario: no steady state exists."""

    scc: int
    closing_edge: int
    gain: float


@dataclass
class Solution:
    """Everything the arithmetic knows about one scenario (`"target"` or `"actual"`)."""

    scenario: str
    known: list[float | None]
    conversion: list[float]
    entry: list[float]
    volume: list[float]
    flow: list[float]
    goal_yield: list[float]
    revenue_yield: list[float]
    goals: float
    revenue: float
    failures: list[LoopFailure]
    #: edges left out of the arithmetic because their loop has no steady state
    dropped: frozenset[int]
    #: factorised systems of the loops, by component, with each member's local position
    systems: dict[int, tuple[LoopSystem, dict[int, int]]] = field(default_factory=dict)

    def failed_sccs(self) -> set[int]:
        """Components whose loop gain is ≥ 1 in this scenario."""
        return {f.scc for f in self.failures}


def solve_scenario(
    graph: FunnelGraph,
    scenario: str,
    orderings: dict[int, tuple[list[int], list[list[int]]]] | None = None,
) -> Solution:
    """Volumes, flows, goal and revenue yields of `scenario` over the whole diagram.

    `orderings` (by component) is filled on the first call and reused by the next: the
    elimination order of a loop depends on its edges only, not on the scenario's rates.
    """
    if orderings is None:
        orderings = {}
    known = known_conversions(graph, scenario)
    conversion = effective_conversions(graph, scenario, known)
    entry = entry_volumes(graph, scenario)
    count = len(graph.node_ids)
    closing = set(graph.closing)
    systems: dict[int, tuple[LoopSystem, dict[int, int]]] = {}
    failures: list[LoopFailure] = []
    dropped: set[int] = set()

    for scc, members in enumerate(graph.sccs):
        if not graph.scc_is_loop(scc):
            continue
        position = {n: p for p, n in enumerate(_loop_order(graph, members))}
        inner = [
            e for n in position for e in graph.out_edges[n] if graph.dst[e] in position
        ]
        coefficients = _coefficients(graph, conversion, position, inner)
        system = LoopSystem(len(position), coefficients, orderings.get(scc))
        orderings[scc] = (system.order, system.pattern)
        if not system.ok:
            failing = [e for e in graph.closing if e in set(inner)]
            failures.append(
                LoopFailure(scc, failing[0], spectral_gain(len(position), coefficients))
            )
            # Without a steady state, show finite volumes: the loop cut at its closing edges.
            kept = [e for e in inner if e not in closing]
            dropped.update(e for e in inner if e in closing)
            system = LoopSystem(
                len(position), _coefficients(graph, conversion, position, kept), orderings[scc]
            )
        systems[scc] = (system, position)

    used = [0.0 if e in dropped else c for e, c in enumerate(conversion)]
    volume = _forward(graph, used, entry, systems)
    flow = [volume[graph.src[e]] * c for e, c in enumerate(used)]
    goal_mark = [1.0 if n.kind is NodeKind.goal else 0.0 for n in graph.nodes]
    value_mark = [
        (n.value or 0.0) if n.kind is NodeKind.goal else 0.0 for n in graph.nodes
    ]
    goal_yield = _backward(graph, used, goal_mark, systems)
    revenue_yield = _backward(graph, used, value_mark, systems)
    goals = sum(volume[i] for i in range(count) if goal_mark[i])
    revenue = sum(volume[i] * value_mark[i] for i in range(count))
    return Solution(
        scenario=scenario,
        known=known,
        conversion=conversion,
        entry=entry,
        volume=volume,
        flow=flow,
        goal_yield=goal_yield,
        revenue_yield=revenue_yield,
        goals=goals,
        revenue=revenue,
        failures=failures,
        dropped=frozenset(dropped),
        systems=systems,
    )


def _loop_order(graph: FunnelGraph, members: tuple[int, ...]) -> list[int]:
    """Members in topological order of the graph without loop-closing edges: a stable local
    numbering (the elimination order itself is LoopSystem's minimum degree)."""
    return sorted(members, key=graph.dag_rank.__getitem__)


def _coefficients(
    graph: FunnelGraph, conversion: list[float], position: dict[int, int], edges: list[int]
) -> dict[int, dict[int, float]]:
    rows: dict[int, dict[int, float]] = {}
    for e in edges:
        rows.setdefault(position[graph.src[e]], {})[position[graph.dst[e]]] = conversion[e]
    return rows


def _forward(
    graph: FunnelGraph,
    conversion: list[float],
    entry: list[float],
    systems: dict[int, tuple[LoopSystem, dict[int, int]]],
) -> list[float]:
    volume = [0.0] * len(graph.node_ids)
    src, in_edges = graph.src, graph.in_edges
    for scc, members in enumerate(graph.sccs):
        if scc not in systems:
            n = members[0]
            total = entry[n]
            for e in in_edges[n]:
                total += volume[src[e]] * conversion[e]
            volume[n] = total
            continue
        system, position = systems[scc]
        rhs = [0.0] * len(position)
        for n, p in position.items():
            total = entry[n]
            for e in in_edges[n]:
                if src[e] not in position:
                    total += volume[src[e]] * conversion[e]
            rhs[p] = total
        solved = system.solve_transposed(rhs)
        for n, p in position.items():
            volume[n] = max(0.0, solved[p])  # clamp float noise such as -1e-17
    return volume


def _backward(
    graph: FunnelGraph,
    conversion: list[float],
    mark: list[float],
    systems: dict[int, tuple[LoopSystem, dict[int, int]]],
) -> list[float]:
    result = [0.0] * len(graph.node_ids)
    dst, out_edges = graph.dst, graph.out_edges
    for scc in range(len(graph.sccs) - 1, -1, -1):
        members = graph.sccs[scc]
        if scc not in systems:
            n = members[0]
            total = mark[n]
            for e in out_edges[n]:
                total += conversion[e] * result[dst[e]]
            result[n] = total
            continue
        system, position = systems[scc]
        rhs = [0.0] * len(position)
        for n, p in position.items():
            total = mark[n]
            for e in out_edges[n]:
                if dst[e] not in position:
                    total += conversion[e] * result[dst[e]]
            rhs[p] = total
        solved = system.solve(rhs)
        for n, p in position.items():
            result[n] = max(0.0, solved[p])
    return result
