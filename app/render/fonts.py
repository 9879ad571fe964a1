"""The font families FunnelFlow draws text with, shared by the canvas, SVG and PDF exports.

Pure: no Qt. Latin text is set in the platform's Latin UI font first: a CJK font draws
Latin punctuation such as curly quotes full-width, so English read oddly spaced. Chinese
falls through to the bundled subset of Noto Sans CJK SC, so it renders the same on every
machine, even one with no CJK font installed; the system CJK families after it supply the
rare characters the subset lacks (see resources/fonts/README.md).
"""

from __future__ import annotations

from pathlib import Path

from app.resources import resource_path

# Must match FAMILY in packaging/tools/build_font_subset.py; a distinct name keeps the subset
# from shadowing a full system install of Noto Sans CJK SC.
BUNDLED_FAMILY = "FunnelFlow Noto Sans SC"
BUNDLED_FONT_FILE = "FunnelFlowNotoSansSC-Regular.otf"

# Latin UI fonts of Windows, macOS and Linux desktops; none of them has CJK glyphs, so
# Chinese characters fall through to the CJK families below.
LATIN_FAMILIES = (
    "Segoe UI",
    "Helvetica Neue",
    "Noto Sans",
    "Liberation Sans",
    "DejaVu Sans",
)

# Windows, macOS, a full Noto install, Adobe's twin of it, older Linux desktops, then the
# generic family every renderer understands.
SYSTEM_FALLBACKS = (
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)
GENERIC_FAMILY = "sans-serif"

FONT_FAMILIES: tuple[str, ...] = (*LATIN_FAMILIES, BUNDLED_FAMILY, *SYSTEM_FALLBACKS,
                                  GENERIC_FAMILY)


def bundled_font_path() -> Path:
    """The bundled OpenType file, wherever resources live (checkout, wheel or bundle)."""
    return resource_path("fonts", BUNDLED_FONT_FILE)


def css_font_family(families: tuple[str, ...] = FONT_FAMILIES) -> str:
    """The fallback list as a CSS `font-family` value for SVG: names quoted, generic bare."""
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
    return ", ".join(name if name in generic else f"'{name}'" for name in families)
