"""The dialog for a file the loader refused: every located problem, and the line it is on.

The same `FILE:LINE:COL: message` lines the command line prints, and for each the offending
source line with its neighbours and a caret under the column, so the user can find the
mistake in their editor. Showing this never touches the session: the
document that was open stays open, unchanged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from app.io import MAX_FILE_BYTES, DiagramFileError, Problem

CONTEXT_LINES = 2  # shown above and below the offending line
MAX_LISTED = 30  # a file broken everywhere must not make a dialog taller than the screen
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


class LoadErrorDialog(QMessageBox):
    """Why a file could not be opened; the current document is left as it was.

    A message box (so it looks like every other FunnelFlow warning and tests can stub it):
    the problems as `FILE:LINE:COL: message` lines, and under "Show Details…" the source
    lines around each problem with a caret under the column.
    """

    def __init__(self, path: str | Path, error: DiagramFileError,
                 parent: QWidget | None = None, lines: list[str] | None = None,
                 at_start: bool = False):
        super().__init__(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.Close,
                         parent)
        self.error = error
        self.path = Path(path)
        lines = lines if lines is not None else read_lines(path)
        self.setWindowTitle(self.tr("Could not open the diagram"))
        if at_start:  # nothing was open before: there is no "current diagram" to speak of
            text = self.tr("{name} could not be opened. Fix the file in a text editor and "
                           "open it again; meanwhile you have an empty diagram.")
        else:
            text = self.tr("{name} could not be opened. Your current diagram is unchanged; "
                           "fix the file in a text editor and open it again.")
        self.setText(text.format(name=self.path.name))
        shown = [localized(problem) for problem in error.problems[:MAX_LISTED]]
        more = len(error.problems) - len(shown)
        if more > 0:
            shown.append(self.tr("… and {n} more problems").format(n=more))
        self.setInformativeText("\n".join(shown))
        contexts = [f"{localized(problem)}\n{context}"
                    for problem in error.problems[:MAX_LISTED]
                    if (context := source_context(lines, problem))]
        if contexts:
            self.setDetailedText("\n\n".join(contexts))
        # Both keep the dialog open: the user reads the problems while fixing the file.
        self.editor_button = self._keep_open_button(self.tr("Open in text editor"),
                                                    lambda: open_url(self.path))
        self.folder_button = self._keep_open_button(self.tr("Open folder"),
                                                    lambda: open_url(self.path.parent))
        self.editor_button.setEnabled(self.path.is_file())
        self.folder_button.setEnabled(self.path.parent.is_dir())

    def _keep_open_button(self, text: str, action):
        button = self.addButton(text, QMessageBox.ButtonRole.ActionRole)
        button.clicked.disconnect()  # a message box closes on any button; these must not
        button.clicked.connect(action)
        return button


def open_url(path: Path) -> bool:
    """Open a file in the user's default application for it, or a folder in the file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))


def localized(problem: Problem) -> str:
    """A problem as `FILE:LINE:COL: message`, the message in the interface language."""
    from app.ui.refusals import localize_problem

    return localize_problem(problem)


def show_load_error(parent: QWidget | None, path: str | Path, error: DiagramFileError,
                    at_start: bool = False) -> None:
    """Show the refused file's problems modally; the session is never touched."""
    LoadErrorDialog(path, error, parent, at_start=at_start).exec()
