"""What-if projections: the funnel's numbers if one conversion or one entry volume changed.

Pure (no Qt): the panel asks `project` on every slider step and shows the answer; the
document is never touched. `apply_command` is the one edit the panel's Apply executes.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis import analyze, goal_volume_with
from app.model import Diagram, Measure, NodeKind, RateMeasure
from app.model.commands import UpdateEdge, UpdateNode

#: above this many nodes only the goal volume is projected live (no full re-analysis)
FULL_ANALYSIS_LIMIT = 1500


@dataclass(frozen=True)
class Lever:
    """What the slider moves: an edge's actual conversion or an entry's actual volume."""

    kind: str  # "edge" or "entry"
    target_id: str  # "a->b" or a node id
    current: float  # today's actual value (rate 0..1, or people per period)
    target: float | None  # the planned value, marked on the slider
    #: the most an edge's conversion can be: what its siblings' actual conversions leave of
    #: 100% (beyond it the funnel would be impossible: `conversion-overflow`)
    limit: float = 1.0

    @property
    def is_rate(self) -> bool:
        return self.kind == "edge"


@dataclass(frozen=True)
class Projection:
    """Goal volume and revenue today and with the change, and the checklist with it."""

    lever: Lever
    value: float
    goals_today: float
    goals_new: float
    revenue_today: float
    revenue_new: float | None  # None: not re-analysed (very large diagram)
    bottlenecks: tuple  # Finding, … of the changed diagram (empty when not re-analysed)

    @property
    def gain(self) -> float:
        return self.goals_new - self.goals_today

    @property
    def share(self) -> float | None:
        """The gain as a share of today's goals (None when today is zero)."""
        return self.gain / self.goals_today if self.goals_today else None


def lever_for(diagram: Diagram, report, target_id: str | None) -> Lever | None:
    """The lever for a selected edge ("a->b"), entry node, or other node.

    For a step or decision node the lever is its outgoing edge that is the biggest bottleneck
    (else its first measured outgoing edge): selecting a node by keyboard is enough to ask.
    """
    if not target_id:
        return None
    if "->" in target_id:
        source, _, target = target_id.partition("->")
        edge = diagram.edge(source, target)
        if edge is None:
            return None
        conversion = edge.conversion
        current = conversion.value("actual") if conversion is not None else None
        if current is None and report is not None:
            current = report.conversions.get("actual", {}).get(edge.id)
        siblings = [e for e in diagram.edges if e.source == source and e.id != edge.id]
        taken = sum(e.conversion.value("actual") or 0.0 for e in siblings
                    if e.conversion is not None)
        return Lever("edge", edge.id, float(current or 0.0),
                     conversion.target if conversion is not None else None,
                     limit=max(0.0, 1.0 - taken))
    node = diagram.node(target_id)
    if node is None:
        return None
    if node.kind is NodeKind.entry:
        volume = node.volume
        current = volume.value("actual") if volume is not None else 0.0
        return Lever("entry", node.id, float(current or 0.0),
                     volume.target if volume is not None else None)
    outgoing = [e for e in diagram.edges if e.source == node.id]
    ranked = [f.target for f in (report.bottlenecks if report is not None else [])]
    for edge_id in ranked:
        if any(e.id == edge_id for e in outgoing):
            return lever_for(diagram, report, edge_id)
    measured = [e for e in outgoing if e.conversion is not None] or outgoing
    return lever_for(diagram, report, measured[0].id) if measured else None


def changed_diagram(diagram: Diagram, lever: Lever, value: float) -> Diagram:
    """A snapshot with the lever set to `value` (the target is kept): never the session's."""
    if lever.kind == "edge":
        edges = tuple(
            e.model_copy(update={"conversion": RateMeasure(target=lever.target, actual=value)})
            if e.id == lever.target_id else e for e in diagram.edges)
        return diagram.evolve(edges=edges)
    nodes = tuple(
        n.model_copy(update={"volume": Measure(target=lever.target, actual=value)})
        if n.id == lever.target_id else n for n in diagram.nodes)
    return diagram.evolve(nodes=nodes)


def project(diagram: Diagram, report, lever: Lever, value: float,
            lang: str = "en") -> Projection:
    """The funnel's goal volume, revenue and top bottlenecks with the lever at `value`.

    `report` must be `analyze(diagram, lang)`; the goal volume comes from the cheap what-if
    of app.analysis, the rest from analysing the changed snapshot (small diagrams only).
    """
    if lever.kind == "edge":
        goals_new = goal_volume_with(diagram, report, edge_id=lever.target_id, conversion=value)
    else:
        goals_new = goal_volume_with(diagram, report, entry_id=lever.target_id, volume=value)
    revenue_new, bottlenecks = None, ()
    if len(diagram.nodes) <= FULL_ANALYSIS_LIMIT:
        changed = analyze(changed_diagram(diagram, lever, value), lang)
        revenue_new = changed.revenue.get("actual", 0.0)
        bottlenecks = tuple(changed.bottlenecks)
    return Projection(lever, value, report.goals.get("actual", 0.0), goals_new,
                      report.revenue.get("actual", 0.0), revenue_new, bottlenecks)


def apply_command(lever: Lever, value: float, text: str = "What-if"):
    """The one edit that makes the projection real (one undo step)."""
    if lever.kind == "edge":
        source, _, target = lever.target_id.partition("->")
        return UpdateEdge(source, target,
                          {"conversion": {"target": lever.target, "actual": value}}, text=text)
    return UpdateNode(lever.target_id, {"volume": {"target": lever.target, "actual": value}},
                      text=text)
