"""QA regressions of `funnelflow check`: the shape of the JSON with several files."""

from __future__ import annotations

import json

from app import cli
from tests.conftest import FIXTURES

GOOD = FIXTURES / "v1" / "handwritten.yaml"
BAD = FIXTURES / "bad" / "unknown_lane.yaml"


def test_several_files_give_a_list_even_when_only_one_could_be_read(capsys):
    code = cli.main(["check", "--format", "json", str(GOOD), str(BAD)])
    out, err = capsys.readouterr()
    assert code == 2 and str(BAD) in err
    payload = json.loads(out)
    assert isinstance(payload, list) and [o["file"] for o in payload] == [str(GOOD)]


def test_one_file_gives_one_object(capsys):
    assert cli.main(["check", "--format", "json", str(GOOD)]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), dict)


def test_a_title_with_a_newline_stays_one_heading_line():
    from app.analysis import analyze
    from app.export.check_formats import format_reports
    from app.model import Diagram

    diagram = Diagram.model_validate({
        "funnelflow": 1, "title": "Q1 plan\nsecond line", "lanes": [{"id": "m"}],
        "nodes": [{"id": "e", "kind": "entry", "lane": "m", "volume": 5}],
    })
    report = analyze(diagram, "zh")
    md = format_reports([("f.yaml", report)], "md", "zh", False)
    assert md.startswith("# 瓶颈清单 — Q1 plan second line\n\n")
    text = format_reports([("f.yaml", report)], "text", "zh", False)
    assert text.startswith("f.yaml: Q1 plan second line\n")


def test_zh_text_uses_a_full_width_colon_after_the_top_bottlenecks(capsys):
    code = cli.main(["check", "--lang", "zh", str(GOOD)])
    out = capsys.readouterr().out
    assert code == 0 and "  最大瓶颈：\n" in out and "最大瓶颈:" not in out


def test_whole_file_problems_are_located_too(capsys, tmp_path, monkeypatch):
    from app.io import yaml_load

    monkeypatch.setattr(yaml_load, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text("funnelflow: 1\n" + "# padding\n" * 20, encoding="utf-8")
    missing = tmp_path / "missing.yaml"
    code = cli.main(["check", "--format", "json", str(big), str(missing), str(GOOD)])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err[0].startswith(f"{big}:1:1: is ") and "over the limit" in err[0]
    assert err[1] == f"{missing}:1:1: no such file; check the name and the folder"
    assert cli.main(["export", str(missing), "-o", str(tmp_path / "x.md")]) == 2
    assert capsys.readouterr().err.startswith(f"{missing}:1:1: no such file")


def test_an_option_the_format_does_not_take_is_named(capsys, tmp_path):
    code = cli.main(["export", str(GOOD), "-o", str(tmp_path / "x.md"), "--scale", "2"])
    err = capsys.readouterr().err
    assert code == 2 and err == f"{tmp_path / 'x.md'}: --scale is not an option of .md exports\n"


def test_markdown_checklist_shows_angle_brackets_as_written():
    from app.analysis import analyze
    from app.export.check_formats import format_reports
    from app.model import Diagram

    diagram = Diagram.model_validate({
        "funnelflow": 1, "title": "<b>Plan</b>", "lanes": [{"id": "m"}],
        "nodes": [{"id": "e", "kind": "entry", "lane": "m", "volume": 5,
                   "label": "<script>x</script>"}],
    })
    md = format_reports([("f.yaml", analyze(diagram))], "md", "en", False)
    assert md.startswith("# Checklist — \\<b\\>Plan\\</b\\>\n")
    assert "<script>" not in md and "\\<script\\>x\\</script\\>" in md
