"""`funnelflow export FILE -o OUT.ext` end to end, for every format, with no display at all."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.io import load_diagram
from app.io.yaml_load import load_png_diagram
from app.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
#: a Chinese diagram with four lanes (市场部, 销售部, 客服部, 技术部)
CHINESE = resource_path("templates", "zh", "lifecycle.yaml")
FORMATS = (".svg", ".png", ".pdf", ".md", ".csv", ".mmd")

HEADLESS = """
import sys
from app.cli import main
codes = [main(["export", {src!r}, "-o", {out!r} + ext]) for ext in {formats!r}]
print("RESULT", codes, file=sys.stderr)
"""


def test_every_format_exports_headless_from_the_command_line(tmp_path):
    """No DISPLAY, no QT_QPA_PLATFORM, no CJK font installed: still every file, exit 0."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    code = HEADLESS.format(src=str(CHINESE), out=str(tmp_path / "plan"), formats=FORMATS)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert "RESULT [0, 0, 0, 0, 0, 0]" in result.stderr, result.stderr
    diagram = load_diagram(CHINESE)
    lanes = [lane.title for lane in diagram.lanes]
    assert len(lanes) == 4
    svg = (tmp_path / "plan.svg").read_text("utf-8")
    assert all(f">{lane}<" in svg for lane in lanes)
    assert load_png_diagram(tmp_path / "plan.png") == diagram
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-")
    markdown = (tmp_path / "plan.md").read_text("utf-8")
    assert markdown.startswith("![") and all(f"### {lane}" in markdown for lane in lanes)
    assert (tmp_path / "plan.svg").exists()  # the picture the Markdown shows
    rows = list(csv.reader(io.StringIO((tmp_path / "plan.csv").read_text("utf-8-sig"))))
    assert rows[0][0] == "节点"  # a Chinese diagram gets Chinese headers by default
    assert {row[1].split(" → ")[0] for row in rows[1:]} <= set(lanes)
    mermaid = (tmp_path / "plan.mmd").read_text("utf-8")
    assert mermaid.count("subgraph ") == 4


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("ext", [".svg", ".md", ".csv", ".mmd"])
def test_options_pass_through_and_lang_switches_the_headers(capsys, tmp_path, ext):
    out = tmp_path / f"plan{ext}"
    assert run(capsys, "export", str(CHINESE), "-o", str(out), "--lang", "en")[0] == 0
    text = out.read_text("utf-8-sig")
    english = {".svg": "Legend", ".md": "KPIs by lane", ".csv": "node,lane,phase",
               ".mmd": "flowchart LR"}[ext]
    assert english in text


def test_outline_text_option_from_the_command_line(capsys, tmp_path):
    out = tmp_path / "o.svg"
    assert run(capsys, "export", str(CHINESE), "-o", str(out), "--outline-text")[0] == 0
    assert "<text " not in out.read_text("utf-8")


def test_a_bad_output_path_is_exit_2_with_a_clear_message(capsys, tmp_path):
    missing = tmp_path / "no-such-folder" / "plan.svg"
    code, _, err = run(capsys, "export", str(CHINESE), "-o", str(missing))
    assert code == 2 and str(missing) in err and "does not exist" in err
    code, _, err = run(capsys, "export", str(CHINESE), "-o", str(tmp_path / "plan.docx"))
    assert code == 2 and ".mmd" in err and ".svg" in err  # lists what it can write


@pytest.mark.parametrize("ext", FORMATS)
def test_a_failing_write_leaves_the_existing_file_intact(capsys, tmp_path, monkeypatch, ext):
    from app.io import atomic

    out = tmp_path / f"plan{ext}"
    out.write_bytes(b"the previous export")

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    code, _, err = run(capsys, "export", str(CHINESE), "-o", str(out))
    assert code == 2 and "unchanged" in err
    assert out.read_bytes() == b"the previous export"
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == [out.name]  # no temporary file left behind either
