"""The path of a bottleneck through the funnel: from an entry, through the edge, to a goal.

What the presentation highlights so a room sees where the leak sits in the whole journey.
A breadth-first search of a few lines (networkx cost 0.7 s to import for this one use).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from app.model import Diagram, NodeKind


@dataclass(frozen=True)
class FunnelPath:
    """Node ids in walking order and the edge ids between them."""

    nodes: tuple[str, ...] = ()
    edges: tuple[str, ...] = ()


def _graph(diagram: Diagram) -> dict[str, list[str]]:
    """Each node's successors, in file order."""
    graph: dict[str, list[str]] = {n.id: [] for n in diagram.nodes}
    for edge in diagram.edges:
        graph[edge.source].append(edge.target)
    return graph


def _shortest(graph: dict[str, list[str]], source: str, target: str) -> list[str] | None:
    """A path with the fewest edges from `source` to `target` (breadth-first), or None."""
    if source not in graph or target not in graph:
        return None
    came_from: dict[str, str | None] = {source: None}
    frontier = deque([source])
    while frontier:
        node = frontier.popleft()
        if node == target:
            path = [node]
            while (previous := came_from[path[-1]]) is not None:
                path.append(previous)
            return path[::-1]
        for nxt in graph[node]:
            if nxt not in came_from:
                came_from[nxt] = node
                frontier.append(nxt)
    return None


def _shortest_from(graph: dict[str, list[str]], sources: list[str],
                   target: str) -> list[str] | None:
    best = None
    for source in sources:
        path = _shortest(graph, source, target)
        if path is not None and (best is None or len(path) < len(best)):
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
