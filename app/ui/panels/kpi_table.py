"""A node's KPIs as an editable table: name, target, actual, unit, better.

Each cell edit, added row and removed row replaces the node's KPI tuple in one UpdateNode
command (one undo step). Values of a `%` KPI are shown and typed as percentages.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.trends import Trend, trends
from app.model import KPI, PERCENT_UNIT, Better, Diagram
from app.model.commands import UpdateNode
from app.ui.panels.fields import ERROR_STYLE, parse_optional, percent_text, plain_number
from app.ui.session import Session
from app.ui.sparkline import Sparkline

COLUMNS = ("name", "target", "actual", "unit", "better", "trend")
_LAST: list[Any] = [None, {}]  # (snapshot, its trends): the panels ask many times per edit


def diagram_trends(diagram: Diagram) -> dict[str, Trend]:
    """The trends of a snapshot, computed once per snapshot."""
    if _LAST[0] is not diagram:
        _LAST[:] = [diagram, trends(diagram)]
    return _LAST[1]


def kpi_value_text(kpi: KPI, value: float | None) -> str:
    """A KPI value as typed back: 2.5% for a percent KPI, else the plain number."""
    return percent_text(value) if kpi.is_percent else plain_number(value)


class KpiTable(QWidget):
    """The KPI table of the node the inspector shows."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.node_id: str | None = None
        self._filling = False
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600;")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("kpis")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._cell_edited)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslate()

    # -- reading the model -----------------------------------------------------------------
    def _kpis(self) -> tuple[KPI, ...]:
        node = self.session.diagram.node(self.node_id) if self.node_id else None
        return node.kpis if node else ()

    def _trends(self) -> dict[str, Trend]:
        return diagram_trends(self.session.diagram)

    def refresh(self) -> None:
        """Show the node's KPIs from the model."""
        kpis = self._kpis()
        self._filling = True
        try:
            self.table.setRowCount(len(kpis))
            for row, kpi in enumerate(kpis):
                texts = (kpi.name, kpi_value_text(kpi, kpi.target),
                         kpi_value_text(kpi, kpi.actual), kpi.unit or "")
                for column, text in enumerate(texts):
                    item = self.table.item(row, column)
                    if item is None:
                        item = QTableWidgetItem()
                        self.table.setItem(row, column, item)
                    if item.text() != text:
                        item.setText(text)
                combo = self.table.cellWidget(row, 4)
                if not isinstance(combo, QComboBox):
                    combo = self._better_combo(row)
                combo.setCurrentIndex(combo.findData(kpi.better.value))
                spark = self.table.cellWidget(row, 5)
                if not isinstance(spark, Sparkline):
                    spark = Sparkline(self.table)
                    self.table.setCellWidget(row, 5, spark)
                trend = self._trends().get(f"{self.node_id}/{kpi.name}")
                spark.set_trend(trend, [kpi_value_text(kpi, v) for v in trend.values]
                                if trend else None)
            rows = max(3, len(kpis)) + 1
            self.table.setFixedHeight(self.table.horizontalHeader().height()
                                      + rows * self.table.verticalHeader().defaultSectionSize()
                                      + 4)
        finally:
            self._filling = False
        self.remove_button.setEnabled(bool(kpis))

    def _better_combo(self, row: int) -> QComboBox:
        combo = QComboBox(self.table)
        combo.addItem(self.tr("higher"), Better.higher.value)
        combo.addItem(self.tr("lower"), Better.lower.value)
        combo.activated.connect(lambda _i, c=combo: self._better_chosen(c))
        self.table.setCellWidget(row, 4, combo)
        return combo

    # -- edits -----------------------------------------------------------------------------
    def _better_chosen(self, combo: QComboBox) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, 4) is combo:
                self._replace(row, {"better": combo.currentData()})

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, column = item.row(), item.column()
        kpis = self._kpis()
        if row >= len(kpis):
            return
        kpi, text = kpis[row], item.text()
        try:
            if COLUMNS[column] == "name":
                changes: dict[str, Any] = {"name": text.strip()}
            elif COLUMNS[column] == "unit":
                changes = {"unit": text.strip() or None}
            else:
                value = parse_optional(text, allow_percent=True)
                changes = {COLUMNS[column]: value}
                if text.strip().endswith("%") and kpi.unit is None:
                    changes["unit"] = PERCENT_UNIT  # "2%" makes a percent KPI
                elif value is not None and kpi.is_percent and not text.strip().endswith("%"):
                    # In a % KPI "2.5" means 2.5%, as the column shows percentages.
                    changes[COLUMNS[column]] = value / 100
        except ValueError as error:
            self._refuse(str(error))
            return
        self._replace(row, changes)

    def _replace(self, row: int, changes: dict[str, Any]) -> None:
        kpis = list(self._kpis())
        data = kpis[row].model_dump()
        data.update(changes)
        try:
            kpis[row] = KPI.model_validate(data)
        except ValueError as error:
            self._refuse(_first_message(error))
            return
        self._execute(tuple(kpis), self.tr("Edit KPI"))

    def add_row(self) -> None:
        """Add a KPI with a placeholder name, ready to be renamed."""
        kpis = self._kpis()
        name = self.tr("New KPI")
        names = {k.name for k in kpis}
        number = 2
        while name in names:
            name = self.tr("New KPI %1").replace("%1", str(number))
            number += 1
        if self._execute(kpis + (KPI(name=name),), self.tr("Add KPI")):
            self.table.setCurrentCell(len(kpis), 0)
            self.table.editItem(self.table.item(len(kpis), 0))

    def remove_selected(self) -> None:
        """Remove the selected KPI rows."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentRow() >= 0:
            rows = {self.table.currentRow()}
        kpis = self._kpis()
        kept = tuple(k for i, k in enumerate(kpis) if i not in rows)
        if rows and kept != kpis:
            self._execute(kept, self.tr("Remove KPI"))

    def _execute(self, kpis: tuple[KPI, ...], text: str) -> bool:
        self.error.hide()
        done = self.session.execute(UpdateNode(self.node_id, {"kpis": kpis}, text=text))
        if not done:
            self.refresh()
        return done

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.session.refuse(message)
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("KPIs"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Target"), self.tr("Actual"), self.tr("Unit"),
             self.tr("Better"), self.tr("Trend")])
        self.add_button.setText(self.tr("Add KPI"))
        self.remove_button.setText(self.tr("Remove"))
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 4)
            if isinstance(combo, QComboBox):
                combo.setItemText(0, self.tr("higher"))
                combo.setItemText(1, self.tr("lower"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _first_message(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):
        items = errors(include_url=False)
        if items:
            return str(items[0].get("msg", error))
    return str(error)

