"""The inspector's form for one node: every field of SPEC §2, each edit one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from app.model import NodeKind
from app.model.commands import UpdateNode
from app.ui.panels.fields import (
    Form,
    LineField,
    PairField,
    TextField,
    measure_change,
    parse_optional,
    plain_number,
)
from app.ui.panels.kpi_table import KpiTable, diagram_trends
from app.ui.panels.palette import kind_icon, kind_name
from app.ui.session import Session


def _text_or_none(text: str) -> str | None:
    text = text.strip()
    return text or None


class NodeForm(Form):
    """Label, id, kind, lane, phase, owner, measures, money, notes, contingency and KPIs."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.node_id: str | None = None
        self.label = self.add_row("label", LineField(self))
        self.id_field = self.add_row("id", LineField(self))
        self.kind = self.add_row("kind", QComboBox(self))
        for kind in NodeKind:
            self.kind.addItem(kind_icon(kind, 16), "", kind.value)
        self.lane = self.add_row("lane", QComboBox(self))
        self.phase = self.add_row("phase", QComboBox(self))
        self.owner = self.add_row("owner", LineField(self))
        self.volume = self.add_row("volume", PairField(self))
        self.capacity = self.add_row("capacity", LineField(self))
        self.duration = self.add_row("duration", PairField(self))
        self.cost = self.add_row("cost", LineField(self))
        self.value = self.add_row("value", LineField(self))
        self.notes = self.add_row("notes", TextField(self))
        self.contingency = self.add_row("contingency", TextField(self))
        self.kpis = KpiTable(session, self)
        self.tail.addWidget(self.kpis)

        self.label.committed.connect(lambda t: self.commit("label", lambda: {"label": t.strip()}))
        self.id_field.committed.connect(lambda t: self.commit("id", lambda: {"id": t.strip()}))
        self.owner.committed.connect(
            lambda t: self.commit("owner", lambda: {"owner": _text_or_none(t)})
        )
        self.notes.committed.connect(
            lambda t: self.commit("notes", lambda: {"notes": _text_or_none(t)})
        )
        self.contingency.committed.connect(
            lambda t: self.commit("contingency", lambda: {"contingency": _text_or_none(t)})
        )
        for key, field in (("capacity", self.capacity), ("cost", self.cost), ("value", self.value)):
            field.committed.connect(
                lambda t, k=key: self.commit(k, lambda: {k: parse_optional(t, allow_percent=False)})
            )
        for key, pair in (("volume", self.volume), ("duration", self.duration)):
            for part in ("target", "actual"):
                getattr(pair, part).committed.connect(
                    lambda t, k=key, p=part: self.commit(k, lambda: self._measure(k, p, t))
                )
        self.kind.activated.connect(
            lambda _i: self.commit("kind", lambda: {"kind": self.kind.currentData()})
        )
        self.lane.activated.connect(
            lambda _i: self.commit("lane", lambda: self._placement("lane", self.lane))
        )
        self.phase.activated.connect(
            lambda _i: self.commit("phase", lambda: self._placement("phase", self.phase))
        )
        self.retranslate()

    def _measure(self, key: str, part: str, text: str) -> dict[str, Any]:
        node = self.session.diagram.node(self.node_id)
        value = parse_optional(text, allow_percent=False)
        return {key: measure_change(getattr(node, key), part, value)}

    def _placement(self, key: str, combo: QComboBox) -> dict[str, Any]:
        # A node moved to another band by the inspector is placed again by the layout, as
        # its old coordinates lie in the old band.
        return {key: combo.currentData(), "x": None, "y": None}

    def command(self, changes: dict[str, Any]) -> UpdateNode:
        return UpdateNode(self.node_id, changes, text=self.tr("Edit node"))

    def show_node(self, node_id: str) -> None:
        """Show `node_id`'s fields."""
        if node_id != self.node_id:
            self.clear_errors()
        self.node_id = node_id
        self.kpis.node_id = node_id
        self.refresh()

    def refresh(self) -> None:
        node = self.session.diagram.node(self.node_id) if self.node_id else None
        if node is None:
            return
        diagram = self.session.diagram
        self.heading.setText(self.tr("%1: %2", "node kind: node label")
                             .replace("%1", kind_name(node.kind)).replace("%2", node.title))
        self.label.show_value(node.label)
        self.id_field.show_value(node.id)
        self.kind.setCurrentIndex(self.kind.findData(node.kind.value))
        _fill(self.lane, [(lane.title, lane.id) for lane in diagram.lanes], node.lane)
        phases = [(self.tr("(no phase)"), None)] + [(p.title, p.id) for p in diagram.phases]
        _fill(self.phase, phases, node.phase)
        self.phase.setEnabled(bool(diagram.phases))
        self.owner.show_value(node.owner or "")
        for key in ("volume", "duration"):
            measure = getattr(node, key)
            pair = getattr(self, key)
            pair.target.show_value(plain_number(measure.target if measure else None))
            pair.actual.show_value(plain_number(measure.actual if measure else None))
        volume = diagram_trends(diagram).get(node.id)
        self.volume.trend.set_trend(volume, [plain_number(v) for v in volume.values]
                                    if volume else None)
        self.capacity.show_value(plain_number(node.capacity))
        self.cost.show_value(plain_number(node.cost))
        self.value.show_value(plain_number(node.value))
        self.notes.show_value(node.notes or "")
        self.contingency.show_value(node.contingency or "")
        self.kpis.refresh()

    def retranslate(self) -> None:
        period = self.tr("per period")
        rows = {
            "label": self.tr("Label"),
            "id": self.tr("Id"),
            "kind": self.tr("Kind"),
            "lane": self.tr("Lane"),
            "phase": self.tr("Phase"),
            "owner": self.tr("Owner"),
            "volume": self.tr("Volume"),
            "capacity": self.tr("Capacity"),
            "duration": self.tr("Duration (days)"),
            "cost": self.tr("Cost"),
            "value": self.tr("Value"),
            "notes": self.tr("Notes"),
            "contingency": self.tr("Contingency plan"),
        }
        for key, text in rows.items():
            self.set_label(key, text)
        for index in range(self.kind.count()):
            self.kind.setItemText(index, kind_name(self.kind.itemData(index)))
        self.volume.setToolTip(self.tr("People entering per period (entry nodes)"))
        self.capacity.setPlaceholderText(period)
        self.cost.setPlaceholderText(period)
        self.value.setPlaceholderText(self.tr("revenue per person reaching this goal"))
        self.owner.setPlaceholderText(self.tr("person or role"))
        self.id_field.setToolTip(self.tr("Letters, digits, '_', '.' and '-'; edges follow"))
        self.contingency.setPlaceholderText(self.tr("What to do when this step fails"))
        self.refresh()


def _fill(combo: QComboBox, entries: list[tuple[str, Any]], current: Any) -> None:
    """Replace a combo's entries (bands may have changed) and select `current`."""
    wanted = [(text, data) for text, data in entries]
    have = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    if wanted != have:
        combo.blockSignals(True)
        combo.clear()
        for text, data in wanted:
            combo.addItem(text, data)
        combo.blockSignals(False)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
