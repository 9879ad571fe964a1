"""A module that cannot be imported breaks the designer loudly, never into a placeholder.

Each case blocks one module in a fresh interpreter and imports the module that needs it: the
ImportError must reach the caller (a blank canvas or a silent checklist would hide the bug).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

BLOCK = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == {blocked!r}:
            raise ImportError("blocked for the test: " + name, name=name)
sys.meta_path.insert(0, Block())
try:
    import {importer}
except ImportError as error:
    print("LOUD", error.name)
else:
    print("SILENT")
"""


@pytest.mark.parametrize(("importer", "blocked"), [
    ("app.ui.window", "app.ui.canvas.scene"),
    ("app.ui.panels.live_check", "app.analysis"),
    ("app.ui.panels.palette", "app.ui.paint"),
    ("app.ui.files.file_actions", "app.ui.export"),
])
def test_a_missing_module_fails_the_import_that_needs_it(importer, blocked):
    code = BLOCK.format(importer=importer, blocked=blocked)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                                         "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip() == f"LOUD {blocked}", result.stdout + result.stderr


def test_no_module_of_the_app_catches_import_error():
    """Optional imports hide breakage: the app has none but the one in ALLOWED."""
    catchers = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = [n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)]
                if {"ImportError", "ModuleNotFoundError"} & set(names):
                    catchers.append(path.relative_to(ROOT).as_posix())
    assert catchers == ALLOWED, catchers


# Only the command line's start of the designer, which re-raises anything but a build
# without the designer package (then it prints the help).
ALLOWED = ["app/cli.py"]
