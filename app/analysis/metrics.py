"""Channel attribution and cycle time (SPEC §3), from solved scenarios."""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis.graph import FunnelGraph
from app.analysis.solve import Solution
from app.model import NodeKind


@dataclass(frozen=True)
class Channel:
    """One entry node's share of the actual goals: attributed volume, revenue, ROI and CAC."""

    entry: str
    cost: float | None
    goal_volume: float
    revenue: float
    roi: float | None
    cac: float | None


def channels(graph: FunnelGraph, actual: Solution) -> list[Channel]:
    """One Channel per entry node, in file order, on the actual scenario.

    Flows are linear, so the goals that started at an entry are its own entry volume times
    its goal yield — also when the entry sits inside a loop (the yield counts the returns).
    """
    result = []
    for i, node in enumerate(graph.nodes):
        if node.kind is not NodeKind.entry:
            continue
        goal_volume = actual.entry[i] * actual.goal_yield[i]
        revenue = actual.entry[i] * actual.revenue_yield[i]
        cost = node.cost
        roi = (revenue - cost) / cost if cost else None
        cac = cost / goal_volume if cost is not None and goal_volume > 0 else None
        result.append(Channel(node.id, cost, goal_volume, revenue, roi, cac))
    return result


@dataclass(frozen=True)
class CyclePath:
    """The longest entry→goal path of one scenario: its length in days and its steps."""

    days: float
    nodes: tuple[int, ...]
    edges: tuple[int, ...]


def has_durations(graph: FunnelGraph) -> bool:
    """Whether any node or edge of the diagram has a duration."""
    return any(n.duration is not None for n in graph.nodes) or any(
        e.duration is not None for e in graph.edges
    )


def node_duration(graph: FunnelGraph, i: int, scenario: str) -> float:
    """Days at node `i` in `scenario` (fallback to the other scenario; missing = 0)."""
    duration = graph.nodes[i].duration
    return (duration.value(scenario) or 0.0) if duration is not None else 0.0


def edge_duration(graph: FunnelGraph, e: int, scenario: str) -> float:
    """Days of waiting on edge `e` in `scenario` (fallback to the other scenario; missing = 0)."""
    duration = graph.edges[e].duration
    return (duration.value(scenario) or 0.0) if duration is not None else 0.0


def cycle_path(graph: FunnelGraph, scenario: str) -> CyclePath | None:
    """The longest entry→goal path without loop-closing edges; None without durations or goals."""
    if not has_durations(graph):
        return None
    count = len(graph.node_ids)
    closing = set(graph.closing)
    days = [node_duration(graph, i, scenario) for i in range(count)]
    best: list[float | None] = [None] * count
    via: list[int | None] = [None] * count
    for i, node in enumerate(graph.nodes):
        if node.kind is NodeKind.entry:
            best[i] = days[i]
    for u in graph.dag_order:
        here = best[u]
        if here is None:
            continue
        for e in graph.out_edges[u]:
            if e in closing:
                continue
            w = graph.dst[e]
            length = here + edge_duration(graph, e, scenario) + days[w]
            if best[w] is None or length > best[w]:  # type: ignore[operator]
                best[w] = length
                via[w] = e
    goals = [
        i for i, n in enumerate(graph.nodes) if n.kind is NodeKind.goal and best[i] is not None
    ]
    if not goals:
        return None
    end = max(goals, key=lambda i: best[i])  # type: ignore[arg-type, return-value]
    nodes, edges = [end], []
    while (step := via[nodes[-1]]) is not None:
        edges.append(step)
        nodes.append(graph.src[step])
    return CyclePath(best[end], tuple(reversed(nodes)), tuple(reversed(edges)))  # type: ignore[arg-type]
