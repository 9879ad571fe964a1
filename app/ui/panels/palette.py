"""The palette: the five node kinds, each with its icon, dragged onto the canvas to add a node.

A drag carries the kind's name under the mime type the canvas accepts; a double-click (or
Enter) asks the window to add the kind at the centre of the view, for keyboard users and
touch screens in workshops.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QIcon
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QListWidget, QListWidgetItem, QWidget

from app.model import NodeKind
from app.ui.paint import kind_icon as canvas_icon

MIME_TYPE = "application/x-funnelflow-node-kind"
ICON_SIZE = 32


def kind_name(kind: NodeKind | str) -> str:
    """The user's word for a node kind, in the interface language."""
    names = {
        "entry": QCoreApplication.translate("NodeKind", "Entry"),
        "step": QCoreApplication.translate("NodeKind", "Step"),
        "decision": QCoreApplication.translate("NodeKind", "Decision"),
        "goal": QCoreApplication.translate("NodeKind", "Goal"),
        "exit": QCoreApplication.translate("NodeKind", "Exit"),
    }
    return names[str(kind)]


def kind_hint(kind: NodeKind | str) -> str:
    """What a kind is for, as the palette's tooltip."""
    hints = {
        "entry": QCoreApplication.translate(
            "NodeKind", "Where people enter: a channel such as ads, SEO or an event"),
        "step": QCoreApplication.translate(
            "NodeKind", "A step people go through: landing page, e-mail, consultation"),
        "decision": QCoreApplication.translate(
            "NodeKind", "A choice with two or more ways out"),
        "goal": QCoreApplication.translate(
            "NodeKind", "What the funnel is for: a deal, an order, a sign-up"),
        "exit": QCoreApplication.translate(
            "NodeKind", "Where people leave: churn, abandonment"),
    }
    return hints[str(kind)]


def kind_icon(kind: NodeKind | str, size: int = ICON_SIZE) -> QIcon:
    """The kind's icon, drawn as the canvas draws the node."""
    return canvas_icon(NodeKind(str(kind)), size)


class PaletteList(QListWidget):
    """The list of kinds; dragging an entry starts a drag the canvas understands."""

    activated_kind = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setSpacing(2)
        for kind in NodeKind:
            item = QListWidgetItem(kind_icon(kind), "", self)
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
        self.itemActivated.connect(
            lambda item: self.activated_kind.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.retranslate()

    def retranslate(self) -> None:
        for row in range(self.count()):
            item = self.item(row)
            kind = item.data(Qt.ItemDataRole.UserRole)
            item.setText(kind_name(kind))
            item.setToolTip(kind_hint(kind) + "\n"
                            + self.tr("Drag onto the canvas, or double-click to add"))

    def item_for(self, kind: str) -> QListWidgetItem:
        """The palette entry of `kind` (for tests and keyboard shortcuts)."""
        return next(self.item(r) for r in range(self.count())
                    if self.item(r).data(Qt.ItemDataRole.UserRole) == kind)

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        return kind_mime(items[0].data(Qt.ItemDataRole.UserRole)) if items else QMimeData()

    def startDrag(self, actions: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(kind_mime(item.data(Qt.ItemDataRole.UserRole)))
        drag.setPixmap(item.icon().pixmap(ICON_SIZE, ICON_SIZE))
        drag.exec(Qt.DropAction.CopyAction)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def kind_mime(kind: str) -> QMimeData:
    """The drag payload for a node kind."""
    data = QMimeData()
    data.setData(MIME_TYPE, kind.encode("utf-8"))
    data.setText(kind)
    return data


class PaletteDock(QDockWidget):
    """The dock that holds the palette."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("palette")
        self.palette_list = PaletteList(self)
        self.setWidget(self.palette_list)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Node kinds"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
