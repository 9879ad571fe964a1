"""Checklist rules about the shape of the diagram: each fires where it should, and only there."""

from __future__ import annotations

import copy

from app.analysis import RULES, analyze
from app.analysis.rules.structure import DECISION_MIN_BRANCHES
from app.model import Diagram

#: a small funnel on which no rule fires at all
CLEAN = {
    "funnelflow": 1,
    "title": "clean",
    "lanes": [{"id": "m", "name": "市场部"}, {"id": "s", "name": "销售部"}],
    "nodes": [
        {"id": "E", "label": "广告", "kind": "entry", "lane": "m", "owner": "张伟",
         "volume": 1000},
        {"id": "S", "label": "线索", "lane": "s", "owner": "李娜"},
        {"id": "G", "label": "成交", "kind": "goal", "lane": "s", "owner": "王芳", "value": 100},
        {"id": "X", "label": "流失", "kind": "exit", "lane": "s", "owner": "王芳"},
    ],
    "edges": [
        {"from": "E", "to": "S", "conversion": "50%"},
        {"from": "S", "to": "G", "conversion": "30%"},
        {"from": "S", "to": "X"},
    ],
}


def build(change=None) -> Diagram:
    """CLEAN with `change(data)` applied to a deep copy."""
    data = copy.deepcopy(CLEAN)
    if change is not None:
        change(data)
    return Diagram.model_validate(data)


def fired(diagram: Diagram, rule: str, lang: str = "en"):
    return [f for f in analyze(diagram, lang).findings if f.rule == rule]


def node(data: dict, node_id: str) -> dict:
    return next(n for n in data["nodes"] if n["id"] == node_id)


def test_the_clean_funnel_has_no_findings():
    assert analyze(build()).findings == []
    assert analyze(build(), "zh").findings == []


def test_every_rule_of_the_spec_is_registered_with_its_severity():
    assert {r.id: r.severity for r in RULES.values()} == {
        "no-entry": "error", "unreachable": "error", "dead-end": "error",
        "decision-branches": "error", "conversion-overflow": "error", "loop-gain": "error",
        "over-capacity": "error", "conversion-off-target": "warning",
        "kpi-off-target": "warning", "slow-step": "warning", "slow-path": "warning",
        "negative-roi": "warning", "missing-owner": "warning",
        "unmeasured-handoff": "warning", "no-goal": "warning", "missing-kpi": "info",
        "kpi-unmeasured": "info", "owner-overload": "info", "empty-lane": "info",
        "trend-worsening": "warning",
    }


def test_no_entry_fires_once_for_the_whole_diagram_and_every_node_is_unreachable():
    def no_entry(data):
        node(data, "E")["kind"] = "step"

    diagram = build(no_entry)
    (finding,) = fired(diagram, "no-entry")
    assert (finding.severity, finding.target) == ("error", None)
    assert "Nobody enters the funnel" in finding.message
    assert "没有人进入漏斗" in fired(diagram, "no-entry", "zh")[0].message
    # SPEC §4 to the letter: with no entry, no node can be reached
    assert {f.target for f in fired(diagram, "unreachable")} == {"E", "S", "G", "X"}


def test_unreachable_names_the_node_no_entry_reaches():
    def island(data):
        data["nodes"].append({"id": "I", "label": "孤岛", "lane": "m", "owner": "张伟"})
        data["edges"].append({"from": "I", "to": "G", "conversion": 0.1})

    (finding,) = fired(build(island), "unreachable")
    assert finding.target == "I"
    assert "孤岛 (张伟, 市场部): cannot be reached" in finding.message
    assert "「孤岛」（负责人：张伟，市场部）无法从任何流量来源到达" in fired(
        build(island), "unreachable", "zh")[0].message
    assert fired(build(), "unreachable") == []


def test_dead_end_counts_the_people_dropped():
    def drop(data):
        data["edges"] = [e for e in data["edges"] if e["from"] != "S"]

    (finding,) = fired(build(drop), "dead-end")
    assert (finding.severity, finding.target) == ("error", "S")
    assert "500 people" in finding.message  # 1000 × 50% reach it and go nowhere
    assert "每月到达这里的 500 人" in fired(build(drop), "dead-end", "zh")[0].message
    # goals and exits end a path by design
    assert fired(build(), "dead-end") == []


def test_decision_needs_two_branches():
    def one_branch(data):
        node(data, "S")["kind"] = "decision"
        data["edges"] = [e for e in data["edges"] if e["to"] != "X"]

    assert DECISION_MIN_BRANCHES == 2
    (finding,) = fired(build(one_branch), "decision-branches")
    assert finding.target == "S" and "only one way out" in finding.message

    def two_branches(data):
        node(data, "S")["kind"] = "decision"

    assert fired(build(two_branches), "decision-branches") == []


def test_no_goal_is_a_warning():
    def no_goal(data):
        node(data, "G")["kind"] = "exit"

    (finding,) = fired(build(no_goal), "no-goal")
    assert (finding.severity, finding.target) == ("warning", None)
    assert fired(build(), "no-goal") == []


def test_empty_lane_targets_the_lane_id():
    def extra_lane(data):
        data["lanes"].append({"id": "tech", "name": "技术部"})

    (finding,) = fired(build(extra_lane), "empty-lane")
    assert (finding.severity, finding.target) == ("info", "tech")
    assert "技术部" in finding.message
    assert fired(build(extra_lane), "empty-lane", "zh")[0].message.startswith("泳道「技术部」")
