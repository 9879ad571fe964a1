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
