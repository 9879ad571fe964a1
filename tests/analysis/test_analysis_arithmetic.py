"""Funnel arithmetic of SPEC §3 on small diagrams whose numbers were worked out on paper."""

from __future__ import annotations

import math

import pytest

from app.analysis import analyze, goal_volume_with
from app.model import Diagram


def make(nodes: list[dict], edges: list[dict], **extra) -> Diagram:
    """A one-lane diagram (lane `m`) from compact node and edge dicts."""
    lanes = extra.pop("lanes", [{"id": "m", "name": "市场部"}])
    full = [{"lane": "m", **n} for n in nodes]
    return Diagram.model_validate(
        {"funnelflow": 1, "title": "t", "lanes": lanes, "nodes": full, "edges": edges, **extra}
    )


def approx(value: float) -> object:
    return pytest.approx(value, rel=1e-9, abs=1e-9)


# A(entry 1000/800) -50%-> B -20%-> G, A -?-> X, B -30%-> C, B -?-> D
FALLBACK = make(
    [
        {"id": "A", "kind": "entry", "volume": {"target": 1000, "actual": 800}, "cost": 200},
        {"id": "B"},
        {"id": "G", "kind": "goal", "value": 100},
        {"id": "X", "kind": "exit"},
        {"id": "C", "kind": "exit"},
        {"id": "D", "kind": "exit"},
    ],
    [
        {"from": "A", "to": "B", "conversion": {"target": "50%"}},
        {"from": "A", "to": "X"},
        {"from": "B", "to": "G", "conversion": {"actual": 0.2}},
        {"from": "B", "to": "C", "conversion": "30%"},
        {"from": "B", "to": "D"},
    ],
)


def test_volumes_use_the_other_scenario_and_share_the_remainder():
    report = analyze(FALLBACK)
    # targets: B = 1000×0.5; G = 500×0.2 (actual used as target); X gets the other half;
    # D alone lacks a value out of B and takes 1 − 0.2 − 0.3 = 0.5
    assert report.volumes["target"] == {
        "A": approx(1000), "B": approx(500), "G": approx(100),
        "X": approx(500), "C": approx(150), "D": approx(250),
    }
    assert report.volumes["actual"] == {
        "A": approx(800), "B": approx(400), "G": approx(80),
        "X": approx(400), "C": approx(120), "D": approx(200),
    }
    assert report.conversions["actual"]["B->D"] == approx(0.5)
    assert report.flows["actual"]["A->X"] == approx(400)


def test_goals_revenue_and_channel_roi_and_cac():
    report = analyze(FALLBACK)
    assert report.goals == {"target": approx(100), "actual": approx(80)}
    assert report.revenue == {"target": approx(10_000), "actual": approx(8_000)}
    (channel,) = report.channels
    assert channel.entry == "A"
    assert channel.goal_volume == approx(80)
    assert channel.revenue == approx(8_000)
    assert channel.roi == approx((8_000 - 200) / 200)  # 39
    assert channel.cac == approx(2.5)  # 200 / 80


def test_channel_without_cost_has_no_roi_or_cac_and_none_without_goals():
    diagram = make(
        [{"id": "A", "kind": "entry", "volume": 10}, {"id": "X", "kind": "exit"},
         {"id": "P", "kind": "entry", "volume": 5, "cost": 50}],
        [{"from": "A", "to": "X"}, {"from": "P", "to": "X"}],
    )
    free, paid = analyze(diagram).channels
    assert (free.cost, free.roi, free.cac) == (None, None, None)
    assert paid.goal_volume == 0 and paid.cac is None
    assert paid.roi == approx(-1.0)  # (0 − 50) / 50


# E(100) -> S; S -50%-> G; G -20%-> S (repurchase); S -> X takes the rest
REPURCHASE = make(
    [
        {"id": "E", "kind": "entry", "volume": 100},
        {"id": "S"},
        {"id": "G", "kind": "goal", "value": 10},
        {"id": "X", "kind": "exit"},
    ],
    [
        {"from": "E", "to": "S"},
        {"from": "S", "to": "G", "conversion": {"target": 0.5, "actual": 0.4}},
        {"from": "G", "to": "S", "conversion": 0.2},
        {"from": "S", "to": "X"},
    ],
)


def test_loop_is_solved_as_the_steady_state():
    report = analyze(REPURCHASE)
    # targets: S = 100 + 0.2 G, G = 0.5 S  =>  S = 100 / 0.9
    assert report.volumes["target"]["S"] == approx(100 / 0.9)
    assert report.volumes["target"]["G"] == approx(50 / 0.9)
    # actuals: G = 0.4 S  =>  S = 100 / 0.92
    assert report.volumes["actual"]["S"] == approx(100 / 0.92)
    assert report.goals["actual"] == approx(40 / 0.92)
    assert report.revenue["actual"] == approx(400 / 0.92)
    assert report.channels[0].goal_volume == approx(40 / 0.92)


