"""The `history` key (SPEC §2, §6): validated, written in a fixed order, carried by edits."""

from __future__ import annotations

import datetime as dt

import pytest

from app.io import DiagramFileError, dumps_diagram, loads_diagram
from app.model import default_period_label
from app.model.commands import DeleteItems, UpdateNode
from app.model.review import ActualChange, ClosePeriod, SetActuals

TEXT = """funnelflow: 1
title: t
lanes:
  - {id: m}
nodes:
  - {id: ads, kind: entry, lane: m, volume: {target: 100, actual: 90},
     kpis: [{name: 点击率, target: 2%, actual: 1.4%}]}
  - {id: buy, kind: goal, lane: m}
edges:
  - {from: ads, to: buy, conversion: {target: 5%, actual: 3.2%}}
"""


def test_periods_are_labelled_after_the_diagram_period():
    day = dt.date(2026, 12, 6)
    assert [default_period_label(p, day) for p in ("day", "week", "month", "quarter", "year")] \
        == ["2026-12-06", "2026-W49", "2026-12", "2026-Q4", "2026"]
    assert default_period_label("week", dt.date(2027, 1, 1)) == "2026-W53"


def test_close_then_import_keeps_today_and_files_the_past():
    d = loads_diagram(TEXT)
    d, _ = ClosePeriod("2026-11").apply(d)
    d, _ = SetActuals((ActualChange("ads", "volume", 90, 95),
                       ActualChange("ads", "kpi:点击率", 0.014, 0.015),
                       ActualChange("ads->buy", "conversion", 0.032, 0.03))).apply(d)
    text = dumps_diagram(d)
    assert text.endswith("history:\n  - period: 2026-11\n    nodes:\n"
                         "      ads: {volume: 90, kpis: {点击率: 1.4%}}\n    edges:\n"
                         "      ads->buy: {conversion: 3.2%}\n")
    assert "volume: {target: 100, actual: 95}" in text
    again = loads_diagram(text)
    assert dumps_diagram(again) == text and again == d


def test_a_year_label_is_text_and_written_quoted():
    d, _ = ClosePeriod("2026").apply(loads_diagram(TEXT))
    assert '  - period: "2026"' in dumps_diagram(d)
    assert loads_diagram(dumps_diagram(d)).history[0].period == "2026"
    assert loads_diagram(TEXT + "history:\n  - period: 2026\n").history[0].period == "2026"


def test_unknown_ids_kpis_and_twice_closed_periods_are_located_errors():
    bad = TEXT + ("history:\n  - period: a\n    nodes:\n      adz: {volume: 3}\n"
                  "      ads: {kpis: {点击: 1%}}\n    edges:\n      ads->bye: {conversion: 1%}\n"
                  "  - period: a\n")
    with pytest.raises(DiagramFileError) as caught:
        loads_diagram(bad, "f.yaml")
    lines = caught.value.located().splitlines()
    assert any(line.startswith("f.yaml:14:") and "did you mean 'ads'" in line for line in lines)
    assert any("no KPI named '点击'; did you mean '点击率'?" in line for line in lines)
    assert any("did you mean 'ads->buy'" in line for line in lines)
    assert any("listed twice" in line for line in lines)


def test_renaming_a_node_carries_its_history_and_deleting_drops_it():
    d, _ = ClosePeriod("p").apply(loads_diagram(TEXT))
    renamed, _ = UpdateNode("ads", {"id": "paid"}).apply(d)
    assert set(renamed.history[0].nodes) == {"paid"}
    assert set(renamed.history[0].edges) == {"paid->buy"}
    gone, _ = DeleteItems(edge_ids=frozenset({"ads->buy"})).apply(d)
    assert gone.history[0].edges == {} and set(gone.history[0].nodes) == {"ads"}
