"""The loader's refusals and notes about values, in one table (to translate in one place)."""

from __future__ import annotations

from typing import Any

MESSAGES = {
    "control": "control character {name} is not allowed in a diagram file; delete it "
               "(it usually comes from copy-pasting)",
    "bidi": "invisible text-direction character {name} is not allowed in a diagram file: it "
            "makes text display in another order than it is read; delete it",
    "separator": "invisible line separator {name} is not allowed as written: editors show no "
                 "line break here but YAML readers disagree; delete it, or write it as an escape "
                 "in double quotes (\"\\u2028\")",
    "control_escaped": "this text holds control character {name} (written as an escape); "
                       "diagram text may hold tabs and line breaks but no other control "
                       "characters: delete the escape",
    "too_big": "the number {shown} is too big for any diagram value; check for a typo",
    "octal_note": "note: `{text}` is read as {new} (YAML 1.2, as editors read it); FunnelFlow "
                  "0.1 read it as {old} (octal). Write {new} to keep this reading, or {old} if "
                  "you meant the old one",
    "old_version_note": "note: this file is format version {old}; it was read as version {new} "
                        "and will be saved as version {new}",
    "utf16": "the file is UTF-16 ({order}), not UTF-8; re-save it as UTF-8, e.g. in Notepad "
             "'Save as' -> UTF-8, or `iconv -f UTF-16 -t UTF-8 old.yaml > new.yaml`",
    "utf32": "the file is UTF-32, not UTF-8; re-save it as UTF-8, e.g. "
             "`iconv -f UTF-32 -t UTF-8 old.yaml > new.yaml`",
}


def say(key: str, **values: Any) -> str:
    """The message `key` with its blanks filled in."""
    return MESSAGES[key].format(**values)


def shown_number(text: str) -> str:
    """A long number as a message can show it: its start and how many digits it has."""
    digits = sum(ch.isdigit() for ch in text)
    return text if len(text) <= 24 else f"{text[:12]}… ({digits:,} digits)"
