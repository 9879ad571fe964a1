"""Text broken into lines by Qt's own font metrics: the canvas's pinned lane and phase titles,
the titles drawn large when zoomed out, and the lane titles on paper all break alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF


def wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int,
         hyphens: bool = True) -> list[str]:
    """`text` broken into at most `max_lines` lines of `width` (words where there are spaces,
    or after a hyphen unless `hyphens` is False, else characters, as Chinese breaks), the
    last line elided if text is left over."""
    lines: list[str] = []
    rest = " ".join(text.split())[:400]  # no title is read past a few lines
    while rest and len(lines) < max_lines:
        if len(lines) == max_lines - 1 or metrics.horizontalAdvance(rest) <= width:
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        cut = _fitting(rest, metrics, width)
        # Break after the last space or hyphen that fits, else inside the word (Chinese).
        space = max(rest.rfind(" ", 0, cut + 1),
                    rest.rfind("-", 0, cut - 1) + 1 if hyphens else -1)
        if space > 0:
            cut = space
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [line for line in lines if line]


def broken_word(text: str, lines: list[str]) -> list[bool]:
    """Per line break of `lines` (`text` wrapped): whether it falls inside a Latin word."""
    joined = " ".join(text.split())
    return [before[-1:].isascii() and before[-1:].isalnum() and after[:1].isascii()
            and after[:1].isalnum() and before + " " + after not in joined
            for before, after in zip(lines, lines[1:], strict=False)]


def _fitting(text: str, metrics: QFontMetricsF, width: float) -> int:
    """How many leading characters of `text` fit in `width` (at least one)."""
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if metrics.horizontalAdvance(text[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo
