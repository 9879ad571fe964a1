"""Telling a second designer that a file is already open in another one (issue 17).

Each window holds a QLockFile for its document's file, in the app data folder (never beside
the user's file, which may sit in a shared or read-only folder), named after a hash of the
file's real path. Opening a file whose lock a live designer holds asks at once: open it
read-only, or take it over. A killed designer's lock is stale (its process is gone): it is
removed and taken without a question.

Taking over deletes the other window's lock file, but that window's QLockFile still thinks it
holds it, and `QLockFile.unlock` deletes whatever file has its name. So each holder appends a
random token to its lock file, and frees the lock only while the file still carries that token;
a lock taken over is forgotten without touching the new holder's file, and the window turns
read-only when it notices (at the latest when it saves).
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.files.backups import data_folder

translate = QCoreApplication.translate

READ_ONLY, TAKE_OVER = "read-only", "take-over"
_SUFFIX = ".open.lock"
_TOKEN = b"funnelflow-holder "  # a line after the ones QLockFile writes (and reads) itself

# An asker: (file, process id, host name) -> READ_ONLY or TAKE_OVER
Asker = Callable[[Path, int, str], str]


def lock_folder() -> Path:
    folder = data_folder() / "open"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _lock_file(folder: Path, path: Path) -> str:
    real = os.path.realpath(path)
    return str(folder / (hashlib.sha256(real.encode("utf-8")).hexdigest()[:24] + _SUFFIX))


class DocumentLock:
    """Whether this window has its file to itself, or opened it read-only."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else lock_folder()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock: QLockFile | None = None
        self.path: Path | None = None
        self.read_only = False
        self._token = b""  # written into the lock file we hold; b"": could not write it

    def claim(self, path: Path | None, ask: Asker) -> None:
        """Hold the lock of `path` (None: nothing); if a live designer holds it, `ask`."""
        if path is not None and self.path is not None and _same(path, self.path) and (
                self._lock is not None or self.read_only):
            return  # saved again under the same name: nothing changes
        self.release()
        self.path = Path(path) if path is not None else None
        if path is None:
            return
        lock = QLockFile(_lock_file(self.folder, Path(path)))
        lock.setStaleLockTime(0)  # only a dead process frees it, never mere age
        if lock.tryLock(0):  # also removes the lock of a designer that was killed
            self._hold(lock)
            return
        if lock.error() != QLockFile.LockError.LockFailedError:
            return  # the lock folder is unusable: no warning is better than a wrong one
        info: tuple = tuple(lock.getLockInfo())[-3:]  # (pid, host, application)
        pid, host = (int(info[0]), str(info[1])) if len(info) == 3 else (0, "")
        if ask(Path(path), pid, host) == TAKE_OVER:
            lock.removeStaleLockFile()
            if not lock.tryLock(0):
                os.remove(lock.fileName())  # held by a live process: taken over on purpose
                lock.tryLock(0)
            if lock.isLocked():
                self._hold(lock)
        else:
            self.read_only = True

    def taken_over(self) -> bool:
        """True if another window took our lock over; we then hold nothing and are read-only."""
        if self._lock is None or self._still_ours():
            return False
        self._forget()
        self.read_only = True
        return True

    def release(self) -> None:
        if self._lock is not None:
            if self._still_ours():
                self._lock.unlock()
            else:
                self._forget()  # unlock would delete the file of the window that took over
            self._lock = None
        self.read_only = False
        self.path = None

    def _hold(self, lock: QLockFile) -> None:
        self._lock, token = lock, secrets.token_hex(16).encode("ascii")
        try:
            with open(lock.fileName(), "ab") as stream:
                stream.write(_TOKEN + token + b"\n")
            self._token = token
        except OSError:
            self._token = b""  # cannot tell ours from theirs: behave as before

    def _still_ours(self) -> bool:
        assert self._lock is not None
        try:
            with open(self._lock.fileName(), "rb") as stream:
                content = stream.read(4096)
        except OSError:
            return False  # gone: removed by a window that took it over
        return not self._token or (_TOKEN + self._token + b"\n") in content

    def _forget(self) -> None:
        # Drop the QLockFile without its destructor, which would unlock (delete) by name.
        if self._lock is not None:
            shiboken6.invalidate(self._lock)
        self._lock = None


def ask_open_elsewhere(parent: QWidget | None) -> Asker:
    """The question shown when the file is open in another designer."""

    def ask(path: Path, pid: int, host: str) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Warning, translate("OpenLock", "Open in another window"),
            translate("OpenLock", "“{name}” is already open in another FunnelFlow window "
                      "(process {pid} on {host}).").format(name=path.name, pid=pid,
                                                          host=host or "?"),
            parent=parent)
        box.setInformativeText(translate(
            "OpenLock", "Open it read-only to look without saving over the other window's "
            "work, or take it over if that window is gone or you are done there."))
        read_only = box.addButton(translate("OpenLock", "Open read-only"),
                                  QMessageBox.ButtonRole.AcceptRole)
        take_over = box.addButton(translate("OpenLock", "Take over"),
                                  QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(read_only)
        box.exec()
        return TAKE_OVER if box.clickedButton() is take_over else READ_ONLY  # Esc: read-only

    return ask


def _same(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)
