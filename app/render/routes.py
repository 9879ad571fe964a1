"""Where edges run: orthogonal routes through the free channels between nodes.

Nodes stand in columns (boxes that overlap left-right) and, inside a lane, in rows (boxes that
overlap up-down). The gaps between columns are vertical *channels* and the gaps between rows
are horizontal *corridors*; no node stands in either, so a route that runs only in them, with
short stubs to its own ends, never crosses a node. Every edge leaves its source on the right
and enters its target on the left:

- to the next column: across the channel between them (straight when the ports line up);
- further right along a row with nothing in between: straight along the row;
- otherwise (further, or back to the left: loops): down or up its first channel to a corridor,
  along the corridor, and up or down the channel before its target.

Each vertical run gets its own *track* in its channel and each corridor run its own track in
its corridor (interval colouring: the fewest tracks), so no two edges share a line. Ports are
spread along a node's side in the order of where their edges go, so fan-in and fan-out do not
cross at the node. An edge's label sits on its first stub, in a zone at the left of the
channel that no vertical run enters; the layout makes that zone as wide as its widest label.
The router also reports what each channel, corridor and node needs (`Needs`), so the layout
can size them (see `Router` for the order). Cost: O(E log E) for E edges.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from app.render.loop_labels import free_label_columns
from app.render.polyline import simplify
from app.render.rect import Rect
from app.render.route import ARROW_ROOM, CHANNEL_PAD, Pt, Route
from app.render.shapes import outline_x
from app.render.tracks import (
    Run,
    colour_tracks,
    order_tracks,
    spread_ports,
    straighten_ports,
    vertical_run,
)

TRACK_GAP = 10.0  # between two tracks
MIN_TRACK_GAP = 6.0  # closest two tracks may come when a channel is short of room
PORT_GAP = 12.0  # between two ports of a side without labels
LABEL_GAP = 4.0  # between two labels stacked on one side
#: a loop's label along a lane's bottom stands on its run: the run this far above its bottom
LABEL_SIT = 5.0
BADGE_ROOM = 19.0  # a handoff badge before the label (diameter and a gap)
_SHAPED = ("decision", "entry", "exit")  # kinds whose sides are not straight


@dataclass
class Needs:
    """What routing needed: tracks per channel and corridor, label room, node heights."""

    channel_tracks: dict[int, int] = field(default_factory=dict)
    channel_labels: dict[int, float] = field(default_factory=dict)
    corridor_tracks: dict[tuple[int, int], int] = field(default_factory=dict)
    corridor_height: dict[tuple[int, int], float] = field(default_factory=dict)
    node_height: dict[str, float] = field(default_factory=dict)
    columns: int = 0  # how many columns the routes saw
    squeezed: bool = False  # some tracks or ports had less room than they need
    rows: dict[int, int] = field(default_factory=dict)  # rows per lane the routes saw


def _clusters(spans: list[tuple[float, float, str]]) -> tuple[list[list[float]], dict[str, int]]:
    """Merge overlapping [lo, hi] spans (sorted by lo): the clusters and each item's index."""
    clusters: list[list[float]] = []
    index: dict[str, int] = {}
    for lo, hi, key in sorted(spans):
        if clusters and lo < clusters[-1][1] + 0.5:
            clusters[-1][1] = max(clusters[-1][1], hi)
        else:
            clusters.append([lo, hi])
        index[key] = len(clusters) - 1
    return clusters, index


def route_edges(edges: list[tuple[str, str, str]], rects: dict[str, Rect],
                lane_of: dict[str, int], lanes: list[tuple[float, float]], left: float,
                right: float, labels: dict[str, tuple[float, float]], handoffs: set[str], *,
                paths: bool = True, kinds: dict[str, str] | None = None,
                ) -> tuple[dict[str, Route], Needs]:
    """Routes for `edges` ((id, source, target) triples) between the boxes `rects`, placed
    anywhere (the columns and rows are found from the boxes).

    `lane_of` gives each node's lane index, `lanes` each lane's top and bottom, `left` and
    `right` the diagram's inner sides, `labels` each labelled edge's plate size, `handoffs`
    the edges drawn with a handoff badge, `kinds` each node's kind (an edge then starts and
    ends on the node's outline). Returns ({edge id: Route}, Needs); without `paths` only the
    Needs (and an empty dict).
    """
    cols, col_of = _clusters([(r.x, r.right, i) for i, r in rects.items()])
    rows: dict[int, list[list[float]]] = {}
    row_of: dict[str, int] = {}
    by_lane: dict[int, list[tuple[float, float, str]]] = defaultdict(list)
    for node_id, rect in rects.items():
        by_lane[lane_of[node_id]].append((rect.y, rect.bottom, node_id))
    for lane, spans in by_lane.items():
        rows[lane], index = _clusters(spans)
        row_of.update(index)
    router = Router(edges, col_of, row_of, lane_of, {lane: len(r) for lane, r in rows.items()},
                    len(cols), labels, handoffs, kinds)
    router.ports(rects, lanes, rows, ordered=paths)
    if not paths:
        router.tracks(cols, left, right)  # (whether the channels are squeezed)
        return {}, router.needs
    return router.lines(rects, cols, left, right), router.needs


