"""Pure edit commands: each gives a new validated snapshot and says what it touched."""

import pytest

from app.model import Diagram, Edge, Lane, Node
from app.model.commands import (
    AddItems,
    DeleteItems,
    EditRefused,
    MoveNodes,
    Placement,
    Reconnect,
    SetLanes,
    TidyUp,
    UpdateEdge,
    UpdateNode,
    fresh_id,
)

BASE = Diagram.model_validate({
    "funnelflow": 1,
    "lanes": [{"id": "marketing"}, {"id": "sales"}],
    "phases": [{"id": "awareness"}],
    "nodes": [
        {"id": "ads", "kind": "entry", "lane": "marketing", "volume": 1000},
        {"id": "lead", "lane": "marketing"},
        {"id": "deal", "kind": "goal", "lane": "sales"},
        {"id": "lost", "kind": "exit", "lane": "sales"},
    ],
    "edges": [{"from": "ads", "to": "lead", "conversion": "10%"},
              {"from": "lead", "to": "deal"}, {"from": "lead", "to": "lost"}],
})


def test_delete_node_takes_its_edges_along():
    after, changes = DeleteItems(node_ids=frozenset({"lead"})).apply(BASE)
    assert [n.id for n in after.nodes] == ["ads", "deal", "lost"]
    assert after.edges == ()
    assert changes.edges == {"ads->lead", "lead->deal", "lead->lost"}
    assert BASE.node("lead") is not None  # the old snapshot is untouched


def test_move_into_another_lane_changes_lane():
    after, changes = MoveNodes({"lead": Placement(400, 200, "sales", "awareness")}).apply(BASE)
    lead = after.node("lead")
    assert (lead.x, lead.y, lead.lane, lead.phase) == (400, 200, "sales", "awareness")
    assert changes.structure and changes.nodes == {"lead"}


def test_illegal_edits_are_refused_with_a_reason():
    with pytest.raises(EditRefused, match="duplicate edge"):
        AddItems(edges=(Edge(**{"from": "ads", "to": "lead"}),)).apply(BASE)
    with pytest.raises(EditRefused, match="leaves exit"):
        AddItems(edges=(Edge(**{"from": "lost", "to": "ads"}),)).apply(BASE)
    with pytest.raises(EditRefused, match="between 0 and 1"):
        UpdateEdge("ads", "lead", {"conversion": "120%"}).apply(BASE)
    with pytest.raises(EditRefused, match="does not exist"):
        MoveNodes({"lead": Placement(0, 0, "nowhere", None)}).apply(BASE)


def test_rename_id_carries_edges_and_reconnect_keeps_measures():
    after, _ = UpdateNode("lead", {"id": "mql", "label": "MQL"}).apply(BASE)
    assert after.node("mql").label == "MQL"
    assert {e.id for e in after.edges} == {"ads->mql", "mql->deal", "mql->lost"}
    moved, changes = Reconnect("ads", "lead", "ads", "deal").apply(BASE)
    assert moved.edge("ads", "deal").conversion.target == pytest.approx(0.1)
    assert changes.edges == {"ads->lead", "ads->deal"}


def test_deleting_a_lane_moves_its_nodes_where_asked():
    lanes = (Lane(id="marketing"),)
    after, _ = SetLanes(lanes, {"sales": "marketing"}).apply(BASE)
    assert {n.lane for n in after.nodes} == {"marketing"}
    dropped, _ = SetLanes(lanes, {"sales": None}).apply(BASE)
    assert [n.id for n in dropped.nodes] == ["ads", "lead"]
    assert [e.id for e in dropped.edges] == ["ads->lead"]


def test_paste_with_fresh_ids_and_tidy_up():
    node_id = fresh_id("lead", BASE.node_index())
    assert node_id == "lead-2" and fresh_id("lead-2", {"lead-2"}) == "lead-3"
    assert fresh_id("线索 A", set()) == "A"  # ids keep to the id alphabet
    pasted, _ = AddItems(nodes=(Node(id=node_id, lane="sales", x=10, y=20),)).apply(BASE)
    tidy, _ = TidyUp().apply(pasted)
    assert tidy.node("lead-2").x is None and pasted.node("lead-2").x == 10
