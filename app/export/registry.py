"""Exporting a diagram to a file, by the file's extension (SPEC §5 `funnelflow export`).

`EXPORTERS` maps an extension to a function `(diagram, out_path, **options) -> None`.
This layer holds the Qt-free ones (YAML, SVG, Markdown, CSV, XLSX, Mermaid); the Qt layer adds
.png and .pdf with `register` when `app.ui.export` is imported, so no module here names a
Qt one (the command line and the designer import it).
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


def lazy_exporter(module: str, name: str) -> Exporter:
    """`module.name`, imported on first use: a format costs nothing until it is asked for."""

    def run(diagram: Diagram, out_path: str | os.PathLike[str], **options: Any) -> None:
        import importlib

        getattr(importlib.import_module(module), name)(diagram, out_path, **options)

    run.__name__ = name
    return run


EXPORTERS: dict[str, Exporter] = {
    ".yaml": _export_yaml,
    ".yml": _export_yaml,
    ".svg": lazy_exporter("app.export.svg_export", "export_svg"),
    ".md": lazy_exporter("app.export.markdown_export", "export_markdown"),
    ".csv": lazy_exporter("app.export.csv_export", "export_csv"),
    ".xlsx": lazy_exporter("app.export.xlsx_export", "export_xlsx"),
    ".mmd": lazy_exporter("app.export.mermaid_export", "export_mermaid"),
}


def register(extension: str, exporter: Exporter) -> None:
    """Export files ending in `extension` (".png") with `exporter`."""
    EXPORTERS[extension.lower()] = exporter


# Glyph outlines need Qt, which this layer may not import: the Qt layer registers the factory
# of its text writer here (app/ui/export/__init__.py), as it registers .png and .pdf. It lives
# here, not in svg_export, so that registering it does not load the SVG writer (and its
# layout and analysis): `funnelflow check` imports the registry but never writes an SVG.
_outline_text: Callable[[], Any] | None = None


def register_outline_text(factory: Callable[[], Any]) -> None:
    """Make `render_svg(outline_text=True)` use the text writers `factory` makes."""
    global _outline_text
    _outline_text = factory


def outline_text_factory() -> Callable[[], Any] | None:
    """The factory `register_outline_text` was given, if any."""
    return _outline_text


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
