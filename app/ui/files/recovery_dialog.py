"""The dialog shown at start after a crash: unsaved diagrams found, what to do with each.

One row per orphaned recovery copy, with its time, title and original file ("untitled" when
it never had one). Restore opens it as unsaved edits (and closes the dialog: one document at
a time), Save as… writes it to a file of the user's choice, Discard deletes it after asking.
Closing the dialog leaves the rest for the next start: nothing is deleted unasked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.io import DiagramFileError
from app.ui.files.recovery import Orphan
from app.ui.files.safe_save import SaveFailed, save_document
from app.ui.refusals import localize_problem


class RecoveryDialog(QDialog):
    """Restore / Discard / Save as for each diagram a crashed session left unsaved."""

    def __init__(self, orphans: list[Orphan], restore: Callable[[Orphan], None],
                 parent: QWidget | None = None,
                 ask_path: Callable[[Orphan], str | None] | None = None,
                 confirm: Callable[[str], bool] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover unsaved diagrams"))
        self._orphans = list(orphans)
        self._restore = restore
        self._ask_path = ask_path or self._ask_path_dialog
        self._confirm = confirm or self._confirm_dialog
        intro = QLabel(self.tr(
            "FunnelFlow did not close properly last time. These diagrams had changes that "
            "were not saved:"), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.save_as_button = QPushButton(self.tr("Save as…"), self)
        self.discard_button = QPushButton(self.tr("Discard"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.restore_button, self.save_as_button, self.discard_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Decide later"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.list):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.restore_button.clicked.connect(self.restore_selected)
        self.save_as_button.clicked.connect(self.save_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.list.currentRowChanged.connect(self._update_buttons)
        self._fill()
        self.setMinimumWidth(720)  # each line holds a date, a title and a whole path

    def describe(self, orphan: Orphan) -> str:
        """One line for the list: time, title, original path (or untitled)."""
        when = QLocale().toString(orphan.saved_at, QLocale.FormatType.ShortFormat)
        where = str(orphan.original) if orphan.original else self.tr("untitled, never saved")
        title = orphan.title or self.tr("(no title)")
        return self.tr("{time} — {title} — {where}").format(time=when, title=title,
                                                             where=where)

    def selected(self) -> Orphan | None:
        row = self.list.currentRow()
        return self._orphans[row] if 0 <= row < len(self._orphans) else None

    def restore_selected(self) -> None:
        orphan = self.selected()
        if orphan is None:
            return
        try:
            self._restore(orphan)
        except DiagramFileError as error:
            self.status.setText(self.tr("This copy cannot be read: {problem}").format(
                problem=localize_problem(error.problems[0])))
            return
        self._forget(orphan)
        self.accept()

    def save_selected(self) -> None:
        orphan = self.selected()
        if orphan is None:
            return
        target = self._ask_path(orphan)
        if not target:
            return
        try:
            save_document(orphan.load(), target)
        except DiagramFileError as error:
            self.status.setText(self.tr("This copy cannot be read: {problem}").format(
                problem=localize_problem(error.problems[0])))
            return
        except SaveFailed as error:
            self.status.setText(self.tr("Not saved: {reason}").format(reason=error.reason))
            return
        orphan.discard()
        self._forget(orphan)
        self.status.setText(self.tr("Saved as {path}.").format(path=target))

    def discard_selected(self) -> None:
        orphan = self.selected()
        if orphan is None or not self._confirm(self.describe(orphan)):
            return
        orphan.discard()
        self._forget(orphan)

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        # Whatever is left stays on disk for the next start; free the locks we hold.
        for orphan in self._orphans:
            orphan.release()
        self._orphans = []
        super().done(result)

    def _fill(self) -> None:
        self.list.clear()
        for orphan in self._orphans:
            item = QListWidgetItem(self.describe(orphan))
            item.setData(Qt.ItemDataRole.ToolTipRole, str(orphan.recovery_path))
            self.list.addItem(item)
        if self._orphans:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _forget(self, orphan: Orphan) -> None:
        self._orphans.remove(orphan)
        self._fill()
        if not self._orphans and self.isVisible():
            self.accept()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.restore_button, self.save_as_button, self.discard_button):
            button.setEnabled(chosen)

    def _ask_path_dialog(self, orphan: Orphan) -> str | None:
        start = str(orphan.original or Path.home() / "recovered.yaml")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save recovered diagram as"), start,
            self.tr("FunnelFlow diagrams (*.yaml *.yml)"))
        return path or None

    def _confirm_dialog(self, description: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Discard unsaved changes?"),
            self.tr("Delete these unsaved changes for good?\n\n{what}").format(
                what=description))
        return answer == QMessageBox.StandardButton.Yes
