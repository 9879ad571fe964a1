"""The analysed facts every exporter shows: volumes, flows and on/off-target status.

One place that asks `app.analysis` for the report and the status of nodes, edges and KPIs,
so the SVG, CSV, Markdown, Mermaid, PNG and PDF exports agree with each other and with the
canvas. Pure Python: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis import OFF, ON, UNMEASURED, Checklist, analyze
from app.analysis.status import statuses
from app.model import KPI, Diagram

__all__ = ["OFF", "ON", "UNMEASURED", "Facts", "gather", "kpi_status"]

LANGS = ("en", "zh")


@dataclass(frozen=True)
class Facts:
    """What an exporter needs from the analysis of one snapshot, in one language."""

    diagram: Diagram
    lang: str
    report: Checklist
    node_status: dict[str, str]
    edge_status: dict[str, str]
    #: the worst checklist severity about each node ("error", "warning", "info") if any
    node_severity: dict[str, str]

    def volume(self, node_id: str, scenario: str = "actual") -> float | None:
        """People per period reaching a node in `scenario` ("target" or "actual")."""
        return self.report.volumes.get(scenario, {}).get(node_id)

    def flow(self, edge_id: str, scenario: str = "actual") -> float | None:
        """People per period moving along an edge in `scenario`."""
        return self.report.flows.get(scenario, {}).get(edge_id)


def gather(diagram: Diagram, lang: str, report: Checklist | None = None) -> Facts:
    """Analyse `diagram` (unless the caller already has its `report`) for the exporters."""
    if report is None or report.diagram is not diagram or report.lang != lang:
        report = analyze(diagram, lang)
    node_status, edge_status = statuses(report)
    return Facts(
        diagram=diagram,
        lang=lang,
        report=report,
        node_status=node_status,
        edge_status=edge_status,
        node_severity=_worst_severities(report),
    )


def _worst_severities(report: Checklist) -> dict[str, str]:
    """The severity marker of each node: its worst finding, as the canvas shows it."""
    worst: dict[str, str] = {}
    nodes = report.diagram.node_index()
    for finding in report.findings:  # sorted errors first, so the first one seen is the worst
        if finding.target in nodes and finding.target not in worst:
            worst[finding.target] = finding.severity
    return worst


def kpi_status(kpi: KPI) -> str:
    """on / off / unmeasured for one KPI, in the direction its `better` says."""
    worse = kpi.is_worse()
    return UNMEASURED if worse is None else OFF if worse else ON

