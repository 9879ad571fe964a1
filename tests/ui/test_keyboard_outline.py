"""View → Outline in the designer: follows every edit, copies to the clipboard."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from app.model.commands import UpdateNode
from app.ui.panels.outline import OutlineDock


def test_the_outline_follows_edits_and_copies(qtbot, session, fonts):
    dock = OutlineDock(session, "en")
    qtbot.addWidget(dock)
    dock.show()
    text = dock.panel.text.toPlainText()
    assert "1. Paid ads — entry — Marketing / Awareness — owner Ana — 10,000/month" in text
    session.execute(UpdateNode("ads", {"owner": "Bo"}))
    assert "owner Bo" in dock.panel.text.toPlainText()
    session.undo_stack.undo()
    assert "owner Ana" in dock.panel.text.toPlainText()
    dock.panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == dock.panel.text.toPlainText()
    assert dock.panel.text.isReadOnly() and dock.panel.text.accessibleName()
    assert dock.panel.copy_button.accessibleName()
