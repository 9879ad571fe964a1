"""QA regressions of the document model: every problem of a file reported in one load."""

from __future__ import annotations

import pytest

from app.io import DiagramFileError, loads_diagram

BOTH = """funnelflow: 1
lanes: [{id: m}]
nodes:
  - {id: e, kind: entry, lane: zz, volume: 100}
  - {id: g, kind: goal, lane: m, oops: 1}
edges:
  - {from: e, to: nope}
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(DiagramFileError) as caught:
        loads_diagram(text, filename="f.yaml")
    return [str(p) for p in caught.value.problems]


def test_references_are_reported_with_field_errors():
    assert _problems(BOTH) == [
        "f.yaml:4:32: node 'e' is in lane 'zz', which does not exist; use one of: m",
        "f.yaml:5:34: unknown key 'oops'; remove it or check its spelling "
        "(see `funnelflow schema`)",
        "f.yaml:7:19: edge 'e->nope': no node has the id 'nope'; check the spelling or add "
        "the node",
    ]


def test_a_bad_id_is_not_also_reported_as_missing():
    text = BOTH.replace("lane: zz", "lane: m").replace("to: nope", "to: g").replace(
        "{id: e,", '{id: "my e",').replace("from: e,", 'from: "my e",')
    problems = _problems(text)
    assert not any("no node has the id" in p for p in problems)
    assert any("'my e' is not a valid id" in p for p in problems)


def test_a_bad_lane_id_is_said_once():
    problems = _problems(BOTH.replace("oops: 1", "volume: -1").replace("lane: zz", 'lane: "z z"'))
    assert sum(p.startswith("f.yaml:4:") for p in problems) == 1


def test_values_of_the_wrong_type_do_not_break_the_reference_check():
    text = BOTH.replace("lane: zz", "lane: [1]").replace("to: nope", "to: 7").replace(
        "{id: g,", "{id: {x: 1},")
    problems = _problems(text)
    assert problems and all(p.startswith("f.yaml:") for p in problems)
