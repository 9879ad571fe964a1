"""The path of a bottleneck through the funnel: from an entry, through the edge, to a goal.

What the presentation highlights so a room sees where the leak sits in the whole journey.
networkx is imported on first use only: starting the designer must not pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.model import Diagram, NodeKind


@dataclass(frozen=True)
class FunnelPath:
    """Node ids in walking order and the edge ids between them."""

    nodes: tuple[str, ...] = ()
    edges: tuple[str, ...] = ()


def _graph(diagram: Diagram):
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(n.id for n in diagram.nodes)
    graph.add_edges_from((e.source, e.target) for e in diagram.edges)
    return graph


def _shortest_from(graph, sources: list[str], target: str) -> list[str] | None:
    import networkx as nx

    best = None
    for source in sources:
        try:
            path = nx.shortest_path(graph, source, target)
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            continue
        if best is None or len(path) < len(best):
            best = path
    return best


def path_through(diagram: Diagram, edge_id: str) -> FunnelPath:
    """The shortest entry → … → edge → … → goal path through `edge_id` ("a->b").

    Either half may be missing (no entry reaches the edge, no goal follows it): the path then
    starts at the edge's source or ends at its target. Unknown edge: an empty path.
    """
    source, _, target = edge_id.partition("->")
    if diagram.edge(source, target) is None:
        return FunnelPath()
    graph = _graph(diagram)
    entries = [n.id for n in diagram.nodes if n.kind is NodeKind.entry]
    goals = [n.id for n in diagram.nodes if n.kind is NodeKind.goal]
    head = [source] if source in entries else (_shortest_from(graph, entries, source) or [source])
    tail = [target]
    if target not in goals:
        best = None
        for goal in goals:
            found = _shortest_from(graph, [target], goal)
            if found and (best is None or len(found) < len(best)):
                best = found
        tail = best or [target]
    nodes = list(head)
    for node in tail:
        if node not in nodes:  # a loop back into the head is not walked twice
            nodes.append(node)
        else:
            break
    edges = tuple(f"{a}->{b}" for a, b in zip(nodes, nodes[1:], strict=False)
                  if diagram.edge(a, b) is not None)
    return FunnelPath(tuple(nodes), edges)


def top_bottleneck_path(diagram: Diagram, report) -> tuple[str | None, FunnelPath]:
    """The edge id of the report's top bottleneck and its path (None and empty: there is none)."""
    if report is None or not report.bottlenecks:
        return None, FunnelPath()
    edge_id = report.bottlenecks[0].target
    if not edge_id or "->" not in edge_id:
        return None, FunnelPath()
    return edge_id, path_through(diagram, edge_id)
