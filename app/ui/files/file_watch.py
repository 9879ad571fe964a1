"""Noticing that the open file changed on disk (git pull, another editor, a sync client).

`FileStamp` records what the file looked like when it was loaded or saved; `FileWatcher`
watches the file and its folder (an atomic replace by git or an editor gives the path a new
inode, which a plain file watch silently loses) and emits `changed_on_disk` only when the
content really differs from the stamp (by SHA-256, never by size and time alone), so our
own saves and `touch` raise no alarm and `cp -p` over the file does.
`ChangedOnDiskBar` is the non-modal "Reload / Keep mine" bar the window shows.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

# Editors and git write in several steps; look once the burst of events is over.
SETTLE_MS = 250


@dataclass(frozen=True)
class FileStamp:
    """What a file held at one moment: enough to tell whether it changed since."""

    mtime_ns: int
    size: int
    digest: str


def stamp_file(path: str | os.PathLike[str]) -> FileStamp | None:
    """The stamp of the file at `path` now, or None if it is missing or unreadable."""
    try:
        with open(path, "rb") as stream:
            info = os.fstat(stream.fileno())
            data = stream.read()
    except OSError:
        return None
    return FileStamp(info.st_mtime_ns, info.st_size, hashlib.sha256(data).hexdigest())


def stamp_bytes(path: str | os.PathLike[str], data: bytes) -> FileStamp:
    """The stamp of a file we just wrote with `data` (no need to read it back)."""
    info = os.stat(path)
    return FileStamp(info.st_mtime_ns, info.st_size, hashlib.sha256(data).hexdigest())


def changed_since(path: str | os.PathLike[str], stamp: FileStamp | None) -> bool:
    """True if the file's content differs from `stamp` (a missing file counts as changed)."""
    if stamp is None:
        return os.path.exists(path)
    try:
        info = os.stat(path)
    except OSError:
        return True
    if info.st_size != stamp.size:
        return True
    # Same size and time proves nothing: `cp -p`, `rsync -a` and unzip keep both. The
    # content decides (a diagram is at most a few MB; this runs on a file event or a save).
    now = stamp_file(path)
    return now is None or now.digest != stamp.digest


class FileWatcher(QObject):
    """Watches one file; `changed_on_disk(path)` when its content differs from our stamp."""

    changed_on_disk = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._path: Path | None = None
        self._stamp: FileStamp | None = None
        self._reported: str | None = None  # the digest already reported, to say it once
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.check_now)

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def stamp(self) -> FileStamp | None:
        return self._stamp

    def watch(self, path: Path | None, stamp: FileStamp | None = None) -> None:
        """Follow `path` (None: stop) whose content on disk is `stamp` (read it if None)."""
        self._unwatch()
        self._path = Path(path) if path is not None else None
        self._reported = None
        if self._path is None:
            self._stamp = None
            return
        self._stamp = stamp if stamp is not None else stamp_file(self._path)
        self._rewatch()

    def accept(self, stamp: FileStamp | None) -> None:
        """The file on disk is now `stamp` and the user knows it (we saved, or 'Keep mine')."""
        self._stamp = stamp
        self._reported = None
        self._rewatch()

    def check_now(self) -> bool:
        """Compare the file with the stamp now; emits and returns True on a new change."""
        self._rewatch()
        if self._path is None or not changed_since(self._path, self._stamp):
            return False
        now = stamp_file(self._path)
        digest = now.digest if now else "missing"
        if digest == self._reported:
            return False
        self._reported = digest
        self.changed_on_disk.emit(str(self._path))
        return True

    def _poke(self, _path: str) -> None:
        self._settle.start()

    def _rewatch(self) -> None:
        # After an atomic replace the old inode is gone and Qt drops the path: add it again.
        if self._path is None:
            return
        wanted = [str(self._path), str(self._path.parent)]
        present = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [p for p in wanted if p not in present and os.path.exists(p)]
        if missing:
            self._watcher.addPaths(missing)

    def _unwatch(self) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)


class ChangedOnDiskBar(QWidget):
    """A bar above the canvas: the file changed on disk — Reload or Keep mine. Non-modal."""

    reload_requested = Signal()
    keep_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("changedOnDiskBar")
        self.setStyleSheet("#changedOnDiskBar { background: #FFF4CE; }")
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self.reload_button = QPushButton(self)
        self.keep_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self._label, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.keep_button)
        self.reload_button.clicked.connect(self._reload)
        self.keep_button.clicked.connect(self._keep)
        self._path = ""
        self._modified = False
        self._retranslate()
        self.hide()

    def show_change(self, path: str, modified: bool) -> None:
        """Tell the user `path` changed; `modified`: they have unsaved edits of their own."""
        self._path, self._modified = path, modified
        self._retranslate()
        self.show()

    def message(self) -> str:
        return self._label.text()

    def _retranslate(self) -> None:
        name = os.path.basename(self._path)
        if self._modified:
            text = self.tr("{name} was changed on disk by another program. Reload it (your "
                           "edits stay reachable with Undo) or keep your version (the next "
                           "save replaces the file)?").format(name=name)
        else:
            text = self.tr("{name} was changed on disk by another program. Reload it, or "
                           "keep what is shown?").format(name=name)
        self._label.setText(text)
        self.reload_button.setText(self.tr("Reload"))
        self.keep_button.setText(self.tr("Keep mine"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _reload(self) -> None:
        self.hide()
        self.reload_requested.emit()

    def _keep(self) -> None:
        self.hide()
        self.keep_requested.emit()
