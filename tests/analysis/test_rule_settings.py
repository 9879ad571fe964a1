"""A diagram's own rule settings (SPEC §2 `checklist:`, §4): disable, severity, --strict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.analysis import RULES, analyze
from app.cli import main
from app.export.check_formats import format_reports
from app.io import DiagramFileError, dumps_diagram, load_diagram, loads_diagram
from app.model import RULE_IDS
from app.model.commands import DisableRule, EditRefused

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "templates" / "en" / "aarrr.yaml"


def with_settings(settings: str) -> str:
    return TEMPLATE.read_text(encoding="utf-8") + settings


def test_the_model_knows_every_registered_rule():
    assert set(RULES) <= set(RULE_IDS)
    assert set(RULE_IDS) - set(RULES) <= {"trend-worsening"}  # SPEC §6, built separately


def test_a_disabled_rule_is_not_reported_and_not_counted():
    before = analyze(loads_diagram(with_settings("")))
    assert before.summary["info"] > 0 and any(f.rule == "kpi-unmeasured" for f in before.findings)
    after = analyze(loads_diagram(with_settings("checklist:\n  disable: [kpi-unmeasured]\n")))
    assert not any(f.rule == "kpi-unmeasured" for f in after.findings)
    dropped = sum(f.rule == "kpi-unmeasured" for f in before.findings)
    assert len(after.findings) == len(before.findings) - dropped


def test_a_rule_can_change_severity_and_strict_counts_after_settings(tmp_path, capsys):
    relaxed = tmp_path / "relaxed.yaml"
    names = ", ".join(sorted({f.rule for f in analyze(load_diagram(TEMPLATE)).findings
                              if f.severity == "warning"}))
    relaxed.write_text(with_settings(f"checklist:\n  disable: [{names}]\n"), encoding="utf-8")
    assert main(["check", str(TEMPLATE), "--strict"]) == 1
    assert main(["check", str(relaxed), "--strict"]) == 0  # no warning left after settings
    louder = tmp_path / "louder.yaml"
    louder.write_text(with_settings("checklist:\n  severity: {kpi-unmeasured: error}\n"),
                      encoding="utf-8")
    report = analyze(load_diagram(louder))
    assert {f.severity for f in report.findings if f.rule == "kpi-unmeasured"} == {"error"}
    assert main(["check", str(louder)]) == 1  # errors now
    capsys.readouterr()


def test_minor_findings_are_infos_before_the_settings_apply():
    text = with_settings("checklist:\n  severity: {conversion-off-target: warning}\n")
    report = analyze(loads_diagram(text))
    assert {f.severity for f in report.findings if f.rule == "conversion-off-target"} == \
        {"warning"}


@pytest.mark.parametrize(("settings", "line", "col", "words"), [
    ("checklist:\n  disable: [missing-owner, no-such-rule]\n", 1, 28,
     "unknown rule 'no-such-rule'"),
    ("checklist:\n  severity: {slow-step: loud}\n", 1, 25, "unknown severity 'loud'"),
    ("checklist:\n  severity: {nope: info}\n", 1, None, "unknown rule 'nope'"),
    ("checklist:\n  ignore: [slow-step]\n", 1, None, "unknown key 'ignore'"),
])
def test_unknown_rule_or_severity_is_refused_with_its_line(settings, line, col, words):
    text = with_settings(settings)
    first = len(TEMPLATE.read_text(encoding="utf-8").splitlines()) + 1  # the checklist: line
    with pytest.raises(DiagramFileError) as refused:
        loads_diagram(text, "f.yaml")
    (problem,) = refused.value.problems
    assert problem.line == first + line and words in problem.message
    if col is not None:
        assert problem.col == col


def test_settings_are_written_in_spec_order_and_round_trip():
    text = with_settings("checklist:\n  severity: {missing-kpi: warning, slow-step: info}\n"
                         "  disable: [empty-lane, missing-owner, empty-lane]\n")
    saved = dumps_diagram(loads_diagram(text))
    assert saved.endswith("checklist:\n  disable: [empty-lane, missing-owner]\n"
                          "  severity: {slow-step: info, missing-kpi: warning}\n")
    assert dumps_diagram(loads_diagram(saved)) == saved
    assert "checklist" not in dumps_diagram(load_diagram(TEMPLATE))


def test_dont_report_this_rule_is_one_command():
    diagram = load_diagram(TEMPLATE)
    changed, _ = DisableRule("slow-step").apply(diagram)
    assert changed.checklist.disable == ("slow-step",)
    assert not any(f.rule == "slow-step" for f in analyze(changed).findings)
    with pytest.raises(EditRefused):
        DisableRule("slow-step").apply(changed)


def test_json_and_csv_are_flat_and_unchanged_in_shape():
    report = analyze(load_diagram(TEMPLATE))
    data = json.loads(format_reports([("a.yaml", report)], "json", "en", False))
    assert list(data) == ["file", "title", "period", "summary", "goals", "volumes",
                          "cycle_time", "channels", "trends", "findings"]
    assert list(data["summary"]) == ["error", "warning", "info"]
    assert all(list(f) == ["rule", "severity", "target", "message", "impact"]
               for f in data["findings"])
    assert len(data["findings"]) == sum(data["summary"].values())
    # every finding, top bottlenecks included, in SPEC §5 order; the plan stays in the message
    ranks = [("error", "warning", "info").index(f["severity"]) for f in data["findings"]]
    assert ranks == sorted(ranks)
    assert any("Fallback plan:" in f["message"] for f in data["findings"])
    csv_text = format_reports([("a.yaml", report)], "csv", "en", False)
    assert csv_text.startswith("\ufefffile,rule,severity,target,message,impact\n")
    assert len(csv_text.strip().splitlines()) == 1 + len(report.findings)
