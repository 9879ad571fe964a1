"""Checklist rules about people and measurement: owners, handoffs, KPIs."""

from __future__ import annotations

from test_rules_structure import build, fired, node

from app.analysis.rules.people import OWNER_OVERLOAD_MIN, OWNER_OVERLOAD_SHARE


def edge(data: dict, source: str, target: str) -> dict:
    return next(e for e in data["edges"] if e["from"] == source and e["to"] == target)


def test_missing_owner_also_when_blank():
    def no_owner(data):
        del node(data, "S")["owner"]
        node(data, "G")["owner"] = "   "

    findings = fired(build(no_owner), "missing-owner")
    assert [(f.target, f.severity) for f in findings] == [("G", "warning"), ("S", "warning")]
    assert findings[1].message == "线索 (销售部) has no owner; name the person or role responsible."
    assert fired(build(no_owner), "missing-owner", "zh")[1].message == (
        "「线索」（销售部）没有负责人；请指定负责的人或岗位。"
    )


def test_owner_overload_is_more_than_a_third_and_at_least_four():
    assert (OWNER_OVERLOAD_SHARE, OWNER_OVERLOAD_MIN) == (1 / 3, 4)

    def add_steps(count: int, owner: str):
        def change(data):
            for i in range(count):
                data["nodes"].append({"id": f"n{i}", "lane": "m", "owner": owner})
                data["edges"].append({"from": f"n{i}", "to": "G", "conversion": 0.1})
                data["edges"].append({"from": "E", "to": f"n{i}", "conversion": 0.01})
        return change

    # 张伟 holds E + 4 more = 5 of 8 nodes
    (finding,) = fired(build(add_steps(4, "张伟")), "owner-overload")
    assert (finding.severity, finding.target) == ("info", "张伟")
    assert "张伟 is responsible for 5 of the 8 steps (62.5%)" in finding.message
    # 张伟 holds E + 2 = 3 of 6 nodes: half of them, but fewer than four
    assert fired(build(add_steps(2, "张伟")), "owner-overload") == []
    # 4 of 12 is exactly a third: not more than a third
    def third(data):
        add_steps(3, "张伟")(data)
        for i in range(5):
            data["nodes"].append({"id": f"o{i}", "lane": "m", "owner": f"p{i}"})
            data["edges"].append({"from": "E", "to": f"o{i}", "conversion": 0.01})
            data["edges"].append({"from": f"o{i}", "to": "G", "conversion": 0.1})

    assert fired(build(third), "owner-overload") == []


def test_unmeasured_handoff_between_departments():
    def unmeasured(data):
        del edge(data, "E", "S")["conversion"]

    (finding,) = fired(build(unmeasured), "unmeasured-handoff")
    assert (finding.severity, finding.target) == ("warning", "E->S")
    assert "agree on a handoff metric between 市场部 and 销售部" in finding.message
    assert "请市场部和销售部约定交接指标" in fired(build(unmeasured), "unmeasured-handoff",
                                                "zh")[0].message
    # S->X has no conversion either, but stays within 销售部
    assert fired(build(), "unmeasured-handoff") == []


def test_kpi_off_target_in_the_direction_better_says():
    def kpis(data):
        node(data, "S")["kpis"] = [
            {"name": "点击率", "target": "2%", "actual": "1.4%"},
            {"name": "CAC", "target": 300, "actual": 420, "unit": "CNY", "better": "lower"},
            {"name": "NPS", "target": 40, "actual": 45},
            {"name": "退款率", "target": "5%", "actual": "3%", "better": "lower"},
        ]

    findings = fired(build(kpis), "kpi-off-target")
    assert [f.target for f in findings] == ["S", "S"]
    messages = sorted(f.message for f in findings)
    assert messages == [
        "线索 (李娜, 销售部): CAC at 420 CNY against a target of 300 CNY (lower is better).",
        "线索 (李娜, 销售部): 点击率 at 1.4% against a target of 2% (higher is better).",
    ]
    zh = sorted(f.message for f in fired(build(kpis), "kpi-off-target", "zh"))
    assert zh[1] == "「线索」（负责人：李娜，销售部）的点击率为 1.4%，目标 2%（越高越好）。"


def test_missing_kpi_for_steps_without_kpi_or_measured_conversion():
    def unmeasured(data):
        del edge(data, "S", "G")["conversion"]

    (finding,) = fired(build(unmeasured), "missing-kpi")
    assert (finding.severity, finding.target) == ("info", "S")

    def with_kpi(data):
        unmeasured(data)
        node(data, "S")["kpis"] = [{"name": "线索质量分", "target": 70, "actual": 72}]

    assert fired(build(with_kpi), "missing-kpi") == []
    assert fired(build(), "missing-kpi") == []  # S→G has a conversion


def test_kpi_unmeasured_for_every_kind_of_target_without_actual():
    def targets_only(data):
        node(data, "S")["kpis"] = [{"name": "打开率", "target": "30%"}]
        node(data, "S")["duration"] = {"target": 3}
        node(data, "E")["volume"] = {"target": 1000}
        edge(data, "S", "G")["conversion"] = {"target": "30%"}
        edge(data, "E", "S")["duration"] = {"target": 2}

    findings = fired(build(targets_only), "kpi-unmeasured")
    assert sorted(f.target for f in findings) == ["E", "E->S", "S", "S", "S->G"]
    assert all(f.severity == "info" for f in findings)
    text = " | ".join(f.message for f in findings)
    assert "打开率 has a target of 30% but no actual yet" in text
    assert "conversion target 30% has no actual yet" in text
    assert "duration target 3 days" in text
    assert "target of 1,000 people per month has no actual yet" in text
    zh = " | ".join(f.message for f in fired(build(targets_only), "kpi-unmeasured", "zh"))
    assert "的打开率目标为 30%，尚无实际值" in zh
    assert fired(build(), "kpi-unmeasured") == []
