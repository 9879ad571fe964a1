"""Where the points of a sparkline go (SPEC §6 trends): pure geometry, no Qt."""

from __future__ import annotations


def sparkline_points(values: tuple[float, ...] | list[float], width: float, height: float,
                     pad: float = 2.0) -> list[tuple[float, float]]:
    """One point per value, left to right across `width`, the highest at the top; a flat
    series sits in the middle."""
    if not values:
        return []
    low, high = min(values), max(values)
    span = high - low
    inner_w, inner_h = max(width - 2 * pad, 1.0), max(height - 2 * pad, 1.0)
    step = inner_w / (len(values) - 1) if len(values) > 1 else 0.0
    points = []
    for index, value in enumerate(values):
        share = (value - low) / span if span else 0.5
        points.append((pad + index * step, pad + (1.0 - share) * inner_h))
    return points
