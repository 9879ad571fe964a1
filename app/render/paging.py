"""Paper: how a diagram too wide (or tall) for one readable page is cut into pages.

Pure geometry, in the units of the picture being printed (scene units, a pixel at 96 dpi at
100%) and of the page's printable area. The scale is never so small that diagram text drops
under MIN_TEXT_PT; pages after the first column repeat the lane headers at their left, pages
after the first row the phase headers at their top, and neighbouring pages overlap a little
so that nothing is lost on a cut. `--pages-wide N` (draw.io's "fit to N pages wide") asks for
a scale that spreads the diagram over N pages across.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.render import theme

#: no diagram text on paper under this (points)
MIN_TEXT_PT = 7.0
#: the smallest text a diagram draws, in scene pixels as Qt draws it (whole pixels): the
#: glyphs in the status and warning marks (9.5 px, drawn at 10); owner, volume, edge labels
#: and legend are 11.5 (12)
MARK_GLYPH_PX = 9.5
SMALLEST_TEXT_PX = float(min(round(MARK_GLYPH_PX), round(theme.FONT_SMALL_PX),
                             round(theme.FONT_EDGE_PX)))
POINTS_PER_PX = 72.0 / 96.0
#: the least scale at which every diagram text is still MIN_TEXT_PT on paper
MIN_SCALE = MIN_TEXT_PT / (SMALLEST_TEXT_PX * POINTS_PER_PX)
MAX_SCALE = 1.0  # paper shows a diagram at most at its size on screen
OVERLAP = 24.0  # picture units repeated on both sides of a cut


@dataclass(frozen=True)
class Tile:
    """One page's part of the picture: `x, y, w, h` in picture units; `repeat_lanes` and
    `repeat_phases` say whether the page shows the lane / phase headers again beside it."""

    x: float
    y: float
    w: float
    h: float
    column: int
    row: int
    repeat_lanes: bool
    repeat_phases: bool


@dataclass(frozen=True)
class PagePlan:
    """The scale (paper units per picture unit) and the pages, row by row."""

    scale: float
    columns: int
    rows: int
    tiles: tuple[Tile, ...]

    @property
    def count(self) -> int:
        return len(self.tiles)


def _cuts(length: float, first: float, later: float) -> list[tuple[float, float]]:
    """(start, length) of the pieces covering `length`: the first piece `first` long, the
    others `later` long (after their repeated header), each starting OVERLAP before the end
    of the one before."""
    pieces = [(0.0, min(first, length))]
    end = pieces[0][1]
    while end < length - 0.5:
        start = end - OVERLAP
        pieces.append((start, min(later, length - start)))
        end = start + pieces[-1][1]
    start = pieces[-1][0]  # (a last half unit short is not worth a page: the last reaches)
    pieces[-1] = (start, length - start)
    return pieces


def plan_at(scale: float, picture: tuple[float, float], room: tuple[float, float],
            headers: tuple[float, float]) -> PagePlan:
    """The pages at `scale`: `picture` (w, h) cut to pages whose diagram room is `room`
    (w, h, paper units); `headers` (lane header width, phase header height, picture units)
    are repeated on later columns / rows."""
    width, height = room[0] / scale, room[1] / scale
    lane_w, phase_h = headers
    columns = _cuts(picture[0], width, max(width - lane_w, OVERLAP * 2))
    rows = _cuts(picture[1], height, max(height - phase_h, OVERLAP * 2))
    tiles = tuple(Tile(x, y, w, h, c, r, c > 0 and lane_w > 0, r > 0 and phase_h > 0)
                  for r, (y, h) in enumerate(rows) for c, (x, w) in enumerate(columns))
    return PagePlan(scale, len(columns), len(rows), tiles)


def plan(picture: tuple[float, float], room: tuple[float, float],
         headers: tuple[float, float], pages_wide: int | None = None) -> PagePlan:
    """The pages for a picture on paper with `room` per page (see `plan_at`).

    Without `pages_wide`: the fewest pages at which text stays readable (one, when the
    picture fits), at the largest scale that needs no more. With `pages_wide`: the scale that
    spreads the picture over that many pages across, never under MIN_SCALE (readable text
    wins over the page count asked for).
    """
    w, h = picture
    if w <= 0 or h <= 0:
        return plan_at(MAX_SCALE, (max(w, 1.0), max(h, 1.0)), room, headers)
    if pages_wide is not None:
        n = max(1, int(pages_wide))
        # n pages across cover n * width minus (n - 1) repeated headers and overlaps
        scale = room[0] * n / (w + (n - 1) * (headers[0] + OVERLAP))
        return plan_at(min(MAX_SCALE, max(MIN_SCALE, scale)), picture, room, headers)
    # The fewest pages are had at the least readable scale; then the largest scale that
    # still needs no more pages than that (the page count only grows with the scale).
    fewest = plan_at(MIN_SCALE, picture, room, headers)
    low, high = MIN_SCALE, MAX_SCALE
    if plan_at(high, picture, room, headers).count <= fewest.count:
        return plan_at(high, picture, room, headers)
    for _ in range(24):
        middle = (low + high) / 2
        if plan_at(middle, picture, room, headers).count <= fewest.count:
            low = middle
        else:
            high = middle
    return plan_at(low, picture, room, headers)


def best_plan(picture: tuple[float, float], rooms: dict[str, tuple[float, float]],
              headers: tuple[float, float], pages_wide: int | None = None
              ) -> tuple[str, PagePlan]:
    """The orientation (a key of `rooms`, e.g. "landscape", "portrait") with the fewest pages,
    the first one on a tie, and its plan."""
    best: tuple[str, PagePlan] | None = None
    for key, room in rooms.items():
        candidate = plan(picture, room, headers, pages_wide)
        if best is None or candidate.count < best[1].count or (
                candidate.count == best[1].count and candidate.scale > best[1].scale + 1e-9):
            best = (key, candidate)
    assert best is not None
    return best


def min_text_pt(scale: float) -> float:
    """The size on paper (points) of the smallest diagram text at `scale`."""
    return SMALLEST_TEXT_PX * POINTS_PER_PX * scale

