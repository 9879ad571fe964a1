"""Break opportunities in long unbroken text, so that Qt lays it out in linear time.

QTextDocument breaks a word too long for its line character by character, trying the whole
rest of the word each time: a label of a million characters without a space took minutes to
lay out (issue 17). A zero-width space every RUN characters of such a run gives it places to
break, and costs nothing to the eye. A run longer than MAX_RUN is cut there with "…": no
one reads that much without a space on paper, and one paragraph spanning a hundred pages
would be laid out again for every page (the text and Markdown exports keep it whole).
"""

from __future__ import annotations

import re

ZERO_WIDTH_SPACE = "\u200b"
#: runs of at least LONG characters without a break get a break opportunity every RUN
LONG, RUN = 120, 60
MAX_RUN = 2000
# Markup characters (tags, entities) are never inside a run, so this is safe on HTML too.
_UNBROKEN = re.compile(r"[^\s<>&;\u200b]{" + str(LONG) + ",}")


def breakable(text: str) -> str:
    """`text` (plain or HTML) with a zero-width space every RUN characters of a long run."""

    def cut(match: re.Match[str]) -> str:
        run = match.group(0)
        if len(run) > MAX_RUN:
            run = run[:MAX_RUN] + "…"
        return ZERO_WIDTH_SPACE.join(run[i:i + RUN] for i in range(0, len(run), RUN))

    return _UNBROKEN.sub(cut, text)
