"""Outlines of nodes, edge curves and status marks as path commands.

A path is a list of commands — ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Z",) —
that the canvas turns into a QPainterPath and the SVG writer into a `d` attribute, so both
draw exactly the same shapes.
"""

from __future__ import annotations

import math
from typing import Any

from app.render import theme
from app.render.rect import Rect

Point = tuple[float, float]
Command = tuple[Any, ...]
Path = list[Command]

_KAPPA = 0.5523  # cubic Bézier approximation of a quarter circle
#: how much of each corner the exit octagon cuts off
EXIT_CORNER = 14.0


def rounded_rect(rect: Rect, radius: float) -> Path:
    """A rectangle with rounded corners."""
    r = min(radius, rect.w / 2, rect.h / 2)
    k = r * _KAPPA
    x, y, right, bottom = rect.x, rect.y, rect.right, rect.bottom
    return [
        ("M", x + r, y),
        ("L", right - r, y),
        ("C", right - r + k, y, right, y + r - k, right, y + r),
        ("L", right, bottom - r),
        ("C", right, bottom - r + k, right - r + k, bottom, right - r, bottom),
        ("L", x + r, bottom),
        ("C", x + r - k, bottom, x, bottom - r + k, x, bottom - r),
        ("L", x, y + r),
        ("C", x, y + r - k, x + r - k, y, x + r, y),
        ("Z",),
    ]


def polygon(points: list[tuple[float, float]]) -> Path:
    """A closed polygon through `points`."""
    first, *rest = points
    return [("M", *first), *(("L", *p) for p in rest), ("Z",)]


def inset(rect: Rect, by: float) -> Rect:
    return Rect(rect.x + by, rect.y + by, rect.w - 2 * by, rect.h - 2 * by)


def node_outline(kind: str, rect: Rect) -> list[Path]:
    """The outline(s) of a node: each kind has its own shape (a goal has a double border)."""
    if kind == "entry":  # a stadium: where people come in (a taller one keeps its ends' size)
        return [rounded_rect(rect, entry_radius(rect))]
    if kind == "decision":
        return [polygon([(rect.cx, rect.y), (rect.right, rect.cy),
                         (rect.cx, rect.bottom), (rect.x, rect.cy)])]
    if kind == "goal":
        return [rounded_rect(rect, 10.0), rounded_rect(inset(rect, 4.0), 7.0)]
    if kind == "exit":  # an octagon, like a stop sign: people leave here
        c = EXIT_CORNER
        return [polygon([(rect.x + c, rect.y), (rect.right - c, rect.y),
                         (rect.right, rect.y + c), (rect.right, rect.bottom - c),
                         (rect.right - c, rect.bottom), (rect.x + c, rect.bottom),
                         (rect.x, rect.bottom - c), (rect.x, rect.y + c)])]
    return [rounded_rect(rect, 8.0)]


def entry_radius(rect: Rect) -> float:
    """The radius of an entry stadium's round ends: half a standard node's height at most, so
    a node grown taller for its ports keeps room for its text."""
    return min(rect.h, rect.w, theme.NODE_HEIGHT) / 2


def outline_x(kind: str, rect: Rect, y: float, side: str) -> float:
    """Where a horizontal line at height `y` meets the outline on the `side` ("left" or
    "right"): an edge starts and ends there, on the shape, not on its bounding box."""
    dy = abs(y - rect.cy)
    inset = 0.0
    if kind == "decision":
        inset = rect.w / 2 * min(dy / (rect.h / 2), 1.0)
    elif kind == "entry":
        r = entry_radius(rect)
        dy = max(dy - (rect.h / 2 - r), 0.0)  # on the straight part of the side: no inset
        inset = r - math.sqrt(max(r * r - dy * dy, 0.0))
    elif kind == "exit":
        inset = max(0.0, EXIT_CORNER - (rect.h / 2 - dy))
    return rect.right - inset if side == "right" else rect.x + inset


