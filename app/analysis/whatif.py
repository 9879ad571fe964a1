"""What-if questions for the workshop slider: goals if one conversion or one entry changed.

Answered from the solved actual scenario in a Checklist (linear flows: no new solve), falling
back to a full `analyze` of the changed diagram only where the shortcut does not hold.
"""

from __future__ import annotations

from app.analysis.impact import GoalDelta, conversion_deltas
from app.analysis.report import Checklist
from app.model import Diagram


def goal_volume_with(
    diagram: Diagram,
    report: Checklist,
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
        assert entry_id is not None and volume is not None
        i = graph.index[entry_id]
        return float(actual.goals + (volume - actual.entry[i]) * actual.goal_yield[i])
    if change_edge:
        e = next(k for k, edge in enumerate(graph.edges) if edge.id == edge_id)
        assert conversion is not None
        change = GoalDelta(graph, actual).of(conversion_deltas(graph, actual, e, conversion))
        if change is None:
            return _reanalysed(diagram, edge_id, conversion, entry_id, volume)
        return float(actual.goals + change)
    return float(actual.goals)


def _reanalysed(
    diagram: Diagram,
    edge_id: str | None,
    conversion: float | None,
    entry_id: str | None,
    volume: float | None,
) -> float:
    # Imported here: analyze imports the rules, which need nothing from this module; the
    # commands (a large module, ~30 ms to import) only for this rare fallback, so
    # that `funnelflow check`, which imports app.analysis, does not load them.
    from app.analysis.analyze import analyze
    from app.model.commands import UpdateEdge, UpdateNode

    changed = diagram
    if edge_id is not None and conversion is not None:
        edge = next(e for e in changed.edges if e.id == edge_id)
        target = edge.conversion.target if edge.conversion is not None else None
        changed, _ = UpdateEdge(edge.source, edge.target, {
            "conversion": {"target": target, "actual": conversion}}).apply(changed)
    if entry_id is not None and volume is not None:
        node = changed.node_index()[entry_id]
        target = node.volume.target if node.volume is not None else None
        changed, _ = UpdateNode(entry_id, {
            "volume": {"target": target, "actual": volume}}).apply(changed)
    return analyze(changed).goals["actual"]
