"""The weekly review from the command line (SPEC §5, §6): export the KPI table, fill in the
actual column in a spreadsheet, import it; hostile tables are refused line by line."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.cli import main
from app.export.csv_export import export_csv
from app.export.xlsx_export import PERCENT_FORMAT, export_xlsx
from app.io import dumps_diagram, load_diagram

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "templates"


@pytest.fixture
def funnel(tmp_path: Path) -> Path:
    path = tmp_path / "funnel.yaml"
    shutil.copy(TEMPLATE / "zh" / "full-funnel.yaml", path)
    return path


def run(*args: str, capsys) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def edit_csv(path: Path, out: Path, edits: dict[tuple[str, str], str], encoding="utf-8-sig"):
    """Change the actual cell of the rows (id, metric) as a spreadsheet user would."""
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    header = rows[0]
    at = {name: header.index(name) for name in ("id", "指标", "实际")}
    for row in rows[1:]:
        key = (row[at["id"]], row[at["指标"]].split(" (")[0])
        if key in edits:
            row[at["实际"]] = edits.pop(key)
    assert not edits, f"rows not found: {edits}"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    out.write_bytes(buffer.getvalue().encode(encoding))


def semantic(path: Path) -> dict:
    return load_diagram(path).model_dump()


EDITS = {("seo", "人数"): "52000", ("seo", "自然搜索访问"): "5100",
         ("ads->landing", "转化率"): "2.1%"}


def assert_only_the_edits_changed(before: dict, after: dict) -> None:
    nodes = {n["id"]: n for n in after["nodes"]}
    assert nodes["seo"]["volume"]["actual"] == 52000
    assert next(k for k in nodes["seo"]["kpis"] if k["name"] == "自然搜索访问")["actual"] == 5100
    edge = next(e for e in after["edges"] if (e["source"], e["target"]) == ("ads", "landing"))
    assert edge["conversion"]["actual"] == pytest.approx(0.021)
    # put the three values back: then nothing else may differ
    nodes["seo"]["volume"]["actual"] = 50000
    next(k for k in nodes["seo"]["kpis"] if k["name"] == "自然搜索访问")["actual"] = 5000
    edge["conversion"]["actual"] = 0.018
    assert after == before


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_csv_round_trip_changes_the_new_values_and_nothing_else(funnel, tmp_path, capsys,
                                                               encoding):
    before = semantic(funnel)
    exported = tmp_path / "kpis.csv"
    export_csv(load_diagram(funnel), exported, lang="zh")
    filled = tmp_path / "filled.csv"
    edit_csv(exported, filled, dict(EDITS), encoding)
    code, out, err = run("actuals", funnel, "--from", filled, capsys=capsys)
    assert (code, err) == (0, "")
    assert "seo: volume 50000 → 52000" in out and "ads->landing: conversion 1.8% → 2.1%" in out
    assert "3 change(s)" in out
    assert_only_the_edits_changed(before, semantic(funnel))


def test_an_unchanged_export_imports_as_no_change(funnel, tmp_path, capsys):
    original = funnel.read_bytes()
    for suffix in (".csv", ".xlsx"):
        exported = tmp_path / f"kpis{suffix}"
        main(["export", str(funnel), "-o", str(exported)])
        code, out, _ = run("actuals", funnel, "--from", exported, capsys=capsys)
        assert code == 0 and "no changes" in out
        assert funnel.read_bytes() == original


def edit_xlsx(path: Path, out: Path, edits: dict[tuple[str, str], float]) -> None:
    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    at = {name: header.index(name) for name in ("id", "指标", "实际")}
    for row in sheet.iter_rows(min_row=2):
        key = (row[at["id"]].value, row[at["指标"]].value.split(" (")[0])
        if key in edits:
            row[at["实际"]].value = edits.pop(key)
    assert not edits
    book.save(out)


XLSX_EDITS = {("seo", "人数"): 52000, ("seo", "自然搜索访问"): 5100,
              ("ads->landing", "转化率"): 0.021}


def test_xlsx_round_trip_with_openpyxl(funnel, tmp_path, capsys):
    before = semantic(funnel)
    exported = tmp_path / "kpis.xlsx"
    export_xlsx(load_diagram(funnel), exported, lang="zh")
    filled = tmp_path / "filled.xlsx"
    edit_xlsx(exported, filled, dict(XLSX_EDITS))
    code, out, err = run("actuals", funnel, "--from", filled, capsys=capsys)
    assert (code, err) == (0, "") and "3 change(s)" in out
    assert_only_the_edits_changed(before, semantic(funnel))


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("to", ["xlsx", "csv"])
def test_round_trip_through_libreoffice(funnel, tmp_path, capsys, to):
    """LibreOffice opens the filled-in workbook and saves it again, as .xlsx or as CSV."""
    before = semantic(funnel)
    exported = tmp_path / "kpis.xlsx"
    export_xlsx(load_diagram(funnel), exported, lang="zh")
    filled = tmp_path / "filled.xlsx"
    edit_xlsx(exported, filled, dict(XLSX_EDITS))
    saved = tmp_path / "lo"
    profile = tmp_path / "profile"
    # CSV as "Text CSV, UTF-8" (76), comma-separated (44), double quotes (34)
    target = "csv:Text - txt - csv (StarCalc):44,34,76" if to == "csv" else to
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", target, "--outdir", str(saved), str(filled)],
                   check=True, capture_output=True, timeout=180)
    code, out, err = run("actuals", funnel, "--from", saved / f"filled.{to}", capsys=capsys)
    assert (code, err) == (0, ""), err
    assert_only_the_edits_changed(before, semantic(funnel))


def test_xlsx_has_numbers_percentages_a_frozen_header_and_wide_chinese_columns(funnel,
                                                                              tmp_path):
    out = tmp_path / "k.xlsx"
    main(["export", str(funnel), "-o", str(out)])
    book = load_workbook(out)
    kpis, checklist = book.worksheets
    assert (kpis.title, checklist.title) == ("KPI 表", "检查清单")
    assert kpis.freeze_panes == "A2" and checklist.freeze_panes == "A2"
    header = [c.value for c in kpis[1]]
    row = next(r for r in kpis.iter_rows(min_row=2) if r[header.index("id")].value
               == "ads->landing")
    actual = row[header.index("实际")]
    assert actual.value == pytest.approx(0.018) and actual.number_format == PERCENT_FORMAT
    volume = next(r for r in kpis.iter_rows(min_row=2) if r[4].value == "人数")
    assert isinstance(volume[header.index("目标")].value, int | float)
    # 首页前三关键词 is 7 Chinese characters: 14 columns wide, and the column fits it
    assert kpis.column_dimensions["E"].width >= 14
    severities = {r[0].value for r in checklist.iter_rows(min_row=2)}
    assert severities <= {"错误", "警告", "提示"} and "警告" in severities
    impacts = [r[4].value for r in checklist.iter_rows(min_row=2) if r[4].value is not None]
    assert impacts and all(isinstance(v, int | float) for v in impacts)


def test_long_layout_sets_volume_duration_conversion_and_kpis(funnel, tmp_path, capsys):
    data = tmp_path / "long.csv"
    data.write_text("id,measure,actual\nseo,volume,51000\nseo,kpi:首页前三关键词,40\n"
                    "ads->landing,conversion,0.02\nads,duration,3\n", "utf-8")
    code, out, _ = run("actuals", funnel, "--from", data, "--dry-run", capsys=capsys)
    assert code == 0 and "4 change(s)" in out and "dry run" in out
    assert "seo: 首页前三关键词 38 → 40" in out


HOSTILE = [
    ("unknown ids", "id,measure,actual\nseo,volume,1\nlandnig,volume,3\n",
     [(3, "unknown node 'landnig' — did you mean 'landing'?")]),
    ("unknown edge", "id,measure,actual\nads->landng,conversion,3%\n",
     [(2, "unknown edge 'ads->landng' — did you mean 'ads->landing'?")]),
    ("bad numbers", "id,measure,actual\nseo,volume,lots\nads->landing,conversion,130%\n"
     "seo,duration,-3\nads->landing,duration,\"1,5\"\n",
     [(2, "expected a number"), (3, "between 0% and 100%"), (4, "from 0 up"),
      (5, "has a comma")]),
    ("empty cells", "id,measure,actual\n,volume,3\nseo,,3\nseo,volume,\n",
     [(2, "id is empty"), (3, "measure is empty"), (4, "actual of seo volume is empty")]),
    ("duplicated rows", "id,measure,actual\nseo,volume,1\nseo,volume,2\n",
     [(3, "already given on line 2")]),
    ("formula", "id,measure,actual\nseo,volume,=SUM(A1:A3)\n", [(2, "is a formula")]),
    ("unknown measure", "id,measure,actual\nseo,volum,1\nseo,kpi:自然搜索,1\n",
     [(2, "did you mean 'volume'?"), (3, "did you mean '自然搜索访问'?")]),
    ("no header", "seo,volume,1\n", [(1, "not a header")]),
]


@pytest.mark.parametrize("name,text,expected", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_tables_are_refused_with_every_line_and_nothing_is_written(
        funnel, tmp_path, capsys, name, text, expected):
    original = funnel.read_bytes()
    data = tmp_path / "data.csv"
    data.write_text(text, "utf-8")
    code, out, err = run("actuals", funnel, "--from", data, "-o", tmp_path / "o.yaml",
                         capsys=capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == len(expected), err
    for line, (number, words) in zip(lines, expected, strict=True):
        assert line.startswith(f"{data}:{number}: "), line
        assert words in line, line
    assert funnel.read_bytes() == original and not (tmp_path / "o.yaml").exists()


def test_an_edge_measure_in_the_unknown_measure_message_fixes_to_kpi(funnel, tmp_path, capsys):
    data = tmp_path / "d.csv"
    data.write_text("id,measure,actual\nseo,kpi:自然搜索,1\n", "utf-8")
    code, _, err = run("actuals", funnel, "--from", data, capsys=capsys)
    assert code == 2 and "node 'seo' has no KPI '自然搜索' — did you mean '自然搜索访问'?" in err


def test_a_formula_cell_in_a_workbook_is_refused_with_its_row(funnel, tmp_path, capsys):
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "measure", "actual"])
    sheet.append(["seo", "volume", 51000])
    sheet.append(["ads->landing", "conversion", "=B2/1000"])
    data = tmp_path / "f.xlsx"
    book.save(data)
    code, _, err = run("actuals", funnel, "--from", data, capsys=capsys)
    assert code == 2 and err.startswith(f"{data}:3: ") and "formula (=B2/1000)" in err


def test_a_50_mb_file_is_refused_without_being_read(funnel, tmp_path, capsys):
    data = tmp_path / "huge.csv"
    with data.open("wb") as stream:
        stream.write(b"id,measure,actual\n")
        stream.seek(50 * 1024 * 1024)
        stream.write(b"\n")
    original = funnel.read_bytes()
    code, _, err = run("actuals", funnel, "--from", data, capsys=capsys)
    assert code == 2 and err.startswith(f"{data}:1: ") and "over the limit of 10 MB" in err
    assert funnel.read_bytes() == original


def test_gbk_bytes_in_a_utf8_table_are_refused_at_their_line(funnel, tmp_path, capsys):
    data = tmp_path / "mixed.csv"
    data.write_bytes("\ufeffid,measure,actual\nseo,volume,1\n".encode()
                     + "seo,kpi:自然搜索访问,2\n".encode("gbk"))
    code, _, err = run("actuals", funnel, "--from", data, capsys=capsys)
    assert code == 2 and err.startswith(f"{data}:3: ") and "not UTF-8" in err
    mixed = tmp_path / "mixed2.csv"  # no BOM, but UTF-8 Chinese above the GBK line
    mixed.write_bytes("id,measure,actual\nseo,kpi:自然搜索访问,1\n".encode()
                      + "seo,kpi:首页前三关键词,2\n".encode("gbk"))
    code, _, err = run("actuals", funnel, "--from", mixed, capsys=capsys)
    assert code == 2 and err.startswith(f"{mixed}:3: ") and "one encoding" in err


def test_closing_three_times_is_byte_stable_and_only_appends(funnel, tmp_path, capsys):
    texts = [funnel.read_text("utf-8")]
    for label in ("2026-10", "2026-11", "2026-12"):
        assert run("actuals", funnel, "--close", label, capsys=capsys)[0] == 0
        texts.append(funnel.read_text("utf-8"))
    for before, after in zip(texts, texts[1:], strict=False):
        assert after.startswith(before)  # a diff shows only the new period's lines
    assert dumps_diagram(load_diagram(funnel)) == texts[-1]
    history = load_diagram(funnel).history
    assert [h.period for h in history] == ["2026-10", "2026-11", "2026-12"]
    # closing the same month again replaces it in place: the bytes do not move
    for _ in range(3):
        assert run("actuals", funnel, "--close", "2026-12", capsys=capsys)[0] == 0
        assert funnel.read_text("utf-8") == texts[-1]


def test_close_without_a_label_names_the_current_period(funnel, capsys):
    from app.model import default_period_label

    code, out, _ = run("actuals", funnel, "--close", capsys=capsys)
    label = default_period_label("month")
    assert code == 0 and f"closed period {label}" in out
    assert load_diagram(funnel).history[-1].period == label


def test_numbers_a_spreadsheet_grouped_by_thousands_are_read_other_commas_refused(
        funnel, tmp_path, capsys):
    data = tmp_path / "g.csv"
    data.write_text('id,measure,actual\nseo,volume,"52,000"\nseo,duration,"1,5"\n', "utf-8")
    code, _, err = run("actuals", funnel, "--from", data, capsys=capsys)
    assert code == 2 and err.count("\n") == 1 and f"{data}:3: '1,5' has a comma" in err
    data.write_text('id,measure,actual\nseo,volume,"52,000"\n', "utf-8")
    code, out, _ = run("actuals", funnel, "--from", data, capsys=capsys)
    assert code == 0 and "seo: volume 50000 → 52000" in out


def test_english_kpi_table_round_trip_and_a_cleared_actual_is_refused(tmp_path, capsys):
    funnel = tmp_path / "en.yaml"
    shutil.copy(TEMPLATE / "en" / "full-funnel.yaml", funnel)
    exported = tmp_path / "kpis.csv"
    main(["export", str(funnel), "-o", str(exported)])
    rows = list(csv.reader(io.StringIO(exported.read_text("utf-8-sig"))))
    header = rows[0]
    assert header[-2:] == ["trend", "id"]
    at = {name: header.index(name) for name in ("id", "metric", "actual")}
    seo = next(r for r in rows if r[at["id"]] == "seo" and r[at["metric"]] == "volume")
    seo[at["actual"]] = "51000"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    filled = tmp_path / "filled.csv"
    filled.write_text(buffer.getvalue(), "utf-8")
    code, out, _ = run("actuals", funnel, "--from", filled, capsys=capsys)
    assert code == 0 and "seo: volume 50000 → 51000" in out and "1 change(s)" in out
    line = rows.index(seo) + 1
    seo[at["actual"]] = ""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    filled.write_text(buffer.getvalue(), "utf-8")
    before = funnel.read_bytes()
    code, _, err = run("actuals", funnel, "--from", filled, capsys=capsys)
    assert code == 2 and err.startswith(f"{filled}:{line}: the actual of seo volume is empty")
    assert funnel.read_bytes() == before


def test_a_png_is_never_overwritten_with_yaml(tmp_path, capsys):
    png = tmp_path / "plan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")
    data = tmp_path / "d.csv"
    data.write_text("id,measure,actual\nseo,volume,1\n", "utf-8")
    code, _, err = run("actuals", png, "--from", data, capsys=capsys)
    assert code == 2 and "-o plan.yaml" in err and png.read_bytes() == b"\x89PNG\r\n\x1a\n"
