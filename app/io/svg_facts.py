"""The analysed facts every exporter shows: volumes, flows and on/off-target status.

One place that asks `app.analysis` for the report and the status of nodes, edges and KPIs,
so the SVG, CSV, Markdown and Mermaid exports agree with each other and with the canvas.
Pure Python: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.model import KPI, Diagram, Edge, Node, NodeKind

ON, OFF, UNMEASURED = "on", "off", "unmeasured"


@dataclass(frozen=True)
class Facts:
    """What an exporter needs from the analysis of one snapshot, in one language."""

    diagram: Diagram
    lang: str
    report: object | None
    #: people per period reaching each node, by scenario ("target", "actual")
    volumes: dict[str, dict[str, float]] = field(default_factory=dict)
    #: people per period moving along each edge (by edge id), by scenario
    flows: dict[str, dict[str, float]] = field(default_factory=dict)
    node_status: dict[str, str] = field(default_factory=dict)
    edge_status: dict[str, str] = field(default_factory=dict)

    def volume(self, node_id: str, scenario: str = "actual") -> float | None:
        return self.volumes.get(scenario, {}).get(node_id)

    def flow(self, edge_id: str, scenario: str = "actual") -> float | None:
        return self.flows.get(scenario, {}).get(edge_id)


def gather(diagram: Diagram, lang: str, report: object | None = None) -> Facts:
    """Analyse `diagram` (unless `report` is given) and collect what the exporters draw.

    An analysis that fails (a bug, or a diagram it cannot solve) must not stop an export:
    the picture is still worth having, so the numbers are then left out.
    """
    if report is None:
        report = _analyze(diagram, lang)
    volumes = dict(getattr(report, "volumes", None) or {})
    flows = dict(getattr(report, "flows", None) or {})
    of_edge, of_node = _status_helpers()
    return Facts(
        diagram=diagram,
        lang=lang,
        report=report,
        volumes=volumes,
        flows=flows,
        node_status={n.id: of_node(n) for n in diagram.nodes},
        edge_status={e.id: of_edge(e, diagram) for e in diagram.edges},
    )


def _analyze(diagram: Diagram, lang: str) -> object | None:
    try:
        from app.analysis import analyze
    except ImportError:  # the analysis package is optional for pictures
        return None
    try:
        return analyze(diagram, lang)
    except Exception:  # noqa: BLE001 - see gather(): a picture beats no export
        return None


def kpi_status(kpi: KPI) -> str:
    """on / off / unmeasured for one KPI, in the direction its `better` says."""
    worse = kpi.is_worse()
    return UNMEASURED if worse is None else OFF if worse else ON


def conversion_worse(edge: Edge, diagram: Diagram) -> bool | None:
    """SPEC §3: lower actual is worse, except into an exit (a leak), where higher is worse."""
    measure = edge.conversion
    if measure is None or measure.target is None or measure.actual is None:
        return None
    target = diagram.node(edge.target)
    if target is not None and target.kind is NodeKind.exit:
        return measure.actual > measure.target
    return measure.actual < measure.target


def edge_status(edge: Edge, diagram: Diagram) -> str:
    """on / off / unmeasured for an edge's conversion (SPEC §3 direction)."""
    worse = conversion_worse(edge, diagram)
    return UNMEASURED if worse is None else OFF if worse else ON


def node_status(node: Node) -> str:
    """on / off / unmeasured for a node: off if any KPI is off, on if any is measured."""
    statuses = {kpi_status(k) for k in node.kpis}
    return OFF if OFF in statuses else ON if ON in statuses else UNMEASURED


def _status_helpers():  # noqa: ANN202 - (edge_status, node_status)
    """The analysis package's status helpers when it has them, so exports match the canvas."""
    try:
        from app.analysis import edge_status as analysed_edge
        from app.analysis import node_status as analysed_node
    except ImportError:
        return edge_status, node_status
    return analysed_edge, analysed_node
