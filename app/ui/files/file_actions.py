"""Opening, saving and exporting documents: the one place that touches files.

Saving writes through QSaveFile (temp file, flush, rename), so a failed save never damages
the file on disk; the document then stays modified and the user is offered Save As. A file
the loader refuses is reported with its located problems and the open document stays as it
was. Recent files live in the user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QObject, QSaveFile, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.io import DiagramFileError, SaveError, dumps_diagram, load_diagram, refuse_foreign
from app.io.templates import blank_diagram, load_template
from app.ui import i18n
from app.ui.export import EXPORTERS, export
from app.ui.files.template_dialog import TemplateDialog
from app.ui.session import Session

translate = QCoreApplication.translate
RECENT_KEY = "files/recent"
MAX_RECENT = 10


def file_filter() -> str:
    """The open and save dialogs' file types, in the interface language."""
    return translate("Files", "FunnelFlow (*.yaml *.yml);;All files (*)")


def recent_files() -> list[str]:
    """The recently opened or saved files, newest first, that still exist."""
    value = i18n.settings().value(RECENT_KEY, [])
    paths = [value] if isinstance(value, str) else list(value or [])
    return [p for p in paths if p and Path(p).exists()]


def remember_file(path: Path) -> None:
    """Put `path` at the top of the recent files."""
    text = str(Path(path).resolve())
    paths = [text] + [p for p in recent_files() if p != text]
    store = i18n.settings()
    store.setValue(RECENT_KEY, paths[:MAX_RECENT])
    store.sync()


def write_document(session: Session, path: Path) -> str | None:
    """Save the document to `path` atomically; returns the reason on failure, else None."""
    data = dumps_diagram(session.diagram).encode("utf-8")
    try:
        refuse_foreign(path)  # QSaveFile would rename over a FIFO or a device
    except SaveError as error:
        return str(error)
    target = QSaveFile(str(path))
    if not target.open(QIODevice.OpenModeFlag.WriteOnly):
        return target.errorString()
    if target.write(data) != len(data):
        reason = target.errorString()
        target.cancelWriting()
        return reason
    if not target.commit():
        return target.errorString()
    session.mark_saved(Path(path))
    remember_file(Path(path))
    return None


