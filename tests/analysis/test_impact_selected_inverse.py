"""Impacts from one factorisation (issue 17): the same numbers as the slow exact methods.

Two references: one solve per source node (what `impact.py` did before, exact Sherman–Morrison
with z = (I − A)⁻¹ e_u), and solving the whole changed diagram again.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.analysis import analyze
from app.analysis.graph import build_graph
from app.analysis.impact import conversion_deltas, is_worse, off_target_impacts
from app.analysis.solve import solve_scenario
from app.analysis.sparse import LoopSystem
from app.io import load_diagram
from app.model import Diagram, NodeKind
from benchmarks.generate import loop_heavy_diagram

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "resources" / "templates").glob("*/*.yaml")) + sorted(
    (ROOT / "tests" / "fixtures" / "v1").glob("*.yaml"))


def _one_solve_per_node(graph, actual) -> dict[int, float | None]:
    """The impacts as computed before issue 17: a solve of the loop for every source node."""
    failed = actual.failed_sccs()
    exits = [n.kind is NodeKind.exit for n in graph.nodes]
    result: dict[int, float | None] = {}
    for e, edge in enumerate(graph.edges):
        if not is_worse(edge, graph.diagram, exits[graph.dst[e]]):
            continue
        deltas = conversion_deltas(graph, actual, e, edge.conversion.target)
        u = graph.src[e]
        if not deltas:
            result[e] = 0.0
            continue
        if graph.scc_of[u] in failed:
            result[e] = None
            continue
        change = sum(d * actual.goal_yield[graph.dst[x]] for x, d in deltas.items())
        if not graph.looped[u]:
            result[e] = actual.volume[u] * change
            continue
        system, position = actual.systems[graph.scc_of[u]]
        rhs = [0.0] * len(position)
        rhs[position[u]] = 1.0
        z = system.solve(rhs)
        loop = sum(d * z[position[graph.dst[x]]] for x, d in deltas.items()
                   if graph.dst[x] in position)
        result[e] = None if 1.0 - loop <= 1e-12 else actual.volume[u] * change / (1.0 - loop)
    return result


def _assert_same(fast: dict, slow: dict) -> None:
    assert fast.keys() == slow.keys()
    for e, expected in slow.items():
        if expected is None:
            assert fast[e] is None
        else:
            assert fast[e] is not None
            assert math.isclose(fast[e], expected, rel_tol=1e-9, abs_tol=1e-9), (e, fast[e])


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_templates_and_fixtures_keep_their_impacts(path):
    graph = build_graph(load_diagram(path))
    actual = solve_scenario(graph, "actual")
    _assert_same(off_target_impacts(graph, actual), _one_solve_per_node(graph, actual))


def test_a_thousand_looped_nodes_keep_their_impacts_without_a_solve_per_node(monkeypatch):
    """The reproducer: loops tie ~1,000 nodes into one component; every off-target edge's
    impact is the same as before, and none of them needs a solve of its own."""
    diagram = Diagram.model_validate(loop_heavy_diagram(1000))
    graph = build_graph(diagram)
    assert max(len(c) for c in graph.sccs) >= 900
    actual = solve_scenario(graph, "actual")
    slow = _one_solve_per_node(graph, actual)
    assert sum(1 for e in slow if graph.looped[graph.src[e]]) >= 300

    solves = []
    original = LoopSystem.solve
    monkeypatch.setattr(LoopSystem, "solve", lambda self, rhs: solves.append(1) or original(
        self, rhs))
    fast = off_target_impacts(graph, actual)
    assert solves == []
    _assert_same(fast, slow)


def test_the_selected_inverse_matches_solved_columns_on_random_loops():
    rng = random.Random(5)
    for _ in range(40):
        size = rng.randint(1, 12)
        rows: dict[int, dict[int, float]] = {}
        for i in range(size):
            targets = rng.sample(range(size), rng.randint(0, min(3, size)))
            for j in targets:
                rows.setdefault(i, {})[j] = rng.uniform(0.0, 0.9 / len(targets))
        system = LoopSystem(size, rows)
        assert system.ok
        for u in range(size):
            column = system.solve([1.0 if k == u else 0.0 for k in range(size)])
            for w in [u, *rows.get(u, {})]:
                assert math.isclose(system.inverse(w, u), column[w], rel_tol=1e-12,
                                    abs_tol=1e-15)


@st.composite
def looped_diagrams(draw) -> Diagram:
    """Small diagrams with loops, remainder sharing and off-target edges."""
    count = draw(st.integers(2, 8))
    kinds = ["entry"] + [draw(st.sampled_from(["step", "decision", "goal", "exit"]))
                         for _ in range(count - 1)]
    nodes = [{"id": f"n{i}", "kind": k, "lane": "m",
              **({"volume": draw(st.integers(1, 5000))} if k == "entry" else {})}
             for i, k in enumerate(kinds)]
    edges = []
    for i, kind in enumerate(kinds):
        if kind == "exit":
            continue
        targets = draw(st.lists(st.integers(0, count - 1), unique=True, max_size=4))
        limit = 0.95 / max(1, len(targets))
        for t in targets:
            edge = {"from": f"n{i}", "to": f"n{t}"}
            if draw(st.integers(0, 3)):
                rate = st.floats(0.0, limit, allow_nan=False)
                edge["conversion"] = {"target": draw(rate), "actual": draw(rate)}
            edges.append(edge)
    return Diagram.model_validate({"funnelflow": 1, "lanes": [{"id": "m"}],
                                   "nodes": nodes, "edges": edges})


def _raised(diagram: Diagram, source: str, target: str) -> Diagram:
    data = diagram.model_dump(by_alias=True, exclude_none=True)
    for edge in data["edges"]:
        if (edge["from"], edge["to"]) == (source, target):
            edge["conversion"]["actual"] = edge["conversion"]["target"]
    return Diagram.model_validate(data)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(looped_diagrams())
def test_each_impact_equals_solving_the_changed_diagram_again(diagram):
    report = analyze(diagram)
    for finding in report.findings:
        if finding.rule != "conversion-off-target" or finding.impact is None:
            continue
        again = analyze(_raised(diagram, *finding.target.split("->")))
        if any(f.rule == "loop-gain" for f in again.findings):
            continue
        expected = again.goals["actual"] - report.goals["actual"]
        scale = max(1.0, abs(report.goals["actual"]), abs(again.goals["actual"]))
        assert math.isclose(finding.impact, expected, rel_tol=1e-7, abs_tol=1e-9 * scale)
