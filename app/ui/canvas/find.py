"""Find: a bar over the canvas that finds nodes by label, id, owner, notes or KPI name.

Typing jumps to the first match; Enter and Shift+Enter step through the matches; Escape
closes the bar. Each match is selected and centred through the `found` signal.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.model import Diagram


def matching_nodes(diagram: Diagram, text: str) -> list[str]:
    """Ids of the nodes whose label, id, owner, notes, plan or KPI names contain `text`."""
    needle = text.strip().casefold()
    if not needle:
        return []
    found = []
    for node in diagram.nodes:
        haystack = [node.id, node.label, node.owner or "", node.notes or "",
                    node.contingency or "", *(k.name for k in node.kpis)]
        if any(needle in part.casefold() for part in haystack):
            found.append(node.id)
    return found


class FindBar(QWidget):
    """The find bar; `diagram` is a callable returning the current snapshot."""

    found = Signal(str)  # node id to select and centre

    def __init__(self, diagram, parent: QWidget | None = None):
        super().__init__(parent)
        self._diagram = diagram
        self._matches: list[str] = []
        self._index = -1
        self.field = QLineEdit(self)
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.previous = QToolButton(self)
        self.next = QToolButton(self)
        self.close_button = QToolButton(self)
        self.previous.setText("↑")
        self.next.setText("↓")
        self.close_button.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.field, self.count, self.previous, self.next, self.close_button):
            layout.addWidget(widget)
        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(+1))
        self.close_button.clicked.connect(self.hide)
        self.retranslate()

    def open(self) -> None:
        """Show the bar with the text selected, ready to type."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._search(self.field.text())

    def _search(self, text: str) -> None:
        self._matches = matching_nodes(self._diagram(), text)
        self._index = -1
        if self._matches:
            self.step(+1)
        else:
            self._update_count()

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) match, wrapping around."""
        if not self._matches:
            return
        self._index = (self._index + delta) % len(self._matches)
        self._update_count()
        self.found.emit(self._matches[self._index])

    def _update_count(self) -> None:
        if not self.field.text().strip():
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("No match"))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(self._index + 1))
                               .replace("%2", str(len(self._matches))))

    def eventFilter(self, watched, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if shift else +1)
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Find a node by label, owner, notes or KPI…"))
        self.previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next.setToolTip(self.tr("Next match (Enter)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
