"""Where the canvas puts its decorations and handles, and how it snaps: pure geometry.

Shared by the Qt canvas and the Qt-painted exports (PNG/PDF), so that a status mark or a
severity marker sits in the same place everywhere. Positions are relative to a node's box.
"""

from __future__ import annotations

import math

from app.render import theme
from app.render.layout import Rect

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


def status_mark_center(rect: Rect) -> tuple[float, float]:
    """Centre of the KPI status mark: the node's top-right corner, inside the outline."""
    return rect.right - MARK_INSET, rect.y + MARK_INSET


def severity_marker_center(rect: Rect) -> tuple[float, float]:
    """Centre of the checklist severity marker: the node's top-left corner."""
    return rect.x + MARK_INSET, rect.y + MARK_INSET


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
