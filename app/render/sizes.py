"""How big each node and each edge label is drawn, and how their texts break into lines.

A node is as narrow as its texts allow (its title in no more lines, its owner whole); titles
wrap onto a second line and the node grows for it (and widens a little before it cuts); edge
labels wrap onto up to three lines, as narrow as their line count allows, a conversion kept
whole. Only text beyond that is cut with "…" (the whole text is in the tooltip and the SVG
<title>). The layout sizes cells and channels from these numbers, and every painter draws the
same lines, so what was measured is what is shown.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from app.model import Edge, Node
from app.render import theme
from app.render.labels import edge_text, text_width
from app.render.rect import Rect
from app.render.shapes import text_box

TITLE_LINES = 2  # a title takes this many lines (a third in a node grown to NODE_WIDE)
LABEL_LINES = 3  # an edge label: its conversion must never be lost
LINE_EM = 1.45  # a line of text is this many font sizes high (Qt's line height, bundled font)
#: a node whose title does not fit in two lines may grow to this width (then it is cut)
NODE_WIDE = 224.0
DIAMOND_EXTRA = 0.0  # (24 px reads better, but a drop centres a node by the standard size)
_TITLE_SLACK = 2.0  # wrap a little narrower than the box
_MEASURED = 4000  # characters of a text looked at: more never shows in three lines
PLATE_PAD_X, PLATE_PAD_Y = 8.0, 7.0  # an edge label plate is this much larger than its text


def safe_width(text: str, font_px: float, bold: bool = False) -> float:
    """`text`'s width, on the safe side of what Qt and browsers draw with the bundled fonts:
    digits, % and Latin letters run wider than `text_width`'s estimate (bold more so), so
    wrapping and plates use this, and nothing sized from it gets cut when drawn."""
    key = (text, bold)
    width = _SAFE_TEXTS.get(key)
    if width is None:
        width = _SAFE_TEXTS[key] = _safe_ems(text, bold)
        if len(_SAFE_TEXTS) > 200_000:
            _SAFE_TEXTS.clear()
    return width * font_px


def _safe_ems(text: str, bold: bool) -> float:
    width = 0.0
    for char in text:
        em = _SAFE.get((char, bold))
        if em is None:
            em = _SAFE[(char, bold)] = _safe_em(char, bold)
        width += em
    return width


_SAFE: dict[tuple[str, bool], float] = {}
# Each text's width in em: wrapping tries the same line prefixes at many widths (the narrowest
# node and plate are searched for), thousands of times in a big diagram's first layout.
_SAFE_TEXTS: dict[tuple[str, bool], float] = {}


def _safe_em(char: str, bold: bool) -> float:
    base = text_width(char, 1.0)
    if base >= 1.0:  # CJK: a full em (bold glyphs a little more)
        return base * (1.04 if bold else 1.0)
    if char == "%":
        return 1.02
    if char.isdigit():
        return 0.72 if bold else 0.66
    return base * (1.18 if bold else 1.08)


def line_height(font_px: float) -> float:
    return round(font_px) * LINE_EM


def word_breaks(text: str) -> list[str]:
    """Break opportunities: each wide (CJK) character alone, Latin words with their space."""
    return list(_word_breaks(text))


_WIDE: dict[str, bool] = {}  # whether a character is a break opportunity of its own (CJK)


@lru_cache(maxsize=65536)  # wrapping one text at many widths breaks it the same way each time
def _word_breaks(text: str) -> tuple[str, ...]:
    words: list[str] = []
    current = ""
    wide = _WIDE
    for char in text:
        is_wide = wide.get(char)
        if is_wide is None:
            is_wide = wide[char] = text_width(char, 1.0) >= 1.0
        if is_wide:
            if current:
                words.append(current)
            words.append(char)
            current = ""
        elif char == " ":
            words.append(current + " ")
            current = ""
        else:
            current += char
    if current:
        words.append(current)
    return tuple(words)


@lru_cache(maxsize=65536)
def wrap(text: str, width: float, font_px: float, max_lines: int = 0,
         bold: bool = False) -> tuple[tuple[str, ...], bool]:
    """`text` in lines no wider than `width` (at spaces, between CJK characters, inside a word
    too long for a line), at most `max_lines` (0: no limit); and whether it had to be cut."""
    lines, cut, _, _ = _wrap_span(text, width, font_px, max_lines, bold)
    return lines, cut


def _wrap_span(text: str, width: float, font_px: float, max_lines: int = 0, bold: bool = False,
               ) -> tuple[tuple[str, ...], bool, float, float]:
    """`wrap`, and the widths [low, high) around `width` at which it gives the same lines:
    `width` only ever decides `some width <= width`, so every width that decides each of
    those comparisons the same way wraps alike (`_narrowest` asks no width twice)."""
    low, high = -math.inf, math.inf
    text = " ".join(text[:_MEASURED].split())
    clipped = len(text) >= _MEASURED  # beyond this no line limit could show more
    lines: list[str] = []
    line = ""
    known = _SAFE_TEXTS  # safe_width inlined: this is the hot loop of a big first layout
    for word in _word_breaks(text):
        candidate = line + word
        key = (candidate.rstrip(), bold)
        ems = known.get(key)
        if ems is None:
            ems = known[key] = _safe_ems(key[0], bold)
            if len(known) > 200_000:
                known.clear()
        used = ems * font_px
        if used <= width:
            if used > low:
                low = used
            line = candidate
            continue
        if used < high:
            high = used
        if line.strip():
            lines.append(line.rstrip())
        line = word.lstrip()
        while True:  # a word too long for a line
            used = safe_width(line.rstrip(), font_px, bold)
            low, high = (low, min(high, used)) if used > width else (max(low, used), high)
            if not (used > width and len(line) > 1):
                break
            cut, used = 0, 0.0
            while cut < len(line) - 1:  # as many characters as fit, one at least
                used += safe_width(line[cut], font_px, bold)
                low, high = (low, min(high, used)) if used > width else (max(low, used), high)
                if used > width and cut:
                    break
                cut += 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip() or not lines:
        lines.append(line.rstrip())
    if max_lines and (len(lines) > max_lines or clipped and len(lines) == max_lines):
        rest = " ".join(lines[max_lines - 1:]) if " " in text else "".join(lines[max_lines - 1:])
        last, used = "", safe_width("…", font_px, bold)
        for char in rest:  # as much of the rest as fits before the ellipsis
            used += safe_width(char, font_px, bold)
            low, high = (low, min(high, used)) if used > width else (max(low, used), high)
            if used > width:
                break
            last += char
        lines = [*lines[:max_lines - 1], last.rstrip() + "…"]
        return tuple(lines), True, low, high
    return tuple(lines), False, low, high


@lru_cache(maxsize=4096)  # a few kinds at a few grid widths, asked for thousands of times
def small_line_width(kind: str, w: float, h: float) -> float:
    """How wide an owner or volume line may be: the text box, but in an entry's stadium the
    lines below the title may reach into the round ends (they sit near the middle)."""
    if kind == "entry":
        return w - 24.0
    return text_box(kind, Rect(0.0, 0.0, w, h)).w


@lru_cache(maxsize=4096)  # a few kinds at a few grid widths, asked for thousands of times
def title_width(kind: str, node_w: float) -> float:
    """How wide a title line may be in a node of width `node_w` (clear of the corner marks)."""
    from app.render.canvas_geometry import label_width

    rect = Rect(0.0, 0.0, node_w, theme.NODE_HEIGHT)
    return label_width(kind, rect, text_box(kind, rect).w) - _TITLE_SLACK


#: the narrowest a node gets (its title, owner and volume permitting), in GRID steps
NODE_NARROW = 124.0
#: the widest volume line a node keeps room for ("10,000,000/qtr"; the layout does not know
#: the volumes, the analysis does)
_VOLUME_ROOM = ("10,000,000/qtr", "10,000,000/季")
_NO_OWNER_ROOM = ("no owner", "未指定负责人")
#: a narrowed node keeps this much more room than `safe_width` says (Qt's fonts draw some
#: words up to 4% wider than it)
_REAL_SLACK = 1.06


@lru_cache(maxsize=65536)
def _node_size(kind: str, title: str, owner: str = "",
               ) -> tuple[float, float, tuple[str, ...], bool]:
    # a diamond's text has only its middle: it is drawn a little wider than the others
    width = theme.NODE_WIDTH + (DIAMOND_EXTRA if kind == "decision" else 0.0)
    lines, cut = wrap(title, title_width(kind, width), theme.FONT_LABEL_PX, TITLE_LINES, True)
    if cut:  # grow wider (as little as will do), then taller (a third line), before cutting
        width = NODE_WIDE
        lines, cut = wrap(title, title_width(kind, width), theme.FONT_LABEL_PX, TITLE_LINES,
                          True)
        if not cut:
            width, lines = _narrowest_node(kind, title, owner, width, lines,
                                           theme.NODE_WIDTH + theme.GRID, TITLE_LINES)
        else:
            lines, cut = wrap(title, title_width(kind, width), theme.FONT_LABEL_PX,
                              TITLE_LINES + 1, True)
    else:  # as narrow as its texts allow: no more title lines, owner and volume whole
        width, lines = _narrowest_node(kind, title, owner, width, lines)
    extra = (len(lines) - 1) * line_height(theme.FONT_LABEL_PX)
    if kind == "decision":  # a diamond's text needs room towards its points
        extra *= 2
    width = _owner_width(kind, owner, width, theme.NODE_HEIGHT + extra)
    return width, theme.NODE_HEIGHT + extra, lines, cut


def _owner_width(kind: str, owner: str, width: float, height: float) -> float:
    """`width`, or wider (GRID steps, up to NODE_WIDE) where the owner line would be cut: a
    diamond's middle third is too narrow for "Marketing manager" at the standard width, an
    exit's cut corners for "Payments product owner"."""
    small = _REAL_SLACK * max(safe_width(text, theme.FONT_SMALL_PX) for text in (
        (owner,) if owner.strip() else _NO_OWNER_ROOM))
    while width < NODE_WIDE and small_line_width(kind, width, height) < small:
        width = min(NODE_WIDE, width + theme.GRID)
    return width


