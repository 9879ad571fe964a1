"""Saving from the designer with QSaveFile: the old file stays whole until the new one is.

QSaveFile writes a temporary file beside the target, syncs it to disk and renames it over the
target, keeping the old file's permissions and following a symlink to its real file. Before
writing, a save refuses to replace a file that changed on disk since we loaded or saved it
(git pull, another editor): `FileChangedOnDisk`. Any failure raises `SaveFailed` with a reason
a marketing manager can act on (read-only, disk full, file locked, folder gone); the caller
keeps the document open and modified and offers Save As.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QSaveFile
from PySide6.QtWidgets import QMessageBox, QWidget

from app.io import NotARegularFile, dumps_diagram, refuse_foreign
from app.model import Diagram
from app.ui.files.backups import Backups
from app.ui.files.file_watch import FileStamp, changed_since, stamp_bytes

# lupdate finds `translate("Context", "literal")`: keep the literal in the call.
translate = QCoreApplication.translate


class SaveFailed(Exception):
    """The file could not be saved; `reason` says why in the user's words. The old file is
    untouched."""

    def __init__(self, reason: str, path: str | os.PathLike[str]):
        self.reason = reason
        self.path = Path(path)
        super().__init__(f"{self.path}: {reason}")


class FileChangedOnDisk(Exception):
    """The file on disk is not the one we loaded or last saved: saving would overwrite it."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        super().__init__(f"{self.path} changed on disk since it was opened or saved")


def save_document(diagram: Diagram, path: str | os.PathLike[str], *,
                  expected: FileStamp | None = None,
                  backups: Backups | None = None) -> FileStamp:
    """Write `diagram` to `path` atomically and return the stamp of what is now on disk.

    `expected`: the stamp of the file when it was loaded or last saved; if the file changed
    since, raises FileChangedOnDisk and writes nothing (None: no check, e.g. Save As after the
    user agreed to replace). After success the saved bytes are kept in `backups`.
    """
    target = Path(path)
    data = dumps_diagram(diagram).encode("utf-8")
    if expected is not None and changed_since(target, expected):
        raise FileChangedOnDisk(target)
    _precheck(target)
    file = QSaveFile(str(target))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SaveFailed(_reason(target, len(data), file.errorString()), target)
    written = file.write(data)
    if written != len(data):
        message = file.errorString()
        file.cancelWriting()
        file.commit()  # with writing cancelled this only removes the temporary file
        raise SaveFailed(_reason(target, len(data), message), target)
    if not file.commit():
        raise SaveFailed(_reason(target, len(data), file.errorString()), target)
    real = Path(os.path.realpath(target))
    stamp = stamp_bytes(real, data)
    if backups is not None:
        backups.record(real, data)
    return stamp


def _precheck(target: Path) -> None:
    """Refuse early, with a precise reason, what QSaveFile would refuse vaguely."""
    if target.is_dir():
        raise SaveFailed(translate(
            "SafeSave", "{name} is a folder; choose a file name to save to.").format(
                name=target.name), target)
    folder = Path(os.path.realpath(target)).parent
    if not folder.is_dir():
        raise SaveFailed(_folder_missing(folder), target)
    try:
        refuse_foreign(target, force=True)  # QSaveFile itself refuses read-only files
    except NotARegularFile:
        # QSaveFile would rename its temporary file over a FIFO or a device.
        raise SaveFailed(translate(
            "SafeSave", "{name} is not a regular file (a device, pipe or socket); FunnelFlow "
            "saves only to regular files. Choose another name.").format(name=target.name),
            target) from None


def _reason(target: Path, size: int, qt_message: str) -> str:
    """Why a save failed, found by looking at the disk (Qt's message is a last resort)."""
    real = Path(os.path.realpath(target))
    folder = real.parent
    lowered = qt_message.lower()
    if not folder.is_dir():
        return _folder_missing(folder)
    if "no space" in lowered or "disk full" in lowered or _free_bytes(folder) < size + 4096:
        return translate(
            "SafeSave", "The disk is full: {free} free, the diagram needs {size}. Free some "
            "space or save to another disk.").format(free=_size(_free_bytes(folder)),
                                                      size=_size(size))
    if "read-only file system" in lowered or _read_only_mount(folder):
        return translate("SafeSave", "The disk or folder {folder} is read-only.").format(
            folder=folder)
    if real.exists() and not os.access(real, os.W_OK):
        return translate("SafeSave", "The file is read-only. Remove the read-only mark or "
                         "save under another name.")
    if not os.access(folder, os.W_OK) or "permission" in lowered or "access" in lowered:
        return translate(
            "SafeSave", "You may not write in the folder {folder} (permission denied).").format(
                folder=folder)
    if any(word in lowered for word in ("lock", "busy", "in use", "sharing")):
        return _locked()
    if not qt_message or lowered == "unknown error":
        return _locked()
    return translate("SafeSave", "The file could not be written: {error}.").format(error=qt_message)


def _folder_missing(folder: Path) -> str:
    return translate("SafeSave", "The folder {folder} does not exist (renamed, or a USB "
                     "stick or network drive removed?).").format(folder=folder)


def _locked() -> str:
    # On Windows a sync client or Excel holding the file makes the rename fail without a
    # clear error; this is the usual cause when nothing else explains the failure.
    return translate("SafeSave", "The file is locked or busy: another program (a sync "
                     "client, an editor) is using it. Wait a moment and save again, or save "
                     "under another name.")


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 1 << 62  # unknown: do not claim the disk is full


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return translate("SafeSave", "{n} KB").format(n=max(1, round(count / 1024)))
    return translate("SafeSave", "{n} MB").format(n=f"{count / 1024 / 1024:.1f}")



def tell_save_failed(parent: QWidget | None, error: SaveFailed) -> bool:
    """Say why the save failed and that nothing was lost; True if the user wants Save As."""
    text = translate("SafeSave", "“{name}” could not be saved: {reason}\nThe file on disk "
                     "is unchanged and your diagram is still open with all its edits. Save "
                     "somewhere else?").format(name=error.path.name, reason=error.reason)
    answer = QMessageBox.critical(
        parent, translate("SafeSave", "Could not save"), text,
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save)
    return answer == QMessageBox.StandardButton.Save


OVERWRITE, SAVE_AS, CANCEL = "overwrite", "save-as", "cancel"


def ask_about_newer_file(parent: QWidget | None, error: FileChangedOnDisk) -> str:
    """The file changed on disk since we read it: OVERWRITE, SAVE_AS or CANCEL."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("SafeSave", "The file changed on disk"),
                      translate("SafeSave", "{name} was changed by another program (git, "
                                "another editor) since you opened or saved it.").format(
                                    name=error.path.name),
                      parent=parent)
    box.setInformativeText(translate("SafeSave", "Saving now would replace those changes "
                                     "with your version. Save under another name to keep "
                                     "both."))
    save_as = box.addButton(translate("SafeSave", "Save As…"), QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton(translate("SafeSave", "Replace theirs"),
                              QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    clicked = box.clickedButton()
    return SAVE_AS if clicked is save_as else OVERWRITE if clicked is overwrite else CANCEL
