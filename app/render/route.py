"""One edge's route: the corners the router chose and where the label sits; the drawn path
and arrow follow from the corners when first read. `quick_route` is the stand-in while a node
is dragged. The router itself is app/render/routes.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.render.polyline import arrow_to, rounded, simplify
from app.render.rect import Rect
from app.render.shapes import Command

Pt = tuple[float, float]

CHANNEL_PAD = 8.0  # between a channel's side and its first label or track
ARROW_ROOM = 14.0  # straight run before a target, for the arrow head


class _drawn:  # noqa: N801 - used as a decorator
    """A route's path or arrow, worked out from its points when first read (a scene of
    thousands of edges draws few of them up close), then kept on the instance."""

    def __init__(self, make: Any) -> None:
        self.make, self.name = make, make.__name__
        self.__doc__ = make.__doc__

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.make(obj)  # (a frozen dataclass allows this)
        return value


@dataclass(frozen=True)
class Route:
    """One edge's drawing: its corners, and where its label plate sits; the path commands
    (corners rounded) and the arrow head follow from the corners."""

    points: tuple[Pt, ...]  # the corners of the orthogonal line (before rounding)
    label_x: float  # left end of the label zone on the first stub (badge first, then plate)
    label_y: float  # the stub's height: the plate is centred on it
    label_room: float  # width of the label zone
    #: the label is centred on label_x (a loop's label on its corridor run), not starting there
    label_centred: bool = False

    @_drawn
    def path(self) -> tuple[Command, ...]:
        """Path commands along the corners, each corner rounded."""
        return tuple(rounded(list(self.points)))

    @_drawn
    def arrow(self) -> tuple[Command, ...]:
        """The arrow head at the end, pointing along the last leg."""
        points = self.points
        end = points[-1]
        before = points[-2] if len(points) > 1 else (end[0] - 10, end[1])
        if before[1] == end[1] and before[0] >= end[0]:
            before = (end[0] - 10, end[1])
        return arrow_to(end, before)


def quick_route(src: Rect, dst: Rect) -> Route:
    """A route between two boxes alone, for the edges of a node being dragged: across the
    gap between them, or around below both when the target is not to the right."""
    ys, yt = src.cy, dst.cy
    start, end = (src.right, ys), (dst.x, yt)
    if dst.x - src.right >= 2 * ARROW_ROOM:
        mid = (src.right + dst.x) / 2
        points = [start, (mid, ys), (mid, yt), end]
    else:
        below = max(src.bottom, dst.bottom) + 2 * CHANNEL_PAD
        points = [start, (src.right + ARROW_ROOM, ys), (src.right + ARROW_ROOM, below),
                  (dst.x - ARROW_ROOM, below), (dst.x - ARROW_ROOM, yt), end]
    return Route(tuple(simplify(points)), src.right + CHANNEL_PAD, ys,
                 max(dst.x - src.right - 2 * CHANNEL_PAD, 0.0))
