"""Checklist rules about the flow of people: overflow, loops, capacity, conversions, time, ROI."""

from __future__ import annotations

from test_rules_structure import build, fired, node


def edge(data: dict, source: str, target: str) -> dict:
    return next(e for e in data["edges"] if e["from"] == source and e["to"] == target)


def test_conversion_overflow_when_the_outgoing_rates_exceed_100_percent():
    def over(data):
        edge(data, "S", "X")["conversion"] = {"target": "80%", "actual": "50%"}

    (finding,) = fired(build(over), "conversion-overflow")
    assert (finding.severity, finding.target) == ("error", "S")
    assert "110% on targets" in finding.message and "actuals" not in finding.message
    assert "目标值 110%" in fired(build(over), "conversion-overflow", "zh")[0].message


def test_exactly_100_percent_out_is_not_an_overflow_despite_float_noise():
    def exact(data):
        edge(data, "S", "G")["conversion"] = "30%"
        edge(data, "S", "X")["conversion"] = "70%"  # 0.3 + 0.7 = 1.0000000000000002

    assert fired(build(exact), "conversion-overflow") == []


def test_loop_below_gain_one_is_not_reported():
    def repurchase(data):
        data["edges"].append({"from": "G", "to": "S", "conversion": "20%"})

    assert fired(build(repurchase), "loop-gain") == []


def test_over_capacity_is_an_error_on_actuals_and_a_warning_on_targets_only():
    def small(data):
        node(data, "S")["capacity"] = 400  # 500 arrive

    (finding,) = fired(build(small), "over-capacity")
    assert (finding.severity, finding.target) == ("error", "S")
    assert "receives 500 people per month but can handle 400 (100 too many)" in finding.message
    assert "超出 100 人" in fired(build(small), "over-capacity", "zh")[0].message

    def planned(data):
        node(data, "S")["capacity"] = 400
        edge(data, "E", "S")["conversion"] = {"target": "50%", "actual": "30%"}

    (warning,) = fired(build(planned), "over-capacity")
    assert warning.severity == "warning" and "planned to receive 500" in warning.message

    def exact(data):
        node(data, "S")["capacity"] = 500

    assert fired(build(exact), "over-capacity") == []


def test_conversion_off_target_names_owner_lane_numbers_and_impact():
    def behind(data):
        edge(data, "E", "S")["conversion"] = {"target": "50%", "actual": "40%"}
        node(data, "E")["contingency"] = "预算削减时只保留再营销"

    (finding,) = fired(build(behind), "conversion-off-target")
    assert (finding.severity, finding.target) == ("warning", "E->S")
    # actual goals 1000 × 40% × 30% = 120; at target 150: +30 (+25%)
    assert finding.impact == 30.0 or abs(finding.impact - 30) < 1e-9
    assert finding.message == (
        "广告 -> 线索 (张伟, 市场部): conversion 40% against a target of 50%; reaching the "
        'target brings 30 more people per month to "成交" (+25%). Fallback plan: '
        "预算削减时只保留再营销."
    )
    (zh,) = fired(build(behind), "conversion-off-target", "zh")
    assert zh.message == (
        "广告→线索（负责人：张伟，市场部）转化率 40%，目标 50%；达到目标每月可多 30 人到达「成交」"
        "（+25%）。预案：预算削减时只保留再营销。"
    )


def test_a_bare_rate_is_on_target_and_ahead_of_target_is_fine():
    assert fired(build(), "conversion-off-target") == []  # "50%" means target = actual

    def ahead(data):
        edge(data, "E", "S")["conversion"] = {"target": "50%", "actual": "60%"}

    assert fired(build(ahead), "conversion-off-target") == []


def test_an_edge_into_an_exit_is_worse_when_higher():
    def churn(data):
        edge(data, "S", "X")["conversion"] = {"target": "60%", "actual": "70%"}

    (finding,) = fired(build(churn), "conversion-off-target")
    assert finding.target == "S->X"
    assert "70% of people leave here against a target of at most 60%" in finding.message
    (zh,) = fired(build(churn), "conversion-off-target", "zh")
    assert "流失率 70%，目标不高于 60%" in zh.message

    def less_churn(data):
        edge(data, "S", "X")["conversion"] = {"target": "60%", "actual": "50%"}

    assert fired(build(less_churn), "conversion-off-target") == []


def test_slow_step_on_nodes_and_handoffs():
    def slow(data):
        node(data, "S")["duration"] = {"target": 2, "actual": 5}
        edge(data, "E", "S")["duration"] = {"target": 1, "actual": 4}

    findings = fired(build(slow), "slow-step")
    assert {f.target for f in findings} == {"S", "E->S"}
    by_target = {f.target: f.message for f in findings}
    assert "takes 5 days against a target of 2 (+3 days)" in by_target["S"]
    assert "waits 4 days against a target of 1 (+3 days)" in by_target["E->S"]

    def on_time(data):
        node(data, "S")["duration"] = {"target": 2, "actual": 2}
        edge(data, "E", "S")["duration"] = 3

    assert fired(build(on_time), "slow-step") == []


def test_slow_path_names_the_step_that_adds_most():
    def slow(data):
        node(data, "S")["duration"] = {"target": 10, "actual": 30}
        edge(data, "S", "G")["duration"] = {"target": 5, "actual": 8}

    (finding,) = fired(build(slow), "slow-path")
    assert (finding.severity, finding.target) == ("warning", None)
    assert "takes 38 days against a target of 15 (+23 days)" in finding.message
    assert "线索 (+20 days)" in finding.message
    zh = fired(build(slow), "slow-path", "zh")[0].message
    assert "周期为 38 天，目标 15 天" in zh and "「线索」（多 20 天）" in zh

    def fast(data):
        node(data, "S")["duration"] = {"target": 10, "actual": 9}

    assert fired(build(fast), "slow-path") == []


def test_negative_roi_for_a_channel_that_costs_more_than_it_brings():
    def expensive(data):
        data["currency"] = "CNY"
        node(data, "E")["cost"] = 20000  # revenue 1000 × 50% × 30% × 100 = 15,000

    (finding,) = fired(build(expensive), "negative-roi")
    assert (finding.severity, finding.target) == ("warning", "E")
    assert "costs 20,000 CNY per month but brings 15,000 CNY" in finding.message
    assert "ROI -25%" in finding.message

    def cheap(data):
        node(data, "E")["cost"] = 15000  # break-even is not negative

    assert fired(build(cheap), "negative-roi") == []

    def free(data):
        node(data, "E")["cost"] = 0

    assert fired(build(free), "negative-roi") == []
