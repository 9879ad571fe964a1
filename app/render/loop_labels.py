"""Where a loop's label stands: in a column its corridor run passes under, where the rows
on both sides of the corridor are empty, so the corridor need not be as tall as the label
(app.render.routes uses it; O(L log E) for L loops)."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from typing import Any

#: how many columns, nearest its source first, a loop's label looks through for a free one
LABEL_SEARCH = 48


def free_label_columns(plans: list[list[Any]], on_corridor: set[int],
                        by_corridor: dict[tuple[int, int], list[tuple[float, float, int]]],
                        row_cols: dict[tuple[int, int], list[int]],
                        rows: dict[int, int],
                        place: dict[str, tuple[int, int]]) -> dict[int, int]:
    """For loops whose label rides on their corridor run: a column the run passes under
    where the rows above and below the corridor hold no node, no edge along the row and no
    other run of the corridor, so the label can stand there (the nearest to the source,
    among the LABEL_SEARCH nearest). `rows` gives each lane's number of rows, `place` each
    node's (lane, row)."""
    along: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for _, s, _, kind, _, cs, ct in plans:  # edges straight along a row pass cs+1 .. ct-1
        if kind == "row":
            along[place[s]].append((cs + 1, ct))
    passed = {key: _Cover(spans) for key, spans in along.items()}
    runs: dict[tuple[int, int], _Cover] = {}
    used: dict[tuple[int, int], set[int]] = {}  # the columns of a row, as a set when asked
    found: dict[int, int] = {}
    for n in sorted(on_corridor):
        lane, k = plans[n][4]
        if not 0 < k <= rows.get(lane, 0):  # a row above it at least (then the
            continue  # label sits on the run rather than across it: see `route_edges`)
        if (lane, k) not in runs:  # a run from channel lo to hi passes columns lo .. hi-1
            runs[(lane, k)] = _Cover([(int(lo), int(hi)) for lo, hi, _ in by_corridor[(lane, k)]])
        cover = runs[(lane, k)]
        cs, ct = plans[n][5], plans[n][6]
        above, below = _used(used, row_cols, (lane, k - 1)), _used(used, row_cols, (lane, k))
        along_above, along_below = passed.get((lane, k - 1)), passed.get((lane, k))
        for c in range(cs, max(ct, cs - LABEL_SEARCH) - 1, -1):
            if c in above or c in below or cover.count(c) > 1:  # (its own run)
                continue
            if along_above and along_above.count(c) or along_below and along_below.count(c):
                continue
            found[n] = c
            break
    return found


class _Cover:
    """How many of some column spans [lo, hi) hold a column: two sorted lists and bisect."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.los = sorted(lo for lo, _ in spans)
        self.his = sorted(hi for _, hi in spans)

    def count(self, c: int) -> int:
        return bisect_right(self.los, c) - bisect_right(self.his, c)


def _used(used: dict[tuple[int, int], set[int]], row_cols: dict[tuple[int, int], list[int]],
          row: tuple[int, int]) -> set[int]:
    """The columns `row` (lane, row) holds a node in."""
    found = used.get(row)
    if found is None:
        found = used[row] = set(row_cols.get(row, ()))
    return found
