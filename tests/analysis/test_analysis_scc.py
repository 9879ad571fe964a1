"""Our strongly connected components agree with networkx's on random graphs."""

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from app.analysis.graph import strongly_connected


@given(st.integers(1, 25).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60))))
def test_components_match_networkx(graph):
    count, edges = graph
    out_edges = [[] for _ in range(count)]
    for index, (source, _) in enumerate(edges):
        out_edges[source].append(index)
    targets = tuple(target for _, target in edges)
    ours = sorted(sorted(c) for c in strongly_connected(count, out_edges, targets))
    reference = nx.DiGraph()
    reference.add_nodes_from(range(count))
    reference.add_edges_from(edges)
    assert ours == sorted(sorted(c) for c in nx.strongly_connected_components(reference))


def test_a_long_chain_does_not_hit_the_recursion_limit():
    count = 50_000
    out_edges = [[i] for i in range(count - 1)] + [[count - 1]]
    targets = tuple(range(1, count)) + (0,)  # closes one big loop
    assert [len(c) for c in strongly_connected(count, out_edges, targets)] == [count]
