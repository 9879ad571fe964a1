"""File → New from template…: each template with its title, description and a thumbnail.

Titles and descriptions come from the template files of the interface language (the zh
templates are written in Chinese), so no raw template id is ever shown.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.io import DiagramFileError
from app.io.templates import load_template, template_names
from app.model import Diagram

THUMB = QSize(132, 80)
PREVIEW = QSize(420, 250)
_NAME_ROLE = Qt.ItemDataRole.UserRole
#: how much wider than the thumbnail a diagram may be before its right part is cut off
WIDE_CROP = 2.5


def thumbnail(diagram: Diagram, size: QSize, lang: str) -> QPixmap:
    """The diagram painted small, as the canvas shows it, centred in a `size` pixmap."""
    from app.ui.paint import diagram_bounds, paint_diagram

    pixmap = QPixmap(size)
    pixmap.fill(QColor("#FFFFFF"))
    bounds = diagram_bounds(diagram)
    # Funnels are wide: fitting the whole width leaves a thin strip of nothing. Show the
    # start of the funnel (lanes, entries, first steps) at a size where shapes read.
    scale = min(size.height() / max(bounds.height(), 1),
                WIDE_CROP * size.width() / max(bounds.width(), 1))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(max((size.width() - bounds.width() * scale) / 2, 0),
                      (size.height() - bounds.height() * scale) / 2)
    painter.scale(scale, scale)
    painter.translate(-bounds.x(), -bounds.y())
    paint_diagram(painter, diagram, lang=lang)
    painter.end()
    return pixmap


def description(diagram: Diagram) -> str:
    """What a template is for: its notes (all of them; the preview wraps them)."""
    return (diagram.notes or "").strip() or diagram.title


class TemplateDialog(QDialog):
    """The shipped templates of the interface language: a list with thumbnails and a preview."""

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New from template"))
        self.lang = lang
        self.diagrams: dict[str, Diagram] = {}
        self.list = QListWidget(self)
        self.list.setIconSize(THUMB)
        self.list.setSpacing(2)
        self.list.setStyleSheet("QListView::item { padding: 4px; }")
        self.list.setMinimumWidth(THUMB.width() + 200)
        for name in template_names(lang):
            try:
                diagram = load_template(name, lang)
            except (KeyError, DiagramFileError):
                continue  # a broken template is left out, not shown as an id
            self.diagrams[name] = diagram
            item = QListWidgetItem(QIcon(thumbnail(diagram, THUMB, lang)),
                                   diagram.title or name, self.list)
            item.setData(_NAME_ROLE, name)
            item.setToolTip(description(diagram))
        self.preview = QLabel(self)
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold; font-size: 15px")
        self.title.setWordWrap(True)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.about.setMaximumWidth(PREVIEW.width())
        self.list.currentItemChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        side.addWidget(self.preview)
        side.addWidget(self.title)
        side.addWidget(self.about, 1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)
        self.resize(900, 520)

    def _show(self, item: QListWidgetItem | None) -> None:
        diagram = self.diagrams.get(item.data(_NAME_ROLE)) if item else None
        if diagram is None:
            self.preview.clear()
            self.title.clear()
            self.about.clear()
            return
        self.preview.setPixmap(thumbnail(diagram, PREVIEW, self.lang))
        self.title.setText(diagram.title)
        self.about.setText(description(diagram))

    def chosen(self) -> str | None:
        """The chosen template's name (its file stem), or None."""
        item = self.list.currentItem()
        return item.data(_NAME_ROLE) if item else None

    @classmethod
    def ask(cls, lang: str, parent: QWidget | None) -> str | None:
        dialog = cls(lang, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

