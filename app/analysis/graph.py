"""The diagram as an indexed graph: adjacency, loops and the effective conversions (SPEC §3).

Nodes and edges are addressed by their position in the file, so the arithmetic works on plain
lists instead of dicts of strings; that keeps a 10,000-node checklist near a second.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.model import Diagram, Edge, Node, NodeKind
from app.model.order import depth_first

SCENARIOS = ("target", "actual")


@dataclass(frozen=True)
class FunnelGraph:
    """Index of one diagram snapshot: who connects to whom, and where the loops are."""

    diagram: Diagram
    node_ids: tuple[str, ...]
    index: dict[str, int]
    src: tuple[int, ...]
    dst: tuple[int, ...]
    out_edges: tuple[tuple[int, ...], ...]
    in_edges: tuple[tuple[int, ...], ...]
    #: strongly connected components in topological order, members in `dag_order`
    sccs: tuple[tuple[int, ...], ...]
    scc_of: tuple[int, ...]
    #: whether a node sits on a loop (a component of two or more nodes, or a self-loop)
    looped: tuple[bool, ...]
    #: loop-closing edges in the order the depth-first walk found them
    closing: tuple[int, ...]
    #: a topological order of the graph without its loop-closing edges
    dag_order: tuple[int, ...]
    #: each node's position in `dag_order`
    dag_rank: tuple[int, ...]

    @property
    def nodes(self) -> tuple[Node, ...]:
        return self.diagram.nodes

    @property
    def edges(self) -> tuple[Edge, ...]:
        return self.diagram.edges

    def scc_is_loop(self, scc: int) -> bool:
        """Whether component `scc` holds a loop (more than one node, or a self-loop)."""
        return self.looped[self.sccs[scc][0]]


def build_graph(diagram: Diagram) -> FunnelGraph:
    """Index `diagram` and find its loops and loop-closing edges."""
    node_ids = tuple(n.id for n in diagram.nodes)
    index = {node_id: i for i, node_id in enumerate(node_ids)}
    src = tuple(index[e.source] for e in diagram.edges)
    dst = tuple(index[e.target] for e in diagram.edges)
    out_lists: list[list[int]] = [[] for _ in node_ids]
    in_lists: list[list[int]] = [[] for _ in node_ids]
    for e, (u, w) in enumerate(zip(src, dst, strict=True)):
        out_lists[u].append(e)
        in_lists[w].append(e)

    entries = [i for i, n in enumerate(diagram.nodes) if n.kind is NodeKind.entry]
    closing, postorder = depth_first(len(node_ids), out_lists, dst, entries)
    dag_order = tuple(reversed(postorder))
    dag_rank = [0] * len(node_ids)
    for r, n in enumerate(dag_order):
        dag_rank[n] = r

    # In any depth-first forest a component finishes after every component it leads to, so
    # ordering components by their earliest place in reverse post-order is topological.
    sccs = tuple(
        sorted(
            (tuple(sorted(c, key=dag_rank.__getitem__))
             for c in strongly_connected(len(node_ids), out_lists, dst)),
            key=lambda members: dag_rank[members[0]],
        )
    )
    scc_of_list = [0] * len(node_ids)
    for rank, members in enumerate(sccs):
        for n in members:
            scc_of_list[n] = rank
    scc_of = tuple(scc_of_list)
    self_loop = [False] * len(node_ids)
    for u, w in zip(src, dst, strict=True):
        if u == w:
            self_loop[u] = True
    looped = tuple(
        len(sccs[scc_of[i]]) > 1 or self_loop[i] for i in range(len(node_ids))
    )
    return FunnelGraph(
        diagram=diagram,
        node_ids=node_ids,
        index=index,
        src=src,
        dst=dst,
        out_edges=tuple(tuple(x) for x in out_lists),
        in_edges=tuple(tuple(x) for x in in_lists),
        sccs=sccs,
        scc_of=scc_of,
        looped=looped,
        closing=tuple(closing),
        dag_order=dag_order,
        dag_rank=tuple(dag_rank),
    )


def strongly_connected(
    count: int, out_edges: list[list[int]], dst: tuple[int, ...]
) -> list[list[int]]:
    """The strongly connected components (Tarjan's algorithm, iterative).

    Written here rather than taken from networkx: importing networkx costs about half a
    second, which would double the start-up of `funnelflow check` on a small file.
    """
    order = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(count):
        if order[root] != -1:
            continue
        work = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                order[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = True
            edges = out_edges[node]
            while position < len(edges):
                child = dst[edges[position]]
                position += 1
                if order[child] == -1:
                    work.append((node, position))
                    work.append((child, 0))
                    break
                if on_stack[child]:
                    low[node] = min(low[node], order[child])
            else:
                if low[node] == order[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        component.append(member)
                        if member == node:
                            break
                    components.append(component)
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    return components


def share_out(known: list[float | None]) -> list[float]:
    """Effective conversions of one node's outgoing edges from their known values.

    Edges without a value share equally what the known ones leave (1 − sum, not below 0), so a
    single outgoing edge with no conversion passes everyone on.
    """
    missing = sum(1 for k in known if k is None)
    if not missing:
        return [float(k) for k in known]  # type: ignore[arg-type]
    rest = max(0.0, 1.0 - sum(k for k in known if k is not None)) / missing
    return [rest if k is None else float(k) for k in known]


def known_conversions(graph: FunnelGraph, scenario: str) -> list[float | None]:
    """Each edge's written conversion for `scenario`, falling back to the other scenario."""
    return [
        e.conversion.value(scenario) if e.conversion is not None else None
        for e in graph.edges
    ]


def effective_conversions(
    graph: FunnelGraph, scenario: str, known: list[float | None] | None = None
) -> list[float]:
    """Each edge's conversion for `scenario` after fallback and remainder sharing."""
    if known is None:
        known = known_conversions(graph, scenario)
    result = [0.0] * len(known)
    for edges in graph.out_edges:
        if not edges:
            continue
        shared = share_out([known[e] for e in edges])
        for e, c in zip(edges, shared, strict=True):
            result[e] = c
    return result


def entry_volumes(graph: FunnelGraph, scenario: str) -> list[float]:
    """People entering at each node per period (any node with a `volume`)."""
    return [
        (n.volume.value(scenario) or 0.0) if n.volume is not None else 0.0
        for n in graph.nodes
    ]


def reachable_from_entries(graph: FunnelGraph) -> list[bool]:
    """Which nodes some entry node can reach (entries reach themselves)."""
    seen = [False] * len(graph.node_ids)
    stack = [i for i, n in enumerate(graph.nodes) if n.kind is NodeKind.entry]
    for i in stack:
        seen[i] = True
    while stack:
        u = stack.pop()
        for e in graph.out_edges[u]:
            w = graph.dst[e]
            if not seen[w]:
                seen[w] = True
                stack.append(w)
    return seen
