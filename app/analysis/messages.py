"""Every word of the checklist, in English and 简体中文, and the number formats they use.

One table per language, keyed by message id; the rules fill in names and numbers. Chinese is
written for marketing people (线索, 转化率, 负责人, 泳道), not translated word by word.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from app.locale import locale_language
from app.render.labels import period_noun

if TYPE_CHECKING:
    from app.model import Diagram

LANGS = ("en", "zh")

EN: dict[str, str] = {
    # pieces (English keeps ASCII punctuation around names: curly quotes and arrows come out
    # full-width where a CJK font is first in line)
    "where": " ({owner}, {lane})",
    "where_no_owner": " ({lane})",
    "node": "{name}",
    "edge": "{source} -> {target}",
    "trend_step": " -> ",
    "impact_goal": "reaching the target brings {gain} more {people} per {period} to "
    "\"{goal}\"{share}",
    "impact_people": "reaching the target brings {gain} more {customers} per {period}{share}",
    "impact_none": "bring it back to target",
    "share": " (+{pct})",
    "contingency": " Fallback plan: {text}",
    "targets": "targets",
    "actuals": "actuals",
    "and": " and ",
    "higher": "higher",
    "lower": "lower",
    "unknown": "?",
    "no_way": "no way out",
    "one_way": "only one way out",
    # rules
    "no-entry": "Nobody enters the funnel: no step brings people in. Add where people come "
    "from (paid ads, SEO, an event) with how many arrive per {period}.",
    "unreachable": "{node}{where}: cannot be reached from where people come in, so nobody "
    "arrives there; connect it from an earlier step or delete it.",
    "dead-end": "{node}{where}: leads nowhere, so the {volume} {people} reaching it per "
    "{period} are lost; connect it to the next step, or to where people leave or buy.",
    "dead-end-empty": "{node}{where}: leads nowhere, so anyone reaching it would be lost; "
    "connect it to the next step, or to where people leave or buy.",
    "decision-branches": "{node}{where}: a choice with {ways}; add the missing branch "
    "(e.g. the 'no' path out of the funnel).",
    "conversion-overflow": "The conversions out of {node}{where} add up to {sums}; together "
    "they can take at most 100% of its people, so lower one of them.",
    "overflow-sum": "{pct} on {scenario}",
    "loop-gain": "The loop {cycle} returns {gain} of its people on every pass on {scenario}, "
    "so the numbers grow without limit; lower a conversion in the loop. The numbers shown "
    "leave out {edge}.",
    "over-capacity": "{node}{where}: receives {volume} {people} per {period} but can handle "
    "{capacity} ({over} too many); raise capacity or slow the inflow.",
    "over-capacity-target": "{node}{where}: planned to receive {volume} {people} per "
    "{period}, above its capacity of {capacity}; raise capacity before the plan is reached "
    "or slow the inflow.",
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
    "kpi-off-target": "{node}{where}: {kpi} at {actual} against a target of {target} "
    "({better} is better).{contingency}",
    "slow-step": "{node}{where}: takes {actual} {actual_unit} against a target of {target} "
    "(+{delta} {delta_unit}); find what holds people up here.{contingency}",
    "slow-step-edge": "{edge}{where}: the handoff waits {actual} {actual_unit} against a target "
    "of {target} (+{delta} {delta_unit}); shorten the wait between the two steps.",
    "slow-path": "The whole journey takes {actual} {actual_unit} against a target of {target} "
    "(+{delta} {delta_unit}); the step adding most is {step} (+{step_delta} "
    "{step_delta_unit}).",
    "slow-path-no-step": "The whole journey takes {actual} {actual_unit} against a target of "
    "{target} (+{delta} {delta_unit}); its longest path today is not the planned one.",
    "negative-roi": "{node}{where}: as a channel it costs {cost} per {period} but brings "
    "{revenue} of revenue (ROI {roi}); cut its spend or fix the conversions after it.",
    "missing-owner": "{node} ({lane}) has no owner; name the person or role responsible.",
    "unmeasured-handoff": "The handoff {edge} from {lane_a} to {lane_b} has no conversion; "
    "agree on a handoff metric between {lane_a} and {lane_b}.",
    "no-goal": "Nothing in the diagram marks success; add the result the funnel works "
    "towards (a deal, a purchase, a sign-up).",
    "missing-kpi": "{node}{where}: no KPI and no measured conversion; add one so the step "
    "can be tracked.",
    "kpi-unmeasured": "{node}{where}: {kpi} has a target of {target} but no actual yet; record "
    "the actual.",
    "kpi-unmeasured-conversion": "{edge}{where}: conversion target {target} has no actual yet; "
    "record the actual.",
    "kpi-unmeasured-duration": "{node}{where}: duration target {target} {target_unit} has no "
    "actual yet; record the actual.",
    "kpi-unmeasured-edge-duration": "{edge}{where}: waiting-time target {target} {target_unit} "
    "has no actual yet; record the actual.",
    "kpi-unmeasured-volume": "{node}{where}: target of {target} {people} per {period} has no "
    "actual yet; record the actual.",
    "owner-overload": "{owner} is responsible for {count} of the {total} steps ({share}); "
    "share the load or name a deputy.",
    "empty-lane": "The lane {lane} has no steps; add its steps or remove the lane.",
}

ZH: dict[str, str] = {
    "where": "（负责人：{owner}，{lane}）",
    "where_no_owner": "（{lane}）",
    "node": "「{name}」",
    "edge": "{source}→{target}",
    "trend_step": " → ",
    "impact_goal": "达到目标{period}可多 {gain} 人到达「{goal}」{share}",
    "impact_people": "达到目标{period}可多转化 {gain} 人{share}",
    "impact_none": "请把它拉回目标",
    "share": "（+{pct}）",
    "contingency": "预案：{text}",
    "targets": "目标值",
    "actuals": "实际值",
    "and": "、",
    "higher": "高",
    "lower": "低",
    "unknown": "？",
    "no_way": "没有去向",
    "one_way": "只有一条去向",
    "no-entry": "没有人进入漏斗：没有任何步骤带来流量。请添加客户从哪里来（付费广告、SEO、"
    "线下活动），并填写{period}的人数。",
    "unreachable": "{node}{where}无法从任何流量来源到达，不会有人流入；请从前面的步骤连线到它，"
    "或删除它。",
    "dead-end": "{node}{where}没有下一步，{period}到达这里的 {volume} 人就此流失；请把它连到"
    "下一步，或连到客户成交或流失的去向。",
    "dead-end-empty": "{node}{where}没有下一步，到达这里的人会就此流失；请把它连到下一步，"
    "或连到客户成交或流失的去向。",
    "decision-branches": "{node}{where}是一个分支选择，但{ways}；请补上缺少的一条"
    "（例如“否”的去向）。",
    "conversion-overflow": "{node}{where}的各出口转化率合计{sums}，超过 100%；请调低其中一条。",
    "overflow-sum": "{scenario} {pct}",
    "loop-gain": "循环 {cycle} 按{scenario}每一轮回流 {gain} 的人，人数会无限增长；请调低循环中"
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
    "slow-path": "整个流程周期为 {actual} 天，目标 {target} 天（多 {delta} 天）；拖慢最多的"
    "是{step}（多 {step_delta} 天）。",
    "slow-path-no-step": "整个流程周期为 {actual} 天，目标 {target} 天（多 {delta} 天）；"
    "实际最长路径与计划不同。",
    "negative-roi": "{node}{where}作为渠道{period}花费 {cost}，只带来收入 {revenue}（投资回报率 "
    "{roi}）；请削减投放或改善后续转化。",
    "missing-owner": "{node}（{lane}）没有负责人；请指定负责的人或岗位。",
    "unmeasured-handoff": "{edge} 是{lane_a}到{lane_b}的交接，没有转化率；请{lane_a}和{lane_b}"
    "约定交接指标。",
    "no-goal": "流程图中没有标明成效的结果，无法衡量成效；请添加漏斗要达成的结果（成交、购买、"
    "注册）。",
    "missing-kpi": "{node}{where}没有 KPI，也没有已测量的转化率；请添加一个以便跟踪。",
    "kpi-unmeasured": "{node}{where}的{kpi}目标为 {target}，尚无实际值；请记录实际值。",
    "kpi-unmeasured-conversion": "{edge}{where}转化率目标 {target}，尚无实际值；请记录实际值。",
    "kpi-unmeasured-duration": "{node}{where}时长目标 {target} 天，尚无实际值；请记录实际值。",
    "kpi-unmeasured-edge-duration": "{edge}{where}等待时长目标 {target} 天，尚无实际值；"
    "请记录实际值。",
    "kpi-unmeasured-volume": "{node}{where}流量目标为{period} {target} 人，尚无实际值；"
    "请记录实际值。",
    "owner-overload": "{owner} 负责 {total} 个步骤中的 {count} 个（{share}）；请分担工作或指定"
    "副手。",
    "empty-lane": "泳道「{lane}」没有步骤；请添加它的步骤或删除该泳道。",
}

TABLES = {"en": EN, "zh": ZH}


def text(lang: str, key: str, **params: object) -> str:
    """The message `key` in `lang` ("en" or "zh", anything else is English), filled in."""
    table = TABLES.get(lang, EN)
    return table[key].format(**params)


def period_word(lang: str, period: str) -> str:
    """"month" / "每月": how a period is said inside a sentence."""
    noun = period_noun(lang, period)
    return "每" + noun if lang == "zh" else noun


def percent(rate: float) -> str:
    """12% / 3.2% / 0.05% / 104%: a rate as people write it, at most three significant
    digits and no float noise."""
    value = rate * 100
    if not math.isfinite(value):
        return "—"
    size = abs(value)
    if size >= 100 or value == int(value):
        digits = 0
    elif size >= 10:
        digits = 0 if abs(value - round(value)) < 0.05 else 1
    elif size >= 0.1:
        digits = 1 if size >= 1 else 2
    else:
        digits = 2
    return f"{_trim(f'{value:.{digits}f}')}%"


def number(value: float) -> str:
    """12,000 / 38 / 4.5 / 0.1: people as a report writes them, whole from 10 up and one
    decimal below (a sliver above zero is "<0.1", never a misleading 0)."""
    if not math.isfinite(value):
        return "—"
    if abs(value) >= 9.95:
        return f"{round(value):,}"
    if 0 < abs(value) < 0.05:
        return "<0.1" if value > 0 else "-<0.1"
    return _trim(f"{value:.1f}")


def people(lang: str, count: str) -> str:
    """"person" for exactly one, else "people" (Chinese 人 has no plural)."""
    if lang == "zh":
        return "人"
    return "person" if count == "1" else "people"


def customers(lang: str, count: str) -> str:
    """"customer" for exactly one, else "customers"."""
    if lang == "zh":
        return "人"
    return "customer" if count == "1" else "customers"


def plural(count: int, one: str, many: str) -> str:
    """"1 error" / "2 errors"."""
    return f"{count} {one if count == 1 else many}"


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


#: a Chinese character says about as much as this many Latin letters
_LETTERS_PER_HANZI = 3


def diagram_language(diagram: Diagram) -> str | None:
    """"zh" or "en": the language most of the diagram's own text is written in, judged from
    all of it (titles, names, owners, KPIs, notes), so one emoji or one Chinese owner name
    does not switch the language; None when it has no words at all."""
    hanzi = letters = 0
    for text_value in _texts(diagram):
        for ch in text_value:
            if _is_hanzi(ch):
                hanzi += 1
            elif ch.isascii() and ch.isalpha():
                letters += 1
    if not hanzi and not letters:
        return None
    return "zh" if hanzi * _LETTERS_PER_HANZI >= letters else "en"


def _texts(diagram: Diagram) -> Iterator[str]:
    yield diagram.title
    yield diagram.notes or ""
    yield from (lane.name for lane in diagram.lanes)
    yield from (phase.name for phase in diagram.phases)
    for node in diagram.nodes:
        yield from (node.label, node.owner or "", node.notes or "", node.contingency or "")
        yield from (kpi.name for kpi in node.kpis)
    for edge in diagram.edges:
        yield edge.label or ""


def _is_hanzi(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
            or "\u3040" <= ch <= "\u30ff")


def message_language(lang: str | None, diagram: Diagram) -> str:
    """The language of a diagram's checklist (SPEC §4): `lang` when given, else the
    diagram's own language, else the locale's."""
    if lang:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")
        return lang
    return diagram_language(diagram) or locale_language()
