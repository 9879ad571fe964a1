"""The model's reasons for refusing an edit, in the interface language.

The document model words its refusals in English for the command line and the file
format. An edit in the designer is refused with the same reason; the ones a user can cause
from the canvas or the inspector are translated here. Anything not recognised is shown as is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

_DUPLICATE_NODE = re.compile(r"duplicate node id '([^']*)'; every node needs its own id")
_DUPLICATE_EDGE = re.compile(r"duplicate edge '([^']*)'; merge the two edges into one")
_BAD_ID = re.compile(r"'([^']*)' is not a valid id; ids use only letters, digits, "
                     r"'_', '\.' and '-'")
_LEAVES_EXIT = re.compile(r"edge '([^']*)' leaves exit node '([^']*)'; an exit ends a path "
                          r"\(people who leave the funnel\), so make it a step or remove the edge")
_CURRENCY = re.compile(r"a currency is a three-letter ISO 4217 code such as CNY or USD")


def translate_refusal(message: str) -> str:
    """`message` from the model with every recognised reason in the interface language."""
    parts: list[str] = []
    for match in _DUPLICATE_NODE.finditer(message):
        text = translate("Refusals", "Another node already has the id “%1”; choose another.")
        parts.append(text.replace("%1", match[1]))
    for match in _BAD_ID.finditer(message):
        text = translate("Refusals", "“%1” is not a valid id: use letters, digits, _ . and -.")
        parts.append(text.replace("%1", match[1]))
    if not parts:  # a duplicate node id also duplicates its edges: one reason is enough
        for match in _DUPLICATE_EDGE.finditer(message):
            text = translate("Refusals", "These two nodes are already connected (%1).")
            parts.append(text.replace("%1", match[1]))
    for match in _LEAVES_EXIT.finditer(message):
        text = translate("Refusals", "“%1” is an exit, where a path ends: make it a step first.")
        parts.append(text.replace("%1", match[2]))
    if _CURRENCY.search(message):
        parts.append(translate("Refusals", "A currency is a three-letter code such as CNY or USD."))
    rest = message
    for pattern in (_DUPLICATE_NODE, _DUPLICATE_EDGE, _BAD_ID, _LEAVES_EXIT, _CURRENCY):
        rest = pattern.sub("", rest)
    if not parts or rest.strip("; "):
        return message  # something not recognised: the whole reason, untranslated
    return " ".join(parts)
