"""`funnelflow check` loads only what checking needs: no exporter, no layout, no Qt.

A fresh interpreter runs `check` on a template and lists the modules it imported, so a
stray top-level import in app.cli (or in a module check uses) that drags in the SVG writer,
the layout or PySide6 fails here rather than as a slower start-up in the benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "resources" / "templates" / "en" / "full-funnel.yaml"

PROBE = """
import contextlib, io, json, sys
from app.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main({argv!r})
print(json.dumps({{"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}}))
"""


def run_probe(argv: list[str]) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_of_a_template_loads_no_exporter_layout_or_qt():
    probe = run_probe(["check", str(TEMPLATE), "--format", "json"])
    assert probe["code"] in (0, 1)  # it did check: a checklist, not a usage error
    assert json.loads(probe["out"])["file"].endswith("full-funnel.yaml")
    modules = set(probe["modules"])
    assert "app.analysis.analyze" in modules  # the probe sees what check imported
    exports = sorted(m for m in modules if m.startswith("app.export."))
    # the checklist's text/JSON and the registry of formats (for the help text), nothing else
    assert set(exports) <= {"app.export.check_formats", "app.export.registry"}, exports
    assert "app.export.svg_export" not in modules
    assert not any(m.startswith("app.render.layout") for m in modules)
    assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in modules)
    assert "app.model.commands" not in modules  # only a what-if fallback edits a diagram


def test_export_does_load_the_svg_writer():
    """Guard the guard: the same probe running `export` sees the writer and the layout."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "plan.svg")
        probe = run_probe(["export", str(TEMPLATE), "-o", out])
        assert probe["code"] == 0
        assert Path(out).read_text(encoding="utf-8").startswith("<?xml")
    modules = set(probe["modules"])
    assert "app.export.svg_export" in modules
    assert "app.render.layout" in modules
