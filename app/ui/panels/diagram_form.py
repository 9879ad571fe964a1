"""The inspector's form for the diagram itself: title, period, currency, notes, and the
checklist rules it does not report (SPEC §2 `checklist.disable`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from app.model import Period
from app.model.commands import UpdateDiagram
from app.ui.panels.fields import Form, LineField, TextField
from app.ui.session import Session


class DiagramForm(Form):
    """Shown when nothing is selected."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.title = self.add_row("title", LineField(self))
        self.period = self.add_row("period", QComboBox(self))
        for period in Period:
            self.period.addItem("", period.value)
        self.currency = self.add_row("currency", LineField(self))
        self.notes = self.add_row("notes", TextField(self))
        self.disabled_rules = self.add_row("checklist", LineField(self))
        self.title.committed.connect(lambda t: self.commit("title", lambda: {"title": t.strip()}))
        self.currency.committed.connect(
            lambda t: self.commit("currency", lambda: {"currency": t.strip().upper() or None}))
        self.notes.committed.connect(
            lambda t: self.commit("notes", lambda: {"notes": t.strip() or None}))
        self.period.activated.connect(
            lambda _i: self.commit("period", lambda: {"period": self.period.currentData()}))
        self.disabled_rules.committed.connect(
            lambda t: self.commit("checklist", lambda: {"checklist": self._disabled(t)}))
        self.retranslate()

    def command(self, changes: dict[str, Any]) -> UpdateDiagram:
        return UpdateDiagram(changes, text=self.tr("Edit diagram"))

    def _disabled(self, typed: str) -> dict[str, Any]:
        """`checklist` settings with the typed rule ids (comma or space separated) disabled."""
        rules = [rule for rule in typed.replace(",", " ").split() if rule]
        return {"disable": rules, "severity": dict(self.session.diagram.checklist.severity)}

    def refresh(self) -> None:
        diagram = self.session.diagram
        self.heading.setText(self.tr("Diagram"))
        self.title.show_value(diagram.title)
        self.period.setCurrentIndex(self.period.findData(diagram.period.value))
        self.currency.show_value(diagram.currency or "")
        self.notes.show_value(diagram.notes or "")
        self.disabled_rules.show_value(", ".join(diagram.checklist.disable))

    def retranslate(self) -> None:
        self.set_label("title", self.tr("Title"))
        self.set_label("period", self.tr("Period"))
        self.set_label("currency", self.tr("Currency"))
        self.set_label("notes", self.tr("Notes"))
        self.set_label("checklist", self.tr("Rules not reported"))
        self.disabled_rules.setPlaceholderText(self.tr("none; right-click a finding to add one"))
        self.disabled_rules.setToolTip(self.tr(
            "Checklist rules this diagram does not report, e.g. missing-owner. Clear the field "
            "to report them all again."))
        names = {"day": self.tr("Day"), "week": self.tr("Week"), "month": self.tr("Month"),
                 "quarter": self.tr("Quarter"), "year": self.tr("Year")}
        for index in range(self.period.count()):
            self.period.setItemText(index, names[self.period.itemData(index)])
        self.currency.setPlaceholderText(self.tr("ISO 4217 code, e.g. CNY"))
        self.refresh()
