"""Funnel order: which edges close loops, and each node's rank from the entries (pure Python)."""

from __future__ import annotations

from app.model import Diagram, NodeKind


def successors(diagram: Diagram) -> dict[str, list[str]]:
    """Each node's targets, in edge file order."""
    result: dict[str, list[str]] = {node.id: [] for node in diagram.nodes}
    for edge in diagram.edges:
        result[edge.source].append(edge.target)
    return result


def loop_closing_edges(diagram: Diagram) -> set[tuple[str, str]]:
    """Edges back to a node already on the way, by a depth-first walk from the entries.

    Entries are walked in file order, then any node not reached yet (so every loop is cut),
    successors in edge file order. Iterative: a 20,000-step path must not hit the recursion limit.
    """
    succ = successors(diagram)
    starts = [n.id for n in diagram.nodes if n.kind is NodeKind.entry]
    starts += [n.id for n in diagram.nodes]
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    closing: set[tuple[str, str]] = set()
    for start in starts:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(succ[start]))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                closing.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(succ[child])))
    return closing


def funnel_ranks(diagram: Diagram) -> dict[str, int]:
    """Each node's column in funnel order: the longest path to it from a start, loops cut."""
    closing = loop_closing_edges(diagram)
    succ = {node_id: [t for t in targets if (node_id, t) not in closing]
            for node_id, targets in successors(diagram).items()}
    indegree = {node.id: 0 for node in diagram.nodes}
    for targets in succ.values():
        for target in targets:
            indegree[target] += 1
    rank = {node.id: 0 for node in diagram.nodes}
    ready = [node.id for node in diagram.nodes if indegree[node.id] == 0]
    while ready:
        node_id = ready.pop()
        for target in succ[node_id]:
            rank[target] = max(rank[target], rank[node_id] + 1)
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return rank
