"""Pan and zoom frames of the designer's canvas, beside the same frames of the raw-Qt view.

A frame is what the user waits for between two mouse moves: for a pan, the view scrolled by
40 px and the part that came into view painted (Qt moves the rest of the picture's pixels);
for a zoom, one wheel step (x1.1 in, then out again) and the whole view painted anew. Both
go through the event loop (`processEvents`), as in the designer, at 100% over the middle of
the diagram and at zoom-to-fit; the floor is a stock QGraphicsView of the raw-Qt scene with
the same transform, measured alternately in the same run.

Zoomed far out the canvas shows its overview's picture scaled during a zoom step and draws it
sharp again once the scale has rested (app/ui/canvas/overview.py). Between two measured
frames the event loop runs untimed until that is done (as when a user pauses between wheel
steps), so neither side's frame pays for the other's deferred work; the sharp redraw itself
is its own row ("sharp again after a zoom step"), beside the raw view's zoom frame.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.harness import Goal, Row, skipped

PAN_100 = "pan frame at 100%"
PAN_FIT = "pan frame at fit zoom"
ZOOM_100 = "zoom frame at 100%"
ZOOM_FIT = "zoom frame at fit zoom"
SHARP_FIT = "sharp again after a zoom step at fit"
ROWS = (PAN_100, PAN_FIT, ZOOM_100, ZOOM_FIT, SHARP_FIT)
FRAME_GOAL = Goal("every pan and zoom frame <= 16 ms", "ms", 16.0, miss_reason=(
    "a zoom step at 100% repaints the whole view: antialiased dashed strokes and text, as "
    "costly as the raw view's own frame, which is itself above 16 ms on this machine at "
    "1,000 nodes (notes.md, note 1)"))
PAN_PX = 40
FRAMES = 12  # per side and measurement (medians)


def frame_rows(view, raw_view, geometry, n: int, place) -> list[Row]:  # noqa: ANN001
    """The four frame rows at `n` nodes; `place(view, raw_view, geometry, fit)` positions
    both views alike (bench_canvas._place)."""
    rows = []
    for fit in (False, True):
        place(view, raw_view, geometry, fit)
        zoom = f"zoom {view.transform().m11():.3f}"
        if _can_pan(view):
            pan, pan_floor = _alternate(_Pan(), view, raw_view)
            rows.append(Row(PAN_FIT if fit else PAN_100, n, pan, pan_floor,
                            "raw-Qt view, same pan", FRAME_GOAL, note=zoom, runs=FRAMES))
        else:
            rows.append(skipped(PAN_FIT if fit else PAN_100, n,
                                f"{zoom}: the whole diagram is in view, nothing to pan"))
        place(view, raw_view, geometry, fit)
        step, step_floor = _alternate(_ZoomStep(), view, raw_view)
        rows.append(Row(ZOOM_FIT if fit else ZOOM_100, n, step, step_floor,
                        "raw-Qt view, same zoom step", FRAME_GOAL, note=zoom, runs=FRAMES))
        if fit:
            sharp = _sharp_again(view)
            rows.append(skipped(SHARP_FIT, n, f"{zoom}: no overview at this size")
                        if sharp is None else
                        Row(SHARP_FIT, n, sharp, step_floor, "raw-Qt view's zoom step",
                            note=f"{zoom}; once, when the wheel rests", runs=FRAMES // 2))
    return rows


def _settle(view) -> None:  # noqa: ANN001
    """Run the event loop, untimed, until the canvas' deferred redraw is done (zoomed far
    out, its overview's picture is drawn sharp SETTLE_MS after a zoom step)."""
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    timer = getattr(getattr(view.scene(), "overview", None), "_settle", None)
    if timer is None or not timer.isActive():
        return
    deadline = QDeadlineTimer(timer.interval() + 200)
    while timer.isActive() and not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.AllEvents, 10)
    QCoreApplication.processEvents()


def _sharp_again(view) -> float | None:  # noqa: ANN001
    """Median seconds of the overview's sharp redraw after a zoom step (None without one)."""
    from PySide6.QtWidgets import QApplication

    scene = view.scene()
    overview = getattr(scene, "overview", None)
    if overview is None or not getattr(scene, "overview_on", False):
        return None
    times, step = [], _ZoomStep()
    for _ in range(FRAMES // 2):
        step(view)  # shown scaled...
        start = time.perf_counter()
        overview._sharpen()  # ...until the scale rests: drawn anew at this scale
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
        _settle(view)
    return statistics.median(times)


def _can_pan(view) -> bool:  # noqa: ANN001
    return any(bar.maximum() - bar.minimum() >= PAN_PX
               for bar in (view.horizontalScrollBar(), view.verticalScrollBar()))


def _alternate(frame, view, raw_view) -> tuple[float, float]:  # noqa: ANN001
    """Median seconds of `frame` on the canvas and on the raw view, taken in turns."""
    times: dict[int, list[float]] = {0: [], 1: []}
    sides = ((0, view), (1, raw_view))
    for _, widget in sides:  # warm-up: first paints fill caches
        frame(widget)
        _settle(view)
    for i in range(FRAMES):
        for side, widget in (sides if i % 2 else sides[::-1]):
            start = time.perf_counter()
            frame(widget)
            times[side].append(time.perf_counter() - start)
            _settle(view)
    return statistics.median(times[0]), statistics.median(times[1])


class _Pan:
    """Scroll 40 px right, then back left (each view keeps its own turn)."""

    def __init__(self) -> None:
        self.turn: dict[int, int] = {}

    def __call__(self, view) -> None:  # noqa: ANN001
        from PySide6.QtWidgets import QApplication

        bar = view.horizontalScrollBar()
        if bar.maximum() - bar.minimum() < PAN_PX:  # all of it in view across: pan down
            bar = view.verticalScrollBar()
        sign = self.turn.get(id(view), 1)
        self.turn[id(view)] = -sign
        bar.setValue(bar.value() + sign * PAN_PX)
        QApplication.processEvents()


class _ZoomStep:
    """One wheel step in, then one out (each view keeps its own turn)."""

    def __init__(self) -> None:
        self.turn: dict[int, int] = {}

    def __call__(self, view) -> None:  # noqa: ANN001
        from PySide6.QtWidgets import QApplication

        sign = self.turn.get(id(view), 1)
        self.turn[id(view)] = -sign
        factor = 1.1 if sign > 0 else 1 / 1.1
        if hasattr(view, "set_zoom"):  # the canvas: its level of detail follows the zoom
            view.set_zoom(view.zoom() * factor)
        else:
            view.scale(factor, factor)
        QApplication.processEvents()
