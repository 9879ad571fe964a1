"""Funnel order: the depth-first walk of SPEC §3, which edges close loops, each node's rank.

The walk is the one definition of "loop-closing edge" in FunnelFlow: the analysis (cycle
time) and the layout (columns left to right) both use it, so they always agree. It lives in
the model, the one layer both may import (docs/architecture.md).
"""

from __future__ import annotations

from app.model.diagram import Diagram, NodeKind


def depth_first(
    count: int, out_edges: list[list[int]], dst: tuple[int, ...] | list[int], roots: list[int]
) -> tuple[list[int], list[int]]:
    """Loop-closing edges (in the order found) and the post-order of the walk of SPEC §3.

    Nodes are 0..count-1, edges are indices into `dst`, `out_edges[n]` lists n's edges in file
    order. The walk starts at `roots` in order, then at every node not reached yet (so that
    removing the closing edges leaves no cycle anywhere); an edge to a node still on the
    walk's stack closes a loop. Iterative: a long funnel must not hit the recursion limit.
    """
    state = [0] * count  # 0 unseen, 1 on the stack, 2 finished
    closing: list[int] = []
    postorder: list[int] = []
    for root in [*roots, *range(count)]:
        if state[root]:
            continue
        state[root] = 1
        stack = [(root, 0)]
        while stack:
            node, pos = stack[-1]
            edges = out_edges[node]
            if pos < len(edges):
                stack[-1] = (node, pos + 1)
                e = edges[pos]
                nxt = dst[e]
                if state[nxt] == 1:
                    closing.append(e)
                elif state[nxt] == 0:
                    state[nxt] = 1
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                postorder.append(node)
                stack.pop()
    return closing, postorder


def _walk(diagram: Diagram) -> tuple[list[list[int]], list[int], list[int], list[int]]:
    """The diagram as indices, and the walk from its entries in file order."""
    index = {node.id: i for i, node in enumerate(diagram.nodes)}
    dst = [index[edge.target] for edge in diagram.edges]
    out_edges: list[list[int]] = [[] for _ in diagram.nodes]
    for e, edge in enumerate(diagram.edges):
        out_edges[index[edge.source]].append(e)
    entries = [i for i, node in enumerate(diagram.nodes) if node.kind is NodeKind.entry]
    closing, postorder = depth_first(len(diagram.nodes), out_edges, dst, entries)
    return out_edges, dst, closing, postorder


def loop_closing_edges(diagram: Diagram) -> set[tuple[str, str]]:
    """Edges back to a node already on the way (SPEC §3), as (from, to) pairs."""
    _, _, closing, _ = _walk(diagram)
    edges = diagram.edges
    return {(edges[e].source, edges[e].target) for e in closing}


def funnel_ranks(diagram: Diagram) -> dict[str, int]:
    """Each node's column in funnel order: the longest path to it from a start, loops cut."""
    return funnel_order(diagram)[0]


def funnel_order(diagram: Diagram) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """`funnel_ranks` and `loop_closing_edges` from one walk (the layout needs both)."""
    out_edges, dst, closing, postorder = _walk(diagram)
    cut = set(closing)
    rank = [0] * len(diagram.nodes)
    # Every edge but a loop-closing one leads from a node that finishes later in the walk,
    # so the reversed post-order is a topological order of the graph without them.
    for node in reversed(postorder):
        here = rank[node] + 1
        for e in out_edges[node]:
            if e not in cut and rank[dst[e]] < here:
                rank[dst[e]] = here
    edges = diagram.edges
    return ({node.id: rank[i] for i, node in enumerate(diagram.nodes)},
            {(edges[e].source, edges[e].target) for e in closing})
