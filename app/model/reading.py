"""How a file's number fields read what is written in them (SPEC §2).

A number field takes a YAML number; a rate or a KPI also takes a percentage written as text
(`"3.2%"`). Nothing else is guessed: text that only looks like a number (`"20000"`,
`"20,000"`, `"3,2%"`, `20_000`, `1:30`) is refused with the fix. The percentage grammars here
are the very patterns the JSON Schema ships (app/io/schema.py), so the loader and an editor
agree on every value. The typed fields of the designer are more forgiving: they use
`parse_number`, which reads what a person types (`20,000`, `３.２％`).

Every message of this module is in MESSAGES, so that it can be translated in one place.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

#: the largest amount a diagram may hold (people, days, money per period, a KPI): bigger is a
#: typo, and keeps every volume, revenue and sum of the arithmetic finite
MAX_AMOUNT = 1e15

_DIGITS = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
#: a rate as a percentage, 0% to 100%; spaces allowed around the number and the sign
RATE_PERCENT = r"^ *0*(?:100(?:\.0*)?|[0-9]{1,2}(?:\.[0-9]*)?|\.[0-9]+) *% *$"
#: a KPI as a percentage: signed; 17 digits at most before the point keep it below MAX_AMOUNT
KPI_PERCENT = r"^ *[-+]?0*(?:[0-9]{1,17}(?:\.[0-9]*)?|\.[0-9]+) *% *$"
# `$` of a JSON Schema pattern (ECMA-262) is the end of the text; Python's `$` also matches
# before a final newline, so here it is `\Z`: "5%\n" is refused by both.
_RATE_PERCENT = re.compile(RATE_PERCENT[:-1] + r"\Z")
_KPI_PERCENT = re.compile(KPI_PERCENT[:-1] + r"\Z")
_ANY_PERCENT = re.compile(r"^ *([-+]?" + _DIGITS + r") *% *$")
_PLAIN_NUMBER = re.compile(r"^ *[-+]?" + _DIGITS + r"(?:[eE][-+]?[0-9]+)? *$")
_GROUPED = re.compile(r"^ *[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)? *%? *$")
_DECIMAL_COMMA = re.compile(r"^ *[-+]?[0-9]*,[0-9]+ *%? *$")
_UNDERSCORED = re.compile(r"^ *[-+]?[0-9][0-9_]*(?:\.[0-9_]*)? *%? *$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")

MESSAGES = {
    "bool": "expected a number, not true/false",
    "type": "expected a number, got {kind}",
    "finite": "expected a finite number",
    "too_large": "is too large, got {value}; at most {limit}: check for a typo",
    "negative": "must not be negative, got {value!r}",
    "rate_range": "a rate must be between 0 and 1 (0% to 100%), got {value!r}; "
                  'write it as 0.032 or "3.2%"',
    "not_percent": "expected a number, not a percentage ({value!r})",
    "expected": "expected a number{hint}, got {value!r}",
    "quoted": "{value!r} is text because it is in quotes; write the number without quotes: "
              "{fix}",
    "grouped": "{value!r} could be read two ways (a thousands separator, or a decimal comma); "
               "write {whole} for the whole number, or {decimal} if the comma is a decimal point",
    "decimal_comma": "{value!r} has a decimal comma, which YAML and other tools do not read as "
                     "a number; write {fix} with a decimal point",
    "underscore": "{value!r} is text to YAML 1.2 and to editors (only older YAML read it as "
                  "{fix}); write the number without underscores: {fix}",
    "sexagesimal": "{value!r} is text, not a number (older YAML read it in base 60 as {old}); "
                   "write the number you mean, e.g. {old}",
    "full_width": "{value!r} is written with full-width characters; write {fix} instead",
}
_HINTS = {True: ' like 0.032 or "3.2%"', False: " like 800"}


def _say(key: str, **values: Any) -> str:
    return MESSAGES[key].format(**values)


def number_from(value: Any) -> float:
    """A finite float from an int or a float (never a bool); raises ValueError."""
    if isinstance(value, bool):
        raise ValueError(_say("bool"))
    if not isinstance(value, int | float):
        raise ValueError(_say("type", kind=type(value).__name__))
    try:
        number = float(value)
    except OverflowError:  # an int beyond a float: far beyond every limit
        raise ValueError(_say("too_large", value=f"{len(str(abs(value)))} digits",
                              limit=f"{MAX_AMOUNT:,.0f}")) from None
    if not math.isfinite(number):
        raise ValueError(_say("finite"))
    return number


def read_file_number(value: Any, *, percent: re.Pattern[str] | None) -> float:
    """A number field's value as the file wrote it: a number, or text matching `percent`.

    Raises ValueError with the fix for text that only looks like a number.
    """
    if not isinstance(value, str):
        return number_from(value)
    if percent is not None and percent.match(value):
        text = value.strip()[:-1].strip()
        return float(text + "e-2")  # shifting the decimal exponent keeps 3.2% exact
    raise ValueError(_text_problem(value, percent is not None))


def _text_problem(value: str, allow_percent: bool) -> str:
    """Why text in a number field is refused, and what to write instead."""
    is_percent = _ANY_PERCENT.match(value)
    if is_percent:
        if not allow_percent:
            return _say("not_percent", value=value)
        return _say("rate_range", value=value)
    if _PLAIN_NUMBER.match(value):
        return _say("quoted", value=value, fix=value.strip())
    if _GROUPED.match(value):
        bare = value.strip()
        return _say("grouped", value=value, whole=bare.replace(",", ""),
                    decimal=bare.replace(",", ".", 1).replace(",", ""))
    if _DECIMAL_COMMA.match(value):
        return _say("decimal_comma", value=value, fix=value.strip().replace(",", "."))
    if "_" in value and _UNDERSCORED.match(value):
        return _say("underscore", value=value, fix=value.strip().replace("_", ""))
    if _SEXAGESIMAL.match(value):
        return _say("sexagesimal", value=value, old=_base_60(value))
    plain = unicodedata.normalize("NFKC", value).replace("。", ".")
    if plain != value and (_PLAIN_NUMBER.match(plain) or _ANY_PERCENT.match(plain)):
        return _say("full_width", value=value, fix=plain.strip())
    return _say("expected", hint=_HINTS[allow_percent], value=value)


def _base_60(value: str) -> str:
    sign = -1 if value.startswith("-") else 1
    whole, _, fraction = value.lstrip("+-").replace("_", "").partition(".")
    number = 0
    for part in whole.split(":"):
        number = number * 60 + int(part)
    total = sign * (number + (float("0." + fraction) if fraction else 0))
    return f"{total:g}"


def plain_number(value: Any) -> float:
    """A number from the file, never text or true/false (a position)."""
    return read_file_number(value, percent=None)


def rate_value(value: Any) -> float:
    """A rate from the file: 0..1, or a percentage 0% to 100%."""
    number = read_file_number(value, percent=_RATE_PERCENT)
    if not 0.0 <= number <= 1.0:
        raise ValueError(_say("rate_range", value=value))
    return number


def amount_value(value: Any) -> float:
    """A non-negative amount from the file (people, days, money), at most MAX_AMOUNT."""
    number = read_file_number(value, percent=None)
    if number < 0:
        raise ValueError(_say("negative", value=value))
    return _bounded(number, value)


def kpi_value(value: Any) -> float:
    """A KPI value from the file: a number or a percentage, within ±MAX_AMOUNT."""
    return _bounded(read_file_number(value, percent=_KPI_PERCENT), value)


def _bounded(number: float, value: Any) -> float:
    if abs(number) > MAX_AMOUNT:
        raise ValueError(_say("too_large", value=value, limit=f"{MAX_AMOUNT:,.0f}"))
    return number
