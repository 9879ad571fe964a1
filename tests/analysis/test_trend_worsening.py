"""The early warning (SPEC §4 `trend-worsening`, §6 trends): exactly the series that got worse
at each of their last three measured steps, in the direction that is worse for them."""

from __future__ import annotations

import json

from app.analysis import analyze
from app.export.check_formats import format_reports
from app.model import Diagram


def diagram(history: list[dict], *, ctr="1.4%", cac=6, buy="3.2%", gone="60%",
            late="2%") -> Diagram:
    return Diagram.model_validate({
        "funnelflow": 1, "lanes": [{"id": "m"}],
        "nodes": [
            {"id": "ads", "kind": "entry", "lane": "m", "volume": 100, "owner": "Ann",
             "kpis": [{"name": "CTR", "target": "2%", "actual": ctr},
                      {"name": "CAC", "target": 3, "actual": cac, "better": "lower"}]},
            {"id": "buy", "kind": "goal", "lane": "m", "owner": "Ann", "value": 10},
            {"id": "gone", "kind": "exit", "lane": "m", "owner": "Ann"},
            {"id": "late", "kind": "exit", "lane": "m", "owner": "Ann"},
        ],
        "edges": [
            {"from": "ads", "to": "buy", "conversion": {"target": "5%", "actual": buy}},
            {"from": "ads", "to": "gone", "conversion": {"target": "50%", "actual": gone}},
            {"from": "ads", "to": "late", "conversion": {"target": "2%", "actual": late}},
        ],
        "history": history,
    })


def month(label, ctr, cac, buy, gone, late=None):
    edges = {"ads->buy": {"conversion": buy}, "ads->gone": {"conversion": gone}}
    if late is not None:
        edges["ads->late"] = {"conversion": late}
    return {"period": label, "nodes": {"ads": {"kpis": {"CTR": ctr, "CAC": cac}}},
            "edges": edges}


def worsening(d: Diagram) -> set[tuple[str, str]]:
    return {(f.target, f.message.split(":")[1].split(" got")[0].strip())
            for f in analyze(d).findings if f.rule == "trend-worsening"}


def test_exactly_the_series_worse_at_each_of_the_last_three_steps():
    d = diagram([
        month("2026-09", "2%", 3, "5%", "50%", "3%"),
        month("2026-10", "1.8%", 4, "4%", "55%", "2.5%"),
        month("2026-11", "1.5%", 5, "4%", "58%", "2.2%"),
    ])
    # CTR falls (higher is better), CAC rises (lower is better), the leak into `gone` rises
    # (an exit: higher is worse); ads->buy stood still once; the leak into `late` shrinks.
    leak = ("more people left here in each of the last three periods (50% -> 55% -> 58% -> 60%); "
            "find out what changed before it grows further.")
    assert worsening(d) == {("ads", "CTR"), ("ads", "CAC"), ("ads->gone", leak)}
    assert all(f.severity == "warning" for f in analyze(d).findings
               if f.rule == "trend-worsening")


def test_three_values_are_not_enough_and_a_better_step_breaks_the_run():
    two_back = [month("2026-10", "1.8%", 4, "4%", "55%"), month("2026-11", "1.5%", 5, "4%", "58%")]
    assert worsening(diagram(two_back)) == set()
    # four worse steps, then today one better: the last three steps are not all worse
    runs = [month(str(m), f"{3 - m / 10}%", m, "5%", f"{40 + m}%") for m in range(1, 6)]
    assert worsening(diagram(runs, ctr="2.8%", cac=4, gone="44%")) == set()


def test_an_unmeasured_period_is_skipped_not_counted():
    history = [month("a", "2%", 3, "5%", "50%"), {"period": "b"},
               month("c", "1.8%", 4, "4%", "55%"), month("d", "1.5%", 5, "4%", "58%")]
    assert ("ads", "CTR") in worsening(diagram(history))


def test_trends_in_json_and_arrows_in_csv():
    d = diagram([month("2026-10", "1.8%", 4, "4%", "55%"), month("2026-11", "1.5%", 5, "4%",
                                                                   "58%")])
    document = json.loads(format_reports([("a.yaml", analyze(d))], "json", "en", False))
    assert document["trends"] == {"ads/CTR": [0.018, 0.015, 0.014], "ads/CAC": [4.0, 5.0, 6.0],
                                  "ads->buy": [0.04, 0.04, 0.032],
                                  "ads->gone": [0.55, 0.58, 0.6]}
    from app.export.csv_export import kpi_rows
    from app.io.kpi_columns import COLUMNS

    trend = {(row[-1], row[4]): row[COLUMNS.index("trend")] for row in kpi_rows(d, "en")}
    assert trend[("ads", "CTR")] == "↓" and trend[("ads", "CAC")] == "↑"
    assert trend[("ads", "volume")] == "" and trend[("ads->gone", "conversion")] == "↑"


def test_chinese_message_names_the_values():
    d = diagram([month("a", "2%", 3, "5%", "50%"), month("b", "1.8%", 4, "4%", "55%"),
                 month("c", "1.5%", 5, "4%", "58%")])
    messages = [f.message for f in analyze(d, "zh").findings if f.rule == "trend-worsening"]
    assert any("CTR连续三期变差（2% → 1.8% → 1.5% → 1.4%）" in m for m in messages)
