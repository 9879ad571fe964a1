"""Text from a diagram, made safe for the reader of each output format.

A diagram file may not hold control characters (C0 and C1, DEL) or the invisible bidi
overrides (U+202A-U+202E, U+2066-U+2069) in any value: the loader refuses them with their
line (docs/file-format.md). Tab and newline are allowed in text. Every text writer still
passes each label, title, owner, name and message through one function of this module, so
that nothing a reader would interpret (terminal codes, Markdown links, images and emphasis,
HTML, spreadsheet formulas, Mermaid syntax) reaches it from a diagram, whatever made the
diagram.
"""

from __future__ import annotations

import re

from app.model.values import CONTROL_CLASS

#: the characters a diagram's text may not hold: C0 but tab and newline, DEL, C1, bidi overrides
CONTROL = re.compile(f"[{CONTROL_CLASS}]")
#: the same set for the JSON Schema (ECMA-262 and Python read `\uXXXX` alike)
TEXT_PATTERN = (r"^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$")
_ANY_CONTROL = re.compile(f"[{CONTROL_CLASS}\t\n\u2028\u2029]")
_NAMES = {"\x1b": "ESC", "\x07": "BEL", "\x08": "BS", "\x7f": "DEL", "\x9b": "CSI",
          "\x85": "NEL", "\u202e": "RLO", "\u202d": "LRO", "\u202a": "LRE", "\u202b": "RLE",
          "\u202c": "PDF", "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI"}


def control_name(ch: str) -> str:
    """`U+001B (ESC)`: how a message names a control character."""
    name = _NAMES.get(ch)
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def visible(ch: str) -> str:
    """A control character shown as a harmless picture of itself."""
    code = ord(ch)
    if ch == "\t":
        return " "
    if ch in "\n\u2028\u2029":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ and its kin: the Control Pictures block
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def terminal(text: str) -> str:
    """One line of text safe to print on a terminal: no escape codes, no line breaks."""
    text = str(text)
    if not _ANY_CONTROL.search(text):
        return text
    return _ANY_CONTROL.sub(lambda m: visible(m.group()), text)


def terminal_block(text: str) -> str:
    """Several lines safe for a terminal: line breaks kept, every other control shown."""
    return "\n".join(terminal(line) for line in str(text).split("\n"))


def one_line(text: str) -> str:
    """Text on one line: every run of whitespace (line breaks too) one space, controls shown."""
    return " ".join(terminal(text).split())


# Markdown (CommonMark, GitHub): what makes a link, an image, emphasis, code, HTML, a table
# cell or an entity. `_` inside a word is no emphasis there, so ids like app_store stay clean.
# With `<` escaped no tag can open, so the arrow -> between two steps stays as it is.
_MD_SPECIAL = re.compile(
    r"[\\`*\[\]<|~]|(?<!-)>|&(?=#?[0-9A-Za-z]+;)|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


def markdown(text: str) -> str:
    """Text shown literally in Markdown, on one line: no link, image, emphasis, code span,
    HTML, strike-through, entity or table column comes from a label."""
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(), one_line(text))


# Mermaid reads these as syntax or HTML even inside a quoted label: its entity codes instead.
_MERMAID_ENTITIES = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;",
                     "|": "#124;", "`": "#96;", "\\": "#92;"}
_MERMAID_SPECIAL = re.compile("[" + re.escape("".join(_MERMAID_ENTITIES)) + "]")


def mermaid(text: str) -> str:
    """Text safe inside a quoted Mermaid label: one line, entity codes for its syntax."""
    return _MERMAID_SPECIAL.sub(lambda m: _MERMAID_ENTITIES[m.group()], one_line(text))


def yaml_quoted(text: str) -> str:
    """One line of text as a double-quoted YAML string (Mermaid's front matter)."""
    return '"' + one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


#: what makes a spreadsheet read a cell as a formula (OWASP CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?%?$")


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: never a formula, no control characters (line
    breaks stay: CSV quotes them)."""
    text = _ANY_CONTROL.sub(lambda m: m.group() if m.group() in "\t\n" else visible(m.group()),
                            str(text))
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text
