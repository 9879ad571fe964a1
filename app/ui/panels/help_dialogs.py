"""Help → Keyboard shortcuts and Help → About.

The shortcut list is read from the window's actions (their text and shortcut, grouped by the
menu that holds them) and from the canvas keys table the window hands over (keyboard.py's
CANVAS_KEYS), so it cannot go stale: a shortcut changed on an action changes here too.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.panels.menus import icon_text
from app.version import version

translate = QCoreApplication.translate


def action_shortcuts(window) -> list[tuple[str, str, str]]:
    """(menu title, action name, shortcut) for every menu action with a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, title: str) -> None:
        for act in menu.actions():
            sub = act.menu()
            if isinstance(sub, QMenu):
                walk(sub, title)
            elif not act.isSeparator() and id(act) not in seen and not act.shortcut().isEmpty():
                seen.add(id(act))
                rows.append((title, icon_text(act.text()),
                             act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))

    for top in window.menuBar().actions():
        sub = top.menu()
        if isinstance(sub, QMenu):
            walk(sub, icon_text(top.text()))
    return rows


def canvas_shortcuts(canvas_keys: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(keys, what they do), translated, for the keys the canvas handles itself."""
    return [(translate("CanvasKeys", str(keys)), translate("CanvasKeys", str(text)))
            for keys, text in canvas_keys]


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, grouped by menu, then the canvas's own keys."""

    def __init__(self, window: QWidget, canvas_keys: Iterable[tuple[str, str]]):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for menu, name, keys in action_shortcuts(window):
            parent = groups.get(menu)
            if parent is None:
                parent = groups[menu] = QTreeWidgetItem(self.tree, [menu, ""])
                parent.setFirstColumnSpanned(True)
            QTreeWidgetItem(parent, [name, keys])
        canvas = QTreeWidgetItem(self.tree, [self.tr("On the canvas"), ""])
        canvas.setFirstColumnSpanned(True)
        for keys, text in canvas_shortcuts(canvas_keys):
            QTreeWidgetItem(canvas, [text, keys])
        self.tree.expandAll()
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def rows(self) -> list[tuple[str, str]]:
        """(command, shortcut) of every row under the groups."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            for j in range(group.childCount()):
                row = group.child(j)
                if row is not None:
                    out.append((row.text(0), row.text(1)))
        return out


def about_text() -> str:
    """The About box's text."""
    return translate(
        "About",
        "<h3>FunnelFlow %1</h3><p>Draw a marketing funnel in swimlanes, put targets, actuals "
        "and owners on every step, and get a ranked bottleneck checklist.</p>"
        "<p>Diagrams are plain YAML files. Built with Qt (PySide6), pydantic and PyYAML. "
        "Chinese text uses Noto Sans CJK SC (SIL Open Font License).</p>").replace(
            "%1", version())


def show_about(parent: QWidget) -> QMessageBox:
    """Help → About FunnelFlow (modal)."""
    box = QMessageBox(QMessageBox.Icon.NoIcon, translate("About", "About FunnelFlow"),
                      about_text(), QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    icon = parent.windowIcon() if parent is not None else None
    if icon is not None and not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    box.exec()
    return box

