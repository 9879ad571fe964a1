"""The model's and the loader's reasons for refusing an edit or a file, in the interface
language.

The document model words its refusals in English for the command line and the file
format. An edit in the designer is refused with the same reason; the ones a user causes most
from the canvas or the inspector get a shorter wording here, and every other reason comes
from the bilingual table of app/io/messages.py (one table for the loader and the model).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.io.errors import Problem
from app.io.messages import localize

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
        return localize(message, _lang())  # the table's wording of the whole reason
    return " ".join(parts)


def _lang() -> str:
    from app.ui import i18n

    return i18n.checklist_lang(i18n.current_language())


def localize_problem(problem: Problem) -> str:
    """A loader problem as `FILE:LINE:COL: message`, the message in the interface language."""
    message = localize(problem.message, _lang())
    if problem.line <= 0:
        return f"{problem.file}: {message}"
    return f"{problem.file}:{problem.line}:{problem.col}: {message}"
