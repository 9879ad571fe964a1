"""The one error type of FunnelFlow's file layer: a list of located problems."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, at a 1-based line and column.

    Line 0 means the file as a whole (missing, too big, unreadable): printed `FILE: message`.
    """

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.col}: {self.message}"

    def located(self, lang: str = "en") -> str:
        """`FILE:LINE:COL: message` always, a whole-file problem at 1:1: the one shape the
        command line prints (SPEC §5), so that scripts and editors can parse every line.
        The message in `lang` ("en" or "zh", from app/io/messages.py)."""
        message = self.message
        if lang != "en":
            from app.io.messages import localize
            message = localize(message, lang)
        return f"{self.file}:{max(self.line, 1)}:{max(self.col, 1)}: {message}"


class DiagramFileError(Exception):
    """A diagram file could not be read, validated or written.

    Holds every problem found (not just the first), each printable as
    `FILE:LINE:COL: message` so editors and terminals can jump to it.
    """

    def __init__(self, problems: list[Problem]):
        if not problems:
            raise ValueError("DiagramFileError needs at least one problem")
        self.problems = list(problems)
        super().__init__(str(self))

    @classmethod
    def single(cls, file: str, line: int, col: int, message: str) -> DiagramFileError:
        """An error with one problem."""
        return cls([Problem(file, line, col, message)])

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def located(self, lang: str = "en") -> str:
        """Every problem as `FILE:LINE:COL: message` (see Problem.located), one per line."""
        return "\n".join(p.located(lang) for p in self.problems)
