"""Issue 17: a label of megabytes without a space made the PDF's text layout run for minutes
(QTextDocument breaks such a word character by character, and one paragraph spanning a hundred
pages is laid out again for each page). Long runs get break opportunities and are cut at
MAX_RUN; the diagram measures no more of a label than can ever fit."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from app.model import Diagram
from app.ui.export.text_breaks import LONG, MAX_RUN, RUN, ZERO_WIDTH_SPACE, breakable


def test_long_runs_get_breaks_and_are_cut_and_markup_is_left_alone():
    html = '<li style="color:#C0392B">☐ ' + "x" * 5_000_000 + " &amp; done</li>"
    out = breakable(html)
    assert out.startswith('<li style="color:#C0392B">☐ ')
    assert out.endswith(" &amp; done</li>")
    runs = out.split(" ")[2].split(ZERO_WIDTH_SPACE)
    assert all(len(run) <= RUN for run in runs[:-1])
    assert "".join(runs) == "x" * MAX_RUN + "…"
    ordinary = "Paid ads→Landing page (Paid media manager, Marketing): conversion 1.8%"
    assert breakable(ordinary) == ordinary  # words of ordinary length untouched
    assert breakable("y" * (LONG - 1)) == "y" * (LONG - 1)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
def test_a_pdf_with_a_megabyte_label_keeps_a_short_checklist(tmp_path):
    from app.ui.export.pdf import export_pdf

    huge = "x" * 1_000_000
    diagram = Diagram.model_validate({
        "funnelflow": 1, "lanes": [{"id": "m"}],
        "nodes": [{"id": "a", "kind": "entry", "lane": "m", "label": huge, "volume": 100},
                  {"id": "b", "lane": "m", "label": "b"}],
        "edges": [{"from": "a", "to": "b", "label": huge,
                   "conversion": {"target": "5%", "actual": "3%"}}]})
    out = tmp_path / "huge.pdf"
    export_pdf(diagram, out, lang="en")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert 2 <= pages <= 4  # the diagram and a short checklist, not a hundred pages of x
