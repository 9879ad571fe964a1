"""What a changed conversion does to the goal volume, without solving the diagram again.

Changing the conversions out of one node u changes one row of A by δ. With y the goal yields
and z the number of returns to u per person at each node, Sherman–Morrison gives

    ΔG = v[u] · (δ · y) / (1 − δ · z)

and z is zero outside u's own loop, so off loops it is just v[u] · Σ Δc · y[dst]. Inside a
loop z[w] = (I − A)⁻¹[w][u] is needed only where u → w is an edge: those entries of the
inverse all come from the loop's one factorisation (a selected inverse), so the impacts of
every off-target edge cost no more than solving the diagram (SPEC §3 "impact").

Caveat, by design: siblings without a conversion share what the known edges leave. Raising
one edge to its target then shrinks those shares, so an edge raised to target can truly cost
goals when the sibling it takes people from led to more goals.
"""

from __future__ import annotations

from app.analysis.graph import FunnelGraph, share_out
from app.analysis.solve import Solution
from app.model import Edge, NodeKind
from app.model.diagram import Diagram

#: below this, a loop would return all of its people after the change: no steady state
_DENOMINATOR_EPSILON = 1e-12


def is_worse(edge: Edge, diagram: Diagram, into_exit: bool | None = None) -> bool | None:
    """Whether the edge's actual conversion misses its target (SPEC §3); None if unmeasured.

    Into an exit (churn, abandonment) a higher actual is worse; elsewhere a lower one.
    `into_exit` may be given by a caller that already knows the target's kind.
    """
    conversion = edge.conversion
    if conversion is None or conversion.target is None or conversion.actual is None:
        return None
    if into_exit is None:
        target_node = diagram.node(edge.target)
        into_exit = target_node is not None and target_node.kind is NodeKind.exit
    if into_exit:
        return conversion.actual > conversion.target
    return conversion.actual < conversion.target


def conversion_deltas(
    graph: FunnelGraph, solution: Solution, edge: int, new_value: float
) -> dict[int, float]:
    """Change of each outgoing conversion of edge's source when `edge` is set to `new_value`.

    Siblings without a written value re-share what the known ones leave.
    """
    u = graph.src[edge]
    edges = graph.out_edges[u]
    known = [new_value if e == edge else solution.known[e] for e in edges]
    shared = share_out(known)
    return {
        e: c - solution.conversion[e]
        for e, c in zip(edges, shared, strict=True)
        if c != solution.conversion[e]
    }


class GoalDelta:
    """Goal-volume changes of conversion edits in one solved scenario, with per-node memo."""

    def __init__(self, graph: FunnelGraph, solution: Solution):
        self.graph = graph
        self.solution = solution
        self._failed = solution.failed_sccs()

    def of(self, deltas: dict[int, float]) -> float | None:
        """ΔG for changes `deltas` (edge → Δconversion) that all leave one node.

        None when the node's loop has no steady state today or would lose it after the change.
        """
        if not deltas:
            return 0.0
        graph, sol = self.graph, self.solution
        u = graph.src[next(iter(deltas))]
        scc = graph.scc_of[u]
        if scc in self._failed:
            return None
        yield_change = sum(d * sol.goal_yield[graph.dst[e]] for e, d in deltas.items())
        if not graph.looped[u]:
            return sol.volume[u] * yield_change
        system, position = sol.systems[scc]
        here = position[u]
        loop_change = 0.0
        for e, d in deltas.items():
            there = position.get(graph.dst[e])
            if there is not None:  # z is zero outside u's loop
                loop_change += d * system.inverse(there, here)
        denominator = 1.0 - loop_change
        if denominator <= _DENOMINATOR_EPSILON:
            return None
        return sol.volume[u] * yield_change / denominator


def off_target_impacts(
    graph: FunnelGraph, actual: Solution
) -> dict[int, float | None]:
    """Impact on actual goal volume of raising each off-target edge to its target, by edge."""
    delta = GoalDelta(graph, actual)
    impacts: dict[int, float | None] = {}
    exits = [n.kind is NodeKind.exit for n in graph.nodes]
    for e, edge in enumerate(graph.edges):
        if is_worse(edge, graph.diagram, exits[graph.dst[e]]):
            assert edge.conversion is not None and edge.conversion.target is not None
            changes = conversion_deltas(graph, actual, e, edge.conversion.target)
            impacts[e] = delta.of(changes)
    return impacts
