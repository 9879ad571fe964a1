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


HUGE = """funnelflow: 1
lanes: [{id: m}]
nodes:
  - {id: e, kind: entry, lane: m, volume: VOLUME, owner: a, cost: 1e15}
  - {id: e2, kind: entry, lane: m, volume: 1.0e+15, owner: a}
  - {id: g, kind: goal, lane: m, owner: b, value: 1000000000000000, capacity: 1}
edges:
  - {from: e, to: g}
  - {from: e2, to: g}
  - {from: g, to: e, conversion: 0.999999}
"""


def test_amounts_beyond_the_limit_are_refused_where_written():
    problems = _problems(HUGE.replace("VOLUME", "1.0e+308"))
    assert len(problems) == 1 and problems[0].startswith("f.yaml:4:43: is too large")


def test_the_largest_amounts_keep_every_number_finite():
    import json

    from app.analysis import analyze
    from app.export.check_formats import format_reports

    report = analyze(loads_diagram(HUGE.replace("VOLUME", "1e15")))
    json.dumps(report.to_json("f.yaml"), allow_nan=False)  # no Infinity, no NaN
    for fmt in ("text", "md", "csv"):
        assert format_reports([("f.yaml", report)], fmt, "en", False)
    assert any(f.rule == "over-capacity" for f in report.findings)


def test_messages_show_values_as_yaml_writes_them():
    text = BOTH.replace("lane: zz", "lane: m").replace(", oops: 1", "").replace(
        "to: nope", "to: g").replace("kind: entry", "kind: ").replace("kind: goal", "kind: true")
    assert _problems(text) == [
        "f.yaml:4:19: an empty value is not allowed here; use one of 'entry', 'step', "
        "'decision', 'goal' or 'exit'",
        "f.yaml:5:19: true is not allowed here; use one of 'entry', 'step', 'decision', "
        "'goal' or 'exit'",
    ]
    version = _problems("funnelflow: null\nlanes: [{id: m}]\n")
    assert version == ["f.yaml:1:13: the format version must be a whole number such as 1, "
                       "got an empty value; write `funnelflow: 1`"]


def test_a_list_or_a_mapping_in_the_wrong_shape_is_explained():
    problems = _problems("funnelflow: 1\nlanes: m\nnodes: [5]\nedges: [null]\n")
    assert problems == [
        "f.yaml:2:8: 'lanes' must be a list: one item per line starting with '- ', "
        "or [a, b] on one line",
        "f.yaml:3:9: each item of 'nodes' must be a mapping of keys such as `id: ...`, got 5",
        "f.yaml:4:9: each item of 'edges' must be a mapping of keys such as `from: a, to: b`, "
        "got an empty value",
    ]
