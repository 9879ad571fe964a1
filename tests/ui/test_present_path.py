"""The presentation's shortest paths agree with networkx (kept as a test-only reference)."""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from app.ui.present.path import _shortest

NAMES = [f"n{i}" for i in range(7)]


@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES)), max_size=15),
       st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_shortest_path_has_networkx_length_and_is_a_real_path(edges, source, target):
    graph: dict[str, list[str]] = {name: [] for name in NAMES}
    for a, b in edges:
        graph[a].append(b)
    reference = nx.DiGraph()
    reference.add_nodes_from(NAMES)
    reference.add_edges_from(edges)
    ours = _shortest(graph, source, target)
    if not nx.has_path(reference, source, target):
        assert ours is None
        return
    assert ours is not None and ours[0] == source and ours[-1] == target
    assert len(ours) == len(nx.shortest_path(reference, source, target))
    assert all(b in graph[a] for a, b in zip(ours, ours[1:], strict=False))
