"""Autosave and crash recovery: unsaved edits survive a crash or a power cut.

Each running designer holds a QLockFile `<id>.lock` in the recovery folder (in the app data
folder, never beside the user's file). A couple of seconds after the last edit, the
`Autosaver` writes the document to `<id>.recovery.yaml` plus a small JSON sidecar (original
path or null for an untitled diagram, time, title) on a background thread. A clean save,
undoing back to the saved state, opening another document or a clean close removes them.
On the next start, `find_orphans` returns every recovery file whose lock is free — its
session died — so the window can offer Restore / Discard / Save as (see recovery_dialog).
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal, Slot

from app.io import dumps_diagram, loads_diagram, write_atomic
from app.model import Diagram
from app.ui.files.backups import data_folder

log = logging.getLogger(__name__)

DELAY_MS = 2000  # after the last edit: a burst of typing is written once
_YAML, _JSON, _LOCK = ".recovery.yaml", ".recovery.json", ".lock"


def recovery_folder() -> Path:
    """Where recovery files live (per OS; see docs/limits.md), created if missing."""
    folder = data_folder() / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Autosaver(QObject):
    """Keeps a recovery copy of the session's unsaved edits; one per running document."""

    written = Signal(str)  # the recovery file, after each write (for the status bar, tests)
    failed = Signal(str)  # why a recovery copy could not be written

    def __init__(self, session, folder: Path | None = None, delay_ms: int = DELAY_MS,
                 parent: QObject | None = None):
        super().__init__(parent if parent is not None else session)
        self._session = session
        self.folder = Path(folder) if folder is not None else recovery_folder()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.session_id = uuid.uuid4().hex[:12]
        self._lock = QLockFile(str(self.folder / f"{self.session_id}{_LOCK}"))
        self._lock.setStaleLockTime(0)  # only a dead process frees it, never mere age
        if not self._lock.tryLock(0):
            log.warning("could not lock %s", self._lock.fileName())
        remove_dead_locks(self.folder)
        # One worker keeps writes and removals in order; the UI thread never waits on disk.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future | None = None  # the last job given to the worker
        self._unreported: Future | None = None  # the last write, until its signal is sent
        self._closed = False
        # Signals are emitted from the UI thread only: the worker just returns an outcome,
        # which this timer collects (a signal emitted on the worker could reach a dead
        # receiver after the window closed).
        self._collect_timer = QTimer(self, singleShot=True, interval=50)
        self._collect_timer.timeout.connect(self._collect)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.write_now)
        session.changed.connect(self._edited)
        session.undo_stack.cleanChanged.connect(self._clean_changed)
        session.document_replaced.connect(self.discard)

    @property
    def recovery_path(self) -> Path:
        return self.folder / f"{self.session_id}{_YAML}"

    @property
    def sidecar_path(self) -> Path:
        return self.folder / f"{self.session_id}{_JSON}"

    @Slot()
    def write_now(self) -> None:
        """Write the recovery copy now (if there are unsaved edits), on the worker thread."""
        if self._gone():
            return
        self._timer.stop()
        if not self._session.modified:
            self.discard()
            return
        # Snapshots are frozen: the worker may read this one while the user edits on.
        diagram, path = self._session.diagram, self._session.path
        self._pending = self._unreported = self._submit(self._write, diagram, path)
        self._collect_timer.start()

    @Slot()
    def discard(self) -> None:
        """Remove the recovery copy: the document on disk (or nothing) is all there is."""
        if self._gone():
            return
        self._timer.stop()
        self._pending = self._submit(self._remove)

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until the last write or removal is on disk (tests, closing)."""
        if self._pending is not None:
            self._pending.result(timeout)
            self._collect()

    def close(self) -> None:
        """A clean close: remove the recovery copy and free the lock (once; later edits of a
        closing window write nothing)."""
        if self._gone():
            return
        self.discard()
        self.flush()
        self._closed = True
        self._worker.shutdown(wait=True)
        self._lock.unlock()

    @Slot(object)
    def _edited(self, _changes) -> None:
        if not self._gone() and self._session.modified:
            self._timer.start()

    @Slot(bool)
    def _clean_changed(self, clean: bool) -> None:
        if self._gone():
            return
        if clean:
            self.discard()  # saved, or undone back to what is on disk
        else:
            # The first edit after opening or saving: QUndoStack.push runs the command's
            # redo (our `changed`) before the stack counts as modified, so `_edited` saw
            # a clean stack. This is the moment it becomes modified.
            self._timer.start()

    def _gone(self) -> bool:
        # Closed, or half-collected: when the garbage collector breaks the session <->
        # autosaver cycle it clears our attributes first, and the dying undo stack still
        # signals. Nothing may be written or removed then.
        return getattr(self, "_closed", True)

    def _submit(self, job, *args) -> Future | None:
        try:
            return self._worker.submit(job, *args)
        except RuntimeError:  # the interpreter is shutting down: nothing can be written now
            return None

    @Slot()
    def _collect(self) -> None:
        write = getattr(self, "_unreported", None)
        if write is None:
            return
        if not write.done():
            self._collect_timer.start()
            return
        self._unreported = None
        outcome = write.result()
        if outcome is None:
            self.written.emit(str(self.recovery_path))
        else:
            self.failed.emit(outcome)

    def _write(self, diagram: Diagram, path: Path | None) -> str | None:
        """On the worker: write the copy and its sidecar; the reason if that failed."""
        try:
            write_atomic(self.recovery_path, dumps_diagram(diagram).encode("utf-8"))
            info = {"original": str(path) if path is not None else None,
                    "saved_at": datetime.now().isoformat(timespec="seconds"),
                    "title": diagram.title, "pid": os.getpid()}
            write_atomic(self.sidecar_path, json.dumps(info, ensure_ascii=False).encode())
        except OSError as error:
            log.warning("autosave failed: %s", error)
            return str(error)
        return None

    def _remove(self) -> None:
        for path in (self.recovery_path, self.sidecar_path):
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError as error:
                log.warning("could not remove %s: %s", path, error)


@dataclass
class Orphan:
    """Unsaved edits left by a session that crashed; we hold its lock while offering it."""

    recovery_path: Path
    original: Path | None
    saved_at: datetime
    title: str
    lock: QLockFile = field(repr=False)

    def load(self) -> Diagram:
        """The recovered document; raises DiagramFileError if the copy is unreadable."""
        return loads_diagram(self.recovery_path.read_bytes(), filename=str(self.recovery_path))

    def discard(self) -> None:
        """Delete the recovery copy for good and free its lock."""
        for path in (self.recovery_path, _sidecar(self.recovery_path)):
            try:
                path.unlink()
            except FileNotFoundError:
                pass
        self.release()

    def release(self) -> None:
        """Leave it for the next start (the user chose "Not now"), freeing the lock."""
        self.lock.unlock()


def find_orphans(folder: Path | None = None) -> list[Orphan]:
    """The recovery copies whose session is no longer running, newest first."""
    folder = Path(folder) if folder is not None else recovery_folder()
    orphans = []
    for recovery in sorted(folder.glob(f"*{_YAML}")):
        session_id = recovery.name[: -len(_YAML)]
        lock = QLockFile(str(folder / f"{session_id}{_LOCK}"))
        lock.setStaleLockTime(0)
        # tryLock removes a lock whose process is dead; a live session keeps its copy.
        if not lock.tryLock(0):
            continue
        info = _read_sidecar(_sidecar(recovery))
        try:
            when = datetime.fromisoformat(info.get("saved_at") or "")
        except ValueError:
            when = datetime.fromtimestamp(recovery.stat().st_mtime)
        original = info.get("original")
        orphans.append(Orphan(recovery, Path(original) if original else None, when,
                              str(info.get("title") or ""), lock))
    return sorted(orphans, key=lambda o: o.saved_at, reverse=True)


def remove_dead_locks(folder: Path) -> int:
    """Remove the locks of killed sessions that left no recovery copy; returns how many.

    A killed session's `<id>.lock` stays behind; with unsaved edits `find_orphans` offers
    them, without any the lock is litter. `tryLock` takes a lock only when its process is
    dead (same host), and `unlock` deletes the file.
    """
    removed = 0
    for path in sorted(Path(folder).glob(f"*{_LOCK}")):
        if (path.parent / (path.name[: -len(_LOCK)] + _YAML)).exists():
            continue  # an orphan's: kept for the recovery offer
        lock = QLockFile(str(path))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            lock.unlock()
            removed += 1
    return removed


def restore_orphan(orphan: Orphan, session, autosaver: Autosaver | None) -> None:
    """Open the orphan's edits in `session` as unsaved changes of its original file.

    The orphan is deleted only once the new session's own recovery copy is on disk, so a
    second crash right now still loses nothing. Raises DiagramFileError if unreadable.
    """
    diagram = orphan.load()
    session.replace(diagram, orphan.original)
    session.undo_stack.resetClean()  # unsaved: what is on disk is older
    if autosaver is not None:
        autosaver.write_now()
        autosaver.flush()
    orphan.discard()


def _sidecar(recovery: Path) -> Path:
    return recovery.with_name(recovery.name[: -len(_YAML)] + _JSON)


def _read_sidecar(path: Path) -> dict:
    # A sidecar lost in the crash must not hide the edits: fall back to defaults.
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
