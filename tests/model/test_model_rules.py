"""The rules of the file format (SPEC §2), one by one, on the pure model."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.model import Better, Diagram, NodeKind, Period, validation_problems
from tests.conftest import minimal_document


def problems_of(document) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as caught:
        Diagram.model_validate(document)
    return validation_problems(caught.value)


def node(**fields):
    return {"lane": "marketing", **fields}


def test_minimal_document_is_valid_with_defaults():
    diagram = Diagram.model_validate(minimal_document())
    assert diagram.period is Period.month
    assert diagram.node("ads").kind is NodeKind.entry
    assert diagram.node("deal").title == "deal"  # no label: the id is the title
    assert diagram.edge("ads", "deal").id == "ads->deal"


def test_version_key_is_required():
    document = minimal_document()
    del document["funnelflow"]
    assert problems_of(document) == [(("funnelflow",), "required key 'funnelflow' is missing; "
                                      "add it")]


def test_at_least_one_lane():
    document = minimal_document(lanes=[], nodes=[], edges=[])
    assert problems_of(document)[0][0] == ("lanes",)
    assert "at least one lane" in problems_of(document)[0][1]


@pytest.mark.parametrize("bad_id", ["has space", "中文", "", "a/b", "a:b"])
def test_ids_use_letters_digits_underscore_dot_dash(bad_id):
    document = minimal_document(lanes=[{"id": bad_id}])
    (loc, message), *_ = problems_of(document)
    assert loc == ("lanes", 0, "id")
    assert "not a valid id" in message or "must not be empty" in message or "at least" in message


@pytest.mark.parametrize("good_id", ["a", "A_1", "step.2", "x-y", "0"])
def test_good_ids(good_id):
    document = minimal_document(lanes=[{"id": good_id}],
                                nodes=[{"id": good_id, "lane": good_id}], edges=[])
    assert Diagram.model_validate(document).lanes[0].id == good_id


@pytest.mark.parametrize("section,items", [
    ("lanes", [{"id": "marketing"}, {"id": "marketing"}]),
    ("phases", [{"id": "p"}, {"id": "p"}]),
    ("nodes", [node(id="ads", kind="entry"), node(id="ads")]),
])
def test_ids_unique_per_kind(section, items):
    document = minimal_document(**{section: items}, edges=[])
    if section == "nodes":
        document["nodes"] = items
    found = problems_of(document)
    assert ((section, 1, "id") in [loc for loc, _ in found])
    assert any("duplicate" in message for _, message in found)


def test_a_lane_a_phase_and_a_node_may_share_an_id():
    document = minimal_document(
        lanes=[{"id": "sales"}], phases=[{"id": "sales"}],
        nodes=[{"id": "sales", "lane": "sales", "phase": "sales", "kind": "entry"}], edges=[])
    diagram = Diagram.model_validate(document)
    assert diagram.lane("sales") and diagram.phase("sales") and diagram.node("sales")


def test_node_lane_must_exist():
    document = minimal_document(nodes=[node(id="a", lane="nope")], edges=[])
    ((loc, message),) = problems_of(document)
    assert loc == ("nodes", 0, "lane")
    assert "'nope', which does not exist" in message and "marketing" in message


def test_node_phase_must_exist():
    document = minimal_document(phases=[{"id": "awareness"}],
                                nodes=[node(id="a", phase="decision")], edges=[])
    ((loc, message),) = problems_of(document)
    assert loc == ("nodes", 0, "phase")
    assert "use one of: awareness" in message


@pytest.mark.parametrize("end", ["from", "to"])
def test_edge_ends_must_exist(end):
    edge = {"from": "ads", "to": "deal", end: "ghost"}
    ((loc, message),) = problems_of(minimal_document(edges=[edge]))
    assert loc == ("edges", 0, end)
    assert "'ghost'" in message


def test_duplicate_edge_is_refused():
    edge = {"from": "ads", "to": "deal"}
    ((loc, message),) = problems_of(minimal_document(edges=[edge, dict(edge)]))
    assert loc == ("edges", 1)
    assert "duplicate edge 'ads->deal'" in message


def test_edges_leaving_an_exit_node_are_refused():
    document = minimal_document(
        nodes=[node(id="ads", kind="entry"), node(id="gone", kind="exit"), node(id="deal")],
        edges=[{"from": "ads", "to": "gone"}, {"from": "gone", "to": "deal"}])
    ((loc, message),) = problems_of(document)
    assert loc == ("edges", 1, "from")
    assert "leaves exit node 'gone'" in message


@pytest.mark.parametrize("written,expected", [
    ("3.2%", 0.032), (0.032, 0.032), ("100%", 1.0), (0, 0.0), (1, 1.0), (" 5 % ", 0.05),
])
def test_rates_as_fraction_or_percentage(written, expected):
    document = minimal_document(edges=[{"from": "ads", "to": "deal", "conversion": written}])
    conversion = Diagram.model_validate(document).edges[0].conversion
    assert conversion.target == pytest.approx(expected) and conversion.actual == conversion.target


@pytest.mark.parametrize("written", ["101%", 1.5, -0.1, "-3%", "abc", True, "nan"])
def test_rates_outside_0_to_1_or_not_numbers_are_refused(written):
    document = minimal_document(edges=[{"from": "ads", "to": "deal", "conversion": written}])
    locs = [loc for loc, _ in problems_of(document)]
    assert all(loc[:3] == ("edges", 0, "conversion") for loc in locs)


def test_bare_measure_means_target_equals_actual():
    diagram = Diagram.model_validate(minimal_document())
    volume = diagram.node("ads").volume
    assert (volume.target, volume.actual, volume.is_bare) == (100, 100, True)


def test_measure_with_target_only_falls_back_in_actual_scenario():
    document = minimal_document()
    document["nodes"][0]["duration"] = {"target": 2}
    duration = Diagram.model_validate(document).node("ads").duration
    assert duration.actual is None and duration.value("actual") == 2 and not duration.is_bare


def test_empty_measure_is_refused():
    document = minimal_document()
    document["nodes"][0]["volume"] = {}
    assert "needs a target" in problems_of(document)[0][1]


def test_negative_volume_is_refused():
    document = minimal_document()
    document["nodes"][0]["volume"] = -5
    assert "must not be negative" in problems_of(document)[0][1]


@pytest.mark.parametrize("where", ["top", "node", "edge", "lane", "kpi", "measure"])
def test_unknown_keys_are_refused(where):
    document = minimal_document()
    target = {"top": document, "node": document["nodes"][0], "edge": document["edges"][0],
              "lane": document["lanes"][0]}.get(where)
    if where == "kpi":
        document["nodes"][0]["kpis"] = [{"name": "CTR", "target": "2%", "colour": 1}]
    elif where == "measure":
        document["nodes"][0]["volume"] = {"target": 1, "acutal": 2}
    else:
        target["colour"] = "red"
    messages = [message for _, message in problems_of(document)]
    assert any(message.startswith("unknown key") for message in messages)


def test_kpi_percent_unit_and_direction():
    document = minimal_document()
    document["nodes"][0]["kpis"] = [
        {"name": "点击率", "target": "2%", "actual": "1.4%"},
        {"name": "CAC", "target": 300, "actual": 420, "unit": "CNY", "better": "lower"},
        {"name": "NPS", "target": 40},
    ]
    ctr, cac, nps = Diagram.model_validate(document).node("ads").kpis
    assert (ctr.unit, ctr.target, ctr.actual, ctr.better) == ("%", 0.02, 0.014, Better.higher)
    assert ctr.is_worse() is True and cac.is_worse() is True and nps.is_worse() is None


def test_kpi_needs_a_name():
    document = minimal_document()
    document["nodes"][0]["kpis"] = [{"target": 1}]
    assert problems_of(document)[0][0] == ("nodes", 0, "kpis", 0, "name")


@pytest.mark.parametrize("field,value", [
    ("period", "fortnight"), ("currency", "yuan"), ("kind", "start")])
def test_enumerations_and_codes(field, value):
    document = minimal_document()
    if field == "kind":
        document["nodes"][0]["kind"] = value
    else:
        document[field] = value
    (loc, message), *_ = problems_of(document)
    assert loc[-1] == field and (repr(value) in message or "ISO 4217" in message)


def test_lane_color_is_hex():
    document = minimal_document(lanes=[{"id": "marketing", "color": "blue"}])
    assert problems_of(document)[0] == (("lanes", 0, "color"),
                                        'a colour is written like "#2E86DE"')


def test_evolve_validates_the_new_snapshot():
    diagram = Diagram.model_validate(minimal_document())
    with pytest.raises(ValidationError):
        diagram.evolve(edges=[{"from": "ads", "to": "nobody"}])
    assert diagram.evolve(title="新标题").title == "新标题"


def test_blank_optional_text_is_absent_so_save_and_load_compare_equal():
    from app.model import Diagram

    document = {"funnelflow": 1, "notes": "", "lanes": [{"id": "m"}],
                "nodes": [{"id": "a", "lane": "m", "owner": "  ", "notes": "", "contingency": ""},
                          {"id": "b", "lane": "m"}],
                "edges": [{"from": "a", "to": "b", "label": ""}]}
    diagram = Diagram.model_validate(document)
    node = diagram.node("a")
    assert (diagram.notes, node.owner, node.notes, node.contingency) == (None, None, None, None)
    assert diagram.edges[0].label is None


def test_absurd_positions_are_refused():
    import pytest
    from pydantic import ValidationError

    from app.model import Diagram

    for x in (1e308, -2e6, float("nan")):
        with pytest.raises(ValidationError):
            Diagram.model_validate({"funnelflow": 1, "lanes": [{"id": "m"}],
                                    "nodes": [{"id": "a", "lane": "m", "x": x, "y": 0}]})
    ok = Diagram.model_validate({"funnelflow": 1, "lanes": [{"id": "m"}],
                                 "nodes": [{"id": "a", "lane": "m", "x": -40.5, "y": 999999}]})
    assert ok.nodes[0].x == -40.5
