"""Where the canvas puts its decorations and handles, and how it snaps: pure geometry.

Shared by the Qt canvas and the Qt-painted exports (PNG/PDF), so that a status mark or a
severity marker sits in the same place everywhere. Positions are relative to a node's box.
"""

from __future__ import annotations

import math

from app.render import theme
from app.render.rect import Rect
from app.render.shapes import EXIT_CORNER, entry_radius

#: radius of the KPI status mark and of the severity marker
MARK_RADIUS = 6.5
#: how far from the box's corner the centre of a mark sits
MARK_INSET = 11.0
#: radius of the connect handle on a node's right side, and of an edge's end handles
HANDLE_RADIUS = 6.0
#: size of the handoff badge drawn on an edge that crosses lanes
BADGE_RADIUS = 7.5
#: the offset of each paste after the first, so pasted copies do not hide each other
PASTE_OFFSET = 3 * theme.GRID


def status_mark_center(rect: Rect, kind: str = "step") -> tuple[float, float]:
    """Centre of the KPI status mark: the node's top-right corner, inside the outline (a
    stadium's round end; a diamond's right point)."""
    return _mark_centers(kind, rect)[0]


def severity_marker_center(rect: Rect, kind: str = "step") -> tuple[float, float]:
    """Centre of the checklist severity marker: the top-left corner, mirroring the status."""
    return _mark_centers(kind, rect)[1]


def label_width(kind: str, rect: Rect, box_w: float) -> float:
    """How wide a node's label may be: its text box, kept clear of the marks on either side."""
    cx, _ = status_mark_center(rect, kind)
    return min(box_w, 2 * (cx - MARK_RADIUS - 3.0 - rect.cx))


def _mark_centers(kind: str, rect: Rect) -> tuple[tuple[float, float], tuple[float, float]]:
    clear = MARK_RADIUS + 2.5  # room between a mark and the outline
    if kind == "entry":  # inside the round ends, on their upper diagonal
        r = entry_radius(rect)
        off = (r - clear) / math.sqrt(2)
        y = rect.y + r - off
        return (rect.right - r + off, y), (rect.x + r - off, y)
    if kind == "decision":  # in the left and right points, clear of both slanted sides
        half_w, half_h = rect.w / 2, rect.h / 2
        k = clear * math.hypot(half_w, half_h) / half_h
        return (rect.right - k, rect.cy), (rect.x + k, rect.cy)
    inset = MARK_INSET
    if kind == "exit":  # clear of the octagon's cut corners
        inset = (clear * math.sqrt(2) + EXIT_CORNER) / 2
    return (rect.right - inset, rect.y + inset), (rect.x + inset, rect.y + inset)


def connect_handle(rect: Rect) -> tuple[float, float]:
    """Centre of the handle a user drags to connect a node: the middle of its right side."""
    return rect.right, rect.cy


def near(point: tuple[float, float], center: tuple[float, float], radius: float) -> bool:
    """Whether `point` is within `radius` (plus a little slack for the hand) of `center`."""
    return math.hypot(point[0] - center[0], point[1] - center[1]) <= radius + 3.0


def snap(value: float, grid: float = theme.GRID) -> float:
    """`value` rounded to the nearest multiple of the grid."""
    return round(value / grid) * grid + 0.0  # + 0.0 turns -0.0 into 0.0


def flow_width(flow: float | None, biggest: float) -> float:
    """Edge stroke width in proportion to the square root of its flow (area reads as volume)."""
    if not flow or flow <= 0 or biggest <= 0:
        return theme.EDGE_MIN_WIDTH
    share = math.sqrt(min(flow / biggest, 1.0))
    return theme.EDGE_MIN_WIDTH + (theme.EDGE_MAX_WIDTH - theme.EDGE_MIN_WIDTH) * share


def centered_box(cx: float, cy: float) -> Rect:
    """A node box centred on a point (a palette drop or a paste lands under the pointer)."""
    return Rect(cx - theme.NODE_WIDTH / 2, cy - theme.NODE_HEIGHT / 2,
                theme.NODE_WIDTH, theme.NODE_HEIGHT)


def label_pill(cx: float, cy: float, text_w: float, font_px: float) -> Rect:
    """The small plate under an edge label, centred on the label point."""
    w, h = text_w + 10.0, font_px + 7.0
    return Rect(cx - w / 2, cy - h / 2, w, h)
