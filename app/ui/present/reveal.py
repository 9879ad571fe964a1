"""Phase-by-phase (or lane-by-lane) reveal: which part of the diagram is shown at a step.

Pure geometry on the canvas layout: step k shows the first k phases (lane headers included)
or the first k lanes (phase headers included); the rest is veiled.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.render.layout import Layout, Rect

PHASES, LANES = "phases", "lanes"


@dataclass(frozen=True)
class Stage:
    """What one step of the reveal shows and hides, and its band's title."""

    shown: Rect
    hidden: Rect | None
    focus: Rect | None  # the newest band: what the stage keeps readable
    title: str
    step: int
    steps: int


def band_count(geometry: Layout, mode: str) -> int:
    """How many steps the reveal has in `mode` (at least one: the whole diagram)."""
    return max(1, len(geometry.phases if mode == PHASES else geometry.lanes))


def stage(geometry: Layout, mode: str, step: int) -> Stage:
    """The reveal at `step` (1-based, clamped to the bands there are)."""
    b = geometry.bounds
    whole = Rect(b.x, b.y, b.w, b.h)
    bands = geometry.phases if mode == PHASES else geometry.lanes
    if not bands:
        return Stage(whole, None, None, "", 1, 1)
    step = min(max(step, 1), len(bands))
    last = bands[step - 1]
    if mode == PHASES:
        right = last.rect.right
        shown = Rect(b.x, b.y, right - b.x, b.h)
        hidden = Rect(right, b.y, b.right - right, b.h) if right < b.right - 0.5 else None
    else:
        bottom = last.rect.bottom
        shown = Rect(b.x, b.y, b.w, bottom - b.y)
        hidden = Rect(b.x, bottom, b.w, b.bottom - bottom) if bottom < b.bottom - 0.5 else None
    return Stage(shown, hidden, last.rect, last.title, step, len(bands))


def step_showing(geometry: Layout, mode: str, box: Rect) -> int:
    """The first step at which `box` (a node) is fully revealed."""
    bands = geometry.phases if mode == PHASES else geometry.lanes
    for number, band in enumerate(bands, 1):
        edge = band.rect.right if mode == PHASES else band.rect.bottom
        if (box.right if mode == PHASES else box.bottom) <= edge + 0.5:
            return number
    return max(1, len(bands))
