"""The checklist as people read it (SPEC §4): minor findings, grouping, words and numbers."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from app.analysis import analyze
from app.analysis.grouping import by_department, plural_counts
from app.analysis.messages import diagram_language, message_language, number, percent
from app.export.check_formats import format_reports
from app.io import load_diagram
from app.model import Diagram

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"
ALL = [(lang, p.stem) for lang in ("en", "zh") for p in sorted((TEMPLATES / lang).glob("*.yaml"))]

BASE = {
    "funnelflow": 1, "title": "Shop",
    "lanes": [{"id": "m", "name": "Marketing"}, {"id": "s", "name": "Sales"}],
    "nodes": [
        {"id": "ads", "label": "Ads", "kind": "entry", "lane": "m", "owner": "Ann",
         "volume": 10000, "contingency": "Pause the campaign"},
        {"id": "lead", "label": "Lead", "lane": "s", "owner": "Bo",
         "kpis": [{"name": "Reply rate", "target": "50%", "actual": "40%"}]},
        {"id": "buy", "label": "Purchase", "kind": "goal", "lane": "s", "owner": "Bo",
         "value": 100},
        {"id": "gone", "label": "Gone", "kind": "exit", "lane": "s", "owner": "Bo"},
    ],
    "edges": [
        {"from": "ads", "to": "lead", "conversion": {"target": "10%", "actual": "8%"}},
        {"from": "lead", "to": "buy", "conversion": {"target": "30%", "actual": "25%"}},
        {"from": "lead", "to": "gone", "conversion": {"target": "20%", "actual": "30%"}},
    ],
}


def diagram(change=None) -> Diagram:
    data = copy.deepcopy(BASE)
    if change:
        change(data)
    return Diagram.model_validate(data)


def template(lang: str, name: str) -> Diagram:
    return load_diagram(TEMPLATES / lang / f"{name}.yaml")


# -- numbers ---------------------------------------------------------------------------------
def test_people_are_whole_from_ten_up_and_have_one_decimal_below():
    assert [number(v) for v in (12.4, 81.6, 9.96, 8.74, 5.26, 1.0, 0.09, 0.04, 0.0)] == [
        "12", "82", "10", "8.7", "5.3", "1", "0.1", "<0.1", "0"]
    assert number(12345.6) == "12,346"


def test_percentages_have_at_most_three_significant_digits():
    assert [percent(r) for r in (0.176, 0.0931, 0.018, 1.035, 0.00055, 0.25, -0.5489)] == [
        "17.6%", "9.3%", "1.8%", "103%", "0.06%", "25%", "-54.9%"]
    for rate in (0.123456, 1.23456, 0.0123456, 0.00123456):
        digits = re.sub(r"[^0-9]", "", percent(rate)).lstrip("0")
        assert len(digits) <= 3, percent(rate)


def test_plurals():
    assert plural_counts({"error": 1, "warning": 1, "info": 1}, "en") == \
        "1 error, 1 warning, 1 info"
    assert plural_counts({"error": 0, "warning": 2, "info": 3}, "en") == \
        "0 errors, 2 warnings, 3 info"

    def tiny(data):
        data["nodes"][0]["volume"] = 40  # 40 × 8% × 25% = 0.8 purchases
    messages = [f.message for f in analyze(diagram(tiny)).findings]
    assert any("more people per month" in m or "more person per month" in m for m in messages)

    def one(data):
        data["nodes"][0]["volume"] = 200
        data["edges"][0]["conversion"] = {"target": "12.5%", "actual": "10%"}
        data["edges"][1]["conversion"] = {"target": "20%", "actual": "20%"}
    (off,) = [f for f in analyze(diagram(one)).findings if f.target == "ads->lead"]
    assert 'brings 1 more person per month to "Purchase"' in off.message


def test_the_goal_is_named_by_what_it_is():
    (off,) = [f for f in analyze(diagram()).findings if f.target == "ads->lead"]
    assert 'brings 50 more people per month to "Purchase" (+25%)' in off.message
    zh = [f for f in analyze(diagram(), "zh").findings if f.target == "ads->lead"][0]
    assert "每月可多 50 人到达「Purchase」" in zh.message

    def two_goals(data):
        data["nodes"].append({"id": "vip", "label": "VIP", "kind": "goal", "lane": "s",
                              "owner": "Bo"})
        data["edges"].append({"from": "lead", "to": "vip", "conversion": "10%"})
    report = analyze(diagram(two_goals))
    (off,) = [f for f in report.findings if f.target == "ads->lead"]
    assert "more customers per month" in off.message
    text = format_reports([("a.yaml", report)], "text", "en", False)
    assert "Customers per month:" in text
    zh = analyze(diagram(two_goals), "zh")
    assert "每月可多转化" in [f for f in zh.findings if f.target == "ads->lead"][0].message


# -- minor findings ----------------------------------------------------------------------------
def test_a_conversion_gaining_less_than_one_person_is_info_but_a_leak_stays_a_warning():
    def tiny(data):
        data["nodes"][0]["volume"] = 40
    report = analyze(diagram(tiny))
    by_target = {f.target: f for f in report.findings if f.rule == "conversion-off-target"}
    assert by_target["ads->lead"].severity == "info"  # 0.8 more purchases
    assert by_target["lead->gone"].severity == "warning"  # a leak into an exit
    assert report.bottlenecks == []  # minor ones do not open the checklist


def test_a_conversion_gaining_under_half_a_percent_of_goals_is_info():
    def big(data):
        data["nodes"][0]["volume"] = 1_000_000
        data["nodes"].append({"id": "web", "label": "Web", "kind": "entry", "lane": "m",
                              "owner": "Ann", "volume": 1000})
        data["edges"].append({"from": "web", "to": "lead",
                              "conversion": {"target": "50%", "actual": "40%"}})
    report = analyze(diagram(big))
    web = next(f for f in report.findings if f.target == "web->lead")
    assert web.impact is not None and web.impact > 1  # 25 more, but of 20,000: 0.125%
    assert web.severity == "info"
    assert next(f for f in report.findings if f.target == "ads->lead").severity == "warning"


# -- grouping ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "name"), ALL)
def test_no_line_twice_and_top_bottlenecks_are_not_repeated(lang, name):
    report = analyze(template(lang, name), lang)
    layout = by_department(report)
    shown = [id(item.finding) for item in layout.items()]
    assert len(shown) == len(set(shown)) == len(report.findings)
    for fmt in ("text", "md"):
        output = format_reports([("t.yaml", report)], fmt, lang, False)
        # a line under its group's heading: two steps may both be a day late
        lines, heading = [], ""
        for line in output.splitlines():
            if line.startswith(("    ", "### ")) and not line.startswith("      "):
                heading = line.strip()
            if line.strip():
                lines.append((heading, line.strip()))
        assert len(lines) == len(set(lines)), [x for x in lines if lines.count(x) > 1]


def test_the_sample_full_funnel_has_no_line_twice():
    for lang in ("en", "zh"):
        report = analyze(template(lang, "full-funnel"), lang)
        for fmt in ("text", "md"):
            lines = [line.strip() for line in format_reports(
                [("t.yaml", report)], fmt, lang, False).splitlines() if line.strip()]
            assert len(lines) == len(set(lines)), [x for x in lines if lines.count(x) > 1]


@pytest.mark.parametrize(("lang", "name"), ALL)
def test_each_fallback_plan_is_given_once(lang, name):
    d = template(lang, name)
    report = analyze(d, lang)
    for fmt in ("text", "md"):
        output = format_reports([("t.yaml", report)], fmt, lang, False)
        for node in d.nodes:
            plan = " ".join((node.contingency or "").split())
            if plan and any(f.plan for f in report.findings):
                assert output.count(plan) <= 1, (fmt, node.id)
    plans = [f for f in report.findings if f.plan]
    assert plans  # the templates do carry fallback plans on their findings


def test_the_fallback_plan_is_given_with_the_nodes_own_group():
    # Ads' only finding is a top bottleneck: its plan is given there, once
    layout = by_department(analyze(diagram()))
    top = [i.text for i in layout.bottlenecks if i.finding.target == "ads->lead"]
    assert top[0].endswith("Fallback plan: Pause the campaign.")
    assert not any(g.plan for s in layout.sections for g in s.groups)

    def more(data):
        data["nodes"][0]["kpis"] = [{"name": "CTR", "target": "3%", "actual": "2%"}]
        data["nodes"][1]["contingency"] = "Call back"
        data["edges"].append({"from": "ads", "to": "gone", "conversion": {
            "target": "1%", "actual": "2%"}})
    layout = by_department(analyze(diagram(more)))
    groups = {g.target: g for s in layout.sections for g in s.groups}
    assert groups["ads"].plan == "Fallback plan: Pause the campaign."  # its own group
    assert groups["ads->gone"].plan == ""  # not again with its leak
    assert groups["lead"].plan == "Fallback plan: Call back."
    assert groups["lead->gone"].plan == ""
    assert not any("Pause the campaign" in i.text for i in layout.bottlenecks)


def test_errors_come_first_then_each_lane_in_file_order():
    def broken(data):
        data["nodes"].append({"id": "stuck", "label": "Stuck", "lane": "m", "owner": "Ann"})
        data["edges"].append({"from": "ads", "to": "stuck", "conversion": "1%"})
    report = analyze(diagram(broken))
    text = format_reports([("a.yaml", report)], "text", "en", False)
    assert text.index("Errors:") < text.index("Marketing:") < text.index("Sales:")
    assert "Stuck (Ann, Marketing): leads nowhere, so the 100 people" in text


# -- words -------------------------------------------------------------------------------------
INTERNAL = re.compile(r"\b(goals?|entry|entries|exit|exits|decision|nodes?|edges?)\b", re.I)


@pytest.mark.parametrize("name", [name for lang, name in ALL if lang == "en"])
def test_english_sentences_have_no_internal_words_and_ascii_punctuation(name):
    d = template("en", name)
    output = format_reports([("t.yaml", analyze(d, "en"))], "text", "en", False)
    names = sorted({n.title for n in d.nodes} | {lane.title for lane in d.lanes}
                   | {k.name for n in d.nodes for k in n.kpis}, key=len, reverse=True)
    prose = output
    for text in names + [n.contingency or "" for n in d.nodes]:
        if text:
            prose = prose.replace(" ".join(text.split()), "NAME")
    assert not INTERNAL.search(prose), INTERNAL.search(prose)
    assert not re.search("[“”‘’「」→]", output)


@pytest.mark.parametrize(("lang", "name"), ALL)
def test_no_fractional_person_from_ten_up(lang, name):
    output = format_reports([("t.yaml", analyze(template(lang, name), lang))], "text", lang,
                            False)
    for match in re.finditer(r"(\d[\d,]*\.\d+) ?(more )?(people|customers|人)", output):
        assert float(match.group(1).replace(",", "")) < 10, match.group(0)
    for match in re.finditer(r"\+(\d[\d,]*\.\d+) per", output):
        assert float(match.group(1).replace(",", "")) < 10, match.group(0)


def test_kpi_sentences_need_no_is_or_are():
    (kpi,) = [f for f in analyze(diagram()).findings if f.rule == "kpi-off-target"]
    assert "Reply rate at 40% against a target of 50%" in kpi.message


def test_a_dead_end_nobody_reaches_is_not_zero_people():
    def empty(data):
        data["nodes"].append({"id": "lost", "label": "Lost", "lane": "m", "owner": "Ann"})
        data["edges"].append({"from": "ads", "to": "lost", "conversion": {"target": "5%",
                                                                         "actual": "0%"}})
    (dead,) = [f for f in analyze(diagram(empty)).findings if f.rule == "dead-end"]
    assert "0 people" not in dead.message and "anyone reaching it would be lost" in dead.message


# -- language ----------------------------------------------------------------------------------
def test_the_message_language_is_judged_from_all_of_the_text():
    assert diagram_language(diagram()) == "en"

    def emoji(data):
        data["title"] = "🚀 Shop"
        data["nodes"][1]["owner"] = "张伟"  # one Chinese owner in an English diagram
    assert diagram_language(diagram(emoji)) == "en"
    assert diagram_language(template("zh", "full-funnel")) == "zh"
    assert diagram_language(template("en", "full-funnel")) == "en"

    def wordless(data):
        data["title"] = "🚀"
        for lane in data["lanes"]:
            lane["name"] = ""
        for item in data["nodes"]:
            item["label"] = ""
            item.pop("owner", None)
            item.pop("contingency", None)
            item.pop("kpis", None)
    assert diagram_language(diagram(wordless)) is None
    assert message_language("zh", diagram()) == "zh"
    assert message_language(None, template("zh", "aarrr")) == "zh"


@pytest.mark.parametrize(("lang", "name"), ALL)
def test_each_lane_walks_its_steps_in_funnel_order(lang, name):
    from app.model.order import funnel_ranks

    d = template(lang, name)
    ranks = funnel_ranks(d)
    edges = {e.id: e for e in d.edges}
    for section in by_department(analyze(d, lang)).sections:
        if section.lane is None:
            continue
        steps = [g.target if g.target in ranks else edges[g.target].source
                 for g in section.groups]
        assert all(d.node(s).lane == section.lane for s in steps)
        assert [ranks[s] for s in steps] == sorted(ranks[s] for s in steps)
