"""Where the words go: a node's lines and an edge label's plate, badge and lines.

Pure geometry shared by the canvas, the PNG/PDF painter and the SVG writer, so every one of
them wraps, cuts and places text alike (and the legibility measure sees what they show).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.model import Node
from app.render import theme
from app.render.canvas_geometry import BADGE_RADIUS
from app.render.labels import owner_text, text_width
from app.render.rect import Rect
from app.render.routes import BADGE_ROOM, Route
from app.render.shapes import text_box
from app.render.sizes import (
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


def text_advance(text: str, font_px: float) -> float:
    return text_width(text, font_px)
