"""The last saved versions of each diagram, kept in the application's data folder.

Every successful save copies the saved bytes to `<data>/backups/<hash of the path>/`, keeping
the newest KEEP versions. They live in the data folder, not beside the user's file: users of
draw.io disliked `.bkp` clutter in their folders (and in git). "File → Restore a previous
version" lists them; restoring one is an ordinary undoable edit of the open document.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.io import load_diagram, write_atomic
from app.model.commands import ReplaceDocument

log = logging.getLogger(__name__)

KEEP = 5
_ORIGIN = "origin.txt"  # the original path, for a human looking in the folder
_STAMP = "%Y%m%d-%H%M%S-%f"


def data_folder() -> Path:
    """The application's data folder (per OS; see docs/limits.md), created if missing."""
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class Version:
    """One kept version of a file: where the copy is, when it was saved, how big it is."""

    path: Path
    saved_at: datetime
    size: int


class Backups:
    """The kept versions of every saved file, under one folder."""

    def __init__(self, folder: Path | None = None, keep: int = KEEP):
        self._folder = folder
        self.keep = keep

    @property
    def folder(self) -> Path:
        if self._folder is None:
            self._folder = data_folder() / "backups"
        return self._folder

    def folder_for(self, original: str | os.PathLike[str]) -> Path:
        """The subfolder holding the versions of `original` (one per absolute path)."""
        key = os.path.realpath(os.fspath(original))
        return self.folder / hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    def record(self, original: str | os.PathLike[str], data: bytes,
               when: datetime | None = None) -> Path | None:
        """Keep `data` as the newest version of `original`; None if it could not be kept.

        Saving the same bytes again keeps no new copy, so pressing Ctrl+S twice does not push
        an older, different version out. A failure here never fails the user's save.
        """
        try:
            versions = self.versions(original)
            if versions and versions[0].path.read_bytes() == data:
                return versions[0].path
            folder = self.folder_for(original)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / _ORIGIN).write_text(os.path.realpath(os.fspath(original)), "utf-8")
            when = when or datetime.now()
            target = folder / f"{when.strftime(_STAMP)}.yaml"
            write_atomic(target, data)
            self._prune(original)
            return target
        except OSError as error:
            log.warning("could not keep a backup of %s: %s", original, error)
            return None

    def versions(self, original: str | os.PathLike[str]) -> list[Version]:
        """The kept versions of `original`, newest first."""
        folder = self.folder_for(original)
        found = []
        try:
            entries = list(folder.glob("*.yaml"))
        except OSError:
            return []
        for entry in entries:
            try:
                saved_at = datetime.strptime(entry.stem, _STAMP)
                size = entry.stat().st_size
            except (ValueError, OSError):
                continue  # not ours, or vanished meanwhile
            found.append(Version(entry, saved_at, size))
        return sorted(found, key=lambda v: v.saved_at, reverse=True)

    def _prune(self, original: str | os.PathLike[str]) -> None:
        for old in self.versions(original)[self.keep:]:
            try:
                old.path.unlink()
            except OSError:
                pass


def restore_version(session, version: Version) -> None:
    """Show `version` as an unsaved edit of the open document; raises DiagramFileError."""
    diagram = load_diagram(version.path)
    session.execute(ReplaceDocument(diagram, QCoreApplication.translate(
        "Backups", "Restore version of {time}").format(time=_when(version.saved_at))))


def fill_versions_menu(menu: QMenu, backups: Backups, original: Path | None,
                       pick: Callable[[Version], None]) -> None:
    """Fill `menu` with the kept versions of `original` (connect to `aboutToShow`)."""
    menu.clear()
    versions = backups.versions(original) if original is not None else []
    if not versions:
        empty = QAction(QCoreApplication.translate(
            "Backups", "No previous versions yet (they are kept when you save)"), menu)
        empty.setEnabled(False)
        menu.addAction(empty)
        return
    for version in versions:
        text = QCoreApplication.translate("Backups", "{time} ({size} KB)").format(
            time=_when(version.saved_at), size=max(1, round(version.size / 1024)))
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False, v=version: pick(v))


def _when(moment: datetime) -> str:
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
