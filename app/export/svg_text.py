"""Text in the exported SVG: the styles, XML escaping, and live text or outlined glyphs.

Live text keeps labels searchable and copyable, with a font-family list that ends in CJK
system fonts; outlined text (Qt glyph paths from the bundled font) looks identical in every
renderer. Both writers take the same arguments, so the SVG writer does not care which it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.render import theme
from app.render.fonts import css_font_family


@dataclass(frozen=True)
class TextStyle:
    """How one kind of text is drawn: pixel size, weight, colour and horizontal anchor.

    A style without a colour takes it from its group (lane titles in their lane's colour).
    """

    size: float
    weight: int
    color: str | None
    anchor: str = "middle"  # start | middle | end, as SVG's text-anchor
    italic: bool = False


def _px(size: float) -> float:
    """Font sizes in whole pixels, as the canvas sets them (QFont.setPixelSize(round(px)))."""
    return float(round(size))


# The same fonts and colours as the canvas painter (app/ui/paint.py, Styles).
STYLES: dict[str, TextStyle] = {
    "node-label": TextStyle(_px(theme.FONT_LABEL_PX), 700, theme.INK),
    "node-owner": TextStyle(_px(theme.FONT_SMALL_PX), 400, theme.MUTED_INK),
    "node-no-owner": TextStyle(_px(theme.FONT_SMALL_PX), 400, theme.tint(theme.MUTED_INK, 0.25),
                               italic=True),
    "node-volume": TextStyle(_px(theme.FONT_SMALL_PX), 400, theme.MUTED_INK),
    "mark": TextStyle(_px(9.5), 700, "#FFFFFF"),
    "edge-label-on": TextStyle(_px(theme.FONT_EDGE_PX), 400, theme.EDGE_COLOR["on"]),
    "edge-label-off": TextStyle(_px(theme.FONT_EDGE_PX), 400, theme.EDGE_COLOR["off"]),
    "edge-label-unmeasured": TextStyle(_px(theme.FONT_EDGE_PX), 400, theme.INK),
    "lane-title": TextStyle(_px(theme.FONT_HEADER_PX), 700, None),
    "phase-title": TextStyle(_px(theme.FONT_HEADER_PX), 700, theme.INK),
    "legend": TextStyle(_px(theme.FONT_SMALL_PX), 400, theme.INK, "start"),
    "legend-title": TextStyle(_px(theme.FONT_SMALL_PX), 700, theme.INK, "start"),
}

# XML 1.0 forbids most control characters even as references; drop them, keep the rest.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


@lru_cache(maxsize=65536)  # owners, units and lane names repeat across thousands of nodes
def esc(text: str) -> str:
    """Text safe inside an XML element or a double-quoted attribute."""
    return _NOT_XML.sub("", text).translate(_ESCAPES)


def style_block(outline: bool) -> str:
    """The CSS rules of every text style (`t-…` for live text, `o-…` for outlined text)."""
    rules = [f"text{{font-family:{css_font_family()}}}"]
    for name, style in STYLES.items():
        fill = f"fill:{style.color};" if style.color else ""
        if outline:
            if fill:
                rules.append(f".o-{name}{{{fill}}}")
        else:
            italic = "font-style:italic;" if style.italic else ""
            rules.append(f".t-{name}{{font-size:{num(style.size)}px;"
                         f"font-weight:{style.weight};{italic}{fill}"
                         f"text-anchor:{style.anchor}}}")
    return "\n".join(rules)


class LiveText:
    """Writes `<text>` elements: selectable, searchable, small."""

    outline = False

    def __call__(self, x: float, y: float, text: str, style: str) -> str:
        # Plain %.1f (no trimming): this runs tens of thousands of times in a big diagram.
        return f'<text class="t-{style}" x="{x:.1f}" y="{y:.1f}">{esc(text)}</text>'


def num(value: float) -> str:
    """A coordinate with at most one decimal (a tenth of a pixel), "12" rather than "12.0"."""
    text = "%.1f" % value  # noqa: UP031 - %-formatting is the fastest here (5,000-node files)
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def path_data(path: list[tuple[Any, ...]]) -> str:
    """Path commands as SVG path data, one format call per command (fast for big diagrams)."""
    parts = []
    for command in path:
        op = command[0]
        if op == "C":
            parts.append("C%.1f %.1f %.1f %.1f %.1f %.1f" % command[1:])  # noqa: UP031
        elif op == "Z":
            parts.append("Z")
        else:
            parts.append("%s%.1f %.1f" % command)  # noqa: UP031
    return "".join(parts)
