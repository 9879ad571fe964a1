"""A wrap holds for a whole span of widths: `_narrowest` asks those spans instead of wrapping
again, and must find exactly the width the plain halving finds."""

from __future__ import annotations

import random

from app.render import sizes, theme
from app.render.sizes import LABEL_LINES, _narrowest, _wrap_span, wrap

WORDS = ["Sign up", "28% / 35%", "Redeem", "target 70%", "≈50% (shared)", "注册", "转化率",
         "目标 35%", "Onboarding-call-scheduled", "a", "demo", "试用到付费", "Checkout", "%"]


def _plain_narrowest(text: str, width: float, count: int) -> float:
    """The halving as it was: one wrap per width asked."""
    lo, hi = min(sizes._widest_word(text), width), width
    if len(wrap(text, lo, theme.FONT_EDGE_PX, LABEL_LINES)[0]) <= count:
        return lo
    while hi - lo > 0.5:
        mid = (lo + hi) / 2
        lines, cut = wrap(text, mid, theme.FONT_EDGE_PX, LABEL_LINES)
        if not cut and len(lines) <= count:
            hi = mid
        else:
            lo = mid
    return hi


def _texts(n: int) -> list[str]:
    rng = random.Random(5)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 7))) for _ in range(n)]


def test_a_wrap_is_the_same_anywhere_in_its_span():
    checked = 0
    for text in _texts(300):
        for width in (20.0, 47.5, 80.0, 123.4):
            lines, cut, low, high = _wrap_span(text, width, theme.FONT_EDGE_PX, LABEL_LINES)
            assert low <= width < high
            assert (lines, cut) == wrap(text, width, theme.FONT_EDGE_PX, LABEL_LINES)
            for inside in (low, (low + min(high, low + 50)) / 2):
                if low <= inside < high and inside > 0:
                    assert wrap(text, inside, theme.FONT_EDGE_PX, LABEL_LINES) == (lines, cut)
                    checked += 1
    assert checked > 500


def test_narrowest_finds_the_plain_halvings_width():
    differing = 0
    for text in _texts(400):
        lines, cut = wrap(text, theme.EDGE_LABEL_MAX_WIDTH, theme.FONT_EDGE_PX, LABEL_LINES)
        if cut or len(lines) < 2:
            continue
        width = _narrowest(text, theme.EDGE_LABEL_MAX_WIDTH, len(lines))
        assert width == _plain_narrowest(text, theme.EDGE_LABEL_MAX_WIDTH, len(lines))
        differing += width != theme.EDGE_LABEL_MAX_WIDTH
    assert differing > 50  # most labels were narrowed: the halving ran


def _plain_narrowest_node(kind, title, owner, width, lines, start=sizes.NODE_NARROW, most=0):
    """The node width search as it was: one wrap per grid step."""
    height = theme.NODE_HEIGHT + (len(lines) - 1) * sizes.line_height(theme.FONT_LABEL_PX)
    small = sizes._REAL_SLACK * max(sizes.safe_width(t, theme.FONT_SMALL_PX) for t in (
        *sizes._VOLUME_ROOM, *((owner,) if owner.strip() else sizes._NO_OWNER_ROOM)))
    word = max((sizes.safe_width(w.rstrip(), theme.FONT_LABEL_PX, True)
                for w in sizes.word_breaks(title)), default=0.0)
    w = start
    while w < width:
        room = sizes.title_width(kind, w) / sizes._REAL_SLACK
        if sizes.small_line_width(kind, w, height) >= small and room >= word:
            tried, cut = wrap(title, room, theme.FONT_LABEL_PX, sizes.TITLE_LINES, True)
            if not cut and len(tried) <= max(most, len(lines)):
                return w, tried
        w += theme.GRID
    return width, lines


def test_narrowest_node_finds_the_plain_searchs_width():
    narrowed = 0
    for i, title in enumerate(_texts(300)):
        kind = ("step", "entry", "decision", "goal")[i % 4]
        owner = ("", "Growth team", "市场部")[i % 3]
        lines, cut = wrap(title, sizes.title_width(kind, theme.NODE_WIDTH), theme.FONT_LABEL_PX,
                          sizes.TITLE_LINES, True)
        if cut:
            continue
        found = sizes._narrowest_node(kind, title, owner, theme.NODE_WIDTH, lines)
        assert found == _plain_narrowest_node(kind, title, owner, theme.NODE_WIDTH, lines)
        narrowed += found[0] < theme.NODE_WIDTH
    assert narrowed > 30
