"""Every word of the checklist, in English and 简体中文, and the number formats they use.

One table per language, keyed by message id; the rules fill in names and numbers. Chinese is
written for marketing people (线索, 转化率, 负责人, 泳道), not translated word by word.
"""

from __future__ import annotations

import math

LANGS = ("en", "zh")

_PERIOD = {
    "en": {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"},
    "zh": {"day": "每天", "week": "每周", "month": "每月", "quarter": "每季度", "year": "每年"},
}

EN: dict[str, str] = {
    # pieces
    "where": " ({owner}, {lane})",
    "where_no_owner": " ({lane})",
    "node": "{name}",
    "edge": "{source}→{target}",
    "goals_one": "“{goal}”",
    "goals_many": "goals",
    "impact_more": "reaching the target brings {gain} more {goal} per {period}{share}",
    "impact_none": "bring it back to target",
    "share": " (+{pct})",
    "contingency": " Fallback plan: {text}",
    "targets": "targets",
    "actuals": "actuals",
    "and": " and ",
    "higher": "higher",
    "lower": "lower",
    "unknown": "?",
    # rules
    "no-entry": "The diagram has no entry node, so no one enters the funnel; add an entry "
    "(paid ads, SEO, an event) with its volume per {period}.",
    "unreachable": "{node}{where} cannot be reached from any entry, so no one arrives there; "
    "connect it from an earlier step or delete it.",
    "dead-end": "{node}{where} has no outgoing edge, so the {volume} people reaching it per "
    "{period} are dropped; connect it to the next step, a goal or an exit.",
    "decision-branches": "Decision {node}{where} has {count} outgoing edge(s); a decision needs "
    "at least two branches — add the missing one (e.g. the 'no' path to an exit).",
    "conversion-overflow": "The conversions out of {node}{where} add up to {sums}; together "
    "they can take at most 100% of its people — lower one of them.",
    "overflow-sum": "{pct} on {scenario}",
    "loop-gain": "The loop {cycle} returns {gain} of its people on every pass on {scenario}, "
    "so volumes grow without limit; lower a conversion in the loop. Volumes are shown with "
    "{edge} cut.",
    "over-capacity": "{node}{where} receives {volume} people per {period} but can handle "
    "{capacity} ({over} too many); raise capacity or slow the inflow.",
    "over-capacity-target": "{node}{where} is planned to receive {volume} people per {period}, "
    "above its capacity of {capacity}; raise capacity before the plan is reached or slow the "
    "inflow.",
    "conversion-off-target": "{edge}{where}: conversion {actual} against a target of {target}; "
    "{impact}.{contingency}",
    "conversion-off-target-exit": "{edge}{where}: {actual} of people leave here against a "
    "target of at most {target}; {impact}.{contingency}",
    "trend-worsening-edge": "{edge}{where}: the conversion got worse three periods in a row "
    "({values}); find out what changed before it slips further.{contingency}",
    "trend-worsening-exit": "{edge}{where}: more people left here in each of the last three "
    "periods ({values}); find out what changed before it grows further.{contingency}",
    "trend-worsening-kpi": "{node}{where}: {kpi} got worse three periods in a row ({values}); "
    "find out what changed before it slips further.{contingency}",
    "kpi-off-target": "{node}{where}: {kpi} is {actual} against a target of {target} "
    "({better} is better).{contingency}",
    "slow-step": "{node}{where} takes {actual} {actual_unit} against a target of {target} "
    "(+{delta} {delta_unit}); find what holds people up here.{contingency}",
    "slow-step-edge": "The handoff {edge}{where} waits {actual} {actual_unit} against a target "
    "of {target} (+{delta} {delta_unit}); shorten the wait between the two steps.",
    "slow-path": "The journey from entry to goal takes {actual} {actual_unit} against a target "
    "of {target} (+{delta} {delta_unit}); the step adding most is {step} "
    "(+{step_delta} {step_delta_unit}).",
    "slow-path-no-step": "The journey from entry to goal takes {actual} {actual_unit} against a "
    "target of {target} (+{delta} {delta_unit}); the actual longest path differs from the "
    "planned one.",
    "negative-roi": "Channel {node}{where} costs {cost} per {period} but brings {revenue} of "
    "revenue (ROI {roi}); cut its spend or fix the conversions after it.",
    "missing-owner": "{node} ({lane}) has no owner; name the person or role responsible.",
    "unmeasured-handoff": "The handoff {edge} from {lane_a} to {lane_b} has no conversion; "
    "agree on a handoff metric between {lane_a} and {lane_b}.",
    "no-goal": "The diagram has no goal node, so nothing measures success; add a goal "
    "(a deal, a purchase, a sign-up).",
    "missing-kpi": "{node}{where} has no KPI and no measured conversion; add one so the step "
    "can be tracked.",
    "kpi-unmeasured": "{node}{where}: {kpi} has a target of {target} but no actual yet; record "
    "the actual.",
    "kpi-unmeasured-conversion": "{edge}{where}: conversion target {target} has no actual yet; "
    "record the actual.",
    "kpi-unmeasured-duration": "{node}{where}: duration target {target} {target_unit} has no "
    "actual yet; record the actual.",
    "kpi-unmeasured-edge-duration": "{edge}{where}: waiting-time target {target} {target_unit} "
    "has no actual yet; record the actual.",
    "kpi-unmeasured-volume": "{node}{where}: volume target {target} per {period} has no actual "
    "yet; record the actual.",
    "owner-overload": "{owner} owns {count} of the {total} nodes ({share}); share the load or "
    "name a deputy.",
    "empty-lane": "Lane {lane} has no node; add its steps or remove the lane.",
}

ZH: dict[str, str] = {
    "where": "（负责人：{owner}，{lane}）",
    "where_no_owner": "（{lane}）",
    "node": "「{name}」",
    "edge": "{source}→{target}",
    "goals_one": "人到达「{goal}」",
    "goals_many": "人完成转化",
    "impact_more": "达到目标{period}可多 {gain} {goal}{share}",
    "impact_none": "请把它拉回目标",
    "share": "（+{pct}）",
    "contingency": "预案：{text}",
    "targets": "目标值",
    "actuals": "实际值",
    "and": "、",
    "higher": "高",
    "lower": "低",
    "unknown": "？",
    "no-entry": "流程图没有入口节点，没有人进入漏斗；请添加入口（付费广告、SEO、线下活动）"
    "并填写{period}的流量。",
    "unreachable": "{node}{where}无法从任何入口到达，不会有人流入；请从前面的步骤连线到它，"
    "或删除它。",
    "dead-end": "{node}{where}没有出口连线，{period}到达这里的 {volume} 人就此流失；请把它连到"
    "下一步、目标或流失出口。",
    "decision-branches": "判断节点{node}{where}只有 {count} 条分支；判断至少需要两条分支，"
    "请补上缺少的一条（例如“否”流向流失出口）。",
    "conversion-overflow": "{node}{where}的各出口转化率合计{sums}，超过 100%；请调低其中一条。",
    "overflow-sum": "{scenario} {pct}",
    "loop-gain": "循环 {cycle} 按{scenario}每一轮回流 {gain} 的人，流量会无限增长；请调低循环中"
    "的某个转化率。当前数值按断开 {edge} 计算。",
    "over-capacity": "{node}{where}{period}实际流入 {volume} 人，但只能处理 {capacity} 人"
    "（超出 {over} 人）；请提高处理能力或放缓流入。",
    "over-capacity-target": "{node}{where}按目标{period}将流入 {volume} 人，超过处理能力 "
    "{capacity} 人；请在达到目标前提高处理能力或放缓流入。",
    "conversion-off-target": "{edge}{where}转化率 {actual}，目标 {target}；{impact}。{contingency}",
    "conversion-off-target-exit": "{edge}{where}流失率 {actual}，目标不高于 {target}；{impact}。"
    "{contingency}",
    "trend-worsening-edge": "{edge}{where}转化率连续三期变差（{values}），"
    "请在继续恶化之前查明原因。{contingency}",
    "trend-worsening-exit": "{edge}{where}流失率连续三期上升（{values}），"
    "请在继续恶化之前查明原因。{contingency}",
    "trend-worsening-kpi": "{node}{where}的{kpi}连续三期变差（{values}），"
    "请在继续恶化之前查明原因。{contingency}",
    "kpi-off-target": "{node}{where}的{kpi}为 {actual}，目标 {target}（越{better}越好）。"
    "{contingency}",
    "slow-step": "{node}{where}耗时 {actual} 天，目标 {target} 天（多 {delta} 天）；请找出卡住的"
    "环节。{contingency}",
    "slow-step-edge": "{edge}{where}交接等待 {actual} 天，目标 {target} 天（多 {delta} 天）；"
    "请缩短两步之间的等待。",
    "slow-path": "从入口到目标的周期为 {actual} 天，目标 {target} 天（多 {delta} 天）；拖慢最多的"
    "是{step}（多 {step_delta} 天）。",
    "slow-path-no-step": "从入口到目标的周期为 {actual} 天，目标 {target} 天（多 {delta} 天）；"
    "实际最长路径与计划不同。",
    "negative-roi": "渠道{node}{where}{period}花费 {cost}，只带来收入 {revenue}（投资回报率 "
    "{roi}）；请削减投放或改善后续转化。",
    "missing-owner": "{node}（{lane}）没有负责人；请指定负责的人或岗位。",
    "unmeasured-handoff": "{edge} 是{lane_a}到{lane_b}的交接，没有转化率；请{lane_a}和{lane_b}"
    "约定交接指标。",
    "no-goal": "流程图没有目标节点，无法衡量成效；请添加目标（成交、购买、注册）。",
    "missing-kpi": "{node}{where}没有 KPI，也没有已测量的转化率；请添加一个以便跟踪。",
    "kpi-unmeasured": "{node}{where}的{kpi}目标为 {target}，尚无实际值；请记录实际值。",
    "kpi-unmeasured-conversion": "{edge}{where}转化率目标 {target}，尚无实际值；请记录实际值。",
    "kpi-unmeasured-duration": "{node}{where}时长目标 {target} 天，尚无实际值；请记录实际值。",
    "kpi-unmeasured-edge-duration": "{edge}{where}等待时长目标 {target} 天，尚无实际值；"
    "请记录实际值。",
    "kpi-unmeasured-volume": "{node}{where}流量目标为{period} {target} 人，尚无实际值；"
    "请记录实际值。",
    "owner-overload": "{owner} 负责 {total} 个节点中的 {count} 个（{share}）；请分担工作或指定"
    "副手。",
    "empty-lane": "泳道「{lane}」没有节点；请添加它的步骤或删除该泳道。",
}

TABLES = {"en": EN, "zh": ZH}


def text(lang: str, key: str, **params: object) -> str:
    """The message `key` in `lang` ("en" or "zh", anything else is English), filled in."""
    table = TABLES.get(lang, EN)
    return table[key].format(**params)


def period_word(lang: str, period: str) -> str:
    """"month" / "每月": how a period is said inside a sentence."""
    return _PERIOD.get(lang, _PERIOD["en"])[period]


def percent(rate: float) -> str:
    """12% / 3.2% / 0.05%: a rate as people write it, without float noise."""
    value = rate * 100
    if not math.isfinite(value):
        return "—"
    if abs(value) >= 10 or value == int(value):
        digits = 0 if abs(value - round(value)) < 0.05 else 1
    elif abs(value) >= 0.1:
        digits = 1
    else:
        digits = 2
    return f"{_trim(f'{value:.{digits}f}')}%"


def number(value: float) -> str:
    """38 / 4.5 / 0.25 / 12,000: a volume rounded the way a report would show it."""
    if not math.isfinite(value):
        return "—"
    if abs(value) >= 10:
        return f"{round(value):,}"
    if abs(value) >= 1:
        return _trim(f"{value:.1f}")
    return _trim(f"{value:.2f}") if value else "0"


def money(value: float, currency: str | None) -> str:
    """30,000 CNY: an amount of money, with the diagram's currency when it has one."""
    if not math.isfinite(value):
        amount = "—"
    else:
        amount = f"{round(value):,}" if abs(value) >= 100 else _trim(f"{value:.2f}")
    return f"{amount} {currency}" if currency else amount


def _trim(text_value: str) -> str:
    if "." in text_value:
        text_value = text_value.rstrip("0").rstrip(".")
    return "0" if text_value in ("-0", "") else text_value


def days(**values: float) -> dict[str, str]:
    """Numbers of days as message parameters: `days(delta=1)` gives {"delta": "1",
    "delta_unit": "day"}; English says "1 day" but "2 days" (Chinese 天 has no plural)."""
    said: dict[str, str] = {}
    for name, value in values.items():
        said[name] = quantity(value)
        said[f"{name}_unit"] = "day" if said[name] == "1" else "days"
    return said


def quantity(value: float) -> str:
    """12,000 / 4.25 / -3: a KPI value or a number of days, without rounding away decimals."""
    if not math.isfinite(value):
        return "—"
    if value == int(value):
        return f"{int(value):,}"
    return _trim(f"{value:,.2f}")
