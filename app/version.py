"""FunnelFlow's version: one number, kept in pyproject.toml and read from there by everyone.

`funnelflow --version`, the About dialog and the packaging (metainfo, installers) all ask this
module, so a release bumps exactly one line.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "funnelflow"

# Only used when neither the installed metadata nor a pyproject.toml can be found: a frozen
# bundle built without its dist-info (the PyInstaller spec copies it, so this is a last resort
# that keeps --version and the About dialog from crashing).
UNKNOWN_VERSION = "0+unknown"


@cache
def version() -> str:
    """The FunnelFlow version, e.g. "0.1.0"."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    # A source checkout run without installing (PYTHONPATH=. python -m app).
    from_checkout = pyproject_version(Path(__file__).resolve().parent.parent / "pyproject.toml")
    return from_checkout or UNKNOWN_VERSION


def pyproject_version(pyproject: Path) -> str | None:
    """The `[project] version` in `pyproject` when it is FunnelFlow's, else None."""
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return None
    try:
        project = tomllib.loads(text).get("project", {})
    except tomllib.TOMLDecodeError:
        return None
    if project.get("name") != DISTRIBUTION:
        return None
    found = project.get("version")
    return found if isinstance(found, str) and found else None