def _narrowest_node(kind: str, title: str, owner: str, width: float,
                    lines: tuple[str, ...], start: float = NODE_NARROW, most: int = 0,
                    ) -> tuple[float, tuple[str, ...]]:
    """The narrowest width (GRID steps from `start` up to `width`) at which `title` takes
    no more lines than `lines` (or `most`) and the owner and volume lines fit uncut."""
    height = theme.NODE_HEIGHT + (len(lines) - 1) * line_height(theme.FONT_LABEL_PX)
    small = _REAL_SLACK * max(safe_width(text, theme.FONT_SMALL_PX) for text in (
        *_VOLUME_ROOM, *((owner,) if owner.strip() else _NO_OWNER_ROOM)))
    word = max((safe_width(w.rstrip(), theme.FONT_LABEL_PX, True) for w in word_breaks(title)),
               default=0.0)
    w = start
    spans: list[tuple[float, float, tuple[str, ...], bool]] = []  # as in `_narrowest`
    while w < width:
        room = title_width(kind, w) / _REAL_SLACK
        if small_line_width(kind, w, height) >= small and room >= word:  # no word split
            span = next((span for span in spans if span[0] <= room < span[1]), None)
            if span is None:
                tried, cut, low, high = _wrap_span(title, room, theme.FONT_LABEL_PX,
                                                   TITLE_LINES, True)
                span = (low, high, tried, cut)
                spans.append(span)
            _, _, tried, cut = span
            if not cut and len(tried) <= max(most, len(lines)):
                return w, tried
        w += theme.GRID
    return width, lines


