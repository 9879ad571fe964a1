"""The dialog for a file the loader refused: every located problem, and the line it is on.

The same `FILE:LINE:COL: message` lines the command line prints, one per row; selecting a
row shows the offending source line with its neighbours and a caret under the column, so
the user can find the mistake in their editor. Showing this never touches the session: the
document that was open stays open, unchanged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.io import MAX_FILE_BYTES, DiagramFileError, Problem

CONTEXT_LINES = 2  # shown above and below the offending line
_MAX_SHOWN_WIDTH = 200  # a minified one-line file must not make a 1 MB label


def source_context(lines: list[str], problem: Problem) -> str:
    """The lines around `problem` with line numbers, a `>` on its line and a caret under it."""
    if problem.line <= 0 or problem.line > len(lines):
        return ""
    first = max(1, problem.line - CONTEXT_LINES)
    last = min(len(lines), problem.line + CONTEXT_LINES)
    width = len(str(last))
    shown = []
    for number in range(first, last + 1):
        text = lines[number - 1][:_MAX_SHOWN_WIDTH].expandtabs(1)
        marker = ">" if number == problem.line else " "
        shown.append(f"{marker} {number:>{width}} | {text}")
        if number == problem.line and problem.col > 0:
            shown.append(" " * (width + 5) + " " * min(problem.col - 1, _MAX_SHOWN_WIDTH) + "^")
    return "\n".join(shown)


def read_lines(path: str | Path) -> list[str]:
    """The file's lines for showing context; [] if it is unreadable or too big to show."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError:
        return []
    if len(data) > MAX_FILE_BYTES:
        return []
    # Show whatever is there, even a file that is not UTF-8 (that may be the problem).
    return data.decode("utf-8", errors="replace").splitlines()


class LoadErrorDialog(QDialog):
    """Why a file could not be opened; the current document is left as it was."""

    def __init__(self, path: str | Path, error: DiagramFileError,
                 parent: QWidget | None = None, lines: list[str] | None = None):
        super().__init__(parent)
        self.error = error
        self._lines = lines if lines is not None else read_lines(path)
        self.setWindowTitle(self.tr("Could not open the diagram"))
        count = len(error.problems)
        headline = QLabel(self.tr(
            "{name} could not be opened: {count} problem(s). Your current diagram is "
            "unchanged. Fix the file in a text editor and open it again.").format(
                name=Path(path).name, count=count), self)
        headline.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.addItems([str(problem) for problem in error.problems])
        self.context = QPlainTextEdit(self)
        self.context.setReadOnly(True)
        self.context.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.context.setFont(mono)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.context, 1)
        layout.addWidget(buttons)
        self.problems.currentRowChanged.connect(self.show_problem)
        self.problems.setCurrentRow(0)
        self.resize(720, 420)

    def show_problem(self, row: int) -> None:
        """Show the source around the problem in `row` (nothing for whole-file problems)."""
        if not 0 <= row < len(self.error.problems):
            return
        problem = self.error.problems[row]
        text = source_context(self._lines, problem)
        self.context.setPlainText(text or self.tr("(This problem concerns the whole file.)"))


def show_load_error(parent: QWidget | None, path: str | Path, error: DiagramFileError) -> None:
    """Show the refused file's problems modally; the session is never touched."""
    LoadErrorDialog(path, error, parent).exec()
