"""Editing on the canvas, as a user does it: drop, drag, connect, reconnect, delete, paste,
rename, nudge — each one undo step, each undone and redone, the scene always showing the model."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.render.canvas_geometry import connect_handle
from app.ui.canvas.view import NODE_KIND_MIME
from tests.ui.conftest import click, drag, to_viewport
from tests.ui.test_canvas_scene import assert_scene_matches


def center(scene, node_id):
    box = scene.layout.nodes[node_id]
    return QPointF(box.cx, box.cy)


def undo_redo_round_trip(session, scene, before, after):
    """Undo returns to `before`, redo to `after`, and the scene follows both ways."""
    session.undo_stack.undo()
    assert session.diagram == before
    assert_scene_matches(scene)
    session.undo_stack.redo()
    assert session.diagram == after
    assert_scene_matches(scene)


def test_drop_from_the_palette_creates_a_node_where_it_lands(view, scene, session, qtbot):
    before = session.diagram
    lane, phase = scene.layout.lanes[1], scene.layout.phases[1]
    target = QPointF(phase.rect.cx, lane.rect.cy)
    mime = QMimeData()
    mime.setData(NODE_KIND_MIME, QByteArray(b"decision"))
    at = to_viewport(view, target)
    enter = QDragEnterEvent(at, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    over = QDragMoveEvent(at, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), over)
    drop = QDropEvent(QPointF(at), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), drop)
    node = session.diagram.node("decision")
    assert node is not None and node.kind == "decision" and node.label == "New decision"
    assert (node.lane, node.phase) == ("sales", "decision")
    assert session.undo_stack.count() == 1
    assert scene.selected_ids() == (["decision"], [])
    item_box = scene.nodes["decision"].box
    assert abs(item_box.cx - target.x()) <= 8 and lane.rect.y <= item_box.cy <= lane.rect.bottom
    assert_scene_matches(scene)
    undo_redo_round_trip(session, scene, before, session.diagram)


def test_create_node_at_in_chinese_gets_a_chinese_label(view, scene, session):
    scene.set_lang("zh")
    node_id = view.create_node_at("step", QPointF(scene.layout.phases[0].rect.cx, 150))
    assert session.diagram.node(node_id).label == "新步骤"


def test_drag_a_node_into_another_lane_then_undo(view, scene, session):
    before = session.diagram
    before_layout = dict(scene.layout.nodes)
    sales = scene.layout.lanes[1]
    start = center(scene, "landing")
    end = QPointF(start.x() + 40, sales.rect.y + sales.rect.h - 50)
    drag(view, start, end)
    moved = session.diagram.node("landing")
    assert moved.lane == "sales" and moved.x is not None and moved.y is not None
    others = [r for i, r in before_layout.items() if i != "landing"]
    lined_up_y = {v for r in others for v in (r.y, r.cy - r.h / 2, r.bottom - r.h)}
    lined_up_x = {v for r in others for v in (r.x, r.cx - r.w / 2, r.right - r.w)}
    # snapped to the grid, or lined up with another node by a guide
    assert moved.x % 8 == 0 or moved.x in lined_up_x
    assert moved.y % 8 == 0 or moved.y in lined_up_y
    assert session.undo_stack.count() == 1
    # The item shows in the sales band of the new layout.
    box = scene.nodes["landing"].box
    band = next(b for b in scene.layout.lanes if b.id == "sales")
    assert band.rect.y <= box.cy <= band.rect.bottom
    assert_scene_matches(scene)
    undo_redo_round_trip(session, scene, before, session.diagram)
    session.undo_stack.undo()
    assert session.diagram.node("landing").lane == "marketing"


def test_a_click_that_moves_nothing_pushes_no_undo_step(view, scene, session):
    click(view, center(scene, "deal"))
    assert scene.selected_ids() == (["deal"], [])
    tiny = center(scene, "deal")
    drag(view, tiny, tiny + QPointF(1, 0))  # a shaky hand is still a click
    assert session.undo_stack.count() == 0
    assert_scene_matches(scene)


def test_multi_move_with_ctrl_click_is_one_step(view, scene, session):
    click(view, center(scene, "deal"))
    click(view, center(scene, "lost"), modifiers=Qt.ControlModifier)
    assert scene.selected_ids()[0] == ["deal", "lost"]
    start = center(scene, "deal")
    drag(view, start, start + QPointF(48, 0))
    assert session.undo_stack.count() == 1
    assert session.diagram.node("deal").x is not None and session.diagram.node("lost").x
    assert_scene_matches(scene)


def test_ctrl_click_toggles_and_rubber_band_selects(view, scene):
    click(view, center(scene, "deal"))
    click(view, center(scene, "deal"), modifiers=Qt.ControlModifier)
    assert scene.selected_ids() == ([], [])
    sales = scene.layout.lanes[1]
    drag(view, QPointF(sales.header.right + 4, sales.rect.y + 4),
         QPointF(sales.rect.right - 4, sales.rect.bottom - 4))
    assert set(scene.selected_ids()[0]) == {"demo", "deal", "lost"}


def test_connect_by_dragging_the_handle(view, scene, session):
    before = session.diagram
    handle = QPointF(*connect_handle(scene.layout.nodes["landing"]))
    drag(view, handle, center(scene, "deal"))
    assert session.diagram.edge("landing", "deal") is not None
    assert "landing->deal" in scene.edges and session.undo_stack.count() == 1
    assert_scene_matches(scene)
    undo_redo_round_trip(session, scene, before, session.diagram)


def test_connect_released_over_nothing_does_nothing(view, scene, session):
    handle = QPointF(*connect_handle(scene.layout.nodes["landing"]))
    drag(view, handle, handle + QPointF(20, 300))
    assert session.undo_stack.count() == 0 and session.diagram.edges == scene.session.diagram.edges
    assert len([i for i in scene.items() if type(i).__name__ == "QGraphicsLineItem"]) == 0


def test_an_illegal_connect_is_refused_and_changes_nothing(view, scene, session):
    before = session.diagram
    reasons = []
    session.refused.connect(reasons.append)
    handle = QPointF(*connect_handle(scene.layout.nodes["lost"]))  # out of an exit
    drag(view, handle, center(scene, "deal"))
    assert session.diagram is before and session.undo_stack.count() == 0
    assert reasons and "exit" in reasons[0]
    handle = QPointF(*connect_handle(scene.layout.nodes["ads"]))  # a duplicate
    drag(view, handle, center(scene, "landing"))
    assert "already connected" in reasons[-1] and session.diagram is before
    assert_scene_matches(scene)


def test_reconnect_an_edge_end(view, scene, session):
    before = session.diagram
    scene.select_ids([], ["demo->lost"])
    end = scene.edges["demo->lost"].look.ends[1]
    drag(view, end, center(scene, "deal"))
    # demo->deal exists already: refused, nothing changes.
    assert session.diagram is before
    scene.select_ids([], ["ads->landing"])
    end = scene.edges["ads->landing"].look.ends[1]
    drag(view, end, center(scene, "demo"))
    assert session.diagram.edge("ads", "demo") is not None
    assert session.diagram.edge("ads", "landing") is None
    assert session.diagram.edge("ads", "demo").conversion.actual == 0.032  # kept its measures
    assert "ads->demo" in scene.edges and "ads->landing" not in scene.edges
    assert_scene_matches(scene)
    undo_redo_round_trip(session, scene, before, session.diagram)


def test_delete_a_node_takes_its_edges(view, scene, session):
    before = session.diagram
    click(view, center(scene, "demo"))
    QTest.keyClick(view.viewport(), Qt.Key_Delete)
    assert session.diagram.node("demo") is None
    assert not [e for e in session.diagram.edges if "demo" in (e.source, e.target)]
    assert "demo" not in scene.nodes and "demo->deal" not in scene.edges
    assert_scene_matches(scene)
    undo_redo_round_trip(session, scene, before, session.diagram)


def test_copy_paste_gives_fresh_ids_and_keeps_edges_between_copies(view, scene, session):
    before = session.diagram
    scene.select_ids(["demo", "deal"], [])
    view.setFocus()
    QTest.keyClick(view, Qt.Key_C, Qt.ControlModifier)
    QTest.keyClick(view, Qt.Key_V, Qt.ControlModifier)
    pasted = scene.selected_ids()
    assert set(pasted[0]) == {"demo-2", "deal-2"}
    assert pasted[1] == ["demo-2->deal-2"]
    assert session.diagram.node("deal-2").label == "Deal (copy)"
    assert len(session.diagram.nodes) == len(before.nodes) + 2
    assert session.undo_stack.count() == 1
    QTest.keyClick(view, Qt.Key_V, Qt.ControlModifier)  # again: further off, new ids again
    assert set(scene.selected_ids()[0]) == {"demo-3", "deal-3"}
    assert_scene_matches(scene)
    session.undo_stack.undo()
    undo_redo_round_trip(session, scene, before, session.diagram)


def test_duplicate_with_ctrl_d(view, scene, session):
    scene.select_ids(["landing"], [])
    QTest.keyClick(view, Qt.Key_D, Qt.ControlModifier)
    copy = session.diagram.node("landing-2")
    assert copy is not None and copy.kpis == session.diagram.node("landing").kpis
    assert_scene_matches(scene)


def test_rename_in_place_enter_commits_escape_cancels(view, scene, session, qtbot):
    before = session.diagram
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier,
                      to_viewport(view, center(scene, "deal")))
    editor = view.editor
    assert editor is not None and editor.text() == "Deal"
    editor.selectAll()
    editor.insert("签约成交")  # what a Chinese input method commits (QTest types ASCII only)
    QTest.keyClick(editor, Qt.Key_Return)
    assert session.diagram.node("deal").label == "签约成交"
    assert "签约成交" in [t[2] for t in scene.nodes["deal"].look.texts]
    assert view.editor is None and session.undo_stack.count() == 1
    scene.select_ids(["deal"], [])
    QTest.keyClick(view, Qt.Key_F2)
    QTest.keyClicks(view.editor, "nope")
    QTest.keyClick(view.editor, Qt.Key_Escape)
    assert session.diagram.node("deal").label == "签约成交" and session.undo_stack.count() == 1
    undo_redo_round_trip(session, scene, before, session.diagram)


def test_arrow_keys_nudge_as_one_merged_step(view, scene, session):
    before = session.diagram
    scene.select_ids(["deal"], [])
    start = scene.layout.nodes["deal"]
    for _ in range(3):
        QTest.keyClick(view, Qt.Key_Right)
    QTest.keyClick(view, Qt.Key_Down, Qt.ShiftModifier)
    node = session.diagram.node("deal")
    assert session.undo_stack.count() == 1
    assert abs(node.x - (start.x + 24)) <= 4 and abs(node.y - (start.y + 40)) <= 4
    assert_scene_matches(scene)
    undo_redo_round_trip(session, scene, before, session.diagram)


def test_keyboard_connect_and_undo_all_returns_to_the_opened_document(view, scene, session):
    opened = session.diagram
    scene.select_ids(["landing"], [])
    assert view.connect_selected("deal")
    view.create_node_at("step", QPointF(300, 150))
    scene.select_ids(["deal"], [])
    view.nudge(8, 0)
    scene.select_ids(["ads"], [])
    view.delete_selection()
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.diagram == opened
    assert_scene_matches(scene)


def test_zoom_and_centre_on_a_target(view, scene):
    view.zoom_in()
    assert view.zoom() > 1.0
    view.zoom_out()
    view.zoom_to_fit()
    assert view.zoom() <= 1.0
    view.center_on_target("demo->deal")
    assert scene.selected_ids() == ([], ["demo->deal"])
    view.zoom_reset()
    assert view.zoom() == 1.0


def test_middle_drag_pans_and_changes_nothing(view, scene, session):
    view.set_zoom(2.0)
    before = view.mapToScene(QPoint(10, 10))
    drag(view, center(scene, "deal"), center(scene, "deal") + QPointF(-100, -60),
         button=Qt.MiddleButton)
    assert view.mapToScene(QPoint(10, 10)) != before
    assert session.undo_stack.count() == 0
