"""View → Outline's text: the funnel in funnel order, with lanes, owners, conversions and KPIs,
in English and Chinese, readable line by line by a screen reader (no Qt needed)."""

from __future__ import annotations

import copy

from app.analysis import analyze
from app.io.templates import load_template
from app.model import Diagram
from app.render.outline import funnel_order, outline_lines, outline_text
from tests.conftest import SMALL_DIAGRAM, minimal_document


def small() -> Diagram:
    """The shared small diagram with "lost" first in the file and a target on its leak."""
    document = copy.deepcopy(SMALL_DIAGRAM)
    nodes = document["nodes"]
    document["nodes"] = [n for n in nodes if n["id"] == "lost"] + [
        n for n in nodes if n["id"] != "lost"]
    leak = next(e for e in document["edges"] if e["to"] == "lost")
    leak["conversion"] = {"target": "70%", "actual": "65%"}
    return Diagram.model_validate(document)


def test_funnel_order_follows_the_flow_not_the_file():
    # "lost" comes first in the file but last in the funnel; deal (lane sales, earlier in the
    # file than lost) and lost share a rank and keep file order.
    assert funnel_order(small()) == ["ads", "landing", "demo", "lost", "deal"]


def test_ties_go_by_lane_from_the_top():
    document = minimal_document(
        lanes=[{"id": "a"}, {"id": "b"}],
        nodes=[{"id": "late", "kind": "entry", "lane": "b", "volume": 1},
               {"id": "early", "kind": "entry", "lane": "a", "volume": 1},
               {"id": "deal", "kind": "goal", "lane": "a"}],
        edges=[{"from": "late", "to": "deal"}, {"from": "early", "to": "deal"}])
    assert funnel_order(Diagram.model_validate(document)) == ["early", "late", "deal"]


def test_english_outline_names_every_step_with_lane_owner_conversion_and_kpi():
    diagram = small()
    text = outline_text(diagram, analyze(diagram, "en"), "en")
    lines = text.splitlines()
    assert lines[0] == "Small funnel"
    assert "Goals reached: 45/month (target 60)" in lines
    assert "Revenue: 44,800/month (target 60,000/month)" in lines
    first = lines.index("Steps in funnel order (5):")
    assert lines[first + 1] == ("1. Paid ads — entry — Marketing / Awareness — owner Ana — "
                                "10,000/month")
    assert lines[first + 2] == "    → 2. 落地页 3.2% (target 5%) — ✗ off target"
    assert lines[first + 3].startswith("2. 落地页 — step — Marketing / Awareness — owner Wei")
    assert "    KPI CTR: 3% / target 5% — ✗ off target" in lines
    assert "    → 5. Deal 35% (target 30%) — ✓ on target" in lines
    # A leak (into an exit) is better when lower: 65% against at most 70% is on target.
    assert "    → 4. Lost 65% (target 70%) — ✓ on target" in lines
    assert any(line.startswith("3. Demo — decision — 销售部 / 决策期 — no owner") for line in lines)
    # The bottleneck list opens the outline, as it opens the checklist.
    assert lines[lines.index("Top bottlenecks:") + 1].startswith("  1. ")


def test_chinese_outline_uses_chinese_words_throughout():
    diagram = load_template("full-funnel", "zh")
    text = outline_text(diagram, analyze(diagram, "zh"), "zh")
    assert "目标达成：141/月（目标 245）" in text
    assert "主要瓶颈：" in text and "按漏斗顺序的步骤（共 17 个）：" in text
    assert ("3. 付费广告 — 入口 — 市场部 / 客户引流 — 负责人 投放经理 — 150,000/月\n"
            "    → 4. 官网落地页「点击」 1.8%（目标 2.5%） — ✗ 未达标\n"
            "    KPI 线索成本：247 CNY / 目标 200 CNY — ✗ 未达标\n") in text
    # The referral loop back to sign-up is said to loop back.
    assert "→ 5. 留资注册（回流）「好友注册」 50%（目标 60%） — ✗ 未达标" in text
    assert "KPI 推荐参与率：15% — ○ 未测量" in text
    for english in ("owner", "target", "entry", "step"):
        assert english not in text


def test_without_a_report_volumes_come_from_the_entries():
    lines = outline_lines(small(), None, "en")
    assert lines[0] == "Small funnel"
    assert not any(line.startswith("Goals") for line in lines)
    assert "1. Paid ads — entry — Marketing / Awareness — owner Ana — 10,000/month" in lines
    assert lines[lines.index("Steps in funnel order (5):") + 3].startswith("2. 落地页 — step — "
                                                                          "Marketing / Awareness"
                                                                          " — owner Wei")


def test_every_template_in_both_languages_has_one_line_per_node():
    from app.io.templates import template_names

    for lang in ("en", "zh"):
        for name in template_names(lang):
            diagram = load_template(name, lang)
            lines = outline_lines(diagram, analyze(diagram, lang), lang)
            numbered = [line for line in lines if line[:1].isdigit()]
            assert len(numbered) == len(diagram.nodes), (name, lang)


def test_an_empty_diagram_says_so():
    diagram = Diagram.model_validate({"funnelflow": 1, "title": "", "lanes": [{"id": "a"}]})
    assert outline_text(diagram, None, "zh") == "（还没有步骤）\n"
