"""File → Export…: a save dialog whose file type and file name follow each other.

The format is chosen by the file's extension (as on the command line); the dialog opens with
the filter of the suggested name's extension selected, and choosing another filter changes
the extension of the name typed so far. Filter names are in the interface language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

translate = QCoreApplication.translate


def format_names() -> dict[str, str]:
    """What each export extension makes, in the interface language, in menu order."""
    return {
        ".svg": translate("Export", "SVG image"),
        ".png": translate("Export", "PNG image (reopens in FunnelFlow)"),
        ".pdf": translate("Export", "PDF document with the checklist"),
        ".md": translate("Export", "Markdown checklist"),
        ".csv": translate("Export", "CSV KPI table"),
        ".mmd": translate("Export", "Mermaid diagram"),
        ".xlsx": translate("Export", "Excel workbook"),
        ".yaml": translate("Export", "FunnelFlow diagram (YAML)"),
    }


def export_filters(extensions) -> list[tuple[str, str]]:
    """(extension, filter text) for the extensions that have an exporter."""
    names = format_names()
    known = [e for e in names if e in extensions]
    known += sorted(e for e in extensions if e not in names and e != ".yml")
    return [(ext, f"{names.get(ext, ext[1:].upper())} (*{ext})") for ext in known]


class ExportDialog(QFileDialog):
    """A save dialog for exports; `chosen()` is the path with the extension of its filter."""

    def __init__(self, parent: QWidget | None, suggestion: str, extensions):
        super().__init__(parent, translate("Files", "Export diagram"))
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.filters = export_filters(extensions)
        self.setNameFilters([text for _, text in self.filters])
        suffix = Path(suggestion).suffix.lower()
        self.ext = suffix if suffix in dict(self.filters) else self.filters[0][0]
        self.selectNameFilter(dict(self.filters)[self.ext])
        self.selectFile(suggestion)
        self.filterSelected.connect(self._filter_chosen)

    def _filter_chosen(self, text: str) -> None:
        ext = next((e for e, t in self.filters if t == text), None)
        if ext is None or ext == self.ext:
            return
        self.ext = ext
        typed = self.selectedFiles()[0] if self.selectedFiles() else ""
        if typed:
            self.selectFile(Path(typed).stem + ext)

    def chosen(self) -> str | None:
        """The file to write: as typed, or with the filter's extension when it has none."""
        if not self.selectedFiles():
            return None
        path = self.selectedFiles()[0]
        return path if Path(path).suffix.lower() in dict(self.filters) else path + self.ext

    @classmethod
    def ask(cls, parent: QWidget | None, suggestion: str, extensions) -> str | None:
        dialog = cls(parent, suggestion, extensions)
        return dialog.chosen() if dialog.exec() == QFileDialog.DialogCode.Accepted else None