class Router:
    """The routes over one grid of boxes, in three steps that the layout interleaves with
    placing the boxes (as a layered layout sizes the gaps between its layers by the routes
    that run through them, ELK's orthogonal router for one):

    1. `Router(...)`: from where each node stands (column; lane and row) alone, what every
       edge does and the room that takes across the lanes: corridor tracks and heights,
       node heights for their ports, label rooms (`needs`).
    2. `ports(...)`: given the heights, where the ports and corridor runs go, and how many
       tracks each channel needs (`needs.channel_tracks`).
    3. `lines(...)`: given the widths, the lines.
    """

    def __init__(self, edges: list[tuple[str, str, str]], col_of: dict[str, int],
                 row_of: dict[str, int], lane_of: dict[str, int], rows: dict[int, int],
                 columns: int, labels: dict[str, tuple[float, float]], handoffs: set[str],
                 kinds: dict[str, str] | None = None) -> None:
        self.kinds = kinds
        self.needs = needs = Needs(columns=columns, rows=dict(rows))
        row_cols: dict[tuple[int, int], list[int]] = defaultdict(list)  # columns used in a row
        for node_id, c in col_of.items():
            row_cols[(lane_of[node_id], row_of[node_id])].append(c)
        for value in row_cols.values():
            value.sort()

        # What each edge does, which corridor it takes, and what its label needs: its ports
        # that far apart, and room in its first channel (a loop's label rides its corridor).
        self.plans: list[list[Any]] = []  # edge id, source, target, kind, corridor, cs, ct
        self.heights: list[float] = []  # each plan's label height (0: no label, no badge)
        self.on_corridor: set[int] = set()
        self.gaps: dict[str, float] = {}  # a source's gap between its outgoing ports
        plans, heights, on_corridor, gaps = self.plans, self.heights, self.on_corridor, self.gaps
        channel_labels = needs.channel_labels
        outs: dict[str, int] = defaultdict(int)
        ins: dict[str, int] = defaultdict(int)
        for edge_id, s, t in edges:
            if s not in col_of or t not in col_of:
                continue
            cs, ct = col_of[s], col_of[t]
            ls, lt, rs, rt = lane_of[s], lane_of[t], row_of[s], row_of[t]
            corridor = None
            if s != t and ct == cs + 1:
                kind = "next"
            elif s != t and ct > cs + 1 and ls == lt and rs == rt and _free(
                    row_cols[(ls, rs)], cs, ct):
                kind = "row"
            elif s != t and ct > cs + 1:
                kind = "long"
                down = lt > ls or (lt == ls and rt > rs)
                corridor = (lt, rt if down else rt + 1)
            else:
                kind = "back"
                corridor = (lt, max(rs, rt) + 1) if ls == lt else (lt, rt + 1)
            n = len(plans)
            plans.append([edge_id, s, t, kind, corridor, cs, ct])
            outs[s] += 1
            ins[t] += 1
            plate, badge = labels.get(edge_id), edge_id in handoffs
            if plate is None and not badge:
                heights.append(0.0)
                continue
            height = max(plate[1] if plate else 0.0, BADGE_ROOM - 4.0 if badge else 0.0)
            heights.append(height)
            if kind == "back":
                on_corridor.add(n)
                continue
            if height + LABEL_GAP > gaps.get(s, PORT_GAP):
                gaps[s] = height + LABEL_GAP
            room = (plate[0] if plate else 0.0) + (BADGE_ROOM if badge else 0.0)
            if room >= channel_labels.get(cs + 1, 0.0):
                channel_labels[cs + 1] = room
        node_height = needs.node_height
        for node_id, count in outs.items():
            node_height[node_id] = count * gaps.get(node_id, PORT_GAP) + 8.0
        for node_id, count in ins.items():
            node_height[node_id] = max(node_height.get(node_id, 0.0), count * PORT_GAP + 8.0)

        # Corridor tracks: a run from channel cs+1 to channel ct.
        by_corridor: dict[tuple[int, int], list[tuple[float, float, int]]] = defaultdict(list)
        for n, plan in enumerate(plans):
            if plan[4] is not None:
                a, b = plan[5] + 1, plan[6]
                by_corridor[plan[4]].append((min(a, b), max(a, b), n))
        # Where the rows on both sides of its corridor are empty under a column the run
        # passes, a loop's label sits there and the corridor need not be as tall as it.
        self.label_column = free_label_columns(plans, on_corridor, by_corridor, row_cols,
                                               rows, {i: (lane_of[i], row_of[i])
                                                      for i in col_of})
        self.corridors: dict[tuple[int, int], tuple[dict[int, int], list[float]]] = {}
        for key, intervals in by_corridor.items():
            tracks = colour_tracks(intervals)
            tall = [TRACK_GAP] * (max(tracks.values()) + 1)
            for n, track in tracks.items():
                if n in on_corridor and n not in self.label_column:
                    tall[track] = max(tall[track], heights[n] + LABEL_GAP)
            self.corridors[key] = (tracks, tall)
            needs.corridor_tracks[key] = len(tall)
            needs.corridor_height[key] = sum(tall)

    def ports(self, rects: dict[str, Rect], lanes: list[tuple[float, float]],
              rows: dict[int, list[list[float]]], ordered: bool = True) -> None:
        """Where every port and corridor run goes, given the boxes' heights (`rects`; their
        x only orders ports), each lane's top and bottom and each lane's rows' (top, bottom);
        then the tracks each channel needs. Without `ordered` the tracks are only counted."""
        plans, needs = self.plans, self.needs

        def corridor_span(lane: int, k: int) -> tuple[float, float]:
            top, bottom = lanes[lane]
            lane_rows = rows.get(lane, [])
            lo = top if k == 0 else lane_rows[k - 1][1]
            hi = bottom if k >= len(lane_rows) else lane_rows[k][0]
            return lo, hi

        self.corridor_y: dict[int, float] = {}
        corridor_y = self.corridor_y
        for key, (tracks, heights) in self.corridors.items():
            height = needs.corridor_height[key]
            lo, hi = corridor_span(*key)
            scale = min(1.0, max(hi - lo, 0.0) / height) if height else 0.0
            needs.squeezed |= hi - lo + 0.5 < height
            tops, y = [], (lo + hi) / 2 - height * scale / 2
            for h in heights:
                tops.append(y + h * scale / 2)
                y += h * scale
            for n, track in tracks.items():
                corridor_y[n] = tops[track]

        # Ports, ordered by where the edge goes next (out) or comes from (in).
        cy = {node_id: r.y + r.h / 2 for node_id, r in rects.items()}
        out_side: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        in_side: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for n, (_, s, t, kind, _, _, _) in enumerate(plans):
            if kind == "next" or kind == "row":
                out_side[s].append((cy[t], rects[t].x, n))
                in_side[t].append((cy[s], -rects[s].x, n))
            else:
                out_side[s].append((corridor_y[n], -rects[t].x, n))
                in_side[t].append((corridor_y[n], rects[s].x, n))
        self.port_out: dict[int, float] = {}
        self.port_in: dict[int, float] = {}
        port_out, port_in = self.port_out, self.port_in
        squeezed = False
        for node_id, items in out_side.items():
            items.sort()
            gap = self.gaps.get(node_id, PORT_GAP)
            squeezed |= spread_ports(rects[node_id], items, gap, port_out)
        for node_id, items in in_side.items():
            items.sort()
            squeezed |= spread_ports(rects[node_id], items, PORT_GAP, port_in)
            straighten_ports(rects[node_id], items, plans, port_out, port_in)
        needs.squeezed |= squeezed

        # Vertical runs in channels: exits on the left, runs of both kinds, then entries.
        runs: dict[int, list[list[Run]]] = defaultdict(lambda: [[], [], []])
        for n, (_, _, _, kind, _, cs, ct) in enumerate(plans):
            ys, yt = port_out[n], port_in[n]
            if kind == "next":
                if abs(ys - yt) > 0.5:
                    runs[cs + 1][1].append(vertical_run(ys, yt, 3 * n))
            elif kind == "row":
                if abs(ys - yt) > 0.5:
                    runs[ct][2].append(vertical_run(ys, yt, 3 * n + 2))
            else:
                yc = corridor_y[n]
                runs[cs + 1][0].append(vertical_run(ys, yc, 3 * n + 1))
                runs[ct][2].append(vertical_run(yc, yt, 3 * n + 2))
        self.colours: dict[int, list[dict[int, int]]] = {}
        for channel, groups in runs.items():
            colours, total = [], 0
            for group in groups:
                colour = colour_tracks(group)
                if ordered:  # (left to right matters for the lines, not for the count)
                    colour = order_tracks(group, colour)
                colours.append(colour)
                total += max(colour.values()) + 1 if colour else 0
            self.colours[channel] = colours
            needs.channel_tracks[channel] = total

    def tracks(self, cols: list[list[float]], left: float, right: float) -> dict[int, float]:
        """Where each vertical run goes across its channel, given the columns' (left,
        right): keyed 3n (to the next column), 3n+1 (an exit), 3n+2 (an entry)."""
        needs = self.needs
        track_x: dict[int, float] = {}
        for channel, colours in self.colours.items():
            counts = [max(c.values()) + 1 if c else 0 for c in colours]
            total = sum(counts)
            lo = left if channel == 0 else cols[channel - 1][1]
            hi = right if channel == len(cols) else cols[channel][0]
            start = lo + CHANNEL_PAD + needs.channel_labels.get(channel, 0.0)
            stop = hi - ARROW_ROOM
            gap = TRACK_GAP
            if total > 1 and (stop - start) / (total - 1) < TRACK_GAP:
                # a little closer still reads; closer than that, size the channel again, and
                # if even that cannot be (boxes placed by hand), use the whole channel
                if (stop - start) / (total - 1) < MIN_TRACK_GAP:
                    needs.squeezed = True
                    start = lo + 4.0
                gap = max((stop - start) / max(total - 1, 1), 1.0)
            # centre the tracks in the room they have
            spare = (stop - start) - gap * (total - 1)
            x0 = start + max(spare, 0.0) / 2 if total else start
            base = 0
            for colour, count in zip(colours, counts, strict=True):
                for run_key, track in colour.items():
                    track_x[run_key] = x0 + (base + track) * gap
                base += count
        return track_x

    def lines(self, rects: dict[str, Rect], cols: list[list[float]], left: float,
              right: float) -> dict[str, Route]:
        """Every edge's route, given the boxes where they finally stand and the columns'
        (left, right) between `left` and `right`."""
        track_x = self.tracks(cols, left, right)
        needs, kinds, corridor_y = self.needs, self.kinds, self.corridor_y
        port_out, port_in = self.port_out, self.port_in
        routes: dict[str, Route] = {}
        for n, (edge_id, s, t, kind, corridor, cs, _) in enumerate(self.plans):
            src, dst = rects[s], rects[t]
            ys, yt = port_out[n], port_in[n]
            first: Pt = (src.right, ys)
            end: Pt = (dst.x, yt)
            points: list[Pt]
            plain = True  # no point repeated and no three in a line: nothing to simplify
            if kind == "next" or kind == "row":
                if abs(ys - yt) <= 0.5:
                    points = [first, end]
                else:
                    x = track_x[3 * n if kind == "next" else 3 * n + 2]
                    points = [first, (x, ys), (x, yt), end]
                    plain = first[0] + 0.01 < x < end[0] - 0.01
            else:
                x1, x2, yc = track_x[3 * n + 1], track_x[3 * n + 2], corridor_y[n]
                points = [first, (x1, ys), (x1, yc), (x2, yc), (x2, yt), end]
                plain = False
            if kinds is not None:  # from and to the outline of a diamond, stadium or octagon
                if kinds.get(s, "step") in _SHAPED:
                    points.insert(0, (outline_x(kinds[s], src, ys, "right"), ys))
                    plain = False
                if kinds.get(t, "step") in _SHAPED:
                    end = (outline_x(kinds[t], dst, yt, "left"), yt)
                    points.append(end)
                    plain = False
            if not plain or len(points) == 2:  # (two points: only if they coincide)
                points = simplify(points)
            label: tuple[float, float, float, bool]
            if n in self.on_corridor:  # centred under a column, on the corridor run
                column = cols[self.label_column.get(n, cs)]
                y = corridor_y[n]
                lane, k = corridor
                if n in self.label_column and k == needs.rows.get(lane, 0):  # lane's bottom
                    y -= max(0.0, self.heights[n] / 2 - LABEL_SIT)
                label = ((column[0] + column[1]) / 2, y, column[1] - column[0], True)
            else:
                label = (src.right + CHANNEL_PAD, ys, needs.channel_labels.get(cs + 1, 0.0),
                         False)
            routes[edge_id] = Route(tuple(points), *label)
        return routes


def _free(columns: list[int], a: int, b: int) -> bool:
    """Whether no column strictly between a and b is used (columns sorted)."""
    return bisect_right(columns, a) == bisect_left(columns, b)


