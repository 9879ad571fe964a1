"""`funnelflow check` output: text, Markdown, JSON and CSV, and the exit code (SPEC §5)."""

from __future__ import annotations

import csv
import io
import json

from app.analysis import analyze
from app.export.check_formats import CSV_HEADER, exit_code, format_reports
from tests.analysis.test_rules_structure import build, node


def behind(data):
    data["edges"][0]["conversion"] = {"target": "50%", "actual": "40%"}
    node(data, "S")["duration"] = {"target": 1, "actual": 3}


def test_json_is_exactly_the_spec_object_with_numbers_as_numbers():
    report = analyze(build(behind))
    document = json.loads(format_reports([("a.yaml", report)], "json", "en", False))
    assert list(document) == ["file", "title", "period", "summary", "goals", "volumes",
                              "cycle_time", "channels", "trends", "findings"]
    assert document["file"] == "a.yaml" and document["period"] == "month"
    # off-target E->S, slow-step S, slow-path
    assert document["summary"] == {"error": 0, "warning": 3, "info": 0}
    assert document["goals"] == {"target": 150.0, "actual": 120.0}
    assert document["volumes"]["actual"] == {"E": 1000.0, "S": 400.0, "G": 120.0, "X": 280.0}
    assert document["cycle_time"] == {"target": 1.0, "actual": 3.0}
    assert document["channels"] == [{"entry": "E", "cost": None, "goal_volume": 120.0,
                                     "revenue": 12000.0, "roi": None, "cac": None}]
    first = document["findings"][0]
    assert first["rule"] == "conversion-off-target" and first["target"] == "E->S"
    assert first["impact"] == 30.0
    assert list(first) == ["rule", "severity", "target", "message", "impact"]


def test_json_of_several_files_is_a_list_and_keeps_chinese_readable():
    report = analyze(build(behind), "zh")
    text = format_reports([("a.yaml", report), ("b.yaml", report)], "json", "zh", False)
    assert "转化率" in text  # ensure_ascii=False
    assert [d["file"] for d in json.loads(text)] == ["a.yaml", "b.yaml"]


def test_markdown_opens_with_the_goal_and_top_bottlenecks_then_todo_items():
    report = analyze(build(behind))
    text = format_reports([("a.yaml", report)], "md", "en", False)
    lines = text.splitlines()
    assert lines[0] == "# Checklist — clean"
    assert 'People reaching "成交" per month: 120 actual against 150 target' in text
    top = lines.index("## Top bottlenecks")
    assert lines[top + 2].startswith("1. **+30 per month** — 广告 -> 线索")
    assert "## Errors" not in text
    assert any(line.startswith("- [ ] ") for line in lines[top + 3:])
    zh = format_reports([("a.yaml", analyze(build(behind), "zh"))], "md", "zh", False)
    assert zh.startswith("# 瓶颈清单 — clean")
    assert "## 最大瓶颈" in zh and "每月到达「成交」：实际 120 人，目标 150 人" in zh


def test_text_is_coloured_only_when_asked():
    report = analyze(build(behind))
    plain = format_reports([("a.yaml", report)], "text", "en", False)
    assert "\033[" not in plain
    assert "1. [+30 per month] 广告 -> 线索" in plain
    assert "0 errors, 3 warnings, 0 info" in plain
    coloured = format_reports([("a.yaml", report)], "text", "en", True)
    assert "\033[33mwarning\033[0m" in coloured


def test_csv_has_one_row_per_finding_and_defuses_formulas():
    def formula(data):
        node(data, "S")["owner"] = None
        node(data, "S")["label"] = "=HYPERLINK(1)"

    report = analyze(build(formula))
    text = format_reports([("-x.yaml", report)], "csv", "en", False)
    assert text.startswith("\ufeff")  # like the exported CSV: Excel then reads UTF-8
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 1 + len(report.findings)
    (row,) = [r for r in rows[1:] if r[1] == "missing-owner"]
    assert row[0] == "'-x.yaml"
    assert row[4].startswith("'=HYPERLINK(1)")
    assert row[5] == ""
    text = format_reports([("a.yaml", analyze(build(behind)))], "csv", "en", False)
    impacts = [r[5] for r in csv.reader(io.StringIO(text[1:]))
               if r[1] == "conversion-off-target"]
    assert impacts == ["30.0"]


def test_exit_code_is_one_for_errors_and_with_strict_for_warnings():
    clean, warned = analyze(build()), analyze(build(behind))

    def dead_end(data):
        data["edges"] = [e for e in data["edges"] if e["from"] != "S"]

    failed = analyze(build(dead_end))
    assert exit_code([clean], strict=False) == 0
    assert exit_code([clean, warned], strict=False) == 0
    assert exit_code([clean, warned], strict=True) == 1
    assert exit_code([clean, failed], strict=False) == 1


def test_a_clean_diagram_says_so():
    text = format_reports([("a.yaml", analyze(build()))], "md", "en", False)
    assert "No findings" in text and "- [ ]" not in text
