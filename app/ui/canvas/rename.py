"""Rename in place: a line edit laid over a node's label (or an edge's label plate).

A real QLineEdit, not a graphics text item, so Chinese input methods, copy/paste and undo
within the field behave as everywhere else. Enter (or clicking elsewhere) commits one
UpdateNode / UpdateEdge; Esc cancels and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLineEdit

from app.model.commands import UpdateEdge, UpdateNode
from app.render import theme
from app.ui.fonts import ui_font


class LabelEditor(QLineEdit):
    """The in-place editor of one node's or edge's label."""

    def __init__(self, view, target_id: str) -> None:
        super().__init__(view.viewport())
        self.view, self.target_id = view, target_id
        self._done = False
        diagram = view.scene().session.diagram
        if "->" in target_id:
            source, target = target_id.split("->", 1)
            self.setText(diagram.edge(source, target).label or "")
        else:
            self.setText(diagram.node(target_id).label)
        scale = view.transform().m11()
        font = ui_font()
        font.setPixelSize(max(9, round(theme.FONT_LABEL_PX * min(max(scale, 0.8), 2.5))))
        self.setFont(font)
        self.setAlignment(Qt.AlignCenter)
        self._place()
        self.selectAll()
        self.show()
        self.setFocus(Qt.OtherFocusReason)

    def _place(self) -> None:
        rect = self.view.scene().item_rect(self.target_id)
        shown: QRect = self.view.mapFromScene(rect).boundingRect()
        height = self.fontMetrics().height() + 10
        width = max(shown.width(), 160)
        self.setGeometry(shown.center().x() - width // 2, shown.center().y() - height // 2,
                         width, height)

    def commit(self) -> None:
        """Apply the new label as one undo step (nothing if it did not change)."""
        if self._done:
            return
        self._done = True
        text = self.text().strip()
        session = self.view.scene().session
        if "->" in self.target_id:
            source, target = self.target_id.split("->", 1)
            if session.diagram.edge(source, target) is not None:
                session.execute(UpdateEdge(source, target, {"label": text or None},
                                           text="Rename"))
        elif session.diagram.node(self.target_id) is not None:
            session.execute(UpdateNode(self.target_id, {"label": text}, text="Rename"))
        self._close()

    def cancel(self) -> None:
        """Leave the label as it was."""
        self._done = True
        self._close()

    def _close(self) -> None:
        self.view.editor_closed(self)
        self.hide()
        self.deleteLater()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.commit()
        elif event.key() == Qt.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if not self._done:
            self.commit()  # clicking elsewhere keeps what was typed, like a spreadsheet cell
