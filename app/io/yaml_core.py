"""Reading plain scalars as YAML 1.2 (core schema) reads them, as VS Code and current YAML
libraries do (SPEC §2): `010` is ten, `1:30` and `yes` are text, only true/false are booleans.

PyYAML resolves by YAML 1.1; the tree builder gives each plain scalar to `resolve` instead.
Also here: where a line starts, the way an editor counts lines (only CR, LF and CRLF end a
line: a U+2028 or U+0085 inside a value does not move the reported line).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# The regular expressions of the YAML 1.2.2 core schema (section 10.3.2), verbatim.
_NULL = re.compile(r"null|Null|NULL|~|")
_TRUE = re.compile(r"true|True|TRUE")
_FALSE = re.compile(r"false|False|FALSE")
_INT_10 = re.compile(r"[-+]?[0-9]+")
_INT_8 = re.compile(r"0o[0-7]+")
_INT_16 = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?(\.inf|\.Inf|\.INF)")
_NAN = re.compile(r"\.nan|\.NaN|\.NAN")
#: what YAML 1.1 (and FunnelFlow before SPEC §2 said otherwise) read as an octal number
_OLD_OCTAL = re.compile(r"[-+]?0[0-7]+")

#: more digits than any float can hold (the largest is about 1.8e308)
_MAX_DIGITS = 310


@dataclass(frozen=True)
class TooBig:
    """A number written in the file that no float can hold; the builder refuses it."""

    text: str


def _integer(text: str, base: int) -> int | TooBig:
    digits = text.lstrip("+-")[2 if base != 10 else 0:].lstrip("0")
    if len(digits) > _MAX_DIGITS:  # int() of 5,000 digits is refused by Python itself
        return TooBig(text)
    number = int(text, base) if base == 10 else int(text[2:], base)
    try:
        float(number)
    except OverflowError:
        return TooBig(text)
    return number


@lru_cache(maxsize=8192)
def resolve(text: str) -> Any:
    """The value of an unquoted scalar: None, a bool, an int, a float, TooBig or the text."""
    # Cached: kinds, lane ids, owners and round numbers repeat on every node.
    first = text[:1]
    if first in "nN~" and _NULL.fullmatch(text):
        return None
    if first in "tT" and _TRUE.fullmatch(text):
        return True
    if first in "fF" and _FALSE.fullmatch(text):
        return False
    if not text or first not in "+-.0123456789":
        return text
    if _INT_10.fullmatch(text):
        return _integer(text, 10)
    if _INT_8.fullmatch(text):
        return _integer(text, 8)
    if _INT_16.fullmatch(text):
        return _integer(text, 16)
    if _FLOAT.fullmatch(text):
        number = float(text)
        return TooBig(text) if math.isinf(number) else number
    if _INF.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.fullmatch(text):
        return math.nan
    return text


def reads_as_text(text: str) -> bool:
    """Whether YAML 1.2 reads this unquoted scalar as the same text."""
    return resolve(text) == text and isinstance(resolve(text), str)


def old_octal(text: str, value: Any) -> int | None:
    """What FunnelFlow read before (octal) where that differs from `value`, else None."""
    if type(value) is int and _OLD_OCTAL.fullmatch(text):
        old = int(text, 8)
        if old != value:
            return old
    return None


class LineIndex:
    """Line and column of a character index, counting lines as an editor does."""

    _BREAK = re.compile(r"\r\n|\r|\n")

    def __init__(self, text: str):
        self._text = text
        self._starts = [0] + [m.end() for m in self._BREAK.finditer(text)]

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, column) of the character at `index`."""
        line = bisect.bisect_right(self._starts, index) - 1
        return line + 1, index - self._starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of 1-based `line`, without its line break."""
        if not 0 < line <= len(self._starts):
            return ""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r\n")
