"""How runs share a channel or a corridor, and ports a node's side (app.render.routes).

Runs get *tracks* by interval colouring (the fewest tracks, no two overlapping runs on one),
numbered left to right so that runs cross least; ports are spread evenly along a side and
shifted together so that one edge can run straight.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from app.render.rect import Rect

#: a vertical run: top, bottom, key, order (see `vertical_run`)
Run = tuple[float, float, int, float]

_ORDER = itemgetter(3)  # a run's order


def colour_tracks(intervals: Sequence[tuple[float, float, int] | Run]) -> dict[int, int]:
    """Tracks for intervals (lo, hi, key, ...): overlapping ones (touching included) never
    share one."""
    if len(intervals) < 2:  # (most channels)
        return {interval[2]: 0 for interval in intervals}
    free: list[tuple[float, int]] = []  # (end, track)
    result: dict[int, int] = {}
    count = 0
    for interval in sorted(intervals):
        lo, hi, key = interval[0], interval[1], interval[2]
        if free and free[0][0] < lo:
            _, track = heapq.heappop(free)
        else:
            track = count
            count += 1
        result[key] = track
        heapq.heappush(free, (hi, track))
    return result


def vertical_run(y_from: float, y_to: float, key: int) -> Run:
    """A vertical run as (top, bottom, key, order): `order` puts runs that cross least left
    of each other (down: the one starting lower on the left; up: the one starting higher)."""
    order = -y_from if y_to > y_from else y_from
    return min(y_from, y_to), max(y_from, y_to), key, order


def order_tracks(group: list[Run], colour: dict[int, int]) -> dict[int, int]:
    """The same tracks, renumbered left to right by the average order of their runs."""
    if len(colour) < 2:  # (most groups: one run or none)
        return colour
    if len(colour) == max(colour.values()) + 1:  # a track per run: the runs' own order
        return {run[2]: i for i, run in enumerate(sorted(group, key=_ORDER))}
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for _, _, key, order in group:
        entry = sums[colour[key]]
        entry[0] += order
        entry[1] += 1
    rank = {track: i for i, track in enumerate(sorted(sums, key=lambda t: sums[t][0]
                                                        / sums[t][1]))}
    return {key: rank[track] for key, track in colour.items()}


def spread_ports(rect: Rect, items: list[tuple[float, float, int]], gap: float,
                 ports: dict[int, float]) -> bool:
    """Ports along one side of `rect`, `gap` apart and centred; True if the side is too
    short for that gap (the ports then close up)."""
    count = len(items)
    squeezed = count * gap + 8.0 > rect.h
    if count == 1:  # (most sides: one port, in the middle)
        ports[items[0][2]] = rect.cy
        return squeezed
    if squeezed:
        gap = (rect.h - 8.0) / count
    middle, half = rect.cy, (count - 1) / 2
    for i, (_, _, n) in enumerate(items):
        ports[n] = middle + (i - half) * gap
    return squeezed


def straighten_ports(rect: Rect, items: list[tuple[float, float, int]],
                     plans: list[list[Any]], port_out: dict[int, float],
                     port_in: dict[int, float]) -> None:
    """Shift a side's ports together so that one edge from the next column or along the row
    runs straight (the smallest shift that does, if all ports stay on the side)."""
    best = None
    for item in items:
        n = item[2]
        if plans[n][3] == "next" or plans[n][3] == "row":
            shift = port_out[n] - port_in[n]
            if best is None or abs(shift) < abs(best):
                best = shift
    if not best:
        return
    # (spread in order: the first and last ports are the ends of the side's run)
    ends = port_in[items[0][2]] + best, port_in[items[-1][2]] + best
    if min(ends) >= rect.y + 4.0 and max(ends) <= rect.bottom - 4.0:
        for item in items:
            port_in[item[2]] += best
