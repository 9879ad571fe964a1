"""The words and numbers drawn on the diagram, formatted the same for canvas and exports."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from app.model import Edge, Node

#: The one table of period words (SPEC §2 `period`) every output takes its words from: the
#: noun ("week", "周") and the short suffix of canvas labels ("/wk", "/周"). The designer's
#: own widgets say them through Qt's translations instead.
PERIOD_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {"day": ("day", "/day"), "week": ("week", "/wk"), "month": ("month", "/mo"),
           "quarter": ("quarter", "/qtr"), "year": ("year", "/yr")},
    "zh": {"day": ("天", "/天"), "week": ("周", "/周"), "month": ("月", "/月"),
           "quarter": ("季度", "/季"), "year": ("年", "/年")},
}
_NO_OWNER = {"en": "no owner", "zh": "未指定负责人"}


def format_rate(value: float) -> str:
    """A conversion as a percentage: 3.2%, 45%, 0.35%."""
    percent = value * 100
    text = f"{percent:.2f}" if 0 < abs(percent) < 1 else f"{percent:.1f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + "%"


def format_count(value: float) -> str:
    """A number of people or money as a report writes it (SPEC §4): whole from 10 up
    (20,000 / 82), one decimal below (4.5), and a sliver above zero "<0.1", never 0."""
    if abs(value) >= 9.95:
        return f"{round(value):,}"
    if 0 < abs(value) < 0.05:
        return "<0.1" if value > 0 else "-<0.1"
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


_TARGET_ONLY = {"en": "target {}", "zh": "目标 {}"}


def conversion_text(edge: Edge, lang: str = "en") -> str:
    """An edge's conversion as drawn: "3.2% / 5%" (actual / target), "70%" when they agree,
    "target 5%" while only a target is known."""
    measure = edge.conversion
    if measure is None:
        return ""
    if measure.target is not None and measure.actual is not None and not measure.is_bare:
        return f"{format_rate(measure.actual)} / {format_rate(measure.target)}"
    if measure.actual is not None:
        return format_rate(measure.actual)
    assert measure.target is not None  # a measure has a target or an actual
    return _TARGET_ONLY.get(lang, _TARGET_ONLY["en"]).format(format_rate(measure.target))


_SHARED = {"en": "≈{} (shared)", "zh": "≈{}（均分）"}


def shared_rate(outgoing: Sequence[Edge], edge: Edge) -> float | None:
    """The share of its source's people that `edge` gets by sharing what its siblings leave
    (SPEC §3), when it has no conversion and at least one sibling; None otherwise.

    `outgoing` is every edge leaving the same source (`edge` included). Worked out on the
    actual scenario, each known conversion falling back to its target.
    """
    if edge.conversion is not None or len(outgoing) < 2:
        return None
    known = [e.conversion.value("actual") for e in outgoing if e.conversion is not None]
    unknown = len(outgoing) - len(known)
    left = 1.0 - sum(float(v) for v in known if v is not None)
    return max(0.0, left) / unknown


def edge_text(edge: Edge, lang: str = "en", shared: float | None = None) -> str:
    """An edge's label followed by its conversion ("≈50% (shared)" when it shares a
    remainder with its siblings)."""
    rate = conversion_text(edge, lang)
    if shared is not None and not rate:
        rate = _SHARED.get(lang, _SHARED["en"]).format(format_rate(shared))
    return " ".join(part for part in (edge.label or "", rate) if part)


def owner_text(node: Node, lang: str) -> str:
    """A node's owner, or a visible note that it has none."""
    return node.owner if node.owner and node.owner.strip() else _NO_OWNER.get(lang, "no owner")


def volume_text(volume: float | None, period: str, lang: str) -> str:
    """People reaching a node per period on actuals: "20,000/mo", "20,000/月"."""
    if volume is None:
        return ""
    return format_count(volume) + per_period(lang, period)


def period_noun(lang: str, period: str) -> str:
    """"week", "周": the period as a word ("en" for any other language)."""
    return PERIOD_WORDS.get(lang, PERIOD_WORDS["en"])[period][0]


def per_period(lang: str, period: str, *, short: bool = True) -> str:
    """"/wk", "/周": the per-period suffix of a number ("/week" when not `short`)."""
    words = PERIOD_WORDS.get(lang, PERIOD_WORDS["en"]).get(period)
    if words is None:
        return ""
    return words[1] if short else "/" + words[0]


def text_width(text: str, font_px: float) -> float:
    """An estimate of the width of `text` at `font_px`: wide (CJK) characters count as one em.

    The canvas and the SVG writer elide with the same estimate so they cut text alike.
    """
    ems = _EMS
    width = 0.0
    for char in text:
        em = ems.get(char)
        if em is None:
            em = ems[char] = _char_em(char)
        width += em
    return width * font_px


_EMS: dict[str, float] = {}  # each character's width in em, worked out once


def _char_em(char: str) -> float:
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char in "il.,:;'!|":
        return 0.3
    if char.isupper() or char in "mwMW@%":
        return 0.72
    return 0.56


def elide(text: str, max_width: float, font_px: float) -> str:
    """`text` cut with an ellipsis so that it fits in `max_width`."""
    if text_width(text, font_px) <= max_width:
        return text
    budget = max_width - text_width("…", font_px)
    kept = ""
    for char in text:
        if text_width(kept + char, font_px) > budget:
            break
        kept += char
    return kept.rstrip() + "…"
