"""The language of exports and `check`: --lang, else the diagram's own, else the locale."""

from __future__ import annotations

import io

from app.cli import main
from app.export.csv_export import render_csv
from app.export.markdown_export import render_markdown
from app.export.svg_export import render_svg
from app.io import save_diagram
from app.io.templates import load_template


def test_one_emoji_in_the_title_does_not_switch_an_english_diagram_to_chinese():
    english = load_template("full-funnel", "en")
    english = english.evolve(title="🚀 " + english.title)
    assert render_markdown(english).startswith("# Checklist — 🚀 Full-funnel marketing")
    assert render_csv(english).startswith("\ufeffnode,lane,phase,owner,metric")
    svg = render_svg(english)
    assert "Legend" in svg and "图例" not in svg


def test_chinese_and_english_files_name_the_goal_alike_under_either_lang(tmp_path, capsys,
                                                                        monkeypatch):
    monkeypatch.setenv("LANG", "C")  # the locale says English
    for lang in ("en", "zh"):
        save_diagram(load_template("lead-nurture", lang), tmp_path / f"{lang}.yaml")
    # no --lang: each file speaks its own language
    main(["check", str(tmp_path / "zh.yaml")])
    assert "每月到达「签约成交」" in capsys.readouterr().out
    main(["check", str(tmp_path / "en.yaml")])
    assert 'People reaching "Deal won" per month' in capsys.readouterr().out
    # --lang zh on the English file: the goal by its own name, as on the Chinese file
    main(["check", str(tmp_path / "en.yaml"), "--lang", "zh"])
    out = capsys.readouterr().out
    assert "每月到达「Deal won」" in out and "人到达「Deal won」" in out


def test_check_csv_has_a_bom_like_the_exported_csv(tmp_path, capsys):
    save_diagram(load_template("aarrr", "zh"), tmp_path / "a.yaml")
    main(["check", str(tmp_path / "a.yaml"), "--format", "csv"])
    out = capsys.readouterr().out
    assert out.startswith("\ufefffile,rule,severity,target,message,impact\n")
    assert out.count("\ufeff") == 1
    assert io.StringIO(out[1:]).readline().startswith("file,")
