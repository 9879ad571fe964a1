"""Properties of the funnel arithmetic and the checklist on random valid diagrams."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.analysis import analyze
from app.analysis.report import sort_key
from app.model import Diagram

KINDS = ("entry", "step", "decision", "goal", "exit")
SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow])


@st.composite
def diagrams(draw, bounded: bool = True) -> Diagram:
    """A random valid diagram; `bounded` keeps each node's written conversions within 100%."""
    count = draw(st.integers(2, 9))
    kinds = [draw(st.sampled_from(KINDS)) for _ in range(count)]
    kinds[0] = "entry"
    nodes = []
    for i, kind in enumerate(kinds):
        node = {"id": f"n{i}", "kind": kind, "lane": draw(st.sampled_from(["m", "s"]))}
        if kind == "entry" or draw(st.booleans()) and i % 3 == 0:
            node["volume"] = draw(_measure(0, 5000))
        if draw(st.booleans()):
            node["owner"] = draw(st.sampled_from(["张伟", "李娜", "Ann"]))
        if draw(st.booleans()):
            node["duration"] = draw(_measure(0, 30))
        if kind == "goal":
            node["value"] = draw(st.integers(0, 2000))
        if draw(st.booleans()):
            node["capacity"] = draw(st.integers(0, 3000))
        nodes.append(node)
    edges = []
    for i, kind in enumerate(kinds):
        if kind == "exit":
            continue
        targets = draw(st.lists(st.integers(0, count - 1), unique=True, max_size=4))
        limit = 1.0 / max(1, len(targets)) if bounded else 1.0
        for t in targets:
            edge = {"from": f"n{i}", "to": f"n{t}"}
            if draw(st.booleans()):
                edge["conversion"] = draw(_rates(limit))
            if draw(st.booleans()):
                edge["duration"] = draw(_measure(0, 10))
            edges.append(edge)
    return Diagram.model_validate({
        "funnelflow": 1, "lanes": [{"id": "m"}, {"id": "s"}, {"id": "t"}],
        "nodes": nodes, "edges": edges,
    })


def _measure(low: int, high: int):
    value = st.integers(low, high)
    return st.one_of(
        value,
        st.fixed_dictionaries({"target": value}),
        st.fixed_dictionaries({"actual": value}),
        st.fixed_dictionaries({"target": value, "actual": value}),
    )


def _rates(limit: float):
    rate = st.floats(0, limit, allow_nan=False)
    return st.one_of(
        rate,
        st.fixed_dictionaries({"target": rate}),
        st.fixed_dictionaries({"actual": rate}),
        st.fixed_dictionaries({"target": rate, "actual": rate}),
    )


def _scaled(diagram: Diagram, factor: float) -> Diagram:
    data = diagram.model_dump(by_alias=True, exclude_none=True)
    for node in data["nodes"]:
        volume = node.get("volume")
        if volume is not None:
            node["volume"] = {k: v * factor for k, v in volume.items()}
    return Diagram.model_validate(data)


@SETTINGS
@given(diagrams())
def test_doubling_every_entry_volume_doubles_every_volume(diagram):
    once, twice = analyze(diagram), analyze(_scaled(diagram, 2))
    for scenario in ("target", "actual"):
        for node_id, volume in once.volumes[scenario].items():
            assert math.isclose(twice.volumes[scenario][node_id], 2 * volume,
                                rel_tol=1e-9, abs_tol=1e-9)
        assert math.isclose(twice.goals[scenario], 2 * once.goals[scenario],
                            rel_tol=1e-9, abs_tol=1e-9)


@SETTINGS
@given(diagrams())
def test_no_node_sends_out_more_than_it_receives(diagram):
    report = analyze(diagram)
    for scenario in ("target", "actual"):
        flows = report.flows[scenario]
        for node in diagram.nodes:
            inflow = sum(flows[e.id] for e in diagram.edges if e.target == node.id)
            outflow = sum(flows[e.id] for e in diagram.edges if e.source == node.id)
            entry = node.volume.value(scenario) if node.volume is not None else 0.0
            assert outflow <= inflow + entry + 1e-6 * (1 + inflow + entry)
            assert math.isfinite(report.volumes[scenario][node.id])


@SETTINGS
@given(diagrams())
def test_raising_an_edge_without_remainder_siblings_never_costs_goals(diagram):
    report = analyze(diagram)
    index = diagram.node_index()
    for finding in report.findings:
        if finding.rule != "conversion-off-target" or finding.impact is None:
            continue
        source, target = finding.target.split("->")
        if index[target].kind.value == "exit":
            continue
        siblings = [e for e in diagram.edges if e.source == source]
        if all(e.conversion is not None for e in siblings):
            assert finding.impact >= -1e-9


@SETTINGS
@given(diagrams())
def test_channels_add_up_to_the_goal_volume_when_only_entries_have_volumes(diagram):
    report = analyze(diagram)
    if any(f.rule == "loop-gain" for f in report.findings):
        return
    if any(n.volume is not None and n.kind.value != "entry" for n in diagram.nodes):
        return
    attributed = sum(c.goal_volume for c in report.channels)
    assert math.isclose(attributed, report.goals["actual"], rel_tol=1e-6, abs_tol=1e-6)


@SETTINGS
@given(diagrams(bounded=False), st.sampled_from(["en", "zh"]))
def test_the_checklist_never_raises_and_is_sorted(diagram, lang):
    report = analyze(diagram, lang)
    keys = [sort_key(f) for f in report.findings]
    assert keys == sorted(keys)
    order = {"error": 0, "warning": 1, "info": 2}
    for a, b in zip(report.findings, report.findings[1:], strict=False):
        assert order[a.severity] <= order[b.severity]
        if a.severity == b.severity:
            assert not (a.impact is None and b.impact is not None)  # no impact after any impact
            if a.impact is not None and b.impact is not None:
                assert a.impact >= b.impact
    assert sum(report.summary.values()) == len(report.findings)
    for finding in report.findings:
        assert finding.message and "{" not in finding.message
        assert finding.impact is None or math.isfinite(finding.impact)
    document = report.to_json("x.yaml")
    assert list(document) == ["file", "title", "period", "summary", "goals", "volumes",
                              "cycle_time", "channels", "trends", "findings"]
