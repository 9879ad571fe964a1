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
