"""Connecting as a draw.io user does: drag from anywhere on a node's border to another node,
at any zoom, with no rubber band and no move; a refused connection says why while dragging."""

from __future__ import annotations

import pytest
from conftest import _send, drag, to_viewport
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtTest import QTest

from app.ui.canvas.connecting import ALLOWED, REFUSED, TargetFeedback


def center(scene, node_id) -> QPointF:
    box = scene.layout.nodes[node_id]
    return QPointF(box.cx, box.cy)


def _press_move(view, start, end, steps=5):
    a, b = to_viewport(view, start), to_viewport(view, end)
    _send(view, QEvent.MouseButtonPress, a, Qt.LeftButton, Qt.LeftButton)
    for i in range(1, steps + 1):
        p = a + (b - a) * i / steps
        _send(view, QEvent.MouseMove, p, Qt.NoButton, Qt.LeftButton)
    return b


def _feedback(scene) -> TargetFeedback:
    plates = [i for i in scene.items() if type(i).__name__ == "ReasonPlate"]
    assert len(plates) == 1
    return plates[0]


@pytest.mark.parametrize("zoom", [0.7, 1.5])
def test_drag_from_the_bottom_border_connects_without_rubber_band_or_move(
        view, scene, session, zoom):
    view.set_zoom(zoom)
    view.centerOn(scene.layout.bounds.cx, scene.layout.bounds.cy)
    bands = []
    view.rubberBandChanged.connect(lambda rect, *_: bands.append(rect))
    box = scene.layout.nodes["landing"]
    before = dict(scene.layout.nodes)
    before_node = session.diagram.node("landing")
    # 2 screen pixels inside the bottom border, well away from any handle.
    start = QPointF(box.x + box.w * 0.25, box.bottom - 2 / zoom)
    drag(view, start, center(scene, "deal"))
    assert session.diagram.edge("landing", "deal") is not None
    assert session.undo_stack.count() == 1
    assert not [r for r in bands if not r.isNull()]  # no rubber band was ever drawn
    # nothing moved: the node keeps its place (the layout may make it taller for the new
    # edge's port and label, which is not a move)
    after = scene.layout.nodes["landing"]
    assert (after.x, after.y) == (before["landing"].x, before["landing"].y)
    assert session.diagram.node("landing") == before_node  # no position was written
    assert scene.selected_ids() == ([], ["landing->deal"])  # only the new edge is selected


@pytest.mark.parametrize("zoom", [0.7, 1.5])
def test_a_press_just_outside_the_box_connects_too(view, scene, session, zoom):
    view.set_zoom(zoom)
    view.centerOn(scene.layout.bounds.cx, scene.layout.bounds.cy)
    box = scene.layout.nodes["landing"]
    drag(view, QPointF(box.right + 3, box.y + box.h * 0.3), center(scene, "deal"))
    assert session.diagram.edge("landing", "deal") is not None


def test_a_press_inside_the_box_moves_the_node(view, scene, session):
    box = scene.layout.nodes["landing"]
    drag(view, center(scene, "landing"), center(scene, "landing") + QPointF(0, 60))
    assert session.diagram.edge("landing", "deal") is None
    assert session.diagram.node("landing").y is not None
    assert scene.layout.nodes["landing"].y > box.y


def test_the_target_is_outlined_and_a_refusal_is_explained_while_dragging(view, scene, session):
    box = scene.layout.nodes["lost"]  # an exit: nothing may leave it
    end = _press_move(view, QPointF(box.x + 2, box.cy + 10), center(scene, "deal"))
    plate = _feedback(scene)
    assert plate.isVisible() and "exit" in plate.text
    outline = next(i for i in scene.items() if type(i).__name__ == "QGraphicsPathItem")
    assert outline.isVisible() and outline.pen().color().name().upper() == REFUSED
    _send(view, QEvent.MouseButtonRelease, end, Qt.LeftButton, Qt.NoButton)
    assert not [i for i in scene.items() if type(i).__name__ == "ReasonPlate"]
    assert session.undo_stack.count() == 0


def test_an_allowed_target_is_outlined_green_with_no_reason(view, scene, session):
    box = scene.layout.nodes["landing"]
    end = _press_move(view, QPointF(box.x + 2, box.cy + 10), center(scene, "deal"))
    plate = _feedback(scene)
    assert not plate.isVisible()
    outline = next(i for i in scene.items() if type(i).__name__ == "QGraphicsPathItem")
    assert outline.pen().color().name().upper() == ALLOWED
    _send(view, QEvent.MouseButtonRelease, end, Qt.LeftButton, Qt.NoButton)
    assert session.diagram.edge("landing", "deal") is not None


def test_connect_mode_c_makes_every_drag_from_a_node_connect(view, scene, session):
    from app.ui.canvas.keyboard import install_keyboard

    keys = install_keyboard(view, session)
    scene.clearSelection()
    view.setFocus()
    QTest.keyClick(view, Qt.Key_C)
    assert keys.mouse_connect
    drag(view, center(scene, "landing"), center(scene, "deal"))  # from the middle
    assert session.diagram.edge("landing", "deal") is not None
    QTest.keyClick(view, Qt.Key_Escape)
    assert not keys.mouse_connect
    drag(view, center(scene, "demo"), center(scene, "demo") + QPointF(0, 40))
    assert session.diagram.edge("demo", "deal") is not None  # (unchanged) and no new edge
    assert len(session.diagram.edges) == 5


def test_dragging_an_edge_end_onto_a_refused_node_says_why_before_release(view, scene, session):
    scene.select_ids([], ["demo->lost"])
    end = scene.edges["demo->lost"].look.ends[1]
    release = _press_move(view, end, center(scene, "deal"))  # demo->deal exists already
    plate = _feedback(scene)
    assert plate.isVisible() and "already connected" in plate.text
    _send(view, QEvent.MouseButtonRelease, release, Qt.LeftButton, Qt.NoButton)
    assert session.undo_stack.count() == 0
