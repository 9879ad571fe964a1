"""The command line: exit codes, messages, and headless commands that never load Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.io import load_diagram
from app.io.schema import schema_text
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
GOOD = FIXTURES / "v1" / "handwritten.yaml"
BAD = FIXTURES / "bad" / "unknown_lane.yaml"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


MINIMAL = FIXTURES / "v1" / "minimal.yaml"  # no entry node: an error finding


def test_check_prints_the_checklist(capsys):
    code, out, err = run(capsys, "check", str(GOOD))
    assert (code, err) == (0, "")  # warnings only
    assert out.startswith(f"{GOOD}: 线索培育 Lead nurturing\n")
    # no --lang: the diagram's own language (mostly Chinese here), not the locale's
    assert "最大瓶颈：" in out and "错误 0 个，警告 7 个，提示 1 个" in out
    out = run(capsys, "check", str(GOOD), "--lang", "en")[1]
    assert "Top bottlenecks:" in out and "0 errors, 7 warnings, 1 info" in out


def test_check_exit_codes_for_findings(capsys):
    assert run(capsys, "check", str(GOOD), "--strict")[0] == 1  # warnings count
    code, out, _ = run(capsys, "check", str(MINIMAL))
    assert code == 1 and "Errors:\n    error   Nobody enters the funnel" in out
    code, out, _ = run(capsys, "check", str(MINIMAL), "--lang", "zh", "--format", "md")
    assert code == 1 and "- [ ] 没有人进入漏斗" in out


def test_check_invalid_file_is_exit_2_with_located_message(capsys):
    code, out, err = run(capsys, "check", str(GOOD), str(BAD))
    assert code == 2
    assert out.startswith(f"{GOOD}: ")  # the valid file is still checked
    assert err.startswith(f"{BAD}:7:11: node 'ads' is in lane 'sales'")


@pytest.mark.parametrize("args,words", [
    (["check", "/no/such/file.yaml"], "/no/such/file.yaml:1:1: no such file"),
    (["check", "."], ".:1:1: is a folder"),
    (["export", str(GOOD), "-o", "out.docx"], "cannot export to format '.docx'"),
    (["new", "--template", "nope", "-o", "x.yaml"], "no template named 'nope'"),
    (["check"], "the following arguments are required: FILE"),
    (["check", str(GOOD), "--format", "xml"], "invalid choice: 'xml'"),
    (["schema", "extra"], "unrecognized arguments: extra"),
])
def test_errors_are_one_clear_line_and_exit_2(capsys, args, words, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *args)
    assert code == 2 and words in err and "Traceback" not in err


def test_check_json_format(capsys):
    code, out, _ = run(capsys, "check", str(GOOD), "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert list(report) == ["file", "title", "period", "summary", "goals", "volumes",
                            "cycle_time", "channels", "trends", "findings"]
    assert (report["file"], report["title"], report["period"]) == (
        str(GOOD), "线索培育 Lead nurturing", "month")
    assert report["summary"] == {"error": 0, "warning": 7, "info": 1}
    assert report["findings"][0]["rule"] == "conversion-off-target"
    both = json.loads(run(capsys, "check", str(GOOD), str(MINIMAL), "--format", "json")[1])
    assert [r["file"] for r in both] == [str(GOOD), str(MINIMAL)]


def test_cli_formats_match_the_checklist_formats():
    from app.export.check_formats import FORMATS

    assert cli.FORMATS == FORMATS


def test_export_yaml_normalises(capsys, tmp_path):
    out_file = tmp_path / "out.yaml"
    assert run(capsys, "export", str(GOOD), "-o", str(out_file))[0] == 0
    expected = (FIXTURES / "v1" / "handwritten.canonical.yaml").read_text("utf-8")
    assert out_file.read_text("utf-8") == expected


def test_export_migrates_an_old_file(capsys, tmp_path):
    out_file = tmp_path / "new.yaml"
    assert run(capsys, "export", str(FIXTURES / "v0" / "stages.yaml"), "-o", str(out_file)) \
        == (0, "", "")
    assert "funnelflow: 1\n" in out_file.read_text("utf-8")


def test_export_passes_options_to_the_exporter(capsys, tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setitem(cli.EXPORTERS, ".test",
                        lambda diagram, out, **options: seen.update(options))
    out_file = tmp_path / "x.test"
    assert run(capsys, "export", str(GOOD), "-o", str(out_file), "--scale", "2",
               "--outline-text")[0] == 0
    assert seen == {"scale": "2", "outline_text": True}


@pytest.mark.parametrize("lang,title", [("en", None), ("zh", None)])
def test_new_from_template_in_both_languages(capsys, tmp_path, lang, title):
    out_file = tmp_path / f"{lang}.yaml"
    code, out, _ = run(capsys, "new", "--template", "full-funnel", "--lang", lang,
                       "-o", str(out_file))
    assert code == 0 and "created" in out
    diagram = load_diagram(out_file)
    assert diagram.lanes and diagram.nodes
    has_chinese = any("\u4e00" <= ch <= "\u9fff" for ch in diagram.title)
    assert has_chinese == (lang == "zh")
    # Refuses to overwrite, unless --force.
    code, _, err = run(capsys, "new", "--template", "full-funnel", "-o", str(out_file))
    assert code == 2 and "already exists" in err and "--force" in err
    assert run(capsys, "new", "--template", "full-funnel", "--lang", lang, "-o",
               str(out_file), "--force")[0] == 0


def test_templates_lists_name_then_description(capsys):
    code, out, _ = run(capsys, "templates", "--lang", "zh")
    rows = dict(line.split(None, 1) for line in out.splitlines())
    assert code == 0 and "full-funnel" in rows
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in rows.values())


def test_schema_prints_the_shipped_schema(capsys):
    assert run(capsys, "schema") == (0, schema_text(), "")


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("funnelflow ") and out.strip().split()[1][0].isdigit()


@pytest.mark.parametrize("env,lang", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN"}, "en"),
    ({"LC_MESSAGES": "zh_TW"}, "zh"), ({}, "en"), ({"LANG": "C.UTF-8"}, "en")])
def test_default_language_from_locale(env, lang):
    assert cli.default_lang(env) == lang


def test_a_file_named_like_a_command_does_not_shadow_it(capsys, monkeypatch):
    opened = []
    monkeypatch.setattr(cli, "_open_designer", lambda path: opened.append(path) or 0)
    assert cli.main(["diagram.yaml"]) == 0 and opened == ["diagram.yaml"]
    run(capsys, "schema")
    assert opened == ["diagram.yaml"]
    assert cli.main([]) == 0 and opened == ["diagram.yaml", None]


HEADLESS = """
import sys
from app.cli import main
codes = [main(["check", {good!r}]), main(["export", {good!r}, "-o", {out!r}]),
         main(["schema"]), main(["check", {bad!r}])]
qt = [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
print("RESULT", codes, qt, file=sys.stderr)
"""


def test_check_export_and_schema_never_import_qt(tmp_path):
    code = HEADLESS.format(good=str(GOOD), bad=str(BAD), out=str(tmp_path / "o.yaml"))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert "RESULT [0, 0, 0, 2] []" in result.stderr, result.stderr


def test_python_dash_m_app_checks_a_file(tmp_path):
    # Start-up time is measured by benchmarks/bench_check.py, not asserted here.
    result = subprocess.run([sys.executable, "-m", "app", "check", str(GOOD)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith(f"{GOOD}: ")