class FileActions(QObject):
    """New, open, save, save as, export and recent files for one window's session."""

    recent_changed = Signal()
    message = Signal(str)  # for the status bar

    def __init__(self, session: Session, window: QWidget, template_lang=lambda: "en"):
        super().__init__(window)
        self.session = session
        self.window = window
        self._template_lang = template_lang

    # -- asking before losing work ---------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when the current document may be replaced (saved, discarded, or unmodified)."""
        if not self.session.modified:
            return True
        name = self.session.path.name if self.session.path else translate("Files", "Untitled")
        answer = QMessageBox.question(
            self.window, translate("Files", "Unsaved changes"),
            translate("Files", "Save the changes to “%1” before closing it?").replace("%1", name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- new and open ----------------------------------------------------------------------
    def new_blank(self) -> bool:
        """File → New: an untitled diagram with one lane, ready to draw on."""
        if not self.maybe_save():
            return False
        self.session.replace(blank_diagram(self._template_lang()), None)
        return True

    def new_from_template(self, name: str | None = None) -> bool:
        """Replace the document with a template, as an untitled document."""
        lang = self._template_lang()
        name = name or TemplateDialog.ask(lang, self.window)
        if not name or not self.maybe_save():
            return False
        try:
            diagram = load_template(name, lang)
        except (KeyError, DiagramFileError) as error:
            self._show_problems(translate("Files", "The template could not be read."), error)
            return False
        self.session.replace(diagram, None)
        return True

    def open(self, path: str | Path | None = None) -> bool:
        """Open a file (asking for one when `path` is None); a refused file changes nothing."""
        if path is None:
            folder = str(self.session.path.parent) if self.session.path else ""
            path, _ = QFileDialog.getOpenFileName(
                self.window, translate("Files", "Open diagram"), folder, file_filter())
            if not path:
                return False
        if not self.maybe_save():
            return False
        return self.load(Path(path))

    def load(self, path: Path) -> bool:
        """Read `path` into the session without asking; report a refusal in a dialog."""
        notes: list = []
        try:
            diagram = load_diagram(path, notes)
        except DiagramFileError as error:
            self.report_problems(path, error)
            return False
        self.session.replace(diagram, path.resolve())
        remember_file(path)
        self.recent_changed.emit()
        self._tell_notes(notes)
        return True

    def _tell_notes(self, notes: list) -> None:
        """Values read differently than FunnelFlow 0.1 read them: say where (SPEC §2)."""
        if not notes or not hasattr(self.window, "statusBar"):
            return
        first = f"{notes[0].line}: {notes[0].message}"
        count = len(notes)
        text = translate("Files", "Read with %n note(s); line %1", "", count).replace("%1", first)
        self.window.statusBar().showMessage(text, 30000)

    def report_problems(self, path: Path, error: DiagramFileError,
                        at_start: bool = False) -> None:
        """Show why a file could not be opened, with every located problem (`at_start`: the
        file named on the command line, with nothing open before it)."""
        guard = getattr(self.window, "safeguards", None)
        if guard is not None:  # issue 7: the offending source lines under Show Details
            guard.report_load_error(path, error, at_start=at_start)
            return
        self._show_problems(
            translate("Files", "“%1” could not be opened.").replace("%1", path.name), error)

    def _show_problems(self, text: str, error: Exception) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Files", "FunnelFlow"), text,
                          QMessageBox.StandardButton.Ok, self.window)
        if isinstance(error, DiagramFileError):
            from app.ui.refusals import localize_problem
            box.setInformativeText("\n".join(localize_problem(p) for p in error.problems))
        else:
            box.setInformativeText(str(error))
        box.exec()

    # -- save ------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the document's file, or ask for one (Save As) if it has none yet."""
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        suggestion = str(self.session.path) if self.session.path else (
            (self.session.diagram.title or translate("Files", "Untitled")) + ".yaml")
        path, _ = QFileDialog.getSaveFileName(
            self.window, translate("Files", "Save diagram as"), suggestion, file_filter())
        if not path:
            return False
        if Path(path).suffix.lower() not in (".yaml", ".yml"):
            path += ".yaml"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the document to `path`; on failure say why and offer Save As."""
        guard = getattr(self.window, "safeguards", None)
        if guard is not None:  # issue 7: newer-file check, reasons, comments, backups
            outcome = guard.save(Path(path))
            if outcome == "save-as":
                return self.save_as()
            if outcome != "saved":
                return False
            remember_file(Path(path))
            reason = None
        else:
            reason = write_document(self.session, Path(path))
        if reason is None:
            self.recent_changed.emit()
            self.message.emit(translate("Files", "Saved %1").replace("%1", str(path)))
            return True
        answer = QMessageBox.critical(
            self.window, translate("Files", "Could not save"),
            translate("Files", "“%1” could not be saved: %2\nThe file on disk is unchanged. "
                      "Save somewhere else?").replace("%1", str(path)).replace("%2", reason),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_as()
        return False

    # -- export ----------------------------------------------------------------------------
    def export(self) -> bool:
        """File → Export…: the format follows the chosen file's extension."""
        base = self.session.path.with_suffix("") if self.session.path else Path(
            self.session.diagram.title or "diagram")
        from app.ui.files.export_dialog import ExportDialog

        path = ExportDialog.ask(self.window, str(base) + ".svg", EXPORTERS)
        if not path:
            return False
        try:
            # Legend, headers and checklist pages in the language of the interface.
            export(self.session.diagram, path, lang=self._template_lang())
        except Exception as error:  # noqa: BLE001 - any exporter failure is shown, not raised
            QMessageBox.warning(self.window, translate("Files", "Export failed"), str(error))
            return False
        self.message.emit(translate("Files", "Exported %1").replace("%1", path))
        return True
