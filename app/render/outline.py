"""The funnel as plain text, in funnel order: what a screen reader reads and a user copies.

One numbered line per step (label, kind, lane, phase, owner, volume), then one indented line
per outgoing connection (where people go, at what conversion against which target) and per
KPI (actual against target, with the verdict in words as well as a mark, so it is not lost
when read aloud). Pure Python: the report is only read (duck-typed), never imported, so this
module stays below `app.analysis` in the dependency order.
"""

from __future__ import annotations

from typing import Any

from app.model import KPI, Diagram, Edge, Node, NodeKind
from app.model.order import funnel_ranks
from app.render.labels import format_count, format_rate, per_period

# The words of the outline. Kept here, like the canvas' own words in labels.py, because the
# text is also written by headless exports that have no Qt translator.
WORDS = {
    "en": {
        "kinds": {"entry": "entry", "step": "step", "decision": "decision", "goal": "goal",
                  "exit": "exit"},
        "owner": "owner {owner}", "no_owner": "no owner",
        "people": "{actual}{per}", "people_target": "{actual}{per} (target {target})",
        "to": "→ {target}", "conversion": "{actual} (target {target})",
        "goals": "Goals reached: {actual}{per} (target {target})",
        "revenue": "Revenue: {actual} (target {target})",
        "kpi": "KPI {name}: {actual} / target {target}", "kpi_plain": "KPI {name}: {value}",
        "on": "✓ on target", "off": "✗ off target", "unmeasured": "○ not measured",
        "bottlenecks": "Top bottlenecks:", "steps": "Steps in funnel order ({count}):",
        "loop": " (loops back)", "none": "(no steps yet)", "label": " ({label})",
    },
    "zh": {
        "kinds": {"entry": "入口", "step": "步骤", "decision": "决策", "goal": "目标",
                  "exit": "流失"},
        "owner": "负责人 {owner}", "no_owner": "未指定负责人",
        "people": "{actual}{per}", "people_target": "{actual}{per}（目标 {target}）",
        "to": "→ {target}", "conversion": "{actual}（目标 {target}）",
        "goals": "目标达成：{actual}{per}（目标 {target}）",
        "revenue": "收入：{actual}（目标 {target}）",
        "kpi": "KPI {name}：{actual} / 目标 {target}", "kpi_plain": "KPI {name}：{value}",
        "on": "✓ 达标", "off": "✗ 未达标", "unmeasured": "○ 未测量",
        "bottlenecks": "主要瓶颈：", "steps": "按漏斗顺序的步骤（共 {count} 个）：",
        "loop": "（回流）", "none": "（还没有步骤）", "label": "「{label}」",
    },
}
SEPARATOR = " — "


def words(lang: str) -> dict[str, Any]:
    """The outline's words in `lang` ("en" or "zh"; anything else is English)."""
    return WORDS.get(lang, WORDS["en"])


def funnel_order(diagram: Diagram) -> list[str]:
    """Node ids in funnel order: by rank from the entries, ties by lane (top first), then file.

    The same order as Tab on the canvas and as the outline, so both tell the same story.
    """
    ranks = funnel_ranks(diagram)
    lane_index = {lane.id: i for i, lane in enumerate(diagram.lanes)}
    position = {node.id: i for i, node in enumerate(diagram.nodes)}
    nodes = diagram.node_index()
    return sorted(position, key=lambda n: (ranks.get(n, 0),
                                           lane_index.get(nodes[n].lane, 0), position[n]))


def edge_verdict(edge: Edge, into_exit: bool) -> str:
    """"on", "off" or "unmeasured" for an edge's conversion (leaks are worse when higher)."""
    measure = edge.conversion
    if measure is None or measure.target is None or measure.actual is None:
        return "unmeasured"
    worse = measure.actual > measure.target if into_exit else measure.actual < measure.target
    return "off" if worse else "on"


def _kpi_value(value: float, percent: bool, unit: str | None) -> str:
    if percent:
        return format_rate(value)
    text = format_count(value)
    return f"{text} {unit}" if unit else text


def _kpi_line(kpi: KPI, w: dict[str, Any]) -> str:
    percent = kpi.is_percent
    unit = None if percent else kpi.unit
    if kpi.target is None or kpi.actual is None:
        value = kpi.actual if kpi.actual is not None else kpi.target
        text = w["kpi_plain"].format(name=kpi.name, value=_kpi_value(value, percent, unit)
                                     if value is not None else "—")
        return f"{text}{SEPARATOR}{w['unmeasured']}"
    text = w["kpi"].format(name=kpi.name, actual=_kpi_value(kpi.actual, percent, unit),
                           target=_kpi_value(kpi.target, percent, unit))
    return f"{text}{SEPARATOR}{w['off' if kpi.is_worse() else 'on']}"


