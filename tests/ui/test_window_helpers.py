"""Fixtures for the designer-window tests: isolated settings, no blocking dialogs, a window.

Imported by the window, inspector, checklist and story tests (a conftest.py belongs to the
canvas tests); nothing here is a test itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QMessageBox

from app.io.templates import load_template
from app.model import Diagram
from app.ui import i18n
from app.ui.session import Session


@pytest.fixture
def settings_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    """Every settings read and write goes to a file in tmp_path, never the user's settings."""
    QStandardPaths.setTestModeEnabled(True)
    path = str(tmp_path / "settings.ini")
    monkeypatch.setattr(i18n, "settings", lambda: QSettings(path, QSettings.Format.IniFormat))
    return i18n.settings()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Patch the modal dialogs: questions answer Discard, everything shown is recorded."""
    seen: dict[str, list] = {"question": [], "critical": [], "warning": [], "box": []}

    def question(parent, title, text, *args, **kwargs):
        seen["question"].append(text)
        return QMessageBox.StandardButton.Discard

    def critical(parent, title, text, *args, **kwargs):
        seen["critical"].append(text)
        return QMessageBox.StandardButton.Cancel

    def warning(parent, title, text, *args, **kwargs):
        seen["warning"].append(text)
        return QMessageBox.StandardButton.Ok

    def box_exec(self):
        seen["box"].append(f"{self.text()}\n{self.informativeText()}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    return seen


def full_funnel() -> Diagram:
    return load_template("full-funnel", "en")


def make_window(qtbot, diagram: Diagram | None = None, path: Path | None = None):
    """A shown 1440x900 main window on `diagram` (default: the English full-funnel)."""
    from app.ui.window import MainWindow

    i18n.install_language(_app(), i18n.ENGLISH)
    session = Session(diagram if diagram is not None else full_funnel(), path)
    window = MainWindow(session, i18n.ENGLISH)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    window.live.run_now()
    return window


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


@pytest.fixture
def window(qtbot, settings_store, dialogs):
    """The designer on the English full-funnel template, settings and dialogs isolated."""
    return make_window(qtbot)


def analysed(window):
    """Run the pending analysis now and return the window's latest report."""
    window.live.run_now()
    return window.live.report


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` into `widget`: ASCII as key clicks, other text as an input-method commit.

    Chinese arrives from an IME as a committed string, not as key presses (and QTest cannot
    press keys for characters outside ASCII), so that is what the test sends too.
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    run = ""
    for char in text + "\0":
        if char != "\0" and char.isascii():
            run += char
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if char != "\0":
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def type_into(qtbot, field, text: str) -> None:
    """Select all, type `text`, press Enter: what a user does to replace a value."""
    from PySide6.QtCore import Qt

    field.setFocus()
    field.selectAll()
    if not text:
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
