"""What-if questions for the workshop slider: goals if one conversion or one entry changed.

Answered from the solved actual scenario in a Report (linear flows: no new solve), falling
back to a full `analyze` of the changed diagram only where the shortcut does not hold.
"""

from __future__ import annotations

from app.analysis.graph import share_out
from app.analysis.impact import GoalDelta
from app.analysis.report import Report
from app.model import Diagram, Measure, RateMeasure


def goal_volume_with(
    diagram: Diagram,
    report: Report,
    edge_id: str | None = None,
    conversion: float | None = None,
    entry_id: str | None = None,
    volume: float | None = None,
) -> float:
    """Actual goal volume per period if edge `edge_id`'s actual conversion were `conversion`
    and/or node `entry_id`'s actual entry volume were `volume`.

    `report` must be `analyze(diagram)`. Siblings without a conversion re-share the rest.
    """
    internals = report.internals
    change_edge = edge_id is not None and conversion is not None
    change_entry = entry_id is not None and volume is not None
    if internals is None or (change_edge and change_entry):
        return _reanalysed(diagram, edge_id, conversion, entry_id, volume)
    graph, actual = internals.graph, internals.solutions["actual"]
    if change_entry:
        i = graph.index[entry_id]  # type: ignore[index]
        return actual.goals + (volume - actual.entry[i]) * actual.goal_yield[i]  # type: ignore[operator]
    if change_edge:
        e = next(k for k, edge in enumerate(graph.edges) if edge.id == edge_id)
        u = graph.src[e]
        edges = graph.out_edges[u]
        shared = share_out([conversion if k == e else actual.known[k] for k in edges])
        deltas = {
            k: c - actual.conversion[k]
            for k, c in zip(edges, shared, strict=True)
            if c != actual.conversion[k]
        }
        change = GoalDelta(graph, actual).of(deltas)
        if change is None:
            return _reanalysed(diagram, edge_id, conversion, entry_id, volume)
        return actual.goals + change
    return actual.goals


def _reanalysed(
    diagram: Diagram,
    edge_id: str | None,
    conversion: float | None,
    entry_id: str | None,
    volume: float | None,
) -> float:
    # Imported here: analyze imports the rules, which need nothing from this module.
    from app.analysis.analyze import analyze

    changed = diagram
    if edge_id is not None and conversion is not None:
        edges = []
        for edge in changed.edges:
            if edge.id == edge_id:
                old = edge.conversion
                target = old.target if old is not None else None
                edge = edge.model_copy(
                    update={"conversion": RateMeasure(target=target, actual=conversion)}
                )
            edges.append(edge)
        changed = changed.evolve(edges=tuple(edges))
    if entry_id is not None and volume is not None:
        nodes = []
        for node in changed.nodes:
            if node.id == entry_id:
                old = node.volume
                target = old.target if old is not None else None
                node = node.model_copy(update={"volume": Measure(target=target, actual=volume)})
            nodes.append(node)
        changed = changed.evolve(nodes=tuple(nodes))
    return analyze(changed).goals["actual"]
