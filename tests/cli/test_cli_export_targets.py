"""`export -o` onto something that is not our regular file: exit 2, nothing replaced."""

from __future__ import annotations

import os
from pathlib import Path

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "resources" / "templates" / "en" / "aarrr.yaml")


def test_export_onto_a_fifo_exits_2_and_keeps_the_fifo(tmp_path, capsys):
    fifo = tmp_path / "out.svg"
    os.mkfifo(fifo)
    assert main(["export", PLAN, "-o", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert fifo.is_fifo()


def test_export_onto_dev_null_exits_2_even_with_force(capsys):
    before = os.stat("/dev/null")
    assert main(["export", PLAN, "-o", "/dev/null", "--format", "md", "--force"]) == 2
    assert "device" in capsys.readouterr().err
    assert os.stat("/dev/null").st_ino == before.st_ino


def test_export_onto_a_read_only_file_needs_force(tmp_path, capsys):
    out = tmp_path / "plan.csv"
    out.write_text("keep me", encoding="utf-8")
    out.chmod(0o444)
    assert main(["export", PLAN, "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["export", PLAN, "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8-sig") != "keep me"


def test_new_onto_a_read_only_file_with_force_replaces_it(tmp_path):
    out = tmp_path / "plan.yaml"
    out.write_text("keep me", encoding="utf-8")
    out.chmod(0o444)
    assert main(["new", "--template", "aarrr", "--lang", "en", "-o", str(out), "--force"]) == 0
    assert "funnelflow: " in out.read_text(encoding="utf-8")
