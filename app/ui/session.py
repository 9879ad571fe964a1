"""The open document: the current snapshot, its undo stack, and one change signal.

Every edit goes through `Session.execute(command)`: the command computes a new snapshot, the
session pushes one undo step and emits `changed(ChangeSet)`; undo and redo restore snapshots
the same way, so no listener can miss an edit and nothing is ever read back from the canvas.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.model import Diagram
from app.model.commands import EVERYTHING, ChangeSet, EditRefused
from app.ui.refusals import translate_refusal


class _Step(QUndoCommand):
    """One undo step: the snapshots before and after an edit."""

    def __init__(self, session: Session, before: Diagram, after: Diagram,
                 changes: ChangeSet, text: str, merge_key: str | None):
        super().__init__(text)
        self._session, self.before, self.after = session, before, after
        self.changes = changes
        self.merge_key = merge_key

    def redo(self) -> None:
        self._session._show(self.after, self.changes)

    def undo(self) -> None:
        self._session._show(self.before, self.changes)

    def id(self) -> int:
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Repeated nudges of the same selection are one step, like typing in a text field.
        if not isinstance(other, _Step) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.changes = self.changes | other.changes
        return True


class Session(QObject):
    """Holds the document being edited; the single source of truth for every view."""

    changed = Signal(object)  # ChangeSet
    refused = Signal(str)  # an illegal edit, with the reason for the user
    document_replaced = Signal()  # a new file was opened or created
    path_changed = Signal()

    def __init__(self, diagram: Diagram, path: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._diagram = diagram
        self._path = path
        self.undo_stack = QUndoStack(self)

    @property
    def diagram(self) -> Diagram:
        return self._diagram

    @property
    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: Path | None) -> None:
        self._path = path
        self.path_changed.emit()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path | None = None) -> None:
        """The document now matches the file on disk."""
        if path is not None and path != self._path:
            self.set_path(path)
        self.undo_stack.setClean()

    def execute(self, command, merge_key: str | None = None) -> bool:
        """Apply `command` as one undo step; an illegal edit emits `refused`, changes nothing."""
        try:
            after, changes = command.apply(self._diagram)
        except EditRefused as error:
            self.refused.emit(translate_refusal(str(error)))
            return False
        if after == self._diagram:
            return False  # a click that changes nothing pushes no undo step
        self.undo_stack.push(_Step(self, self._diagram, after, changes,
                                   getattr(command, "text", "Edit"), merge_key))
        return True

    def refuse(self, reason: str) -> None:
        """An edit asked for cannot be made (a typing mistake, the last lane): say why.

        Widgets call this rather than emit `refused`, so the session alone owns its signals;
        listeners show the reason and touch nothing else (a refusal changes no snapshot).
        """
        self.refused.emit(reason)

    def replace(self, diagram: Diagram, path: Path | None = None) -> None:
        """Open another document: a fresh undo history, everything redrawn."""
        self.undo_stack.clear()
        self._path = path
        self._diagram = diagram
        self.document_replaced.emit()
        self.path_changed.emit()
        self.changed.emit(EVERYTHING)

    def _show(self, diagram: Diagram, changes: ChangeSet) -> None:
        self._diagram = diagram
        self.changed.emit(changes)
