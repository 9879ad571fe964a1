"""Where FunnelFlow's resources are: the one function that knows.

The same lookup serves a source checkout (`<repo>/resources`), an installed wheel
(`app/_resources`, see pyproject) and a PyInstaller bundle (`<bundle>/resources`).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The folder that holds templates, fonts, translations, icons and the schema."""
    package = Path(__file__).resolve().parent
    candidates = [package / "_resources", package.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if (candidate / "templates").is_dir():
            return candidate
    raise FileNotFoundError(
        "FunnelFlow's resources folder is missing; looked in "
        + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """A path inside the resources folder, e.g. `resource_path("templates", "zh")`."""
    return resources_dir().joinpath(*parts)
