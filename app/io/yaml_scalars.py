"""How the canonical writer spells one value: numbers, percentages and text.

Every spelling is chosen so that reading it back gives exactly the same value, and so that
the same value is always spelled the same way (a git diff shows only real changes).
"""

from __future__ import annotations

import math
from decimal import Decimal

from app.io.yaml_core import reads_as_text
from app.io.yaml_tree import plain_tag

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = set(",[]{}")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def number(value: float) -> str:
    """A number: integral values without `.0`, others as the shortest exact decimal."""
    if not math.isfinite(value):
        raise ValueError(f"cannot write the non-finite number {value!r}")
    if value.is_integer():
        return str(int(value))
    text = repr(value)
    mantissa, _, exponent = text.partition("e")
    if exponent and "." not in mantissa:
        # YAML 1.1 reads `1e-07` as text; `1.0e-07` is a float everywhere.
        text = f"{mantissa}.0e{exponent}"
    return text


def percent(value: float) -> str:
    """A fraction as a percentage, `0.032` -> `3.2%`, that reads back as the same float."""
    if not math.isfinite(value):
        raise ValueError(f"cannot write the non-finite rate {value!r}")
    # Shifting the shortest decimal of the float by two places is exact, so the loader's
    # float("3.2e-2") gives back this very float.
    if value == 0:
        return "0%"
    shifted = Decimal(repr(float(value))).scaleb(2).normalize()
    return f"{shifted:f}%"


def text(value: str, *, flow: bool = False) -> str:
    """A string, plain when YAML reads it back as that same string, else double-quoted."""
    return value if _plain_ok(value, flow) else quoted(value)


def quoted(value: str) -> str:
    """A double-quoted YAML string; non-printable characters escaped, Chinese kept as is."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code < 0x100 else
                       f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}")
    return '"' + "".join(out) + '"'


def _plain_ok(value: str, flow: bool) -> bool:
    if not value or value != value.strip(" ") or value[0] in _INDICATORS:
        return False
    if any(not (ch.isprintable() or ch == " ") for ch in value):
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and any(ch in _FLOW_UNSAFE for ch in value):
        return False
    if plain_tag(value) is not None or not reads_as_text(value):
        return False  # true, null, 12, 1.5, 2024-01-01, ~, yes, 0o17 ... would not stay text
        # to YAML 1.2 (FunnelFlow, editors) or to YAML 1.1 tools
    # Text that other YAML readers (1.2) or a person would take for a number or a percentage.
    return not _looks_numeric(value[:-1] if value.endswith("%") else value)


def _looks_numeric(value: str) -> bool:
    candidate = value.replace(",", "")
    for parse in (float, lambda v: int(v, 0)):
        try:
            parse(candidate)
            return True
        except ValueError:
            pass
    return False


def literal_block(value: str, indent: str) -> str | None:
    """A `|-` (or `|`) block for multi-line text, or None when a block cannot hold it exactly."""
    if "\n" not in value:
        return None
    body = value
    header = "|-"
    if value.endswith("\n"):
        body, header = value[:-1], "|"
        if body.endswith("\n") or not body:
            return None  # several trailing newlines need `|+`: quoting is clearer
    lines = body.split("\n")
    first = next((line for line in lines if line), "")
    if not first or first[0] == " ":
        return None  # the block's indentation would be read from this line
    for line in lines:
        if line.lstrip(" ").startswith("\t") or line.strip(" ") == "" and line:
            return None
        if any(not (ch.isprintable() or ch == " " or ch == "\t") for ch in line):
            return None
    return header + "".join(f"\n{indent}{line}" if line else "\n" for line in lines)
