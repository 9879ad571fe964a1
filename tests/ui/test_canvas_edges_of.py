"""Which edges a node has is worked out when first asked after a change (a scene of thousands
is built without it): selecting a node marks it and its edges as worked on, and an edit that
adds or deletes an edge is seen on the next question."""

from __future__ import annotations

from app.model import Edge
from app.model.commands import AddItems, DeleteItems


def _edges_touching(session, node_id):
    return {e.id for e in session.diagram.edges if node_id in (e.source, e.target)}


def test_a_selected_node_and_its_edges_are_worked_on(scene, session):
    scene.select_ids(["demo"])
    assert scene.active_ids() == {"demo"} | _edges_touching(session, "demo")
    assert set(scene.edges_of("demo")) == _edges_touching(session, "demo")
    assert len(scene.edges_of("demo")) >= 2


def test_the_edges_of_a_node_follow_edits(scene, session):
    before = set(scene.edges_of("demo"))
    source = next(n.id for n in session.diagram.nodes
                  if n.id != "demo" and f"{n.id}->demo" not in before)
    session.execute(AddItems(edges=(Edge.model_validate({"from": source, "to": "demo"}),)))
    assert set(scene.edges_of("demo")) == before | {f"{source}->demo"}
    assert f"{source}->demo" in scene.edges_of(source)
    gone = sorted(before)[0]
    session.execute(DeleteItems(edge_ids=frozenset({gone})))
    assert set(scene.edges_of("demo")) == (before | {f"{source}->demo"}) - {gone}
    assert scene.edges_of("nowhere") == []
