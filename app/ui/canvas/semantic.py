"""Semantic zoom: zoomed out past the point where a node's body text can be read, a node
draws only its title, at a size that can be read on screen.

Below SEMANTIC_ZOOM the owner and volume lines would be under 8 px: they are dropped, and the
title is drawn at TITLE_PX screen pixels whatever the zoom, wrapped over at most three lines
in its column (it may reach past the small box into the gap between columns), on a light
plate so edges passing under it do not cross the words. So Fit shows a whole funnel as a
map whose steps can still be read, instead of empty boxes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from app.render import theme
from app.ui.paint import paint_outline, styles
from app.ui.paint.wrap import wrap

#: body text (owner, volume) under this many screen pixels is not drawn
BODY_MIN_PX = 8.0
SEMANTIC_ZOOM = BODY_MIN_PX / theme.FONT_SMALL_PX
#: below this zoom columns are too narrow on screen for any title: outlines only
MIN_ZOOM = 0.15
#: how far a title may reach past its box (scene units, sideways and up or down), down to
#: MIN_ZOOM; the node items' bounds include it while a view is zoomed out, so that Qt
#: repaints all of it
REACH = (130.0, 240.0)
#: a title's size on screen while zoomed out, and the least it may shrink to when cramped
TITLE_PX = 11.0
MIN_TITLE_PX = 9.0
#: the least a title shrinks to so that its longest word fits whole (rather than split)
WORD_MIN_PX = 6.5
#: how wide a title may be at most, in scene units: its node and most of a column gap
TITLE_ROOM = theme.COLUMN_WIDTH - 24.0
MAX_LINES = 3
#: how far a title may reach sideways from its node's centre where no neighbour is close
SIDE = theme.NODE_WIDTH / 2 + REACH[0] - 12.0
#: screen pixels kept free between the titles of neighbouring nodes
GAP_PX = 3.0
FAR = 1e9  # no neighbour

#: counts of titles drawn (tests read it to see what the semantic level draws)
title_draws = {"count": 0}


def active(zoom: float) -> bool:
    """Whether a view at `zoom` draws nodes by their titles only."""
    return MIN_ZOOM <= zoom < SEMANTIC_ZOOM


def title_px(zoom: float) -> float:
    """The on-screen size of a title at `zoom`: TITLE_PX, or the node's own label size
    where that is larger (no jump down when the level changes)."""
    return max(TITLE_PX, theme.FONT_LABEL_PX * zoom)


@lru_cache(maxsize=32)
def _font(px: int) -> tuple[QFont, QFontMetricsF]:
    from app.ui.fonts import ui_families

    font = QFont()
    font.setFamilies(ui_families())
    font.setPixelSize(px)
    font.setWeight(QFont.Weight.DemiBold)  # bold smears when scaled this far down
    return font, QFontMetricsF(font)


@lru_cache(maxsize=64)
def _plain_font(px: int) -> tuple[QFont, QFontMetricsF]:
    """The title font at normal weight, for titles with CJK: the bundled CJK font has no bold,
    so DemiBold would draw its Latin letters and digits bold beside regular characters ("72"
    bold in "72小时激活?"). Never wider than `_font`, so its line breaks still hold."""
    font = QFont(_font(px)[0])
    font.setWeight(QFont.Weight.Normal)
    return font, QFontMetricsF(font)


@lru_cache(maxsize=8192)
def _plain_advance(line: str, px: int) -> float:
    """How wide `line` is in the normal-weight title font."""
    return _plain_font(px)[1].horizontalAdvance(line)


#: CJK characters (ideographs, kana, hangul, full-width forms)
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def title_font(title: str, px: int) -> tuple[QFont, QFontMetricsF]:
    """The font a title is drawn in at `px` pixels (semantic zoom)."""
    return _plain_font(px) if _CJK.search(title) else _font(px)


@lru_cache(maxsize=8192)
def title_lines(title: str, px: int, room: int, max_lines: int, hyphens: bool = True
                ) -> tuple[tuple[str, float], ...]:
    """`title` wrapped for a `px`-pixel font in `room` pixels: (line, advance) pairs.
    Without `hyphens` no line breaks after a hyphen ("sign-up" stays whole)."""
    _, metrics = _font(px)
    lines = wrap(title, metrics, room, max_lines, hyphens)
    if len(lines) > 1 and not lines[-1].endswith("…"):
        # Balanced lines ("官网/落地页", not "官网落地/页"): the narrowest width that still
        # takes no more lines.
        # Never narrower than the widest word: "Landing page", not "Landin / g page"
        # (Chinese breaks anywhere: "留资/注册", not "留资注/册").
        widest = _widest_word(title, px, hyphens)
        lo, hi = max(room / len(lines), min(widest, float(room))), float(room)
        for _ in range(6):
            mid = (lo + hi) / 2
            tried = wrap(title, metrics, mid, max_lines, hyphens)
            if len(tried) <= len(lines) and not tried[-1].endswith("…"):
                hi, lines = mid, tried
            else:
                lo = mid
    return tuple((line, metrics.horizontalAdvance(line)) for line in lines)


def line_height(px: int) -> float:
    """The distance between two lines of a title (tighter than the font's own)."""
    return px * 1.25


def title_block(title: str, zoom: float, room: tuple[float, float] = (TITLE_ROOM, FAR)
                ) -> tuple[int, tuple[tuple[str, float], ...]]:
    """The font size (scene px, whole) and lines of `title` as drawn at `zoom`, in `room`
    (width, height in scene units: as far as the neighbouring nodes' titles allow).
    At most MAX_LINES lines; where the title does not fit whole (nothing elided, no word
    broken), a smaller size, down to MIN_TITLE_PX; and where even then its longest word
    does not fit, the size at which it does (down to WORD_MIN_PX): a title breaks between
    words (or after a hyphen; Chinese between characters), never inside an English word."""
    # Alone in its row a title may take a column and a half; else what `rooms` shared out.
    width = int((TITLE_ROOM * 1.5 if room[0] >= FAR else room[0]) - GAP_PX / zoom)
    height = room[1] - GAP_PX / zoom
    least = max(1, round(MIN_TITLE_PX / zoom))
    floor = max(1, round(WORD_MIN_PX / zoom))
    sizes = list(dict.fromkeys(max(1, round(screen_px / zoom)) for screen_px in
                               (title_px(zoom), (title_px(zoom) + MIN_TITLE_PX) / 2,
                                MIN_TITLE_PX)))
    # First every size down to MIN_TITLE_PX with hyphenated words whole ("Lead / sign-up"),
    # then breaking after a hyphen ("sign- / up"), then smaller, down to WORD_MIN_PX, so that
    # a word is not split or the title is not elided.
    best = None
    for hyphens, tried in ((False, sizes), (True, sizes), (True, _below(title, least, floor,
                                                                        width))):
        for px in tried:
            lines_fit = max(1, min(MAX_LINES, int(height // line_height(px))))
            lines = title_lines(title, px, width, lines_fit, hyphens)
            whole = bool(lines) and not lines[-1][0].endswith("…")
            if whole:
                best = (px, lines)  # if with a word broken: the smallest size is kept
            best = best or (px, lines)
            # Whole: nothing elided and no word broken (a smaller size before "consultatio/n").
            if whole and _widest_word(title, px, hyphens) <= width:
                return px, lines
    assert best is not None  # (the loop runs at least once)
    return best


def _below(title: str, least: int, floor: int, width: int) -> list[int]:
    """The sizes under `least` worth trying, down to `floor`: first the one at which the
    longest word fits (if it does not at `least`), then every second size below."""
    out = []
    px = least
    while px > floor and _widest_word(title, px) > width:
        px = max(floor, min(px - 1, int(px * width / _widest_word(title, px))))
    if px < least:
        out.append(px)
    out += [p for p in range(least - 1, floor - 1, -2) if p not in out]
    return out


@lru_cache(maxsize=8192)
def _widest_word(title: str, px: int, hyphens: bool = True) -> float:
    _, metrics = _font(px)
    # Chinese breaks anywhere: only words with Latin letters must stay whole; a line may
    # break after a hyphen ("Limited-/time offer") if `hyphens`.
    words = [part for w in title.split() if w.isascii()
             for part in (_HYPHEN.split(w) if hyphens else [w])]
    return max((metrics.horizontalAdvance(w) for w in words if w), default=0.0)


_HYPHEN = re.compile(r"(?<=-)(?=.)")


def broken_inside_word(title: str, lines: list[str]) -> list[tuple[str, str]]:
    """The line breaks of `lines` (`title` wrapped) that fall inside a Latin word, not at a
    space, after a hyphen or next to a Chinese character: (end of line, start of next)."""
    bad = []
    for before, after in zip(lines, lines[1:], strict=False):
        if not before or not after or before.endswith("-") or before.endswith("…"):
            continue
        a, b = before[-1], after[0]
        if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() and \
                before + " " + after not in " ".join(title.split()):
            bad.append((before, after))
    return bad


def _need(title: str) -> float:
    """What a title needs sideways, relative to others (any one font size): its widest
    Latin word, or a third of it where it has none that wide (Chinese breaks anywhere)."""
    _, metrics = _font(100)
    return max(_widest_word(title, 100), metrics.horizontalAdvance(title) / MAX_LINES, 1.0)


def rooms(geometry, titles: dict[str, str] | None = None
          ) -> dict[str, tuple[float, float, float, float]]:
    """Per node, the room its title has (scene units): (width, up, down, left).
    Sideways, half way to the nearest node on each side of its row (the neighbour takes the
    other half), but as far as SIDE on a side with no close neighbour: a node next to a
    close one on its left only moves its title right (the last steps of a funnel are often
    closer than one wide title); up to 2 SIDE in all. `left` is the part of `width` on the
    node's left (where its title is centred from). Up and down: half way to the nearest
    nodes in its column.
    With `titles`, the gap between two neighbours in a row is shared in proportion to what
    their titles need ("Membership" beside "Repeat"), not half and half: both fit at the
    least size if any split lets them.
    A node alone in its row has width FAR (title_block gives it a column and a half)."""
    need = {n: _need(t) for n, t in (titles or {}).items()}
    left: dict[str, float] = {}
    right: dict[str, float] = {}
    up: dict[str, float] = {}
    down: dict[str, float] = {}
    for along, across in (("cx", "cy"), ("cy", "cx")):
        lines: dict[int, list[tuple[float, str]]] = {}
        for node_id, rect in geometry.nodes.items():
            lines.setdefault(round(getattr(rect, across)), []).append(
                (getattr(rect, along), node_id))
        for members in lines.values():
            members.sort()
            for i, (at, node_id) in enumerate(members):
                before = at - members[i - 1][0] if i else FAR
                after = members[i + 1][0] - at if i + 1 < len(members) else FAR
                if along == "cx":
                    left[node_id] = before * _share(need, node_id, members[i - 1][1] if i
                                                    else None)
                    right[node_id] = after * _share(need, node_id, members[i + 1][1]
                                                    if i + 1 < len(members) else None)
                else:
                    up[node_id], down[node_id] = before / 2, after / 2
            if along == "cx" and len(members) > 1:
                _lean_inward(geometry, members, left, right)
    # The view scrolls over the diagram without its lane and phase headers (canvas/view.py):
    # a title at the diagram's edge must not reach past it, where it would be cut.
    x0, y0, x1, y1 = _content_edges(geometry)
    out = {}
    for n, rect in geometry.nodes.items():
        edge_l, edge_r = rect.cx - x0, x1 - rect.cx
        up[n], down[n] = min(up[n], rect.cy - y0), min(down[n], y1 - rect.cy)
        alone = left[n] >= FAR / 2 and right[n] >= FAR / 2
        if alone and min(edge_l, edge_r) >= TITLE_ROOM * 0.75:
            out[n] = (FAR, up[n], down[n], FAR / 2)
            continue
        if alone:  # a column and a half, as title_block gives it, kept inside the edges
            left[n] = right[n] = TITLE_ROOM * 0.75
        side_l, side_r = min(left[n], SIDE, edge_l), min(right[n], SIDE, edge_r)
        width = side_l + side_r
        # Centred where it can be: take from the roomier side first.
        side_l = min(side_l, max(width / 2, width - side_r))
        out[n] = (width, up[n], down[n], side_l)
    return out


def _lean_inward(geometry, row: list[tuple[float, str]], left: dict[str, float],
                 right: dict[str, float]) -> None:
    """A row's first (last) title has less room than SIDE towards the diagram's edge: it
    takes what it lost there from its neighbour's share of the gap between them, up to half
    of that share (the neighbour's title can still move away from it)."""
    x0, _, x1, _ = _content_edges(geometry)
    (_, first), (_, second) = row[0], row[1]
    lost = SIDE - (geometry.nodes[first].cx - x0)
    if lost > 0:
        give = min(lost, left[second] / 2)
        right[first] += give
        left[second] -= give
    (_, last), (_, before) = row[-1], row[-2]
    lost = SIDE - (x1 - geometry.nodes[last].cx)
    if lost > 0:
        give = min(lost, right[before] / 2)
        left[last] += give
        right[before] -= give


def _content_edges(geometry) -> tuple[float, float, float, float]:
    """The diagram's left, top, right and bottom without its lane and phase headers."""
    b = geometry.bounds
    left = geometry.lanes[0].header.right if geometry.lanes else b.x
    top = geometry.phases[0].header.bottom if geometry.phases else b.y
    return left, top, b.right, b.bottom


def _share(need: dict[str, float], node_id: str, other: str | None) -> float:
    """The part of the gap between `node_id` and its neighbour `other` its title takes."""
    if other is None or node_id not in need or other not in need:
        return 0.5
    return need[node_id] / (need[node_id] + need[other])


def place_title(size: tuple[float, float], title: str, zoom: float,
                room: tuple[float, ...] = (TITLE_ROOM, FAR, FAR)
                ) -> tuple[int, tuple[tuple[str, float], ...], QRectF]:
    """The font size, lines and block (relative to the node's top-left corner) of a node's
    title at `zoom`: centred on the node, moved away from a close neighbour above or below,
    left or right, and from the diagram's edges (`room` from `rooms`)."""
    w, h = size
    width, up, down = room[:3]
    left = room[3] if len(room) > 3 else width / 2
    right = width - left
    px, lines = title_block(title, zoom, (width, up + down))
    block_w = max((advance for _, advance in lines), default=0.0)
    block_h = line_height(px) * len(lines)
    half, gap = block_h / 2, GAP_PX / zoom / 2
    shift = max(0.0, half - (down - gap)) - max(0.0, half - (up - gap))
    half_w = block_w / 2
    shift_x = max(0.0, half_w - (left - gap)) - max(0.0, half_w - (right - gap))
    return px, lines, QRectF(w / 2 + shift_x - half_w, h / 2 - half - shift, block_w, block_h)


def needs_plate(kind: str, size: tuple[float, float], block_w: float, block_h: float,
                shift_x: float) -> bool:
    """Whether a title block reaches past its node (a diamond's sides slope in: past its
    middle 60%), so it gets a plate and no outline runs through its letters."""
    w, h = size
    inside = w * 0.6 if kind == "decision" else w
    return block_w > inside or block_h > h or abs(shift_x) > 0


_PLATE = QColor(255, 255, 255, 225)  # under a title that reaches past its node


@lru_cache(maxsize=4096)  # (a pan or a repaint at one zoom asks the same again)
def _title_plan(size: tuple[float, float], kind: str, title: str, zoom: float,
                room: tuple[float, ...]) -> tuple[QRectF | None, QFont,
                                                  tuple[tuple[QPointF, str], ...]]:
    """Where a node's title goes at `zoom`: its plate (None without), its font, and where
    each line starts (see `paint_node`)."""
    w, h = size
    px, lines, block = place_title(size, title, zoom, room)
    font, metrics = title_font(title, px)
    line_h = line_height(px)
    mid, top, block_w, block_h = block.center().x(), block.top(), block.width(), block.height()
    plate = None
    if needs_plate(kind, size, block_w, block_h, mid - w / 2):
        pad = 2.0 / zoom
        plate = QRectF(mid - block_w / 2 - pad, top - pad, block_w + 2 * pad, block_h + 2 * pad)
    y = top + (line_h + metrics.ascent() - metrics.descent()) / 2
    measured = font is _font(px)[0]  # else a CJK title's lighter font: measure it again
    placed = []
    for line, advance in lines:
        placed.append((QPointF(mid - (advance if measured else _plain_advance(line, px)) / 2,
                               y), line))
        y += line_h
    return plate, font, tuple(placed)


def paint_node(painter: QPainter, look, title: str, zoom: float, *, selected: bool = False,
               handle: bool = False,
               room: tuple[float, ...] = (TITLE_ROOM, FAR, FAR)) -> None:
    """Paint a node at the painter's origin as its outline and a large title (see module).
    `room`: (width, up, down[, left]) from `rooms`."""
    s = styles()
    w, h = look.size
    plate, font, lines = _title_plan(look.size, look.kind, title, zoom, room)
    if plate is not None:
        painter.setPen(s.no_pen)
        painter.setBrush(_PLATE)
        # A plain rectangle on whole pixels: a rounding or an antialiased edge of 2 screen
        # pixels, white on white, is not seen, and each cost ~80 µs a plate.
        smooth = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawRect(plate)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
    paint_outline(painter, look, selected=selected)
    painter.setFont(font)
    painter.setPen(s.text_pens["label"])
    for at, line in lines:
        painter.drawText(at, line)
    title_draws["count"] += len(lines)
    if handle:
        painter.setPen(s.handle_pen)
        painter.setBrush(s.selection_brush)
        painter.drawEllipse(QPointF(w, h / 2), 5.0 / zoom, 5.0 / zoom)