def text_box(kind: str, rect: Rect) -> Rect:
    """Where a node's text goes inside its outline."""
    if kind == "decision":
        return Rect(rect.x + rect.w * 0.2, rect.y + 8, rect.w * 0.6, rect.h - 16)
    if kind == "entry":
        return Rect(rect.x + 22, rect.y + 6, rect.w - 44, rect.h - 12)
    return Rect(rect.x + 10, rect.y + 6, rect.w - 20, rect.h - 12)


def _bezier_point(p0: Point, p1: Point, p2: Point, p3: Point, t: float) -> Point:
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
            a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1])


def split_cubic(p0: Point, p1: Point, p2: Point, p3: Point, t0: float, t1: float,
                ) -> tuple[Point, Point, Point, Point]:
    """The control points of the part of a cubic Bézier between parameters t0 and t1."""
    def lerp(a: Point, b: Point, t: float) -> Point:
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    def split(q0: Point, q1: Point, q2: Point, q3: Point, t: float,
              ) -> tuple[Point, Point, Point, Point]:  # de Casteljau: the curve from t to 1
        a, b, c = lerp(q0, q1, t), lerp(q1, q2, t), lerp(q2, q3, t)
        d, e = lerp(a, b, t), lerp(b, c, t)
        return lerp(d, e, t), e, c, q3

    if t0 > 0:
        p0, p1, p2, p3 = split(p0, p1, p2, p3, t0)
    if t1 < 1:  # the end of the rest, at t1 measured on the rest: its reverse from 1 - u
        u = (t1 - t0) / (1 - t0)
        r0, r1, r2, r3 = split(p3, p2, p1, p0, 1 - u)
        p0, p1, p2, p3 = r3, r2, r1, r0
    return p0, p1, p2, p3


def arrow_head(tip: tuple[float, float], toward: tuple[float, float], size: float = 9.0) -> Path:
    """A filled triangle pointing at `tip`, coming from the direction of `toward`."""
    angle = math.atan2(tip[1] - toward[1], tip[0] - toward[0])
    left = (tip[0] - size * math.cos(angle - 0.4), tip[1] - size * math.sin(angle - 0.4))
    right = (tip[0] - size * math.cos(angle + 0.4), tip[1] - size * math.sin(angle + 0.4))
    return polygon([tip, left, right])


def _circle(cx: float, cy: float, r: float, clockwise: bool = True) -> Path:
    k = r * _KAPPA * (1 if clockwise else -1)
    ry = r if clockwise else -r
    return [("M", cx + r, cy),
            ("C", cx + r, cy + k, cx + k, cy + ry, cx, cy + ry),
            ("C", cx - k, cy + ry, cx - r, cy + k, cx - r, cy),
            ("C", cx - r, cy - k, cx - k, cy - ry, cx, cy - ry),
            ("C", cx + k, cy - ry, cx + r, cy - k, cx + r, cy),
            ("Z",)]


def status_mark(status: str, cx: float, cy: float, r: float = 7.0) -> tuple[Path, str]:
    """The KPI status mark: a shape *and* a glyph, so status never hangs on colour alone.

    on: a circle with ✓; off: a triangle with !; unmeasured: an empty ring (nothing measured
    yet: a "?" in a diamond read as a character the font is missing).
    """
    if status == "on":
        return _circle(cx, cy, r), "✓"
    if status == "off":
        return polygon([(cx, cy - r - 1), (cx + r + 1, cy + r), (cx - r - 1, cy + r)]), "!"
    # The inner circle runs the other way, so the ring is hollow under either fill rule.
    return _circle(cx, cy, r - 0.5) + _circle(cx, cy, r - 3.0, clockwise=False), ""


def path_to_svg(path: Path) -> str:
    """A path as the `d` attribute of an SVG <path>."""
    parts = []
    for command in path:
        op, *numbers = command
        parts.append(op + " ".join(_num(n) for n in numbers) if numbers else op)
    return " ".join(parts)


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
