"""Everything that keeps a window's diagram safe, wired to its session in one object.

`Safeguards(window)` owns the autosaver (recovery copies), the file watcher and its
"changed on disk" bar, the kept previous versions and their menu, and the comment notice.
The window's file actions call `save(path)` to save and `report_load_error` for a refused
file; the start-up code calls `offer_recovery()`; a clean close calls `close()`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QMenu, QMessageBox

from app.io import DiagramFileError, load_diagram
from app.model.commands import ReplaceDocument
from app.ui.files.backups import (
    Backups,
    Version,
    fill_versions_menu,
    restore_version,
)
from app.ui.files.comment_notice import CommentNotice
from app.ui.files.error_dialog import show_load_error
from app.ui.files.file_watch import ChangedOnDiskBar, FileWatcher, stamp_file
from app.ui.files.open_lock import DocumentLock, ask_open_elsewhere
from app.ui.files.recovery import Autosaver, find_orphans, restore_orphan
from app.ui.files.recovery_dialog import RecoveryDialog
from app.ui.files.safe_save import (
    CANCEL,
    SAVE_AS,
    FileChangedOnDisk,
    SaveFailed,
    ask_about_newer_file,
    save_document,
    tell_save_failed,
)

# lupdate finds `translate("Context", "literal")`: keep the literal in the call.
translate = QCoreApplication.translate

# What `save` returns: the caller records a recent file, asks for a new name, or stops.
SAVED, WANTS_SAVE_AS, NOT_SAVED = "saved", "save-as", "not-saved"



class Safeguards(QObject):
    """Autosave, recovery, external changes, previous versions and comments for one window."""

    def __init__(self, window, backups: Backups | None = None,
                 recovery_folder: Path | None = None):
        super().__init__(window)
        self.window = window
        self.session = session = window.session
        self.backups = backups or Backups()
        self.comments = CommentNotice(session, self)  # before our own document_replaced slot
        # A child of the session, not of us: it must live as long as the signals it hears.
        self.autosaver = Autosaver(session, recovery_folder)
        self.autosaver.failed.connect(self._autosave_failed)
        self.watcher = FileWatcher(self)
        self.watcher.changed_on_disk.connect(self._changed_on_disk)
        self.bar = ChangedOnDiskBar(window)
        self.bar.reload_requested.connect(self.reload)
        self.bar.keep_requested.connect(self.keep_mine)
        self._place_bar()
        self.versions_menu = QMenu(window)
        self.versions_menu.aboutToShow.connect(self._fill_versions)
        self._add_versions_menu()
        session.document_replaced.connect(self._document_replaced)
        # Issue 17: a second designer on the same file is told at open, not at its save.
        self.document_lock = DocumentLock(
            Path(recovery_folder).parent / "open" if recovery_folder is not None else None)
        self.ask_open_elsewhere = ask_open_elsewhere(window)
        session.path_changed.connect(self._claim_file)
        self._claim_file()
        self.comments.comments_found.connect(lambda _n: self._inform(self.comments.summary()))
        self.watcher.watch(session.path)
        window.installEventFilter(self)
        self._retranslate()

    # -- saving ----------------------------------------------------------------------------
    def save(self, path: Path) -> str:
        """Save the session to `path` safely: SAVED, WANTS_SAVE_AS or NOT_SAVED.

        Asks about YAML comments before the first save, refuses to silently replace a file
        changed on disk, and says why a save failed; the document stays modified then.
        """
        path = Path(path)
        if not self.comments.before_save(self.window):
            return NOT_SAVED
        held = self.document_lock.path
        if self.document_lock.taken_over():  # another window took the file over
            if hasattr(self.window, "_update_title"):
                self.window._update_title()
            if held is not None and _same(held, path):
                QMessageBox.warning(self.window, translate("Safeguards", "Taken over"),
                                    translate("Safeguards", "“{name}” was taken over by "
                                              "another FunnelFlow window, so this window is "
                                              "now read-only. Save your version under another "
                                              "name.").format(name=path.name))
                return WANTS_SAVE_AS
        if self.document_lock.read_only and held is not None and _same(held, path):
            self._inform(translate("Safeguards", "{name} is open in another window and was "
                                   "opened read-only here: save under another name.")
                         .format(name=path.name))
            return WANTS_SAVE_AS
        same_file = self.watcher.path is not None and _same(self.watcher.path, path)
        expected = self.watcher.stamp if same_file else None
        try:
            try:
                stamp = save_document(self.session.diagram, path, expected=expected,
                                      backups=self.backups)
            except FileChangedOnDisk as newer:
                choice = ask_about_newer_file(self.window, newer)
                if choice == SAVE_AS:
                    return WANTS_SAVE_AS
                if choice == CANCEL:
                    return NOT_SAVED
                stamp = save_document(self.session.diagram, path, backups=self.backups)
        except SaveFailed as failure:
            return WANTS_SAVE_AS if tell_save_failed(self.window, failure) else NOT_SAVED
        self.bar.hide()
        self.session.mark_saved(path)
        self.watcher.watch(path, stamp)
        return SAVED

    def report_load_error(self, path: Path, error: DiagramFileError,
                          at_start: bool = False) -> None:
        """Show a refused file's located problems; the open document is not touched."""
        show_load_error(self.window, path, error, at_start=at_start)

    # -- external changes ------------------------------------------------------------------
    def reload(self) -> None:
        """Replace the document with the file on disk, as one undoable step."""
        path = self.watcher.path
        if path is None:
            return
        stamp = stamp_file(path)
        try:
            diagram = load_diagram(path)
        except DiagramFileError as error:
            self.report_load_error(path, error)
            self.watcher.accept(stamp)  # told once; a further change is told again
            return
        self.session.execute(ReplaceDocument(diagram, translate("Safeguards", "Reload from disk")))
        self.session.mark_saved()
        self.watcher.accept(stamp)
        self.comments.opened(path)

    def keep_mine(self) -> None:
        """Keep the document shown; it now differs from the file, so it counts as unsaved."""
        path = self.watcher.path
        self.watcher.accept(stamp_file(path) if path is not None else None)
        self.session.undo_stack.resetClean()

    # -- recovery --------------------------------------------------------------------------
    def offer_recovery(self) -> int:
        """At start-up: offer what crashed sessions left unsaved; returns how many."""
        orphans = find_orphans(self.autosaver.folder)
        if orphans:
            RecoveryDialog(orphans, self._restore, self.window).exec()
        return len(orphans)

    def close(self) -> None:
        """A clean close (saved or discarded by the user): remove the recovery copy."""
        self.autosaver.close()
        self.document_lock.release()

    @property
    def read_only(self) -> bool:
        """Opened read-only because another designer has the file open."""
        return self.document_lock.read_only

    def _claim_file(self) -> None:
        self.document_lock.claim(self.session.path, self.ask_open_elsewhere)

    # -- wiring ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def _restore(self, orphan) -> None:
        restore_orphan(orphan, self.session, self.autosaver)

    def _document_replaced(self) -> None:
        self.bar.hide()
        self.watcher.watch(self.session.path)
        if self.session.path is not None:
            self.comments.opened(self.session.path)

    def _changed_on_disk(self, path: str) -> None:
        self.bar.show_change(path, self.session.modified)

    def _fill_versions(self) -> None:
        fill_versions_menu(self.versions_menu, self.backups, self.session.path,
                           self._restore_version)

    def _restore_version(self, version: Version) -> None:
        try:
            restore_version(self.session, version)
        except DiagramFileError as error:
            show_load_error(self.window, version.path, error)

    def _autosave_failed(self, reason: str) -> None:
        self._inform(translate("Safeguards", "Could not write the recovery copy: {reason}")
                     .format(reason=reason))

    def _inform(self, text: str) -> None:
        if text and hasattr(self.window, "statusBar"):
            self.window.statusBar().showMessage(text, 10000)

    def _place_bar(self) -> None:
        central = self.window.centralWidget() if hasattr(self.window, "centralWidget") else None
        layout = central.layout() if central is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self.bar)

    def _add_versions_menu(self) -> None:
        # Into File, after Save As, when the window's menus are already built.
        actions = getattr(self.window, "actions", None)
        menu = getattr(actions, "file_menu", None)
        if menu is None:
            return
        before = getattr(actions, "export", None)
        if before is not None and before in menu.actions():
            menu.insertMenu(before, self.versions_menu)
        else:
            menu.addMenu(self.versions_menu)

    def _retranslate(self) -> None:
        self.versions_menu.setTitle(translate("Safeguards", "Restore a &previous version"))


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b

