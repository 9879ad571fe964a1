"""Where the words go: a node's lines and an edge label's plate, badge and lines.

Pure geometry shared by the canvas, the PNG/PDF painter and the SVG writer, so every one of
them wraps, cuts and places text alike (and the legibility measure sees what they show).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from app.model import Node
from app.render import theme
from app.render.canvas_geometry import BADGE_RADIUS
from app.render.labels import owner_text, text_width
from app.render.rect import Rect
from app.render.route import Route
from app.render.routes import BADGE_ROOM
from app.render.shapes import text_box
from app.render.sizes import (
    LABEL_LINES,
    PLATE_PAD_X,
    PLATE_PAD_Y,
    SHARED_PHRASE_MAX_WIDTH,
    label_lines,
    line_height,
    plate_size,
    small_line_width,
    title_lines,
)

LINE_GAP = 3.0  # between the lines of a node's text blocks


@dataclass(frozen=True)
class NodeLine:
    """One line of a node's text: centre x, top y, the text, its style key, its font size."""

    cx: float
    top: float
    text: str
    key: str  # label | owner | no-owner | volume
    font_px: float


def node_lines(node: Node, w: float, h: float, lang: str, volume: str = "",
               cut_width: Callable[[str, float, str], str] | None = None) -> list[NodeLine]:
    """The lines of `node` drawn in a w x h box at 0, 0: title (wrapped), owner, volume.

    `cut_width(text, width, key)` may shorten the owner and volume lines the way the caller's
    font needs (the SVG writer and Qt measure differently); titles come wrapped from the layout.
    """
    kind = node.kind.value
    box = text_box(kind, Rect(0.0, 0.0, w, h))
    title, _ = title_lines(node)
    has_owner = bool(node.owner and node.owner.strip())
    blocks = [(line, "label", theme.FONT_LABEL_PX) for line in title]
    blocks.append((owner_text(node, lang), "owner" if has_owner else "no-owner",
                   theme.FONT_SMALL_PX))
    if volume:
        blocks.append((volume, "volume", theme.FONT_SMALL_PX))
    heights = [line_height(px) for _, _, px in blocks]
    gaps = [0.0 if b[1] == "label" and a[1] == "label" else LINE_GAP
            for a, b in zip(blocks, blocks[1:], strict=False)]
    total = sum(heights) + sum(gaps)
    y = box.cy - total / 2
    lines = []
    for i, (text, key, px) in enumerate(blocks):
        if key != "label" and cut_width is not None:
            text = cut_width(text, small_line_width(kind, w, h), key)
        lines.append(NodeLine(box.cx, y, text, key, float(round(px))))
        y += heights[i] + (gaps[i] if i < len(gaps) else 0.0)
    return lines


@dataclass(frozen=True)
class LabelPlace:
    """An edge label as drawn: its plate, the handoff badge's centre, the lines' centres."""

    plate: Rect | None
    badge: tuple[float, float] | None
    lines: tuple[tuple[float, float, str], ...]  # centre x, centre y, text
    cut: bool

    @property
    def bounds(self) -> Rect | None:
        """Plate and badge together."""
        boxes = [] if self.plate is None else [self.plate]
        if self.badge is not None:
            bx, by = self.badge
            boxes.append(Rect(bx - BADGE_RADIUS, by - BADGE_RADIUS, 2 * BADGE_RADIUS,
                              2 * BADGE_RADIUS))
        if not boxes:
            return None
        x, y = min(b.x for b in boxes), min(b.y for b in boxes)
        return Rect(x, y, max(b.right for b in boxes) - x, max(b.bottom for b in boxes) - y)


def place_label(route: Route, text: str, handoff: bool) -> LabelPlace:
    """Plate, badge and lines of an edge label on its route's first stub."""
    x, y = route.label_x, route.label_y
    lines, cut = label_lines(text) if text else ((), False)
    w, h = plate_size(lines) if text else (0.0, 0.0)
    if route.label_centred:
        x -= (w + (BADGE_ROOM if handoff else 0.0) - (0.0 if text else 4.0)) / 2
    badge = None
    if handoff:
        badge = (x + BADGE_RADIUS, y)
        x += BADGE_ROOM
    if not text:
        return LabelPlace(None, badge, (), False)
    plate = Rect(x, y - h / 2, w, h)
    step = line_height(theme.FONT_EDGE_PX)
    top = plate.y + (h - step * len(lines)) / 2
    placed = tuple((plate.cx, top + step * (i + 0.5), line) for i, line in enumerate(lines))
    return LabelPlace(plate, badge, placed, cut)


#: the widest and tallest plate label_lines and plate_size can make (a line may be as wide as
#: a "(shared)" phrase, one character more when a long word is cut, at most LABEL_LINES lines)
MAX_PLATE_W = math.ceil(max(theme.EDGE_LABEL_MAX_WIDTH, SHARED_PHRASE_MAX_WIDTH)
                        + theme.FONT_EDGE_PX) + PLATE_PAD_X
MAX_PLATE_H = LABEL_LINES * line_height(theme.FONT_EDGE_PX) + PLATE_PAD_Y - 4


def label_reach(route: Route, handoff: bool) -> Rect:
    """Where `route`'s label can be, whatever its text: a box holding `place_label(route,
    text, handoff).bounds` for every text, worked out without measuring one. The canvas
    indexes a label by it and places the words only when the label is first drawn."""
    x0, y0, x1, y1 = label_reach_extent(route, handoff)
    return Rect(x0, y0, x1 - x0, y1 - y0)


def label_reach_extent(route: Route, handoff: bool) -> tuple[float, float, float, float]:
    """`label_reach` as left, top, right, bottom (no Rect made: thousands at a scene build)."""
    w = (BADGE_ROOM if handoff else 0.0) + MAX_PLATE_W
    x = route.label_x - w / 2 - 2.0 if route.label_centred else route.label_x
    y = route.label_y - _HALF_REACH_H
    return x, y, x + w + 4.0, y + 2 * _HALF_REACH_H


_HALF_REACH_H = max(MAX_PLATE_H, 2 * BADGE_RADIUS) / 2


def text_advance(text: str, font_px: float) -> float:
    return text_width(text, font_px)
