"""Phases (and lanes) through the paths a user takes: a click or right-click on a ruler title,
the header's context menu, the inspector's form, and the words in both languages."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu
from test_window_helpers import make_window

from app.model.axes import AXES, LANE, PHASE
from app.ui import i18n
from app.ui.panels import band_dialogs
from app.ui.panels.axis_words import AxisWords, words

pytest_plugins = ["test_window_helpers"]


@pytest.fixture
def win(qtbot, settings_store, dialogs):
    return make_window(qtbot)


def closing_the_menu(pop_up) -> None:
    """Call `pop_up`, which shows a context menu modally, and close that menu once it shows
    (a test then triggers the entries of `canvas_actions.menu`)."""
    tries = [200]

    def close() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            popup.close()
        elif tries[0] > 0:
            tries[0] -= 1
            QTimer.singleShot(5, close)

    QTimer.singleShot(0, close)
    pop_up()


def phase_ruler_point(win, phase) -> QPoint:
    """The middle of `phase`'s title in the phase ruler, in the ruler's pixels."""
    view = win.view
    view.centerOn(QPointF(phase.rect.cx, phase.rect.cy))
    ruler = view.rulers.phases
    assert ruler.isVisible()
    # The phase ruler lies above the viewport and shares its x.
    x = view.mapFromScene(QPointF(phase.rect.cx, phase.rect.cy)).x()
    return QPoint(x, ruler.height() // 2)


def lane_ruler_point(win, lane) -> QPoint:
    view = win.view
    view.centerOn(QPointF(lane.rect.cx, lane.rect.cy))
    rect = view.rulers.lane_title_rect(lane)
    return view.rulers.lanes.mapFrom(view, rect.center())


def renamed_by_dialog(monkeypatch, name: str) -> list[str]:
    """Answer the rename dialog with `name`; returns the dialog titles asked."""
    titles: list[str] = []

    def get_text(parent, title, label, text=""):
        titles.append(title)
        return name, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return titles


def test_a_click_on_a_phase_title_in_the_ruler_shows_that_phase_in_the_inspector(win):
    phase = win.scene.layout.phases[2]
    QTest.mouseClick(win.view.rulers.phases, Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, phase_ruler_point(win, phase))
    inspector = win.inspector
    assert inspector.subject == (PHASE, phase.id)
    assert inspector.currentWidget() is inspector.band_form
    form = inspector.band_form
    title = win.session.diagram.phase(phase.id).title
    assert form.heading.text() == f"Phase: {title}"
    assert form.name.text() == win.session.diagram.phase(phase.id).name
    # phases have no colour; their order runs left to right
    assert form.colour.isHidden()
    assert (form.earlier.text(), form.later.text()) == ("Move left", "Move right")
    assert form.delete.text() == "Delete phase…" and form.delete.isEnabled()


def test_a_click_on_a_lane_title_in_the_ruler_shows_that_lane_in_the_inspector(win):
    lane = win.scene.layout.lanes[1]
    QTest.mouseClick(win.view.rulers.lanes, Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, lane_ruler_point(win, lane))
    form = win.inspector.band_form
    assert win.inspector.subject == (LANE, lane.id)
    assert form.heading.text() == f"Lane: {lane.title}" and not form.colour.isHidden()
    assert (form.earlier.text(), form.later.text()) == ("Move up", "Move down")


def test_rename_phase_from_its_header_menu_is_one_undo_step(win, monkeypatch):
    before = win.session.diagram
    phase = win.scene.layout.phases[1]
    titles = renamed_by_dialog(monkeypatch, "  Consider it  ")
    # a right-click on the phase's header in the diagram
    header = QPointF(phase.header.cx, phase.header.cy)
    closing_the_menu(lambda: win.scene.context_menu_requested.emit(PHASE, phase.id, header,
                                                                   QPoint()))
    menu = win.canvas_actions.menu
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Add &node here", "Rename…", "Move left", "Move right", "Add phase after",
                     "Delete…", "Show in inspector"]
    next(a for a in menu.actions() if a.text() == "Rename…").trigger()
    assert titles == ["Rename phase"]
    assert win.session.diagram.phase(phase.id).name == "Consider it"
    stack = win.session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Rename phase"
    stack.undo()
    assert win.session.diagram == before


def test_a_right_click_on_a_phase_ruler_opens_the_phase_menu(win, monkeypatch):
    phase = win.scene.layout.phases[0]
    renamed_by_dialog(monkeypatch, "Awareness!")
    point = phase_ruler_point(win, phase)
    closing_the_menu(lambda: QTest.mouseClick(win.view.rulers.phases, Qt.MouseButton.RightButton,
                                              Qt.KeyboardModifier.NoModifier, point))
    menu = win.canvas_actions.menu
    assert menu is not None
    texts = [a.text() for a in menu.actions() if a.text()]
    assert "Add phase after" in texts and "Colour…" not in texts
    next(a for a in menu.actions() if a.text() == "Rename…").trigger()
    assert win.session.diagram.phase(phase.id).name == "Awareness!"
    assert win.session.undo_stack.count() == 1


def test_a_right_click_on_a_lane_ruler_opens_the_lane_menu(win):
    lane = win.scene.layout.lanes[2]
    point = lane_ruler_point(win, lane)
    closing_the_menu(lambda: QTest.mouseClick(win.view.rulers.lanes, Qt.MouseButton.RightButton,
                                              Qt.KeyboardModifier.NoModifier, point))
    menu = win.canvas_actions.menu
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[1:] == ["Rename…", "Colour…", "Move up", "Move down", "Add lane below",
                         "Delete…", "Show in inspector"]
    next(a for a in menu.actions() if a.text() == "Show in inspector").trigger()
    assert win.inspector.subject == (LANE, lane.id)


def test_add_phase_after_from_the_header_menu_shows_the_new_phase(win):
    diagram = win.session.diagram
    first = diagram.phases[0].id
    menu = band_dialogs.band_menu(win.session, PHASE, first, win,
                                  on_select=win.inspector.show_band)
    next(a for a in menu.actions() if a.text() == "Add phase after").trigger()
    phases = [p.id for p in win.session.diagram.phases]
    assert phases[:2] == [first, "phase"] and len(phases) == len(diagram.phases) + 1
    assert win.session.diagram.phase("phase").name == "New phase"
    assert win.inspector.subject == (PHASE, "phase")
    assert win.session.undo_stack.undoText() == "Add phase"


def test_deleting_a_phase_from_the_inspector_asks_and_leaves_nodes_without_a_phase(
        win, monkeypatch):
    session = win.session
    before = session.diagram
    phase = before.phases[1]
    inside = [n.id for n in before.nodes if n.phase == phase.id]
    assert inside
    asked = []

    def choose(cls, parent, title, text, choices, axis):
        dialog = cls(parent, title, text, choices, axis)
        asked.append([dialog.combo.itemText(i) for i in range(dialog.combo.count())])
        return band_dialogs.DELETE_NODES

    monkeypatch.setattr(band_dialogs.ReassignDialog, "choose", classmethod(choose))
    win.inspector.show_phase(phase.id)
    win.inspector.band_form.delete.click()
    others = [p.title for p in before.phases if p.id != phase.id]
    assert asked == [[f"Move them to phase “{t}”" for t in others]
                     + ["Leave them without a phase"]]
    assert session.diagram.phase(phase.id) is None
    assert all(session.diagram.node(n).phase is None for n in inside)
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Delete phase"
    assert win.inspector.subject == ("diagram", None)  # the phase shown is gone
    session.undo_stack.undo()
    assert session.diagram == before


def test_each_axis_has_its_own_words_in_english_and_in_chinese(settings_store):
    app = QApplication.instance()
    fields = AxisWords.__dataclass_fields__
    english = {axis: words(axis) for axis in AXES}
    # where the two axes differ, they say so in different words
    for name in fields:
        assert getattr(english[LANE], name) != getattr(english[PHASE], name), name
    assert "lane" in english[LANE].rename and "phase" in english[PHASE].rename
    try:
        assert i18n.install_language(app, i18n.CHINESE, settings_store)
        for axis in AXES:
            said = words(axis)
            for name in fields:
                text = getattr(said, name)
                assert text != getattr(english[axis], name), (axis.name, name, text)
                assert not re.search(r"[A-Za-z]{3,}", text), (axis.name, name, text)
        assert words(LANE).rename == "重命名泳道" and words(PHASE).rename == "重命名阶段"
    finally:
        i18n.install_language(app, i18n.ENGLISH, settings_store)
