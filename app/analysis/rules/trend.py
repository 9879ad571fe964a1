"""The early warning (预警): measures that got worse period after period (SPEC §4, §6)."""

from __future__ import annotations

from collections.abc import Iterator

from app.analysis import messages
from app.analysis.report import Finding
from app.analysis.rules.context import Context
from app.analysis.rules.measurement import kpi_value
from app.analysis.rules.registry import rule
from app.analysis.trends import WORSE_STEPS, trends


@rule("trend-worsening", "warning")
def trend_worsening(ctx: Context) -> Iterator[Finding]:
    """An edge conversion or a KPI worse at each of its last three measured steps."""
    diagram = ctx.graph.diagram
    for trend in trends(diagram).values():
        if trend.kind == "volume" or not trend.worsening:
            continue
        tail = trend.values[-(WORSE_STEPS + 1):]
        if trend.kind == "conversion":
            edge = diagram.edge(*trend.item.split("->", 1))
            source = ctx.index[edge.source]
            shown = ctx.say("trend_step").join(messages.percent(v) for v in tail)
            key = "trend-worsening-edge" if trend.higher_is_better else "trend-worsening-exit"
            plan = ctx.contingency(source)
            message = ctx.say(key, edge=ctx.edge_name(edge), where=ctx.where(source),
                              values=shown, contingency=plan)
        else:
            node = ctx.index[trend.item]
            kpi = next(k for k in node.kpis if k.name == trend.kpi)
            shown = ctx.say("trend_step").join(kpi_value(kpi, v) for v in tail)
            plan = ctx.contingency(node)
            message = ctx.say("trend-worsening-kpi", node=ctx.node_name(node),
                              where=ctx.where(node), kpi=kpi.name, values=shown,
                              contingency=plan)
        # the plan is named so that a grouped checklist gives it once (SPEC §4)
        yield ctx.finding("trend-worsening", "warning", trend.item, message, plan=plan)
