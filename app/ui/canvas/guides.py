"""Alignment guides while dragging nodes: snap to other nodes' edges and centres, and to the
middle of a phase column, with a line showing what the node is aligned to (as in draw.io).

The features of the nodes that stay put are collected once when the drag starts and looked up
by bisection on every move, so a drag stays cheap in a diagram of thousands of nodes.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem

from app.render.layout import Layout, Rect

#: how close, in screen pixels, a node must come to a feature to snap to it
SNAP_PX = 6.0
GUIDE_COLOR = "#E0338A"  # magenta: never a colour the diagram itself uses


@dataclass
class _Axis:
    """One axis' features: sorted values and, for each, the span a guide line covers."""

    values: list[float] = field(default_factory=list)
    spans: dict[float, tuple[float, float]] = field(default_factory=dict)

    def add(self, value: float, lo: float, hi: float) -> None:
        old = self.spans.get(value)
        self.spans[value] = (min(lo, old[0]), max(hi, old[1])) if old else (lo, hi)

    def freeze(self) -> None:
        self.values = sorted(self.spans)

    def nearest(self, value: float) -> float | None:
        i = bisect_left(self.values, value)
        near = [self.values[j] for j in (i - 1, i) if 0 <= j < len(self.values)]
        return min(near, key=lambda v: abs(v - value)) if near else None


@dataclass(frozen=True)
class Snap:
    """How far to shift the dragged node, and the guide lines to draw (scene units)."""

    dx: float = 0.0
    dy: float = 0.0
    lines: tuple[tuple[float, float, float, float], ...] = ()

    @property
    def snapped_x(self) -> bool:
        return any(x1 == x2 for x1, _, x2, _ in self.lines)

    @property
    def snapped_y(self) -> bool:
        return any(y1 == y2 for _, y1, _, y2 in self.lines)


class Guides:
    """The features of every node not being dragged, and of the phase columns."""

    def __init__(self, layout: Layout, moving: set[str]) -> None:
        self.xs, self.ys = _Axis(), _Axis()
        for node_id, r in layout.nodes.items():
            if node_id in moving:
                continue
            for x in (r.x, r.cx, r.right):
                self.xs.add(x, r.y, r.bottom)
            for y in (r.y, r.cy, r.bottom):
                self.ys.add(y, r.x, r.right)
        for band in layout.phases:  # the middle of a phase column
            self.xs.add(band.rect.cx, band.rect.y, band.rect.bottom)
        self.xs.freeze()
        self.ys.freeze()

    def snap(self, box: Rect, zoom: float) -> Snap:
        """Where `box` should go to line up with the nearest features within reach."""
        reach = SNAP_PX / max(zoom, 0.01)
        dx, x_line = self._best(self.xs, (box.x, box.cx, box.right), reach)
        dy, y_line = self._best(self.ys, (box.y, box.cy, box.bottom), reach)
        lines = []
        if x_line is not None:
            lo, hi = self.xs.spans[x_line]
            lines.append((x_line, min(lo, box.y + dy) - 12, x_line,
                          max(hi, box.bottom + dy) + 12))
        if y_line is not None:
            lo, hi = self.ys.spans[y_line]
            lines.append((min(lo, box.x + dx) - 12, y_line, max(hi, box.right + dx) + 12,
                          y_line))
        return Snap(dx, dy, tuple(lines))

    @staticmethod
    def _best(axis: _Axis, features, reach: float) -> tuple[float, float | None]:
        best = None
        for value in features:
            target = axis.nearest(value)
            if target is not None and abs(target - value) <= reach and (
                    best is None or abs(target - value) < abs(best[0])):
                best = (target - value, target)
        return (best[0], best[1]) if best else (0.0, None)


class GuideLines(QGraphicsItem):
    """The guide lines of the current snap, drawn one pixel wide at any zoom."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: tuple[QLineF, ...] = ()
        self._bounds = QRectF()
        self.setZValue(9.5)

    def show_snap(self, snap: Snap) -> None:
        self.prepareGeometryChange()
        self.lines = tuple(QLineF(*line) for line in snap.lines)
        bounds = QRectF()
        for line in self.lines:
            bounds = bounds.united(QRectF(line.p1(), line.p2()).normalized().adjusted(-2, -2,
                                                                                      2, 2))
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter, option, widget=None) -> None:
        pen = QPen(QColor(GUIDE_COLOR), 1.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        for line in self.lines:
            painter.drawLine(line)
