"""Keyboard-only editing: Tab through the funnel, N to add the next step, C + Tab + Enter to
connect, Enter to rename — each edit one undo step, no mouse anywhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.ui.canvas.keyboard import install_keyboard


@pytest.fixture
def keys(view, session):
    view.setFocus()
    return install_keyboard(view, session)


def test_tab_walks_the_nodes_in_funnel_order_and_centres_them(keys, view, scene):
    seen = []
    for _ in range(5):
        QTest.keyClick(view, Qt.Key_Tab)
        seen.append(scene.selected_ids()[0])
    assert seen == [["ads"], ["landing"], ["demo"], ["deal"], ["lost"]]
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    box = scene.layout.nodes["lost"]
    assert visible.contains(box.cx, box.cy)  # centred as far as the scroll range allows
    QTest.keyClick(view, Qt.Key_Tab)  # round again
    assert scene.selected_ids() == (["ads"], [])
    QTest.keyClick(view, Qt.Key_Backtab, Qt.ShiftModifier)
    assert scene.selected_ids() == (["lost"], [])
    assert view.hasFocus()  # Tab stayed on the canvas


def test_n_adds_a_connected_step_in_the_same_lane(keys, view, scene, session):
    before = session.diagram
    QTest.keyClick(view, Qt.Key_Tab)
    QTest.keyClick(view, Qt.Key_Tab)  # landing
    QTest.keyClick(view, Qt.Key_N)
    new_id = scene.selected_ids()[0][0]
    node = session.diagram.node(new_id)
    assert node.kind == "step" and node.lane == "marketing" and node.label == "New step"
    assert session.diagram.edge("landing", new_id) is not None
    assert session.undo_stack.count() == 1
    # It is drawn to the right of landing, not on top of anything.
    box, landing = scene.layout.nodes[new_id], scene.layout.nodes["landing"]
    assert box.x > landing.right
    assert not any(box.intersects(r) for i, r in scene.layout.nodes.items() if i != new_id)
    session.undo_stack.undo()
    assert session.diagram == before


def test_shift_n_offers_the_kinds_and_makes_the_chosen_one(keys, view, scene, session):
    QTest.keyClick(view, Qt.Key_Tab)  # ads
    QTest.keyClick(view, Qt.Key_N, Qt.ShiftModifier)
    menu = keys.kind_menu
    assert [a.data() for a in menu.actions()] == ["entry", "step", "decision", "goal", "exit"]
    menu.actions()[2].trigger()  # what Enter on "Decision" does
    menu.close()
    new_id = scene.selected_ids()[0][0]
    assert session.diagram.node(new_id).kind == "decision"
    assert session.diagram.edge("ads", new_id) is not None


def test_c_tab_enter_connects_two_nodes_as_one_undo_step(keys, view, scene, session):
    messages = []
    keys.message.connect(messages.append)
    for _ in range(2):
        QTest.keyClick(view, Qt.Key_Tab)  # landing
    QTest.keyClick(view, Qt.Key_C)
    assert keys.connecting and "landing" not in messages[-1]  # says the label, not the id
    assert "落地页" in messages[-1]
    QTest.keyClick(view, Qt.Key_Tab)  # the next after landing that is not connected: demo
    QTest.keyClick(view, Qt.Key_Tab)  # deal
    assert keys.candidate == "deal" and scene.selected_ids() == (["deal"], [])
    assert "落地页 → Deal" in messages[-1]
    QTest.keyClick(view, Qt.Key_Return)
    assert not keys.connecting
    assert session.diagram.edge("landing", "deal") is not None
    assert session.undo_stack.count() == 1
    assert scene.selected_ids() == ([], ["landing->deal"])


def test_escape_cancels_connect_mode_and_gives_the_selection_back(keys, view, scene, session):
    QTest.keyClick(view, Qt.Key_Tab)  # ads
    QTest.keyClick(view, Qt.Key_C)
    QTest.keyClick(view, Qt.Key_Tab)
    QTest.keyClick(view, Qt.Key_Escape)
    assert not keys.connecting and session.undo_stack.count() == 0
    assert scene.selected_ids() == (["ads"], [])


def test_c_without_a_selection_says_what_to_do(keys, view, session):
    messages = []
    keys.message.connect(messages.append)
    QTest.keyClick(view, Qt.Key_C)
    assert not keys.connecting and messages


def test_build_a_funnel_from_nothing_with_the_keyboard_alone(qtbot, fonts):
    from app.model import Diagram
    from app.ui.canvas.scene import DiagramScene
    from app.ui.canvas.view import DiagramView
    from app.ui.session import Session

    session = Session(Diagram.model_validate(
        {"funnelflow": 1, "title": "", "lanes": [{"id": "m", "name": "市场部"}]}))
    scene = DiagramScene(session, "zh")  # kept: the view does not own its scene
    view = DiagramView(scene)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    keys = install_keyboard(view, session)
    QTest.keyClick(view, Qt.Key_N, Qt.ShiftModifier)
    keys.kind_menu.actions()[0].trigger()  # entry, in the middle of the view
    keys.kind_menu.close()
    QTest.keyClick(view, Qt.Key_N)  # a step after it
    QTest.keyClick(view, Qt.Key_N, Qt.ShiftModifier)
    keys.kind_menu.actions()[3].trigger()  # a goal after the step
    keys.kind_menu.close()
    diagram = session.diagram
    assert [n.kind.value for n in diagram.nodes] == ["entry", "step", "goal"]
    assert [n.label for n in diagram.nodes] == ["新入口", "新步骤", "新目标"]
    assert [(e.source, e.target) for e in diagram.edges] == [("entry", "step"),
                                                             ("step", "goal")]
    assert session.undo_stack.count() == 3


def test_enter_opens_the_rename_editor(keys, view, scene):
    QTest.keyClick(view, Qt.Key_Tab)
    QTest.keyClick(view, Qt.Key_Return)
    assert view.editor is not None
