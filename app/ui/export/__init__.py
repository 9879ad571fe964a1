"""Exports that need Qt: PNG and PDF painting, outlined SVG text.

Importing this package registers them with the core's registry (app.export.registry, which
may not name a Qt module), the way gaphor registers its export commands from the top. It imports
no Qt itself: each exporter loads on first use, so `funnelflow export plan.svg` stays
headless. Code that exports takes the registry from here, so every format is in it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from app.export.registry import (
    EXPORTERS,
    UnknownFormat,
    export,
    export_format,
    lazy_exporter,
    register,
    register_outline_text,
)

if TYPE_CHECKING:
    from app.export.svg_export import TextWriter


def _outline_text() -> TextWriter:
    writer: TextWriter = importlib.import_module("app.ui.export.svg_outline").OutlineText()
    return writer


register(".png", lazy_exporter("app.ui.export.png", "export_png"))
register(".pdf", lazy_exporter("app.ui.export.pdf", "export_pdf"))
# Registered with the registry, not svg_export: importing this package (the command line does,
# for the list of formats) must not load the SVG writer.
register_outline_text(_outline_text)

__all__ = ["EXPORTERS", "UnknownFormat", "export", "export_format"]
