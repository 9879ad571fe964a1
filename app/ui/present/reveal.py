"""Phase-by-phase (or lane-by-lane) reveal: which part of the diagram is shown at a step.

Pure geometry on the canvas layout: step k shows the first k phases (lane headers included)
or the first k lanes (phase headers included); the rest is veiled. The reveal's mode is the
axis it walks along, PHASE or LANE.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.model.axes import Axis
from app.render.bands import bands, span
from app.render.layout import Layout, Rect


@dataclass(frozen=True)
class Stage:
    """What one step of the reveal shows and hides, and the newest lane's (phase's) title."""

    shown: Rect
    hidden: Rect | None
    focus: Rect | None  # the newest lane or phase: what the stage keeps readable
    title: str
    step: int
    steps: int


def step_count(geometry: Layout, axis: Axis) -> int:
    """How many steps the reveal along `axis` has (at least one: the whole diagram)."""
    return max(1, len(bands(geometry, axis)))


def stage(geometry: Layout, axis: Axis, step: int) -> Stage:
    """The reveal at `step` (1-based, clamped to the lanes or phases there are)."""
    b = geometry.bounds
    whole = Rect(b.x, b.y, b.w, b.h)
    walked = bands(geometry, axis)
    if not walked:
        return Stage(whole, None, None, "", 1, 1)
    step = min(max(step, 1), len(walked))
    last = walked[step - 1]
    end = span(axis, last.rect)[1]
    if axis.rows:  # lanes: the top part is shown, the rest below veiled
        shown = Rect(b.x, b.y, b.w, end - b.y)
        hidden = Rect(b.x, end, b.w, b.bottom - end) if end < b.bottom - 0.5 else None
    else:  # phases: the left part is shown, the rest to the right veiled
        shown = Rect(b.x, b.y, end - b.x, b.h)
        hidden = Rect(end, b.y, b.right - end, b.h) if end < b.right - 0.5 else None
    return Stage(shown, hidden, last.rect, last.title, step, len(walked))


def step_showing(geometry: Layout, axis: Axis, box: Rect) -> int:
    """The first step at which `box` (a node) is fully revealed."""
    walked = bands(geometry, axis)
    for number, band in enumerate(walked, 1):
        if span(axis, box)[1] <= span(axis, band.rect)[1] + 0.5:
            return number
    return max(1, len(walked))
