"""A refusal touches only what it is about: a typo in a panel leaves the canvas alone."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from app.model.commands import MoveNodes, Placement, UpdateNode


def test_a_refused_edit_elsewhere_leaves_the_canvas_alone(scene, session):
    item = scene.nodes["ads"]
    item.setPos(item.pos() + QPointF(40, 0))  # a node the user is dragging right now
    dragged = item.pos()
    reasons: list[str] = []
    session.refused.connect(reasons.append)

    session.refuse("“3,2%” is not a rate")  # a typing mistake in the inspector
    assert not session.execute(UpdateNode("ads", {"kind": "no-such-kind"}))

    assert len(reasons) == 2
    assert item.pos() == dragged


def test_a_refused_move_is_refused_by_the_model_not_a_crash(scene, session):
    before = session.diagram
    ghost = MoveNodes({"ghost": Placement(0.0, 0.0, "marketing", None)})
    assert not session.execute(ghost)
    assert session.diagram is before