def test_impact_inside_a_loop_resolves_the_loop():
    report = analyze(REPURCHASE)
    (finding,) = [f for f in report.findings if f.rule == "conversion-off-target"]
    # at target S→G = 50% (S→X shrinks to 50%): G = 50 / 0.9; today 40 / 0.92
    assert finding.target == "S->G"
    assert finding.impact == approx(50 / 0.9 - 40 / 0.92)  # 12.077…


def test_self_loop_retries():
    diagram = make(
        [{"id": "E", "kind": "entry", "volume": 100}, {"id": "N"},
         {"id": "G", "kind": "goal"}],
        [{"from": "E", "to": "N"}, {"from": "N", "to": "N", "conversion": "50%"},
         {"from": "N", "to": "G"}],
    )
    report = analyze(diagram)
    assert report.volumes["actual"]["N"] == approx(200)  # N = 100 + 0.5 N
    assert report.goals["actual"] == approx(100)
    assert not [f for f in report.findings if f.rule == "loop-gain"]


def test_entry_inside_a_loop_is_attributed_by_linearity():
    # E1(100) -> S, R(entry 10) -> S, S -50%-> G, G -20%-> R, S -> X (rest)
    diagram = make(
        [{"id": "E1", "kind": "entry", "volume": 100},
         {"id": "R", "kind": "entry", "volume": 10},
         {"id": "S"}, {"id": "G", "kind": "goal"}, {"id": "X", "kind": "exit"}],
        [{"from": "E1", "to": "S"}, {"from": "R", "to": "S"},
         {"from": "S", "to": "G", "conversion": 0.5}, {"from": "G", "to": "R", "conversion": 0.2},
         {"from": "S", "to": "X"}],
    )
    report = analyze(diagram)
    # S = 110 + 0.1 S => S = 110/0.9; goal yield of S (and of R, E1) = 0.5 / 0.9
    assert report.volumes["actual"]["S"] == approx(110 / 0.9)
    assert report.volumes["actual"]["R"] == approx(10 + 0.2 * 55 / 0.9)
    e1, r = report.channels
    assert e1.goal_volume == approx(100 * 0.5 / 0.9)
    assert r.goal_volume == approx(10 * 0.5 / 0.9)
    assert e1.goal_volume + r.goal_volume == approx(report.goals["actual"])


def test_loop_with_gain_one_is_reported_and_volumes_stay_finite():
    diagram = make(
        [{"id": "E", "kind": "entry", "volume": 100}, {"id": "A"}, {"id": "B"},
         {"id": "G", "kind": "goal"}],
        [{"from": "E", "to": "A"}, {"from": "A", "to": "B"},
         {"from": "B", "to": "A", "conversion": "100%"}, {"from": "B", "to": "G"}],
    )
    report = analyze(diagram)
    (finding,) = [f for f in report.findings if f.rule == "loop-gain"]
    assert finding.severity == "error"
    assert finding.target == "B->A"  # the edge the depth-first walk finds closing the loop
    assert "A→B→A" in finding.message and "100%" in finding.message
    for scenario in ("target", "actual"):
        assert all(math.isfinite(v) for v in report.volumes[scenario].values())
    # shown with the loop cut at B->A: A and B see the 100 entering people once
    assert report.volumes["actual"] == {"E": 100, "A": 100, "B": 100, "G": 0}


def test_loop_gain_above_one_only_on_targets():
    diagram = make(
        [{"id": "E", "kind": "entry", "volume": 10}, {"id": "A"}, {"id": "B"}],
        [{"from": "E", "to": "A"}, {"from": "A", "to": "B", "conversion": 1},
         {"from": "B", "to": "A", "conversion": {"target": 1, "actual": 0.5}}],
    )
    report = analyze(diagram)
    (finding,) = [f for f in report.findings if f.rule == "loop-gain"]
    assert "targets" in finding.message and "actuals" not in finding.message
    assert report.volumes["actual"]["A"] == approx(20)  # A = 10 + 0.5 A


