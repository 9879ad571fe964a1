"""Where an axis's bands lie: lanes are rows stacked downwards, phases columns to the right.

A band is the drawn lane or phase (`Band`); these helpers let code that handles either axis
measure along it without asking which one it is.
"""

from __future__ import annotations

from app.model.axes import AnyAxis
from app.render.layout import Band, Layout
from app.render.rect import Rect


def bands(layout: Layout, axis: AnyAxis) -> tuple[Band, ...]:
    """The laid-out lanes (or phases) of `layout`, in order."""
    return layout.lanes if axis.rows else layout.phases


def along(axis: AnyAxis, x: float, y: float) -> float:
    """The coordinate of point (x, y) in the direction the axis's bands follow each other."""
    return y if axis.rows else x


def span(axis: AnyAxis, rect: Rect) -> tuple[float, float]:
    """Where `rect` starts and ends in the direction the axis's bands follow each other."""
    return (rect.y, rect.bottom) if axis.rows else (rect.x, rect.right)


def band_at(layout: Layout, axis: AnyAxis, x: float, y: float) -> Band | None:
    """The lane (or phase) whose band holds the scene point (x, y) along the axis."""
    at = along(axis, x, y)
    for band in bands(layout, axis):
        start, end = span(axis, band.rect)
        if start <= at < end:
            return band
    return None
