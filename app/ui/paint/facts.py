"""What the analysis says about each node and edge, in the form the canvas draws it.

The scene may hold a report for an older snapshot (the checklist is recomputed after a short
pause) or none at all; statuses are then worked out from the current snapshot with the
analysis' own helpers, and volumes and findings are simply not shown for nodes it does not
know yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis import OFF, ON, UNMEASURED, Checklist
from app.analysis.impact import is_worse
from app.analysis.report import SEVERITIES
from app.model import Diagram, Edge, Node, NodeKind
from app.render.canvas_geometry import flow_width
from app.render.labels import shared_rate, volume_text


@dataclass(frozen=True)
class NodeFacts:
    """The analysed facts drawn on one node."""

    status: str = UNMEASURED
    severity: str | None = None
    volume: str = ""


@dataclass(frozen=True)
class EdgeFacts:
    """The analysed facts drawn on one edge."""

    status: str = UNMEASURED
    width: float | None = None  # None: the normal width (flow thickness off)
    shared: float | None = None  # its share of what its siblings leave (no conversion of its own)


class FactBook:
    """Facts per node and edge for one snapshot, one report and one language."""

    def __init__(self, diagram: Diagram, report: Checklist | None, lang: str,
                 flow_thickness: bool = False):
        self.diagram, self.report, self.lang = diagram, report, lang
        self.flow_thickness = flow_thickness
        self._report_nodes = report.diagram.node_index() if report is not None else {}
        self._indexes: dict[int, dict[str, list[Edge]]] = {}
        self._edge_statuses: dict[int, tuple[Edge, str]] = {}
        self._nodes = diagram.node_index()
        flows = report.flows.get("actual", {}) if report is not None else {}
        self._flows = flows
        self._biggest = max(flows.values(), default=0.0)
        self._facts: dict[tuple, NodeFacts | EdgeFacts] = {}
        self._edge_marks: dict[str, str] | None = None

    def node(self, node: Node) -> NodeFacts:
        """Status, worst finding and actual volume of `node`."""
        report = self.report
        status = self._status_here(node)
        if report is None or node.id not in self._report_nodes:
            return self._shared_facts(NodeFacts, status, None, "")
        severities = {f.severity for f in report.findings_for(node.id)}
        severity = next((s for s in SEVERITIES if s in severities), None)
        volume = report.volumes.get("actual", {}).get(node.id)
        return self._shared_facts(NodeFacts, status, severity,
                                  volume_text(volume, self.diagram.period.value, self.lang))

    def edge(self, edge: Edge) -> EdgeFacts:
        """Status (on the current values) and flow width of `edge`."""
        status = self._edge_status(edge)
        width = None
        if self.flow_thickness:
            width = flow_width(self._flows.get(edge.id), self._biggest)
        shared = None
        if edge.conversion is None:
            shared = shared_rate(self._index(self.diagram).get(edge.source, ()), edge)
        return self._shared_facts(EdgeFacts, status, width, shared)

    def _shared_facts(self, kind: type, *values):  # noqa: ANN202 - NodeFacts | EdgeFacts
        """One facts value (NodeFacts or EdgeFacts) per distinct content: most nodes and
        edges of a diagram say the same, and the values are frozen."""
        key = (kind, *values)
        found = self._facts.get(key)
        if found is None:
            found = self._facts[key] = kind(*values)
        return found

    def _index(self, diagram: Diagram) -> dict[str, list[Edge]]:
        """Outgoing edges per node of `diagram`, built once per snapshot."""
        found = self._indexes.get(id(diagram))
        if found is None:
            found = {}
            for edge in diagram.edges:
                found.setdefault(edge.source, []).append(edge)
            self._indexes[id(diagram)] = found
        return found

    def _edge_status(self, edge: Edge) -> str:
        # Keyed by the edge object, which the entry keeps alive (an Edge works out its id
        # string on every call).
        found = self._edge_statuses.get(id(edge))
        if found is None:  # edge_status's verdict, the target's kind looked up here once
            target = self._nodes.get(edge.target)
            worse = is_worse(edge, self.diagram, target is not None
                             and target.kind is NodeKind.exit)
            status = UNMEASURED if worse is None else OFF if worse else ON
            found = self._edge_statuses[id(edge)] = (edge, status)
        return found[1]

    def _status_here(self, node: Node) -> str:
        """node_status's verdict on the current snapshot, each edge judged once.

        The same rule as app.analysis.node_status (which, given a report, would judge the
        report's snapshot and every outgoing edge again for each node): off if a KPI or an
        outgoing edge is off, else on if one is on.
        """
        if self._edge_marks is None:  # every source's worst edge, in one pass over the edges
            marks: dict[str, str] = {}
            for edge in self.diagram.edges:
                status = self._edge_status(edge)
                if status == OFF or status == ON and marks.get(edge.source) != OFF:
                    marks[edge.source] = status
            self._edge_marks = marks
        worst = self._edge_marks.get(node.id, UNMEASURED)
        if worst == OFF or not node.kpis:
            return worst
        kpis = [kpi.is_worse() for kpi in node.kpis]
        return OFF if True in kpis else ON if False in kpis or worst == ON else UNMEASURED
