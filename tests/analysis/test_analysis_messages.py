"""QA regressions: how checklist messages read (English plurals, Chinese goal words)."""

from __future__ import annotations

from app.analysis import analyze
from app.model import Diagram


def _diagram(node_days: dict, edge_days: dict | None = None) -> Diagram:
    return Diagram.model_validate({
        "funnelflow": 1,
        "lanes": [{"id": "m"}],
        "nodes": [
            {"id": "e", "kind": "entry", "lane": "m", "owner": "A", "volume": 10},
            {"id": "s", "lane": "m", "owner": "B", "duration": node_days},
            {"id": "g", "kind": "goal", "lane": "m", "owner": "C"},
        ],
        "edges": [
            {"from": "e", "to": "s"},
            {"from": "s", "to": "g", **({"duration": edge_days} if edge_days else {})},
        ],
    })


def _messages(diagram: Diagram, rule: str, lang: str = "en") -> list[str]:
    return [f.message for f in analyze(diagram, lang).findings if f.rule == rule]


def test_one_day_is_singular_in_english():
    diagram = _diagram({"target": 1, "actual": 2}, {"target": 3, "actual": 4})
    node, edge = _messages(diagram, "slow-step")
    assert "takes 2 days against a target of 1 (+1 day);" in node
    assert "waits 4 days against a target of 3 (+1 day);" in edge
    (path,) = _messages(diagram, "slow-path")
    assert "takes 6 days against a target of 4 (+2 days)" in path
    assert "(+1 day)." in path
    assert "+1 days" not in " ".join(_messages(diagram, "slow-step", "zh"))


def test_one_day_duration_target_is_singular():
    (text,) = _messages(_diagram({"target": 1}), "kpi-unmeasured")
    assert "duration target 1 day has no actual yet" in text
    (zh,) = _messages(_diagram({"target": 1}), "kpi-unmeasured", "zh")
    assert "时长目标 1 天" in zh


def _goals_diagram(labels: list[str]) -> Diagram:
    """An entry whose off-target edge leads to a step that splits over goal nodes."""
    goals = [{"id": f"g{i}", "kind": "goal", "lane": "m", "owner": "G", "label": label}
             for i, label in enumerate(labels)]
    return Diagram.model_validate({
        "funnelflow": 1,
        "lanes": [{"id": "m", "name": "市场部"}],
        "nodes": [
            {"id": "e", "kind": "entry", "lane": "m", "owner": "A", "volume": 1000,
             "label": "线索"},
            {"id": "s", "lane": "m", "owner": "B", "label": "商机"},
            *goals,
        ],
        "edges": [
            {"from": "e", "to": "s", "conversion": {"target": "20%", "actual": "12%"}},
            *({"from": "s", "to": g["id"]} for g in goals),
        ],
    })


def _impact_text(labels: list[str], lang: str) -> str:
    (message,) = _messages(_goals_diagram(labels), "conversion-off-target", lang)
    return message


def test_zh_names_the_single_goal():
    text = _impact_text(["成交"], "zh")
    assert "达到目标每月可多 80 人到达「成交」（+66.7%）" in text


def test_zh_several_goals_are_counted_in_people():
    text = _impact_text(["首单成交", "复购成交"], "zh")
    assert "达到目标每月可多转化 80 人（+66.7%）" in text
    assert "目标达成" not in text


def test_en_several_goals_are_customers_and_one_goal_is_named():
    assert "brings 80 more customers per month (+66.7%)" in _impact_text(
        ["First order", "Repeat order"], "en")
    assert 'brings 80 more people per month to "Sign-up" (+66.7%)' in _impact_text(
        ["Sign-up"], "en")
    assert "goals" not in _impact_text(["Sign-up", "Purchase"], "en")


def test_loop_gain_names_every_edge_cut():
    diagram = Diagram.model_validate({
        "funnelflow": 1,
        "lanes": [{"id": "m"}],
        "nodes": [
            {"id": "e", "kind": "entry", "lane": "m", "owner": "A", "volume": 100},
            {"id": "a", "lane": "m", "owner": "B"},
            {"id": "b", "lane": "m", "owner": "C"},
            {"id": "g", "kind": "goal", "lane": "m", "owner": "D"},
        ],
        "edges": [
            {"from": "e", "to": "a"},
            {"from": "a", "to": "a", "conversion": {"target": "10%", "actual": "80%"}},
            {"from": "a", "to": "b", "conversion": "80%"},
            {"from": "a", "to": "g"},
            {"from": "b", "to": "a", "conversion": 1},
        ],
    })
    (message,) = _messages(diagram, "loop-gain")
    assert message.endswith("The numbers shown leave out a -> a and b -> a.")
    report = analyze(diagram)
    assert report.volumes["actual"] == {"e": 100.0, "a": 100.0, "b": 80.0, "g": 0.0}
