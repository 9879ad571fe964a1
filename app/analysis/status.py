"""The KPI status mark of an edge or a node, as the canvas and the exporters draw it."""

from __future__ import annotations

from app.analysis.impact import is_worse
from app.analysis.report import Checklist
from app.model import Diagram, Edge, Node

ON, OFF, UNMEASURED = "on", "off", "unmeasured"


def _diagram(source: Checklist | Diagram) -> Diagram:
    return source.diagram if isinstance(source, Checklist) else source


def edge_status(source: Checklist | Diagram, edge: Edge | str) -> str:
    """"off" when the edge's actual conversion is worse than target, "on" when measured and
    not worse, else "unmeasured" (no conversion, or only a target or only an actual)."""
    diagram = _diagram(source)
    if isinstance(edge, str):
        found = next((e for e in diagram.edges if e.id == edge), None)
        if found is None:
            raise KeyError(edge)
        edge = found
    worse = is_worse(edge, diagram)
    if worse is None:
        return UNMEASURED
    return OFF if worse else ON


def node_status(source: Checklist | Diagram, node: Node | str) -> str:
    """"off" if any KPI or outgoing conversion is off target, "on" if something is measured
    and nothing is off, else "unmeasured"."""
    diagram = _diagram(source)
    if isinstance(node, str):
        found = diagram.node(node)
        if found is None:
            raise KeyError(node)
        node = found
    marks = [kpi.is_worse() for kpi in node.kpis]
    marks += [is_worse(e, diagram) for e in _outgoing(source, diagram, node)]
    if any(mark is True for mark in marks):
        return OFF
    if any(mark is False for mark in marks):
        return ON
    return UNMEASURED


def _outgoing(source: Checklist | Diagram, diagram: Diagram, node: Node) -> list[Edge]:
    # With a Checklist the graph index is at hand: no scan of every edge per node.
    internals = source.internals if isinstance(source, Checklist) else None
    if internals is not None:
        graph = internals.graph
        return [graph.edges[e] for e in graph.out_edges[graph.index[node.id]]]
    return [e for e in diagram.edges if e.source == node.id]


def statuses(report: Checklist) -> tuple[dict[str, str], dict[str, str]]:
    """Every node's and every edge's status at once, as `node_status` and `edge_status` give
    them one by one: each edge is judged once, not again for the node it leaves (the SVG
    export asks for all of them at 5,000 nodes)."""
    diagram = report.diagram
    worse = {e.id: is_worse(e, diagram) for e in diagram.edges}
    edges = {edge_id: UNMEASURED if mark is None else OFF if mark else ON
             for edge_id, mark in worse.items()}
    nodes = {}
    for node in diagram.nodes:
        marks = [kpi.is_worse() for kpi in node.kpis]
        marks += [worse[e.id] for e in _outgoing(report, diagram, node)]
        nodes[node.id] = (OFF if any(mark is True for mark in marks)
                          else ON if any(mark is False for mark in marks) else UNMEASURED)
    return nodes, edges
