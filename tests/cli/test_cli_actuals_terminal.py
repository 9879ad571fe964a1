"""`funnelflow actuals` never writes a table's terminal codes to the terminal (issue 17)."""

from __future__ import annotations

from pathlib import Path

from app.cli import main
from app.io.templates import load_template
from app.io.yaml_save import save_diagram


def test_an_id_with_escape_codes_is_reported_without_them(tmp_path: Path, capsys) -> None:
    plan = tmp_path / "plan.yaml"
    save_diagram(load_template("full-funnel", "en"), plan)
    before = plan.read_bytes()
    data = tmp_path / "data.csv"
    data.write_text("id,measure,actual\n\x1b[2Jlanding\x1b]0;owned\x07,volume,5\n",
                    encoding="utf-8")
    code = main(["actuals", str(plan), "--from", str(data)])
    err = capsys.readouterr().err
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err
    assert "data.csv:2" in err
    assert plan.read_bytes() == before
