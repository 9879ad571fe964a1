"""The inspector's form for one edge: label, conversion and duration (target and actual)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from app.model.commands import UpdateEdge
from app.render.labels import format_rate, shared_rate
from app.ui.panels.fields import (
    Form,
    LineField,
    PairField,
    measure_change,
    parse_optional,
    percent_text,
    plain_number,
)
from app.ui.panels.kpi_table import diagram_trends
from app.ui.session import Session


class EdgeForm(Form):
    """An edge's fields; rates are typed as 3.2% or 0.032."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.ends: tuple[str, str] | None = None
        self.route = self.add_row("route", QLabel(self))
        self.route.setWordWrap(True)
        self.label = self.add_row("label", LineField(self))
        self.conversion = self.add_row("conversion", PairField(self))
        # Says why an edge with no conversion of its own carries people (SPEC §3: siblings
        # without a conversion share what the others leave), never silently.
        self.shared_note = QLabel(self)
        self.shared_note.setWordWrap(True)
        self.shared_note.setObjectName("shared-note")
        self.shared_note.setStyleSheet("color: #8a5a00;")
        self.tail.addWidget(self.shared_note)
        self.shared_note.hide()
        self.duration = self.add_row("duration", PairField(self))
        self.label.committed.connect(
            lambda t: self.commit("label", lambda: {"label": t.strip() or None}))
        for key, pair, percent in (("conversion", self.conversion, True),
                                   ("duration", self.duration, False)):
            for part in ("target", "actual"):
                getattr(pair, part).committed.connect(
                    lambda t, k=key, p=part, pc=percent: self.commit(
                        k, lambda: self._measure(k, p, t, pc)))
        self.retranslate()

    def _measure(self, key: str, part: str, text: str, percent: bool) -> dict[str, Any]:
        edge = self.session.diagram.edge(*self.ends)
        value = parse_optional(text, allow_percent=percent, rate=percent)
        return {key: measure_change(getattr(edge, key), part, value)}

    def command(self, changes: dict[str, Any]) -> UpdateEdge:
        return UpdateEdge(self.ends[0], self.ends[1], changes, text=self.tr("Edit connection"))

    def show_edge(self, source: str, target: str) -> None:
        """Show the fields of the edge `source->target`."""
        if (source, target) != self.ends:
            self.clear_errors()
        self.ends = (source, target)
        self.refresh()

    def refresh(self) -> None:
        diagram = self.session.diagram
        edge = diagram.edge(*self.ends) if self.ends else None
        if edge is None:
            return
        source, target = diagram.node(edge.source), diagram.node(edge.target)
        self.heading.setText(self.tr("Connection"))
        self.route.setText(f"{source.title} → {target.title}")
        self.label.show_value(edge.label or "")
        conversion, duration = edge.conversion, edge.duration
        self.conversion.target.show_value(percent_text(conversion.target if conversion else None))
        self.conversion.actual.show_value(percent_text(conversion.actual if conversion else None))
        trend = diagram_trends(self.session.diagram).get(edge.id)
        self.conversion.trend.set_trend(trend, [percent_text(v) for v in trend.values]
                                        if trend else None)
        self.duration.target.show_value(plain_number(duration.target if duration else None))
        self.duration.actual.show_value(plain_number(duration.actual if duration else None))
        self._explain_shared(diagram, edge, source.title)

    def _explain_shared(self, diagram, edge, source_title: str) -> None:
        outgoing = [e for e in diagram.edges if e.source == edge.source]
        share = shared_rate(outgoing, edge)
        if share is None:
            self.shared_note.hide()
            return
        sharing = sum(1 for e in outgoing if e.conversion is None)
        text = self.tr("No conversion entered: the %2 connections out of \"%1\" without one "
                       "share equally what the others leave, ≈%3 each. Type a conversion to "
                       "set this one.")
        self.shared_note.setText(text.replace("%1", source_title).replace("%2", str(sharing))
                                 .replace("%3", format_rate(share)))
        self.shared_note.show()

    def retranslate(self) -> None:
        self.set_label("route", self.tr("From → to"))
        self.set_label("label", self.tr("Label"))
        self.set_label("conversion", self.tr("Conversion"))
        self.set_label("duration", self.tr("Waiting (days)"))
        self.conversion.setToolTip(
            self.tr("Share of the source's people who move along: 3.2% or 0.032"))
        self.refresh()
