"""The canvas judges every node's status in one pass over the edges (FactBook): the verdict
must be app.analysis.node_status's, node by node, on every template and on generated diagrams
with KPIs on and off target."""

from __future__ import annotations

from collections import Counter

import pytest

from app.analysis import OFF, ON, UNMEASURED, node_status
from app.model import Diagram
from app.ui.paint.facts import FactBook
from benchmarks.generate import synthetic_diagram
from benchmarks.legibility_cases import generated, templates

DIAGRAMS = {name: diagram for name, diagram, _ in templates()}
DIAGRAMS |= {f"generated-{seed}": generated(seed) for seed in range(0, 200, 20)}
DIAGRAMS["synthetic-300"] = Diagram.model_validate(synthetic_diagram(300))


@pytest.mark.parametrize("name", sorted(DIAGRAMS))
def test_canvas_status_is_the_analysis_verdict(name):
    diagram = DIAGRAMS[name]
    facts = FactBook(diagram, None, "en")
    assert {n.id: facts.node(n).status for n in diagram.nodes} == {
        n.id: node_status(diagram, n.id) for n in diagram.nodes}


def test_the_diagrams_hold_every_verdict_and_kpis():
    seen = Counter(node_status(d, n.id) for d in DIAGRAMS.values() for n in d.nodes)
    assert seen[OFF] and seen[ON] and seen[UNMEASURED]
    kpis = [k.is_worse() for d in DIAGRAMS.values() for n in d.nodes for k in n.kpis]
    assert True in kpis and False in kpis


def test_equal_facts_are_one_value():
    diagram = DIAGRAMS["synthetic-300"]
    facts = FactBook(diagram, None, "en")
    by_content = {}
    for node in diagram.nodes:
        fact = facts.node(node)
        assert by_content.setdefault(fact, fact) is fact
    assert len(by_content) <= 3  # off, on, unmeasured: no report, no volumes
