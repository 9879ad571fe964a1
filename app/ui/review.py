"""File → Import actuals and Diagram → Close period… (SPEC §6) in the designer.

An import first shows what changes (old → new) in a preview; Apply makes it one undo step.
A table with problems is refused with every problem listed, and nothing changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.io.actuals import read_actuals
from app.io.actuals_cli import measure_name, shown
from app.io.actuals_table import ActualsError
from app.model import Diagram, default_period_label
from app.model.review import ActualChange, ClosePeriod, SetActuals, replaces_period

translate = QCoreApplication.translate


class ImportPreview(QDialog):
    """The changes an import would make, one row each: what, measure, old → new."""

    def __init__(
        self,
        diagram: Diagram,
        changes: list[ActualChange],
        source: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(translate("Review", "Import actuals"))
        self.changes = changes
        box = QVBoxLayout(self)
        box.addWidget(
            QLabel(
                translate(
                    "Review", "%1 change(s) from %2. Apply them as one step (Undo takes them back)?"
                )
                .replace("%1", str(len(changes)))
                .replace("%2", source),
                self,
            )
        )
        self.table = QTableWidget(len(changes), 4, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Review", "Node or edge"),
                translate("Review", "Measure"),
                translate("Review", "Old"),
                translate("Review", "New"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        nodes = diagram.node_index()
        for row, change in enumerate(changes):
            if change.is_edge:
                source_id, target_id = change.item.split("->", 1)
                name = f"{nodes[source_id].title} → {nodes[target_id].title}"
                measure = (
                    translate("Review", "conversion")
                    if change.measure == "conversion"
                    else translate("Review", "duration")
                )
            else:
                name = nodes[change.item].title
                words = {
                    "volume": translate("Review", "volume"),
                    "duration": translate("Review", "duration"),
                }
                measure = measure_name(change) if change.kpi else words[change.measure]
            cells = [
                name,
                measure,
                shown(diagram, change, change.old),
                shown(diagram, change, change.new),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(
            translate("Review", "Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(640, 420)


def import_actuals(
    window: Any, path: str | Path | None = None, preview: type[ImportPreview] = ImportPreview
) -> bool:
    """Ask for a table (unless `path`), preview its changes, apply them as one undo step."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window,
            translate("Review", "Import actuals"),
            "",
            translate("Review", "Tables (*.csv *.xlsx);;All files (*)"),
        )
        if not chosen:
            return False
        path = chosen
    session = window.session
    try:
        changes = read_actuals(session.diagram, path)
    except ActualsError as error:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("Review", "Import actuals"),
            translate("Review", "Nothing was imported: the table has problems."),
            parent=window,
        )
        box.setDetailedText(error.located())
        box.setInformativeText(error.located())
        window.last_import_problems = error.located()
        box.open()
        return False
    if not changes:
        QMessageBox.information(
            window,
            translate("Review", "Import actuals"),
            translate(
                "Review", "No changes: every actual in the table is what the diagram already has."
            ),
        )
        return False
    dialog = preview(session.diagram, changes, Path(path).name, window)
    window.import_preview = dialog
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return session.execute(SetActuals(tuple(changes), text=translate("Review", "Import actuals")))


def close_period(window: Any, label: str | None = None) -> bool:
    """File today's actuals into the history, under a label the user confirms."""
    session = window.session
    diagram = session.diagram
    if label is None:
        suggested = default_period_label(diagram.period.value)
        label, ok = QInputDialog.getText(
            window,
            translate("Review", "Close period"),
            translate(
                "Review",
                "Label of the period to close (today's actuals are kept until the next import):",
            ),
            text=suggested,
        )
        if not ok or not label.strip():
            return False
        if (
            replaces_period(diagram, label)
            and QMessageBox.question(
                window,
                translate("Review", "Close period"),
                translate(
                    "Review", "%1 is already closed. Replace its numbers with today's?"
                ).replace("%1", label.strip()),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
    return session.execute(ClosePeriod(label, text=translate("Review", "Close period")))
