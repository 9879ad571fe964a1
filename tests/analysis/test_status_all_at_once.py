"""`statuses(report)` gives every node's and edge's mark exactly as `node_status` and
`edge_status` do one by one (the SVG export takes them all at once)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from app.analysis import analyze, edge_status, node_status
from app.analysis.status import statuses
from app.io import load_diagram
from app.model import Diagram
from benchmarks.generate import synthetic_diagram

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"


def test_all_at_once_equals_one_by_one_on_templates_and_a_generated_funnel():
    diagrams = [load_diagram(path) for path in sorted(TEMPLATES.glob("*/*.yaml"))]
    diagrams.append(Diagram.model_validate(synthetic_diagram(300)))
    seen: Counter[str] = Counter()
    for diagram in diagrams:
        report = analyze(diagram)
        nodes, edges = statuses(report)
        assert nodes == {n.id: node_status(report, n) for n in diagram.nodes}
        assert edges == {e.id: edge_status(report, e) for e in diagram.edges}
        seen.update(nodes.values())
        seen.update(edges.values())
    assert seen["on"] and seen["off"] and seen["unmeasured"]  # every mark was compared
