"""Lanes and phases as the two axes of a diagram: what each says about itself, and the one
command that replaces either list."""

import pytest

from app.model import Diagram, Lane, Phase
from app.model.axes import AXES, LANE, PHASE
from app.model.commands import EditRefused, SetLanes, SetPhases

BASE = Diagram.model_validate({
    "funnelflow": 1,
    "lanes": [{"id": "marketing", "name": "市场部"}, {"id": "sales"}],
    "phases": [{"id": "aware", "name": "认知期"}, {"id": "buy"}],
    "nodes": [
        {"id": "ads", "kind": "entry", "lane": "marketing", "phase": "aware", "volume": 1000},
        {"id": "lead", "lane": "marketing", "phase": "buy"},
        {"id": "deal", "kind": "goal", "lane": "sales", "phase": "buy"},
    ],
    "edges": [{"from": "ads", "to": "lead"}, {"from": "lead", "to": "deal"}],
})


def test_each_axis_names_its_fields_in_the_spec_words():
    assert (LANE.name, LANE.field, LANE.item) == ("lane", "lanes", Lane)
    assert (PHASE.name, PHASE.field, PHASE.item) == ("phase", "phases", Phase)
    assert AXES == (LANE, PHASE) and LANE != PHASE
    # lanes are rows with a colour that every node needs; phases optional columns
    assert (LANE.rows, LANE.required, LANE.coloured) == (True, True, True)
    assert (PHASE.rows, PHASE.required, PHASE.coloured) == (False, False, False)
    assert {LANE: "l", PHASE: "p"}[PHASE] == "p"  # usable as a table key


def test_reading_lanes_and_phases_through_the_axis():
    assert [lane.id for lane in LANE.items(BASE)] == ["marketing", "sales"]
    assert [phase.id for phase in PHASE.items(BASE)] == ["aware", "buy"]
    assert LANE.find(BASE, "sales") == BASE.lane("sales")
    assert PHASE.find(BASE, "aware").title == "认知期"
    assert LANE.find(BASE, "aware") is None and PHASE.find(BASE, "nowhere") is None
    ads = BASE.node("ads")
    assert (LANE.of(ads), PHASE.of(ads)) == ("marketing", "aware")
    assert [n.id for n in PHASE.holding(BASE, "buy")] == ["lead", "deal"]
    assert [n.id for n in LANE.holding(BASE, "sales")] == ["deal"]


def test_new_items_get_a_fresh_id_of_their_own_kind():
    lane = LANE.new(BASE, "New lane")
    phase = PHASE.new(BASE, "New phase")
    assert isinstance(lane, Lane) and (lane.id, lane.name) == ("lane", "New lane")
    assert isinstance(phase, Phase) and (phase.id, phase.name) == ("phase", "New phase")
    after, _ = PHASE.replace([*BASE.phases, phase], "Add phase").apply(BASE)
    assert PHASE.new(after, "again").id == "phase-2"


def test_replace_gives_the_axis_own_command_with_its_undo_text():
    lanes = LANE.replace(list(reversed(BASE.lanes)), "Move lane")
    phases = PHASE.replace(BASE.phases[:1], "Delete phase", {"buy": "aware"})
    assert isinstance(lanes, SetLanes) and lanes.text == "Move lane" and lanes.reassign == {}
    assert isinstance(phases, SetPhases) and phases.reassign == {"buy": "aware"}
    after, _ = lanes.apply(BASE)
    assert [lane.id for lane in after.lanes] == ["sales", "marketing"]
    after, _ = phases.apply(BASE)
    assert [p.id for p in after.phases] == ["aware"]
    assert {n.phase for n in after.nodes} == {"aware"}


def test_deleting_a_required_lane_deletes_its_nodes_a_phase_only_leaves_them():
    after, _ = LANE.replace(BASE.lanes[:1], "Delete lane", {"sales": None}).apply(BASE)
    assert [n.id for n in after.nodes] == ["ads", "lead"]
    assert [e.id for e in after.edges] == ["ads->lead"]
    after, _ = PHASE.replace(BASE.phases[:1], "Delete phase", {"buy": None}).apply(BASE)
    assert [n.id for n in after.nodes] == ["ads", "lead", "deal"]
    assert [PHASE.of(n) for n in after.nodes] == ["aware", None, None]


def test_replacing_with_no_lanes_is_refused():
    with pytest.raises(EditRefused):
        LANE.replace([], "Delete lane", {"marketing": None, "sales": None}).apply(BASE)
