"""Exporting a diagram to a file, by the file's extension (SPEC §5 `funnelflow export`).

`EXPORTERS` maps an extension to a function `(diagram, out_path, **options) -> None`;
other exporters (SVG, PNG, PDF, Markdown, CSV, Mermaid) register themselves here.
Every exporter writes through `write_atomic`, so a failed export never leaves half a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.io.yaml_save import save_diagram
from app.model import Diagram

Exporter = Callable[..., None]


def _export_yaml(diagram: Diagram, out_path: str | os.PathLike[str], **options: Any) -> None:
    """The canonical YAML: normalised, migrated to the current format version."""
    save_diagram(diagram, out_path)


def _lazy(module: str, name: str) -> Exporter:
    """An exporter imported on first use: .png/.pdf pull in Qt, the others must not."""

    def run(diagram: Diagram, out_path: str | os.PathLike[str], **options: Any) -> None:
        import importlib

        getattr(importlib.import_module(module), name)(diagram, out_path, **options)

    run.__name__ = name
    return run


EXPORTERS: dict[str, Exporter] = {
    ".yaml": _export_yaml,
    ".yml": _export_yaml,
    ".svg": _lazy("app.io.svg_export", "export_svg"),
    ".png": _lazy("app.ui.export.png", "export_png"),
    ".pdf": _lazy("app.ui.export.pdf", "export_pdf"),
    ".md": _lazy("app.io.markdown_export", "export_markdown"),
    ".csv": _lazy("app.io.csv_export", "export_csv"),
    ".mmd": _lazy("app.io.mermaid_export", "export_mermaid"),
}


class UnknownFormat(ValueError):
    """No exporter for the requested format; the message lists those that exist."""


def export_format(out_path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The extension that selects the exporter: `fmt` if given, else `out_path`'s suffix."""
    key = (fmt or Path(out_path).suffix).lower()
    key = key if key.startswith(".") or not key else f".{key}"
    if key not in EXPORTERS:
        known = ", ".join(sorted(EXPORTERS))
        what = f"format {key!r}" if key else "a file without an extension"
        raise UnknownFormat(f"cannot export to {what}; use one of: {known} "
                            "(or give --format)")
    return key


def export(diagram: Diagram, out_path: str | os.PathLike[str], fmt: str | None = None,
           **options: Any) -> None:
    """Write `diagram` to `out_path` in the format its extension (or `fmt`) names."""
    EXPORTERS[export_format(out_path, fmt)](diagram, out_path, **options)
