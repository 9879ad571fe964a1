"""Lanes and phases: add, rename, recolour, reorder, delete (asking where nodes go), undo."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog
from test_window_helpers import type_into

from app.model.axes import LANE, PHASE
from app.ui.panels import band_dialogs

pytest_plugins = ["test_window_helpers"]


def lane_ids(window) -> list[str]:
    return [lane.id for lane in window.session.diagram.lanes]


def test_add_lane_from_the_menu_then_name_it_in_the_inspector(qtbot, window):
    opened = window.session.diagram
    window.actions.add_lane.trigger()
    assert lane_ids(window) == ["marketing", "sales", "service", "lane"]
    assert window.inspector.subject == (LANE, "lane")
    type_into(qtbot, window.inspector.band_form.name, "技术部")
    assert window.session.diagram.lane("lane").name == "技术部"
    assert window.session.undo_stack.count() == 2
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert window.session.diagram == opened
    assert window.inspector.subject == ("diagram", None)


def test_add_phase_rename_and_move_left(qtbot, window):
    window.actions.add_phase.trigger()
    form = window.inspector.band_form
    type_into(qtbot, form.name, "Loyalty")
    form.earlier.click()
    phases = [p.id for p in window.session.diagram.phases]
    assert phases[-2:] == ["phase", "referral"]
    assert window.session.diagram.phase("phase").name == "Loyalty"
    assert form.earlier.text() == "Move left"


def test_recolour_and_reorder_a_lane(qtbot, window, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#8e44ad")))
    window.inspector.show_lane("sales")
    form = window.inspector.band_form
    form.colour.click()
    assert window.session.diagram.lane("sales").color == "#8E44AD"
    form.earlier.click()
    assert lane_ids(window) == ["sales", "marketing", "service"]
    assert not form.earlier.isEnabled()
    window.session.undo_stack.undo()
    assert lane_ids(window) == ["marketing", "sales", "service"]
    window.session.undo_stack.undo()
    assert window.session.diagram.lane("sales").color == "#27AE60"


def test_deleting_a_lane_with_nodes_moves_them_where_the_user_says(qtbot, window):
    session = window.session
    opened = session.diagram
    in_service = [n.id for n in opened.nodes if n.lane == "service"]
    asked = []

    def ask(title, text, choices):
        asked.append((title, choices))
        return "sales"

    assert band_dialogs.delete_band(session, LANE, "service", ask=ask)
    assert asked[0][0] == "Customer service"
    assert [c[1] for c in asked[0][1]] == ["marketing", "sales"]
    assert lane_ids(window) == ["marketing", "sales"]
    assert all(session.diagram.node(n).lane == "sales" for n in in_service)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.diagram == opened


def test_deleting_a_lane_and_its_nodes_takes_their_edges_along(qtbot, window):
    session = window.session
    in_service = {n.id for n in session.diagram.nodes if n.lane == "service"}
    assert band_dialogs.delete_band(session, LANE, "service",
                                    ask=lambda *a: band_dialogs.DELETE_NODES)
    assert not in_service & {n.id for n in session.diagram.nodes}
    assert not any(e.source in in_service or e.target in in_service
                   for e in session.diagram.edges)


def test_cancelling_the_question_deletes_nothing(qtbot, window):
    before = window.session.diagram
    assert not band_dialogs.delete_band(window.session, LANE, "sales", ask=lambda *a: None)
    assert window.session.diagram == before


def test_the_last_lane_cannot_be_deleted(qtbot, window):
    session = window.session
    for lane in ("service", "sales"):
        band_dialogs.delete_band(session, LANE, lane, ask=lambda *a: "marketing")
    before = session.diagram
    assert not band_dialogs.delete_band(session, LANE, "marketing", ask=lambda *a: None)
    assert session.diagram == before
    assert "at least one lane" in window.status.currentMessage()


def test_deleting_a_phase_can_leave_nodes_without_a_phase(qtbot, window):
    session = window.session
    inside = [n.id for n in session.diagram.nodes if n.phase == "referral"]
    assert band_dialogs.delete_band(session, PHASE, "referral",
                                    ask=lambda *a: band_dialogs.DELETE_NODES)
    assert all(session.diagram.node(n).phase is None for n in inside)


def test_band_context_menu_renames_through_a_dialog(qtbot, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("销售部", True)))
    menu = band_dialogs.band_menu(window.session, LANE, "sales", window,
                                  on_select=window.inspector.show_band)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Rename…", "Colour…", "Move up", "Move down", "Add lane below", "Delete…",
                     "Show in inspector"]
    menu.actions()[0].trigger()
    assert window.session.diagram.lane("sales").name == "销售部"
    next(a for a in menu.actions() if a.text() == "Add lane below").trigger()
    assert lane_ids(window) == ["marketing", "sales", "lane", "service"]
    assert window.inspector.subject == (LANE, "lane")