def node_size(node: Node) -> tuple[float, float]:
    """The size of `node`'s box: as narrow as its texts allow, taller with a two-line title,
    wider when that is not enough."""
    # (the kind is a StrEnum, a str already: `.value` would cost more than the cached size)
    w, h, _, _ = _node_size(node.kind, node.label or node.id, node.owner or "")
    return w, h


def title_lines(node: Node) -> tuple[tuple[str, ...], bool]:
    """The lines of `node`'s title as drawn, and whether it was cut."""
    _, _, lines, cut = _node_size(node.kind.value, node.title, node.owner or "")
    return lines, cut


#: a shared rate ("≈50% (shared)") is one phrase: its line may run this much wider than other
#: label lines rather than leave "(shared)" alone on the next one
SHARED_PHRASE_MAX_WIDTH = 124.0
_GLUE = "\ue000"  # stands for a space no line breaks at (measures as one; not whitespace)
_SHARED_BREAK = re.compile(r"(?<=%) (?=\()")  # between a rate and its "(shared)"


#: "28% / 35%" (actual / target) and "target 70%" read as one phrase: kept on one line
_RATE_BREAK = re.compile(r"(?<=%) (?=/ [\d.<]+%)|(?<=%) /(?= [\d.<]+%)|(?<=/) (?=[\d.<]+%)"
                         r"|(?<=target) (?=[\d.<]+%)|(?<=目标) (?=[\d.<]+%)")


