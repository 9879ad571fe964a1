"""The core never imports Qt: `import app.model, app.analysis, app.io, app.export` loads no
PySide6.

Checked in a fresh interpreter, importing every module of the Qt-free packages, so that a
stray `from PySide6 import ...` anywhere in them fails here rather than on a headless server.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_FREE = ("model", "analysis", "io", "render", "export")

PROBE = """
{prelude}
import importlib, pkgutil, sys
import app
names = []
for package in {packages!r}:
    module = importlib.import_module("app." + package)
    names.append(module.__name__)
    for info in pkgutil.walk_packages(module.__path__, module.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(len(names), ",".join(qt))
"""


def run_probe(packages: list[str], prelude: str = "") -> tuple[int, str]:
    code = PROBE.format(packages=packages, prelude=prelude)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    count, _, qt = result.stdout.strip().partition(" ")
    return int(count), qt


def test_core_packages_import_no_qt():
    present = [p for p in QT_FREE if (ROOT / "app" / p).is_dir()]
    assert {"model", "io"} <= set(present)
    count, qt = run_probe(present)
    assert count >= len(present)
    assert qt == "", f"these Qt modules were imported by app.{{{','.join(present)}}}: {qt}"


def test_the_probe_would_notice_qt():
    # Guard the guard: a module that imports Qt is seen.
    _, qt = run_probe(["model"], prelude="import PySide6.QtCore")
    assert "PySide6.QtCore" in qt.split(",")


def test_the_file_layer_loads_neither_the_checklist_nor_the_exports():
    """app.io and app.analysis are independent siblings: loading every file module (YAML,
    templates, actuals import) pulls in no rule and no exporter."""
    code = PROBE.format(packages=["io"], prelude="").replace(
        '("PySide6", "shiboken6")', '("app.analysis", "app.export")').replace(
        'm.split(".")[0]', '".".join(m.split(".")[:2])')
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    count, _, above = result.stdout.strip().partition(" ")
    assert int(count) >= 15  # every module of app/io was imported
    assert above == "", f"app.io loaded {above}"


def test_the_import_contracts_hold_statically():
    """import-linter reads every import, also those inside functions the probe cannot see
    (the contracts are in pyproject.toml; .ci/run runs the same command)."""
    code = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "3 kept, 0 broken" in result.stdout
