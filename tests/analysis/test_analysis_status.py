"""KPI status marks for the canvas and findings per target."""

from __future__ import annotations

from app.analysis import OFF, ON, UNMEASURED, analyze, edge_status, node_status
from app.model import Diagram

DIAGRAM = Diagram.model_validate({
    "funnelflow": 1,
    "lanes": [{"id": "m"}],
    "nodes": [
        {"id": "E", "kind": "entry", "lane": "m", "volume": 100, "owner": "A"},
        {"id": "S", "lane": "m", "owner": "A",
         "kpis": [{"name": "NPS", "target": 40, "actual": 45}]},
        {"id": "K", "lane": "m", "owner": "A",
         "kpis": [{"name": "CAC", "target": 300, "actual": 420, "better": "lower"}]},
        {"id": "G", "kind": "goal", "lane": "m", "owner": "A"},
        {"id": "X", "kind": "exit", "lane": "m", "owner": "A"},
    ],
    "edges": [
        {"from": "E", "to": "S", "conversion": "50%"},
        {"from": "E", "to": "K", "conversion": {"target": "30%"}},
        {"from": "S", "to": "G", "conversion": {"target": "20%", "actual": "10%"}},
        {"from": "S", "to": "X", "conversion": {"target": "50%", "actual": "40%"}},
        {"from": "K", "to": "G"},
    ],
})


def test_edge_status_on_off_and_unmeasured():
    report = analyze(DIAGRAM)
    assert edge_status(report, "E->S") == ON  # a bare rate is on target
    assert edge_status(report, "E->K") == UNMEASURED  # a target without an actual
    assert edge_status(DIAGRAM, "S->G") == OFF
    assert edge_status(DIAGRAM, "S->X") == ON  # less churn than planned is good
    assert edge_status(report, "K->G") == UNMEASURED


def test_node_status_from_kpis_and_outgoing_conversions():
    report = analyze(DIAGRAM)
    assert node_status(report, "E") == ON
    assert node_status(report, "S") == OFF  # KPI fine, but S->G is behind
    assert node_status(DIAGRAM, "K") == OFF  # CAC above target, lower is better
    assert node_status(report, "G") == UNMEASURED


def test_findings_for_a_target():
    report = analyze(DIAGRAM)
    assert [f.rule for f in report.findings_for("S->G")] == ["conversion-off-target"]
    assert [f.rule for f in report.findings_for("E->K")] == ["kpi-unmeasured"]
    assert report.findings_for("nothing") == []
