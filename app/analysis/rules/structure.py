"""Rules about the shape of the diagram: entries, goals, reachability, branches, lanes."""

from __future__ import annotations

from collections.abc import Iterator

from app.analysis import messages
from app.analysis.graph import reachable_from_entries
from app.analysis.report import Finding
from app.analysis.rules.context import Context
from app.analysis.rules.registry import rule
from app.model import NodeKind

#: a decision needs at least this many outgoing edges
DECISION_MIN_BRANCHES = 2


@rule("no-entry", "error")
def no_entry(ctx: Context) -> Iterator[Finding]:
    """The diagram has no entry node."""
    if not any(n.kind is NodeKind.entry for n in ctx.graph.nodes):
        yield ctx.finding("no-entry", "error", None, ctx.say("no-entry"))


@rule("unreachable", "error")
def unreachable(ctx: Context) -> Iterator[Finding]:
    """A node no entry node can reach (with no entry at all, every node)."""
    reached = reachable_from_entries(ctx.graph)
    for node, seen in zip(ctx.graph.nodes, reached, strict=True):
        if not seen:
            message = ctx.say("unreachable", node=ctx.node_name(node), where=ctx.where(node))
            yield ctx.finding("unreachable", "error", node.id, message)


@rule("dead-end", "error")
def dead_end(ctx: Context) -> Iterator[Finding]:
    """A node other than goal/exit with no outgoing edge: leads are dropped there."""
    for i, node in enumerate(ctx.graph.nodes):
        if node.kind in (NodeKind.goal, NodeKind.exit) or ctx.graph.out_edges[i]:
            continue
        volume = messages.number(ctx.actual.volume[i])
        message = ctx.say(
            "dead-end" if volume != "0" else "dead-end-empty",
            node=ctx.node_name(node),
            where=ctx.where(node),
            volume=volume,
            people=ctx.people(volume),
        )
        yield ctx.finding("dead-end", "error", node.id, message)


@rule("decision-branches", "error")
def decision_branches(ctx: Context) -> Iterator[Finding]:
    """A decision node with fewer than two outgoing edges."""
    for i, node in enumerate(ctx.graph.nodes):
        count = len(ctx.graph.out_edges[i])
        if node.kind is NodeKind.decision and count < DECISION_MIN_BRANCHES:
            message = ctx.say(
                "decision-branches", node=ctx.node_name(node), where=ctx.where(node),
                ways=ctx.say("no_way" if count == 0 else "one_way"),
            )
            yield ctx.finding("decision-branches", "error", node.id, message)


@rule("no-goal", "warning")
def no_goal(ctx: Context) -> Iterator[Finding]:
    """The diagram has no goal node."""
    if not any(n.kind is NodeKind.goal for n in ctx.graph.nodes):
        yield ctx.finding("no-goal", "warning", None, ctx.say("no-goal"))


@rule("empty-lane", "info")
def empty_lane(ctx: Context) -> Iterator[Finding]:
    """A lane with no node."""
    used = {n.lane for n in ctx.graph.nodes}
    for lane in ctx.graph.diagram.lanes:
        if lane.id not in used:
            message = ctx.say("empty-lane", lane=ctx.lane(lane.id))
            yield ctx.finding("empty-lane", "info", lane.id, message)
