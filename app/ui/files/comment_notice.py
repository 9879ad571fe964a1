"""Before the first save of a file with YAML comments: say so, and offer to keep them.

FunnelFlow writes canonical YAML without comments. When the opened file had comments, the
first save asks: carry each comment into the notes of its node (or the diagram) as one
undoable edit, save without them, or cancel. The question is asked once per opened file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.io import MAX_FILE_BYTES
from app.io.comments import Comment, comments_as_notes, find_comments

CARRY, DROP, CANCEL = "carry", "drop", "cancel"


# lupdate finds `translate("Context", "literal")`: keep the literal in the call.
translate = QCoreApplication.translate


class CommentNotice(QObject):
    """Remembers the comments of the opened file until the user decided what to do."""

    comments_found = Signal(int)  # how many, when a file with comments was opened

    def __init__(self, session, parent: QObject | None = None,
                 ask: Callable[[QWidget | None, list[Comment]], str] | None = None):
        super().__init__(parent if parent is not None else session)
        self._session = session
        self._ask = ask or ask_about_comments
        self._source = ""
        self.comments: list[Comment] = []
        session.document_replaced.connect(self.forget)

    def opened(self, path: str | os.PathLike[str]) -> int:
        """Look for comments in the file just opened; returns how many were found."""
        try:
            with open(path, "rb") as stream:
                data = stream.read(MAX_FILE_BYTES + 1)
            text = data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            text = ""
        return self.opened_text(text)

    def opened_text(self, text: str) -> int:
        """Like `opened`, given the file's text."""
        self._source = text
        self.comments = find_comments(text)
        if self.comments:
            self.comments_found.emit(len(self.comments))
        return len(self.comments)

    def forget(self) -> None:
        """Another document is open: its comments, if any, are told by `opened` again."""
        self._source, self.comments = "", []

    def summary(self) -> str:
        """A status-bar line saying the file has comments, or "" when it has none."""
        if not self.comments:
            return ""
        return self.tr("This file has {n} comment(s); you will be asked before the first "
                       "save whether to keep them as notes.").format(n=len(self.comments))

    def before_save(self, parent: QWidget | None) -> bool:
        """Ask once what to do with the comments; False if the user cancelled the save."""
        if not self.comments:
            return True
        choice = self._ask(parent, self.comments)
        if choice == CANCEL:
            return False
        if choice == CARRY:
            command, _ = comments_as_notes(self._session.diagram, self._source)
            self._session.execute(replace(command, text=self.tr("Keep comments as notes")))
        self.forget()
        return True


def ask_about_comments(parent: QWidget | None, comments: list[Comment]) -> str:
    """CARRY, DROP or CANCEL, asked in a message box listing the first comments."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("CommentNotice", "Comments in this file"),
                      translate("CommentNotice", "This file has {n} comment(s). FunnelFlow "
                                "saves diagrams without comments, so they would be lost.")
                      .format(n=len(comments)), parent=parent)
    shown = "\n".join(f"{c.line}: {c.text}" for c in comments[:8])
    more = len(comments) - 8
    if more > 0:
        shown += "\n" + translate("CommentNotice", "… and {n} more").format(n=more)
    box.setInformativeText(translate(
        "CommentNotice", "Keep each comment in the notes of its node (or of the diagram)?")
        + "\n\n" + shown)
    carry = box.addButton(translate("CommentNotice", "Keep as notes"),
                          QMessageBox.ButtonRole.AcceptRole)
    drop = box.addButton(translate("CommentNotice", "Save without them"),
                         QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(carry)
    box.exec()
    clicked = box.clickedButton()
    return CARRY if clicked is carry else DROP if clicked is drop else CANCEL