def test_cycle_time_is_the_longest_entry_to_goal_path_without_loops():
    # E(1) -3-> A(2/5) -> G ; E -> B(1) -> G ; G -> A closes a loop (ignored)
    diagram = make(
        [{"id": "E", "kind": "entry", "volume": 1, "duration": 1},
         {"id": "A", "duration": {"target": 2, "actual": 5}},
         {"id": "B", "duration": {"actual": 1}},
         {"id": "G", "kind": "goal", "duration": 0.5}],
        [{"from": "E", "to": "A", "duration": {"target": 3}},
         {"from": "E", "to": "B", "duration": {"target": 1, "actual": 9}},
         {"from": "A", "to": "G"}, {"from": "B", "to": "G"},
         {"from": "G", "to": "A", "conversion": 0.1, "duration": 100}],
    )
    report = analyze(diagram)
    # targets: via A 1+3+2+0.5 = 6.5, via B 1+1+1+0.5 = 3.5 (B's actual used as target)
    # actuals: via A 1+3+5+0.5 = 9.5, via B 1+9+1+0.5 = 11.5
    assert report.cycle_time == {"target": approx(6.5), "actual": approx(11.5)}
    (slow,) = [f for f in report.findings if f.rule == "slow-path"]
    assert slow.target is None
    assert "E -> B" in slow.message and "+8 days" in slow.message  # 9 − 1 on the handoff


def test_cycle_time_is_none_without_durations_or_reachable_goal():
    assert analyze(FALLBACK).cycle_time == {"target": None, "actual": None}
    no_goal = make(
        [{"id": "E", "kind": "entry", "volume": 1, "duration": 2}, {"id": "X", "kind": "exit"}],
        [{"from": "E", "to": "X"}],
    )
    assert analyze(no_goal).cycle_time == {"target": None, "actual": None}


# E(1000) -10%/20%-> L -40%/50%-> G, L -> X (rest), E -> Y (rest)
CHAIN = make(
    [{"id": "E", "kind": "entry", "volume": 1000}, {"id": "L"},
     {"id": "G", "kind": "goal"}, {"id": "X", "kind": "exit"}, {"id": "Y", "kind": "exit"}],
    [{"from": "E", "to": "L", "conversion": {"target": "20%", "actual": "10%"}},
     {"from": "E", "to": "Y"},
     {"from": "L", "to": "G", "conversion": {"target": "50%", "actual": "40%"}},
     {"from": "L", "to": "X"}],
)


def test_impacts_of_off_target_edges_and_their_ranking():
    report = analyze(CHAIN)
    assert report.goals["actual"] == approx(40)  # 1000 × 10% × 40%
    impacts = {f.target: f.impact for f in report.findings if f.rule == "conversion-off-target"}
    assert impacts == {"E->L": approx(40), "L->G": approx(10)}  # 80 − 40, 50 − 40
    assert [f.target for f in report.bottlenecks] == ["E->L", "L->G"]
    assert "+100%" in report.bottlenecks[0].message


def test_raising_an_edge_can_cost_goals_when_a_sibling_shares_the_remainder():
    # Documented: E→A's target takes people from E→B (remainder), which led to more goals.
    diagram = make(
        [{"id": "E", "kind": "entry", "volume": 100}, {"id": "A"}, {"id": "B"},
         {"id": "G", "kind": "goal"}, {"id": "X", "kind": "exit"}],
        [{"from": "E", "to": "A", "conversion": {"target": 0.6, "actual": 0.2}},
         {"from": "E", "to": "B"},
         {"from": "A", "to": "G", "conversion": 0.1}, {"from": "A", "to": "X"},
         {"from": "B", "to": "G", "conversion": 0.9}, {"from": "B", "to": "X"}],
    )
    report = analyze(diagram)
    assert report.goals["actual"] == approx(74)  # 20×0.1 + 80×0.9
    (finding,) = [f for f in report.findings if f.rule == "conversion-off-target"]
    assert finding.impact == approx(42 - 74)  # 60×0.1 + 40×0.9 − 74
    assert report.bottlenecks == []


def test_what_if_slider_answers_without_a_new_analysis():
    report = analyze(CHAIN)
    assert goal_volume_with(CHAIN, report, edge_id="L->G", conversion=0.5) == approx(50)
    assert goal_volume_with(CHAIN, report, entry_id="E", volume=2000) == approx(80)
    both = goal_volume_with(CHAIN, report, edge_id="L->G", conversion=0.5, entry_id="E",
                            volume=2000)
    assert both == approx(100)
    in_loop = analyze(REPURCHASE)
    assert goal_volume_with(REPURCHASE, in_loop, edge_id="S->G", conversion=0.5) == approx(
        50 / 0.9
    )


def test_a_vanishing_actual_goal_volume_does_not_break_the_impact_message():
    # found by hypothesis: 1 × 2.2e-309 goals today, so "+x%" of it would be infinite
    diagram = make(
        [{"id": "E", "kind": "entry", "volume": 1}, {"id": "G", "kind": "goal"}],
        [{"from": "E", "to": "G", "conversion": {"target": 1.0, "actual": 2.225073858507203e-309}}],
    )
    (finding,) = [f for f in analyze(diagram, "zh").findings if f.rule == "conversion-off-target"]
    assert finding.impact == approx(1.0)
    assert "%）" not in finding.message.split("；")[1]
