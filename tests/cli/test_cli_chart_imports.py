"""Charts and spreadsheets load only where they are used: `check` and the exports without
charts (.csv, .md, .svg, .yaml) import neither openpyxl nor pyqtgraph nor numpy, so the
review features cost their start-up nothing (benchmarks keep the start-up ratio)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "resources" / "templates" / "en" / "online-course.yaml"

SCRIPT = """
import sys
from app.cli import main
codes = [main(["check", {src!r}])]
codes += [main(["export", {src!r}, "-o", {out!r} + ext]) for ext in (".csv", ".md", ".svg",
                                                                     ".yaml")]
heavy = sorted({{m.split(".")[0] for m in sys.modules}} & {{"openpyxl", "pyqtgraph", "numpy"}})
print("RESULT", codes, heavy, file=sys.stderr)
"""


def test_check_and_non_chart_exports_load_no_chart_or_spreadsheet_library(tmp_path):
    code = SCRIPT.format(src=str(TEMPLATE), out=str(tmp_path / "out"))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=180)
    assert "RESULT [0, 0, 0, 0, 0] []" in result.stderr, result.stderr


def test_xlsx_export_and_import_do_load_openpyxl_but_no_charts(tmp_path):
    code = SCRIPT.replace('(".csv", ".md", ".svg",\n', '(".xlsx",\n').replace(
        '".yaml")', ')').format(src=str(TEMPLATE), out=str(tmp_path / "out"))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=180)
    # openpyxl picks up numpy when it is installed (for numpy number types); no pyqtgraph
    assert "RESULT [0, 0] ['numpy', 'openpyxl']" in result.stderr, result.stderr
