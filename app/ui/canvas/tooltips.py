"""Tooltips on the canvas: everything known about the node or edge under the pointer.

Built when the tooltip is asked for (an event filter on the view's viewport), from the
current snapshot and the last report: every number (target and actual), the owner, the
lane and phase, and the checklist's findings. Numbers follow the interface language's
locale (QLocale's default, set when the language is chosen).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QToolTip

from app.model import Diagram, Edge, Node
from app.render.labels import format_rate, shared_rate
from app.ui.canvas.items import EdgeItem, NodeItem
from app.ui.canvas.labels import EdgeLabelTile

_MAX_FINDINGS = 6  # a tooltip taller than the screen helps no one; the checklist has the rest


def _number(value: float | None) -> str:
    from PySide6.QtCore import QLocale

    if value is None:
        return "–"
    decimals = 0 if abs(value) >= 10 or float(value).is_integer() else 1
    return QLocale().toString(float(value), "f", decimals)


class CanvasTips(QObject):
    """Shows a rich tooltip for the node or edge under the pointer of one canvas view."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.ToolTip:
            return False
        text = self.text_at(self.view.mapToScene(event.pos()))
        if text:
            QToolTip.showText(event.globalPos(), text, self.view.viewport())
        else:
            QToolTip.hideText()
            event.ignore()
        return True

    def text_at(self, scene_pos) -> str:
        """The tooltip for what is under `scene_pos` ("" for nothing)."""
        scene = self.view.scene()
        for item in scene.items(scene_pos):
            if isinstance(item, NodeItem):
                return self.node_text(item.node_id)
            if isinstance(item, EdgeLabelTile):
                under = item.edge_at(scene_pos)
                if under is not None:
                    return self.edge_text(under.edge_id)
            if isinstance(item, EdgeItem):
                return self.edge_text(item.edge_id)
        return ""

    # -- the texts ---------------------------------------------------------------------------
    def _pair(self, measure, rate: bool = False) -> str:
        if measure is None:
            return self.tr("not set")
        show = format_rate if rate else _number
        actual = show(measure.actual) if measure.actual is not None else self.tr("not measured")
        if measure.target is None:
            return actual
        return self.tr("%1 (target %2)").replace("%1", actual).replace("%2",
                                                                       show(measure.target))

    def _findings(self, target: str) -> list[str]:
        report = getattr(self.view.scene(), "report", None)
        if report is None:
            return []
        names = {"error": self.tr("Error"), "warning": self.tr("Warning"),
                 "info": self.tr("Note")}
        found = report.findings_for(target)
        lines = [self.tr("%1: %2").replace("%1", f"<b>{names.get(f.severity, f.severity)}</b>")
                 .replace("%2", html.escape(f.message)) for f in found[:_MAX_FINDINGS]]
        if len(found) > _MAX_FINDINGS:
            lines.append(self.tr("… and %1 more in the checklist")
                         .replace("%1", str(len(found) - _MAX_FINDINGS)))
        return lines

    def _volume(self, target: str) -> str | None:
        report = getattr(self.view.scene(), "report", None)
        if report is None or target not in report.volumes.get("actual", {}):
            return None
        return self.tr("%1 (target %2)").replace(
            "%1", _number(report.volumes["actual"].get(target))).replace(
            "%2", _number(report.volumes.get("target", {}).get(target)))

    def node_text(self, node_id: str) -> str:
        """Everything about a node: kind, lane, phase, owner, numbers, KPIs, findings."""
        diagram: Diagram = self.view.scene().session.diagram
        node: Node | None = diagram.node(node_id)
        if node is None:
            return ""
        kinds = {"entry": self.tr("Entry"), "step": self.tr("Step"),
                 "decision": self.tr("Decision"), "goal": self.tr("Goal"),
                 "exit": self.tr("Exit")}
        lane = diagram.lane(node.lane)
        where = lane.title if lane else node.lane
        if node.phase and (phase := next((p for p in diagram.phases if p.id == node.phase),
                                         None)):
            where += " · " + phase.title
        rows = [f"<b>{html.escape(node.title)}</b> — {kinds[node.kind.value]}",
                self.tr("Lane: %1").replace("%1", html.escape(where)),
                self.tr("Owner: %1").replace("%1", html.escape(node.owner)) if node.owner
                else self.tr("Owner: nobody yet")]
        people = self._volume(node_id)
        if people is not None:
            rows.append(self.tr("People per period: %1").replace("%1", people))
        if node.volume is not None:
            rows.append(self.tr("Entering: %1").replace("%1", self._pair(node.volume)))
        if node.capacity is not None:
            rows.append(self.tr("Capacity: %1").replace("%1", _number(node.capacity)))
        if node.duration is not None:
            rows.append(self.tr("Days in this step: %1").replace("%1", self._pair(node.duration)))
        money = f" {diagram.currency}" if diagram.currency else ""
        if node.cost is not None:
            rows.append(self.tr("Cost: %1").replace("%1", _number(node.cost) + money))
        if node.value is not None:
            rows.append(self.tr("Value per person: %1").replace("%1",
                                                                _number(node.value) + money))
        for kpi in node.kpis:
            show = format_rate if kpi.is_percent else _number
            actual = show(kpi.actual) if kpi.actual is not None else self.tr("not measured")
            target = show(kpi.target) if kpi.target is not None else "–"
            rows.append(self.tr("KPI %1: %2 (target %3)").replace("%1", html.escape(kpi.name))
                        .replace("%2", actual).replace("%3", target))
        rows += self._findings(node_id)
        return "<br>".join(rows)

    def edge_text(self, edge_id: str) -> str:
        """Everything about an edge: its ends, conversion (or shared share), flow, waiting."""
        diagram: Diagram = self.view.scene().session.diagram
        source, target = edge_id.split("->", 1)
        edge: Edge | None = diagram.edge(source, target)
        if edge is None:
            return ""
        a, b = diagram.node(source), diagram.node(target)
        if a is None or b is None:
            return ""
        rows = [f"<b>{html.escape(a.title)} → {html.escape(b.title)}</b>"]
        if edge.label:
            rows.append(html.escape(edge.label))
        if a.lane != b.lane:
            rows.append(self.tr("Handoff between lanes"))
        share = shared_rate([e for e in diagram.edges if e.source == source], edge)
        if share is not None:
            rows.append(self.tr("Conversion: ≈%1, shared equally with the other connections "
                                "that have none").replace("%1", format_rate(share)))
        else:
            rows.append(self.tr("Conversion: %1").replace("%1",
                                                          self._pair(edge.conversion, True)))
        report = getattr(self.view.scene(), "report", None)
        if report is not None and edge_id in report.flows.get("actual", {}):
            rows.append(self.tr("People per period: %1").replace("%1", self.tr(
                "%1 (target %2)").replace("%1", _number(report.flows["actual"][edge_id]))
                .replace("%2", _number(report.flows.get("target", {}).get(edge_id)))))
        if edge.duration is not None:
            rows.append(self.tr("Waiting (days): %1").replace("%1", self._pair(edge.duration)))
        rows += self._findings(edge_id)
        return "<br>".join(rows)


def install_tips(view) -> CanvasTips:
    """Give a canvas view its tooltips (one line to wire)."""
    return CanvasTips(view)
