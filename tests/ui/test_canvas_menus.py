"""Right-click menus, the Edit menu, File → New, paste, legend and Help, as a draw.io user
expects them: each entry does what it says and is one undo step."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMenu
from test_window_helpers import make_window

from app.model.axes import LANE

pytest_plugins = ["test_window_helpers"]


@pytest.fixture
def win(qtbot, settings_store, dialogs):
    return make_window(qtbot)


def centre(window, node_id) -> QPointF:
    box = window.scene.layout.nodes[node_id]
    return QPointF(box.cx, box.cy)


def _find(menu: QMenu, key: str):
    for act in menu.actions():
        if act.objectName() == key:
            return act
        if act.menu() is not None and (found := _find(act.menu(), key)) is not None:
            return found
    return None


def entry(menu: QMenu, key: str):
    """The menu entry named `key` (object name), searched in submenus too."""
    found = _find(menu, key)
    assert found is not None, f"no entry {key} in {[a.objectName() for a in menu.actions()]}"
    return found


def one_undo_step(window, before) -> None:
    stack = window.session.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert window.session.diagram == before


def test_file_new_opens_a_blank_diagram_with_one_lane(win):
    win.actions.new.trigger()
    diagram = win.session.diagram
    assert len(diagram.lanes) == 1 and not diagram.nodes and not diagram.edges
    assert win.session.path is None and win.actions.new.shortcut().toString() == "Ctrl+N"
    assert len(win.scene.bands) == 1 and not win.scene.nodes
    node_id = win.view.create_node_at("entry", QPointF(300, 60))
    assert win.session.diagram.node(node_id).lane == diagram.lanes[0].id


@pytest.mark.parametrize(("key", "check"), [
    ("node.kind.decision", lambda d: d.node("nurture").kind.value == "decision"),
    ("node.lane.sales", lambda d: d.node("nurture").lane == "sales"),
    ("node.duplicate", lambda d: d.node("nurture-2") is not None
     and d.node("nurture-2").label.endswith("(copy)")),
    ("node.delete", lambda d: d.node("nurture") is None
     and not [e for e in d.edges if "nurture" in (e.source, e.target)]),
    ("node.cut", lambda d: d.node("nurture") is None),
])
def test_node_menu_entries_do_what_they_say_in_one_undo_step(win, key, check):
    before = win.session.diagram
    menu = win.canvas_actions.menu_for("node", "nurture", centre(win, "nurture"))
    entry(menu, key).trigger()
    assert check(win.session.diagram)
    one_undo_step(win, before)


def test_node_menu_rename_and_connect(win):
    menu = win.canvas_actions.menu_for("node", "nurture", centre(win, "nurture"))
    entry(menu, "node.rename").trigger()
    assert win.view.editor is not None and win.view.editor.target_id == "nurture"
    win.view.editor.cancel()
    entry(menu, "node.connect").trigger()
    assert win.keyboard.connecting and win.keyboard.sources == ["nurture"]
    win.scene.node_clicked_in_connect_mode("repeat")  # a click on the target
    assert win.session.diagram.edge("nurture", "repeat") is not None
    assert win.session.undo_stack.count() == 1
    exit_menu = win.canvas_actions.menu_for("node", "lost", centre(win, "lost"))
    assert not entry(exit_menu, "node.connect").isEnabled()  # nothing leaves an exit


def test_edge_menu_reverse_and_delete(win):
    before = win.session.diagram
    menu = win.canvas_actions.menu_for("edge", "member->review", QPointF())
    entry(menu, "edge.reverse").trigger()
    reversed_edge = win.session.diagram.edge("review", "member")
    assert reversed_edge is not None and reversed_edge.conversion.target == 0.3
    one_undo_step(win, before)
    menu = win.canvas_actions.menu_for("edge", "member->review", QPointF())
    entry(menu, "edge.delete").trigger()
    assert win.session.diagram.edge("member", "review") is None
    assert win.session.undo_stack.count() == 1


def test_canvas_menu_adds_a_node_where_it_was_clicked(win):
    before = win.session.diagram
    service = win.scene.layout.lanes[2].rect
    where = QPointF(service.right - 150, service.cy)
    menu = win.canvas_actions.menu_for("canvas", "", where)
    entry(menu, "add.goal").trigger()
    added = [n for n in win.session.diagram.nodes if n.id not in before.node_index()]
    assert len(added) == 1 and added[0].kind.value == "goal" and added[0].lane == "service"
    box = win.scene.layout.nodes[added[0].id]
    assert abs(box.cx - where.x()) <= 8 and abs(box.cy - where.y()) <= 8
    one_undo_step(win, before)


def test_lane_menu_adds_a_node_in_that_lane(win):
    before = win.session.diagram
    header = win.scene.layout.lanes[1].header
    menu = win.canvas_actions.menu_for(LANE, "sales", QPointF(header.cx, header.cy))
    entry(menu, "add.step").trigger()
    added = [n for n in win.session.diagram.nodes if n.id not in before.node_index()]
    assert [n.lane for n in added] == ["sales"]
    one_undo_step(win, before)


def test_lane_menu_keeps_the_band_entries(win, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("销售", True)))
    menu = win.canvas_actions.menu_for(LANE, "sales", QPointF(10, 300))
    next(a for a in menu.actions() if a.text() == "Rename…").trigger()
    assert win.session.diagram.lane("sales").name == "销售"


def test_right_click_finds_what_is_under_the_pointer(win):
    seen = []
    win.scene.context_menu_requested.disconnect()
    win.scene.context_menu_requested.connect(lambda *args: seen.append(args[:2]))
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    for point, expected in ((centre(win, "nurture"), ("node", "nurture")),
                            (QPointF(win.scene.layout.lanes[0].header.cx,
                                     win.scene.layout.lanes[0].header.cy),
                             (LANE, "marketing")),
                            (QPointF(win.scene.layout.bounds.right - 20,
                                     win.scene.layout.lanes[0].rect.y + 6), ("canvas", ""))):
        win.view.centerOn(point)
        local = win.view.mapFromScene(point)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, local,
                                  win.view.viewport().mapToGlobal(local))
        QApplication.sendEvent(win.view.viewport(), event)
        assert seen[-1] == expected, point
    assert QEvent and QPoint


def test_edit_menu_has_the_draw_io_entries_with_their_shortcuts(win):
    texts = [a.text() for a in win.actions.edit_menu.actions() if a.text()]
    for expected in ("Cu&t", "&Copy", "&Paste", "D&uplicate", "&Delete", "Select &all"):
        assert expected in texts
    actions = win.canvas_actions
    win.scene.select_ids([], [])
    assert not actions.copy.isEnabled() and not actions.delete.isEnabled()
    win.scene.select_ids([], ["seo->landing"])
    assert actions.delete.isEnabled() and not actions.copy.isEnabled()  # edges go with nodes
    win.scene.select_ids(["seo"], [])
    assert actions.copy.isEnabled() and actions.cut.isEnabled()
    keys = {a.objectName(): a.shortcut().toString() for a in win.canvas_actions.edit_actions}
    assert keys["edit.copy"] == "Ctrl+C" and keys["edit.duplicate"] == "Ctrl+D"
    assert keys["edit.select_all"] == "Ctrl+A"


def test_cut_then_paste_puts_fresh_copies_and_moves_nothing_else(win):
    scene, session = win.scene, win.session
    before_boxes = dict(scene.layout.nodes)
    scene.select_ids(["offer"], [])
    win.canvas_actions.copy.trigger()
    payload = json.loads(QGuiApplication.clipboard().mimeData().text())
    assert [n["id"] for n in payload["nodes"]] == ["offer"]
    ids = win.view.paste()
    assert ids == ["offer-2"]
    copy = session.diagram.node("offer-2")
    assert copy.label == "Special offer (copy)" or copy.label.endswith(" (copy)")
    new_box = scene.layout.nodes["offer-2"]
    assert not any(new_box.intersects(b) for b in before_boxes.values())  # on free ground
    for node_id, box in before_boxes.items():
        assert scene.layout.nodes[node_id] == box, f"{node_id} moved"  # nothing else moved
    ids_again = win.view.paste()
    assert ids_again == ["offer-3"] and session.undo_stack.count() == 2


def test_paste_here_lands_under_the_pointer(win):
    scene = win.scene
    scene.select_ids(["offer"], [])
    win.canvas_actions.copy.trigger()
    service = scene.layout.lanes[2].rect
    # free ground: the empty customer-service lane under the offer's column (nearer the right
    # end, the copy would cover the routes there and be put beside them)
    where = QPointF(scene.layout.nodes["offer"].cx, service.cy)
    menu = win.canvas_actions.menu_for("canvas", "", where)
    entry(menu, "canvas.paste").trigger()
    box = scene.layout.nodes["offer-2"]
    assert box.h > 80  # "Special offer (copy)" wraps: the copy is taller than a plain node
    assert abs(box.cx - where.x()) <= 8 and abs(box.cy - where.y()) <= 8  # its real centre
    assert win.session.diagram.node("offer-2").lane == "service"


def test_legend_toggles_over_the_canvas(win):
    assert win.actions.legend.isCheckable()
    win.actions.legend.trigger()
    legend = win.legend
    assert legend.isVisible() and legend.parent() is win.view.viewport()
    texts = [text for _, text in legend.rows()]
    assert "Not measured yet (no actual)" in texts and len(texts) == 13
    win.actions.legend.trigger()
    assert not legend.isVisible()


def test_shortcut_list_equals_the_actions_shortcuts(win):
    from PySide6.QtGui import QAction, QKeySequence

    dialog = win.show_shortcuts()
    listed = {keys for _, keys in dialog.rows()}
    native = QKeySequence.SequenceFormat.NativeText
    menu_actions = set()
    for top in win.menuBar().actions():
        stack = [top.menu()]
        while stack:
            for act in stack.pop().actions():
                if act.menu() is not None:
                    stack.append(act.menu())
                elif not act.shortcut().isEmpty():
                    menu_actions.add(act)
    expected = {a.shortcut().toString(native) for a in menu_actions}
    assert expected <= listed
    assert {"Ctrl+N", "Ctrl+C", "Ctrl+V", "Ctrl+D", "Ctrl+Z", "F1"} <= listed
    # Change a shortcut: the list follows.
    win.actions.tidy.setShortcut(QKeySequence("Ctrl+Alt+Y"))
    assert "Ctrl+Alt+Y" in {k for _, k in win.show_shortcuts().rows()}
    assert QAction


def test_about_names_the_version(win, monkeypatch):
    from app.ui.panels import help_dialogs
    from app.version import version

    assert version() in help_dialogs.about_text()
    win.actions.about.trigger()  # (exec is stubbed by the dialogs fixture)


def test_no_two_menu_actions_share_a_shortcut(win):
    """An ambiguous shortcut does nothing in Qt: every key must belong to one action."""
    seen: dict[str, str] = {}
    stack = [a.menu() for a in win.menuBar().actions() if a.menu() is not None]
    while stack:
        for act in stack.pop().actions():
            if act.menu() is not None:
                stack.append(act.menu())
            elif not act.shortcut().isEmpty():
                key = act.shortcut().toString()
                assert seen.setdefault(key, act.text()) == act.text(), (key, seen[key], act.text())
