"""The legend under an exported diagram: node kinds, KPI status marks, handoffs, edge width.

Pure geometry in the same path commands as app.render.shapes, laid out as a list of shapes
and labels at the origin, so the SVG writer and the Qt PNG/PDF painter draw the same legend.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.render import theme
from app.render.canvas_geometry import BADGE_RADIUS
from app.render.labels import text_width
from app.render.layout import Rect
from app.render.shapes import Path, node_outline, status_mark

ROW_HEIGHT = 28.0
PADDING = 12.0
FONT_PX = theme.FONT_SMALL_PX
_SWATCH_W = 40.0
_SWATCH_H = _SWATCH_W * theme.NODE_HEIGHT / theme.NODE_WIDTH
_GAP = 18.0  # between one entry and the next

_WORDS = {
    "en": {
        "legend": "Legend",
        "entry": "Entry (channel)", "step": "Step", "decision": "Decision", "goal": "Goal",
        "exit": "Exit (people lost)",
        "on": "On target", "off": "Off target", "unmeasured": "Not measured",
        "handoff": "Handoff between departments", "width": "Line width = people per period",
    },
    "zh": {
        "legend": "图例",
        "entry": "入口渠道", "step": "步骤", "decision": "决策", "goal": "目标", "exit": "流失出口",
        "on": "达标", "off": "未达标", "unmeasured": "未测量",
        "handoff": "跨部门交接", "width": "线宽 = 每期人数",
    },
}


@dataclass(frozen=True)
class Shape:
    """A path to fill and/or stroke; `dash` is a stroke pattern or None."""

    path: Path
    fill: str | None
    stroke: str | None
    width: float = 1.0
    dash: tuple[float, ...] | None = None
    role: str = ""


@dataclass(frozen=True)
class Label:
    """One line of text; (x, y) is the start of its baseline; `color` and `bold` as drawn."""

    x: float
    y: float
    text: str
    color: str = theme.INK
    bold: bool = False
    glyph: bool = False  # a status mark's glyph: centred on x, white, small


@dataclass(frozen=True)
class Legend:
    """The laid-out legend: what to draw, and how much room it takes."""

    shapes: tuple[Shape, ...]
    labels: tuple[Label, ...]
    width: float
    height: float


def legend_words(lang: str) -> dict[str, str]:
    """The legend's words in `lang` (English when unknown)."""
    return _WORDS.get(lang, _WORDS["en"])


def build_legend(lang: str, max_width: float, flow_thickness: bool = False) -> Legend:
    """Lay the legend out in rows no wider than `max_width` (at least one entry per row).

    The edge-width entry appears only when edges are drawn in proportion to their flow.
    """
    words = legend_words(lang)
    shapes: list[Shape] = []
    labels: list[Label] = []
    x, row = PADDING, 0
    heading = words["legend"]
    labels.append(Label(x, _text_y(PADDING / 2), heading, bold=True))
    x += text_width(heading, FONT_PX) + _GAP
    widest = x

    def place(entry_width: float) -> tuple[float, float]:
        nonlocal x, row, widest
        if x + entry_width > max_width - PADDING and x > PADDING + 1:
            x, row = PADDING, row + 1
        left, top = x, PADDING / 2 + row * ROW_HEIGHT
        x += entry_width + _GAP
        widest = max(widest, x - _GAP + PADDING)
        return left, top

    for kind in ("entry", "step", "decision", "goal", "exit"):
        text = words[kind]
        left, top = place(_SWATCH_W + 6 + text_width(text, FONT_PX))
        for outline in _miniature(kind, left, top + (ROW_HEIGHT - _SWATCH_H) / 2):
            shapes.append(Shape(outline, theme.NODE_FILL[kind], theme.NODE_BORDER[kind], 1.2,
                                role=f"kind-{kind}"))
        labels.append(Label(left + _SWATCH_W + 6, _text_y(top), text))
    for status in ("on", "off", "unmeasured"):
        text = words[status]
        left, top = place(18 + 4 + 26 + text_width(text, FONT_PX))
        cy = top + ROW_HEIGHT / 2
        shapes.append(Shape([("M", left, cy), ("L", left + 18, cy)], None,
                            theme.EDGE_COLOR[status], 2.5, role=f"status-{status}"))
        path, glyph = status_mark(status, left + 18 + 4 + 8, cy, 7.0)
        shapes.append(Shape(path, theme.STATUS_COLOR[status], None, role=f"status-{status}"))
        labels.append(Label(left + 30, cy + 3.5, glyph, "#FFFFFF", True, glyph=True))
        labels.append(Label(left + 18 + 4 + 26, _text_y(top), text))
    text = words["handoff"]
    left, top = place(36 + 6 + text_width(text, FONT_PX))
    cy = top + ROW_HEIGHT / 2
    shapes.append(Shape([("M", left, cy), ("L", left + 36, cy)], None,
                        theme.EDGE_COLOR["unmeasured"], theme.EDGE_MIN_WIDTH, theme.HANDOFF_DASH,
                        role="handoff"))
    shapes.append(Shape(_circle(left + 18, cy, BADGE_RADIUS), theme.EDGE_COLOR["unmeasured"],
                        None, role="handoff"))
    labels.append(Label(left + 18, cy + 3.4, "⇄", "#FFFFFF", True, glyph=True))
    labels.append(Label(left + 42, _text_y(top), text))
    if not flow_thickness:
        return Legend(tuple(shapes), tuple(labels), widest, PADDING + (row + 1) * ROW_HEIGHT)
    text = words["width"]
    left, top = place(36 + 6 + text_width(text, FONT_PX))
    cy = top + ROW_HEIGHT / 2
    shapes.append(Shape(_wedge(left, cy, 36.0), theme.EDGE_COLOR["unmeasured"], None,
                        role="width"))
    labels.append(Label(left + 42, _text_y(top), text))
    height = PADDING + (row + 1) * ROW_HEIGHT
    return Legend(tuple(shapes), tuple(labels), widest, height)


def _circle(cx: float, cy: float, r: float) -> Path:
    """A circle as four cubic arcs (the on-target mark's shape, reused at another size)."""
    return status_mark("on", cx, cy, r)[0]


def _miniature(kind: str, x: float, y: float) -> list[Path]:
    """A node outline scaled down whole, so the legend shows exactly the canvas shape."""
    scale = _SWATCH_W / theme.NODE_WIDTH
    full = node_outline(kind, Rect(0.0, 0.0, theme.NODE_WIDTH, theme.NODE_HEIGHT))
    return [[(op, *(x + v * scale if i % 2 == 0 else y + v * scale
                    for i, v in enumerate(numbers)))
             for op, *numbers in path] for path in full]


def _text_y(row_top: float) -> float:
    """The baseline that centres a line of legend text in its row."""
    return row_top + ROW_HEIGHT / 2 + FONT_PX * 0.36


def _wedge(x: float, cy: float, length: float) -> Path:
    """A thin-to-thick bar: edges are drawn wider the more people move along them."""
    thin, thick = theme.EDGE_MIN_WIDTH / 2, theme.EDGE_MAX_WIDTH / 2
    return [("M", x, cy - thin), ("L", x + length, cy - thick), ("L", x + length, cy + thick),
            ("L", x, cy + thin), ("Z",)]
