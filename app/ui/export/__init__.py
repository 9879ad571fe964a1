"""Exports that need Qt: PNG and PDF painting, outlined SVG text.

Importing this package registers them with the core's registry (app.export.registry, which
may not name a Qt module), the way gaphor registers its export commands from the top. It imports
no Qt itself: each exporter loads on first use, so `funnelflow export plan.svg` stays
headless. Code that exports takes the registry from here, so every format is in it.
"""

from __future__ import annotations

import importlib

from app.export import svg_export
from app.export.registry import (
    EXPORTERS,
    UnknownFormat,
    export,
    export_format,
    lazy_exporter,
    register,
)


def _outline_text() -> svg_export.TextWriter:
    writer: svg_export.TextWriter = importlib.import_module(
        "app.ui.export.svg_outline").OutlineText()
    return writer


register(".png", lazy_exporter("app.ui.export.png", "export_png"))
register(".pdf", lazy_exporter("app.ui.export.pdf", "export_pdf"))
svg_export.register_outline_text(_outline_text)

__all__ = ["EXPORTERS", "UnknownFormat", "export", "export_format"]
