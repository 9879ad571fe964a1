"""Rules about who is responsible: owners, overloaded owners, handoffs between departments."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from app.analysis import messages
from app.analysis.report import Finding
from app.analysis.rules.context import Context
from app.analysis.rules.registry import rule

#: an owner holding more than this share of all nodes is overloaded ...
OWNER_OVERLOAD_SHARE = 1 / 3
#: ... provided they hold at least this many (three nodes of nine is a normal small team)
OWNER_OVERLOAD_MIN = 4


@rule("missing-owner", "warning")
def missing_owner(ctx: Context) -> Iterator[Finding]:
    """A node with no owner (missing or blank)."""
    for node in ctx.graph.nodes:
        if not (node.owner or "").strip():
            message = ctx.say("missing-owner", node=ctx.node_name(node), lane=ctx.lane(node.lane))
            yield ctx.finding("missing-owner", "warning", node.id, message)


@rule("owner-overload", "info")
def owner_overload(ctx: Context) -> Iterator[Finding]:
    """One owner holds more than a third of the nodes, and at least four."""
    total = len(ctx.graph.nodes)
    counts = Counter((n.owner or "").strip() for n in ctx.graph.nodes)
    counts.pop("", None)
    for owner, count in sorted(counts.items()):
        if count >= OWNER_OVERLOAD_MIN and count > total * OWNER_OVERLOAD_SHARE:
            message = ctx.say(
                "owner-overload", owner=owner, count=count, total=total,
                share=messages.percent(count / total),
            )
            yield ctx.finding("owner-overload", "info", owner, message)


@rule("unmeasured-handoff", "warning")
def unmeasured_handoff(ctx: Context) -> Iterator[Finding]:
    """An edge between two lanes (a handoff between departments) with no conversion."""
    index = ctx.index
    for edge in ctx.graph.edges:
        lane_a, lane_b = index[edge.source].lane, index[edge.target].lane
        if lane_a != lane_b and edge.conversion is None:
            message = ctx.say(
                "unmeasured-handoff", edge=ctx.edge_name(edge),
                lane_a=ctx.lane(lane_a), lane_b=ctx.lane(lane_b),
            )
            yield ctx.finding("unmeasured-handoff", "warning", edge.id, message)
