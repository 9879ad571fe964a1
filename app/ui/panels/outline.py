"""View → Outline: the funnel as text in funnel order, for screen readers and for copying.

A read-only text dock that follows the document (re-written after every edit, on the live
checklist's report when there is one) with a Copy button. The text itself is made by
app.render.outline, the same words the exports can use.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.render.outline import outline_text


class OutlinePanel(QWidget):
    """The outline text (selectable, copyable) and a Copy button."""

    def __init__(self, session, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.lang = session, lang
        self.report = None
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        # Keyboard users read it with the arrows and select with Shift: a text cursor is shown.
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.text, 1)
        column.addLayout(row)
        session.changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def set_report(self, report) -> None:
        """Use the live checklist's report (volumes, bottlenecks) when it fits the document."""
        self.report = report
        self.refresh()

    def set_lang(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.refresh()

    def refresh(self, *_args) -> None:
        """Write the outline of the current snapshot (keeping the reader's place)."""
        diagram = self.session.diagram
        report = self.report
        if report is None or report.diagram is not diagram or report.lang != self.lang:
            from app.analysis import analyze

            report = analyze(diagram, self.lang)
        text = outline_text(diagram, report, self.lang)
        if text != self.text.toPlainText():
            position = self.text.verticalScrollBar().value()
            self.text.setPlainText(text)
            self.text.verticalScrollBar().setValue(position)

    def copy(self) -> str:
        """Put the whole outline on the clipboard; returns it."""
        text = self.text.toPlainText()
        QGuiApplication.clipboard().setText(text)
        return text

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("&Copy outline"))
        self.copy_button.setAccessibleName(self.tr("Copy the outline to the clipboard"))
        self.text.setAccessibleName(self.tr("Funnel outline"))
        self.text.setAccessibleDescription(
            self.tr("Every step in funnel order with its lane, owner, conversions and KPIs"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class OutlineDock(QDockWidget):
    """The outline as a dock of the main window (hidden until View → Outline)."""

    def __init__(self, session, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outline-dock")
        self.panel = OutlinePanel(session, lang, self)
        self.setWidget(self.panel)
        self.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Outline"))
        self.toggleViewAction().setText(self.tr("O&utline"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def install_outline(window) -> OutlineDock:
    """Add the outline dock (hidden) and View → Outline to a MainWindow (one line to wire)."""
    from app.ui import i18n

    lang = i18n.checklist_lang(getattr(window, "lang", i18n.current_language()))
    dock = OutlineDock(window.session, lang, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    menu = getattr(getattr(window, "actions", None), "view_menu", None)
    if menu is not None:
        menu.addAction(dock.toggleViewAction())
    live = getattr(window, "live", None)
    if live is not None:
        live.report_ready.connect(dock.panel.set_report)
    return dock
