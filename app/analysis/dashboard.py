"""The numbers behind the dashboard (SPEC §6): pure, so the Qt view and the PDF page chart
exactly the same data and tests can check it without drawing."""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis.analyze import analyze
from app.model import Diagram, HistoryEntry, NodeKind
from app.model.review import ActualChange, SetActuals


@dataclass(frozen=True)
class DashboardData:
    """Goal volume per period, channel ROI and CAC, and volumes along the funnel."""

    periods: tuple[str, ...]  # closed periods, oldest first, then today ("" in the last place)
    goal_target: tuple[float, ...]
    goal_actual: tuple[float, ...]
    channels: tuple[str, ...]
    roi: tuple[float | None, ...]
    cac: tuple[float | None, ...]
    steps: tuple[str, ...]  # nodes along the funnel (file order, exits left out)
    volume_target: tuple[float, ...]
    volume_actual: tuple[float, ...]


def dashboard_data(diagram: Diagram) -> DashboardData:
    """Everything the three charts show, for `diagram` as it is now."""
    today = analyze(diagram)
    goals_target, goals_actual = [], []
    for entry in diagram.history:
        past = analyze(with_actuals_of(diagram, entry))
        goals_target.append(past.goals["target"])
        goals_actual.append(past.goals["actual"])
    goals_target.append(today.goals["target"])
    goals_actual.append(today.goals["actual"])
    nodes = diagram.node_index()
    channels = today.channels
    steps = [n for n in diagram.nodes if n.kind is not NodeKind.exit]
    return DashboardData(
        periods=tuple(e.period for e in diagram.history) + ("",),
        goal_target=tuple(goals_target), goal_actual=tuple(goals_actual),
        channels=tuple(nodes[c.entry].title for c in channels),
        roi=tuple(c.roi for c in channels), cac=tuple(c.cac for c in channels),
        steps=tuple(n.title for n in steps),
        volume_target=tuple(today.volumes["target"][n.id] for n in steps),
        volume_actual=tuple(today.volumes["actual"][n.id] for n in steps),
    )


def with_actuals_of(diagram: Diagram, entry: HistoryEntry) -> Diagram:
    """`diagram` with the actuals measured in a closed period (others as they are today)."""
    changes = []
    for node_id, values in entry.nodes.items():
        for key in ("volume", "duration"):
            if getattr(values, key) is not None:
                changes.append(ActualChange(node_id, key, None, getattr(values, key)))
        changes += [ActualChange(node_id, f"kpi:{name}", None, value)
                    for name, value in values.kpis.items()]
    for edge_id, values in entry.edges.items():
        for key in ("conversion", "duration"):
            if getattr(values, key) is not None:
                changes.append(ActualChange(edge_id, key, None, getattr(values, key)))
    return SetActuals(tuple(changes)).apply(diagram)[0] if changes else diagram