def _edge_line(edge: Edge, diagram: Diagram, w: dict[str, Any], number: dict[str, int]) -> str:
    target = diagram.node_index()[edge.target]
    name = f"{number[edge.target]}. {target.title}" if edge.target in number else target.title
    text = w["to"].format(target=name)
    if number.get(edge.target, 0) <= number.get(edge.source, 0):
        text += w["loop"]
    if edge.label:
        text += w["label"].format(label=edge.label)
    measure = edge.conversion
    if measure is not None:
        if measure.target is not None and measure.actual is not None and not measure.is_bare:
            text += " " + w["conversion"].format(actual=format_rate(measure.actual),
                                                 target=format_rate(measure.target))
        else:
            value = measure.actual if measure.actual is not None else measure.target
            text += " " + (format_rate(value) if value is not None else "—")
    verdict = edge_verdict(edge, target.kind is NodeKind.exit)
    return f"{text}{SEPARATOR}{w[verdict]}"


# `report` is an analysis Checklist (duck-typed: the render layer may not import the analysis).
def _volume(node: Node, report: Any, diagram: Diagram, lang: str) -> str | None:
    w = words(lang)
    per = per_period(lang, diagram.period.value, short=False)
    actual = target = None
    if report is not None and node.id in report.volumes.get("actual", {}):
        actual = report.volumes["actual"].get(node.id)
        target = report.volumes.get("target", {}).get(node.id)
    elif node.volume is not None:
        actual, target = node.volume.value("actual"), node.volume.value("target")
    if actual is None:
        return None
    if target is not None and format_count(target) != format_count(actual):
        return str(w["people_target"].format(actual=format_count(actual), per=per,
                                             target=format_count(target)))
    return str(w["people"].format(actual=format_count(actual), per=per))


def node_line(node: Node, diagram: Diagram, report: Any, lang: str, number: int) -> str:
    """The headline of one step: "4. 官网落地页 — 步骤 — 市场部 / 客户引流 — 负责人 增长经理"."""
    w = words(lang)
    lane = diagram.lane(node.lane)
    place = lane.title if lane else node.lane
    if node.phase and (phase := diagram.phase(node.phase)) is not None:
        place += f" / {phase.title}"
    owner = (w["owner"].format(owner=node.owner) if node.owner and node.owner.strip()
             else w["no_owner"])
    parts = [f"{number}. {node.title}", w["kinds"][node.kind.value], place, owner]
    volume = _volume(node, report, diagram, lang)
    if volume:
        parts.append(volume)
    return SEPARATOR.join(parts)


def outline_lines(diagram: Diagram, report: Any = None, lang: str = "en") -> list[str]:
    """The outline as lines (see `outline_text`)."""
    w = words(lang)
    per = per_period(lang, diagram.period.value, short=False)
    lines = [diagram.title] if diagram.title else []
    if report is not None and report.goals:
        lines.append(w["goals"].format(actual=format_count(report.goals.get("actual", 0.0)),
                                       target=format_count(report.goals.get("target", 0.0)),
                                       per=per))
        revenue = report.revenue or {}
        if revenue.get("actual") or revenue.get("target"):
            money = f" {diagram.currency}" if diagram.currency else ""
            lines.append(w["revenue"].format(
                actual=format_count(revenue.get("actual", 0.0)) + money + per,
                target=format_count(revenue.get("target", 0.0)) + money + per))
    if report is not None and report.bottlenecks:
        lines += ["", w["bottlenecks"]]
        lines += [f"  {i}. {f.message}" for i, f in enumerate(report.bottlenecks, 1)]
    order = funnel_order(diagram)
    number = {node_id: i for i, node_id in enumerate(order, 1)}
    out: dict[str, list[Edge]] = {}
    for edge in diagram.edges:
        out.setdefault(edge.source, []).append(edge)
    if lines:
        lines.append("")
    lines.append(w["steps"].format(count=len(order)) if order else w["none"])
    for node_id in order:
        node = diagram.node_index()[node_id]
        lines.append(node_line(node, diagram, report, lang, number[node_id]))
        lines += [f"    {_edge_line(e, diagram, w, number)}" for e in out.get(node_id, [])]
        lines += [f"    {_kpi_line(k, w)}" for k in node.kpis]
    return lines


def outline_text(diagram: Diagram, report: Any = None, lang: str = "en") -> str:
    """The whole funnel as text in funnel order: goals, top bottlenecks, then every step with
    its lane, owner, volume, outgoing conversions and KPIs. `report` is `analyze(diagram)`
    (optional: without it volumes come from the entries only and no bottlenecks are listed)."""
    return "\n".join(outline_lines(diagram, report, lang)) + "\n"
