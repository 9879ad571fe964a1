"""The designer's own wiring of issue 6: F5 presents and Esc returns with every dock where
it was; View → Outline shows the text; Tab on the canvas walks the funnel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_window_helpers import dialogs, make_window, settings_store  # noqa: F401 - fixtures

from app.ui import i18n

# The designer's settings and message boxes isolated, as in the window tests.
pytestmark = pytest.mark.usefixtures("settings_store", "dialogs")


def test_f5_presents_and_escape_returns_to_the_designer_as_it_was(qtbot):
    window = make_window(qtbot)
    window.scene.select_ids(["landing"], [])
    docks = {d.objectName(): d.isVisible() for d in (window.palette_dock,
                                                     window.inspector_dock,
                                                     window.checklist_dock)}
    transform = window.view.transform()
    window.view.setFocus()
    assert window.presenter.present_action.shortcut().toString() == "F5"
    window.presenter.present_action.trigger()
    presentation = window.presenter.window
    assert presentation is not None and presentation.isVisible()
    QTest.keyClick(presentation, Qt.Key_Right)
    QTest.keyClick(presentation, Qt.Key_Tab)
    QTest.keyClick(presentation, Qt.Key_Escape)
    assert window.presenter.window is None
    assert window.scene.selected_ids() == (["landing"], [])
    assert window.view.transform() == transform
    assert {d.objectName(): d.isVisible() for d in (window.palette_dock,
                                                    window.inspector_dock,
                                                    window.checklist_dock)} == docks
    assert window.session.undo_stack.count() == 0
    assert "Present" in [a.text().replace("&", "") for a in window.actions.view_menu.actions()]


def test_view_outline_and_tab_on_the_canvas(qtbot):
    window = make_window(qtbot)
    assert not window.outline_dock.isVisible()
    window.outline_dock.toggleViewAction().trigger()
    assert window.outline_dock.isVisible()
    text = window.outline_dock.panel.text.toPlainText()
    assert "Steps in funnel order (17):" in text
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_Tab)
    nodes, _ = window.scene.selected_ids()
    assert nodes == ["seo"]
    assert i18n.current_language() == i18n.ENGLISH
