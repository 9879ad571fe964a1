"""Rules about KPIs: off target, missing, or with a target but no actual yet."""

from __future__ import annotations

from collections.abc import Iterator

from app.analysis import messages
from app.analysis.report import Finding
from app.analysis.rules.context import Context
from app.analysis.rules.registry import rule
from app.model import KPI, Better, NodeKind


def kpi_value(kpi: KPI, value: float) -> str:
    """A KPI value as written: 1.4% for percentages, else the number and its unit."""
    if kpi.is_percent:
        return messages.percent(value)
    shown = messages.quantity(value)
    return f"{shown} {kpi.unit}" if kpi.unit else shown


@rule("kpi-off-target", "warning")
def kpi_off_target(ctx: Context) -> Iterator[Finding]:
    """A KPI whose actual is worse than its target, in the direction `better` says."""
    for node in ctx.graph.nodes:
        for kpi in node.kpis:
            if not kpi.is_worse():
                continue
            plan = ctx.contingency(node)
            message = ctx.say(
                "kpi-off-target",
                node=ctx.node_name(node),
                where=ctx.where(node),
                kpi=kpi.name,
                actual=kpi_value(kpi, kpi.actual),  # type: ignore[arg-type]
                target=kpi_value(kpi, kpi.target),  # type: ignore[arg-type]
                better=ctx.say("higher" if kpi.better is Better.higher else "lower"),
                contingency=plan,
            )
            yield ctx.finding("kpi-off-target", "warning", node.id, message, plan=plan)


@rule("missing-kpi", "info")
def missing_kpi(ctx: Context) -> Iterator[Finding]:
    """A step or decision with neither a KPI nor a measured outgoing conversion."""
    graph = ctx.graph
    for i, node in enumerate(graph.nodes):
        if node.kind not in (NodeKind.step, NodeKind.decision) or node.kpis:
            continue
        if any(graph.edges[e].conversion is not None for e in graph.out_edges[i]):
            continue
        message = ctx.say("missing-kpi", node=ctx.node_name(node), where=ctx.where(node))
        yield ctx.finding("missing-kpi", "info", node.id, message)


@rule("kpi-unmeasured", "info")
def kpi_unmeasured(ctx: Context) -> Iterator[Finding]:
    """A target with no actual yet: a KPI, a conversion, a duration or an entry volume."""
    index = ctx.index
    for node in ctx.graph.nodes:
        named = {"node": ctx.node_name(node), "where": ctx.where(node)}
        for kpi in node.kpis:
            if kpi.target is not None and kpi.actual is None:
                message = ctx.say(
                    "kpi-unmeasured", kpi=kpi.name, target=kpi_value(kpi, kpi.target), **named
                )
                yield ctx.finding("kpi-unmeasured", "info", node.id, message)
        if node.duration is not None and node.duration.actual is None:
            target = messages.days(target=node.duration.target)  # type: ignore[arg-type]
            message = ctx.say("kpi-unmeasured-duration", **target, **named)
            yield ctx.finding("kpi-unmeasured", "info", node.id, message)
        if node.volume is not None and node.volume.actual is None:
            volume = messages.number(node.volume.target)  # type: ignore[arg-type]
            message = ctx.say("kpi-unmeasured-volume", target=volume,
                              people=ctx.people(volume), **named)
            yield ctx.finding("kpi-unmeasured", "info", node.id, message)
    for edge in ctx.graph.edges:
        source = index[edge.source]
        named = {"edge": ctx.edge_name(edge), "where": ctx.where(source)}
        conversion = edge.conversion
        if conversion is not None and conversion.actual is None and conversion.target is not None:
            message = ctx.say(
                "kpi-unmeasured-conversion", target=messages.percent(conversion.target), **named
            )
            yield ctx.finding("kpi-unmeasured", "info", edge.id, message)
        if edge.duration is not None and edge.duration.actual is None:
            target = messages.days(target=edge.duration.target)  # type: ignore[arg-type]
            message = ctx.say("kpi-unmeasured-edge-duration", **target, **named)
            yield ctx.finding("kpi-unmeasured", "info", edge.id, message)