@lru_cache(maxsize=65536)
def label_lines(text: str) -> tuple[tuple[str, ...], bool]:
    """An edge label's lines (at most three), and whether it was cut. A rate keeps its
    "(shared)" on its line; the label is wrapped wider for it when that phrase needs it.
    A conversion ("28% / 35%") stays on one line, and the lines are as narrow as their
    number allows (the plate sets how wide its channel is)."""
    glued = _SHARED_BREAK.sub(_GLUE, text)
    width = theme.EDGE_LABEL_MAX_WIDTH
    if glued != text:
        phrase = max((w for w in glued.split() if _GLUE in w),
                     key=lambda w: safe_width(w, theme.FONT_EDGE_PX))
        width = max(width, min(SHARED_PHRASE_MAX_WIDTH, safe_width(phrase, theme.FONT_EDGE_PX)))
    rated = _RATE_BREAK.sub(_GLUE, glued)
    if rated != glued and _widest_word(rated) <= width:
        glued = rated
    lines, cut = wrap(glued, width, theme.FONT_EDGE_PX, LABEL_LINES)
    if not cut and len(lines) > 1:
        lines, cut = wrap(glued, _narrowest(glued, width, len(lines)), theme.FONT_EDGE_PX,
                          LABEL_LINES)
    return tuple(line.replace(_GLUE, " ") for line in lines), cut


def _widest_word(text: str) -> float:
    return max((safe_width(w.rstrip(), theme.FONT_EDGE_PX) for w in word_breaks(text)),
               default=0.0)


def _narrowest(text: str, width: float, count: int) -> float:
    """The narrowest width, down to its widest word, at which `text` still takes at most
    `count` lines (a balanced wrap: "Redeem / 40% / 45%" rather than "Redeem 40% / 45%" on
    one line and a short one under it)."""
    lo, hi = min(_widest_word(text), width), width
    if len(wrap(text, lo, theme.FONT_EDGE_PX, LABEL_LINES)[0]) <= count:
        return lo
    # Each wrap holds for a span of widths: the halving soon stays inside the two spans on
    # either side of the answer, and asks them instead of wrapping again (a big diagram's
    # first layout sizes thousands of labels; the same widths, the same answer).
    spans: list[tuple[float, float, tuple[str, ...], bool]] = []
    while hi - lo > 0.5:  # wrap(hi) fits, wrap(lo) does not
        mid = (lo + hi) / 2
        span = next((span for span in spans if span[0] <= mid < span[1]), None)
        if span is None:
            lines, cut, low, high = _wrap_span(text, mid, theme.FONT_EDGE_PX, LABEL_LINES)
            span = (low, high, lines, cut)
            spans.append(span)
        _, _, lines, cut = span
        if not cut and len(lines) <= count:
            hi = mid
        else:
            lo = mid
    return hi


def plate_size(lines: tuple[str, ...]) -> tuple[float, float]:
    """The plate under an edge label of these lines."""
    # whole pixels: the columns placed from plate widths stay on whole pixels too
    width = math.ceil(max(safe_width(line, theme.FONT_EDGE_PX) for line in lines))
    return width + PLATE_PAD_X, len(lines) * line_height(theme.FONT_EDGE_PX) + PLATE_PAD_Y - 4


def label_size(edge: Edge, shared: float | None = None) -> tuple[float, float] | None:
    """The largest plate `edge`'s label takes in either language; None without a label.
    `shared`: the share of its siblings' remainder it shows when it has no conversion."""
    if not (edge.label or edge.conversion or shared is not None):
        return None
    measure = edge.conversion  # (its target and actual say all the text does: bare or not)
    key = ((edge.label, None, None, shared) if measure is None
           else (edge.label, measure.target, measure.actual, shared))
    size = _label_sizes.get(key)
    if size is None:
        sizes = [plate_size(label_lines(edge_text(edge, lang, shared))[0])
                 for lang in ("en", "zh")]
        size = _label_sizes[key] = (max(w for w, _ in sizes), max(h for _, h in sizes))
        if len(_label_sizes) > 100_000:
            _label_sizes.clear()
    return size


# labels repeat across a diagram and across edits: size each once
_label_sizes: dict[object, tuple[float, float]] = {}
