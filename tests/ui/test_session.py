"""The session: one undo step per edit, one change signal, refusals change nothing."""

from app.model import Diagram
from app.model.commands import MoveNodes, Placement, UpdateNode
from app.ui.session import Session

DIAGRAM = Diagram.model_validate({
    "funnelflow": 1, "lanes": [{"id": "marketing"}, {"id": "sales"}],
    "nodes": [{"id": "ads", "kind": "entry", "lane": "marketing"}],
})


def test_edit_undo_redo_emit_changes(qtbot):
    session = Session(DIAGRAM)
    seen = []
    session.changed.connect(seen.append)
    assert session.execute(UpdateNode("ads", {"label": "广告"}))
    assert session.diagram.node("ads").label == "广告" and session.modified
    session.undo_stack.undo()
    assert session.diagram == DIAGRAM and not session.modified
    session.undo_stack.redo()
    assert session.diagram.node("ads").label == "广告"
    assert [c.nodes for c in seen] == [{"ads"}] * 3


def test_refused_edit_changes_nothing_and_says_why(qtbot):
    session = Session(DIAGRAM)
    reasons = []
    session.refused.connect(reasons.append)
    assert not session.execute(MoveNodes({"ads": Placement(0, 0, "nowhere", None)}))
    assert session.diagram is DIAGRAM and session.undo_stack.count() == 0
    assert "does not exist" in reasons[0]


def test_a_change_to_nothing_pushes_no_step_and_nudges_merge(qtbot):
    session = Session(DIAGRAM)
    assert not session.execute(UpdateNode("ads", {"label": ""}))
    assert session.undo_stack.count() == 0
    for x in (8, 16, 24):
        session.execute(MoveNodes({"ads": Placement(x, 40, "marketing", None)}), merge_key="nudge")
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.diagram.node("ads").x is None
