"""The canvas's edit actions (Edit menu) and its right-click menus on nodes, edges, lanes,
phases and empty ground.

Each menu offers only what applies where the user clicked; every entry is one command given
to the session, so it is one undo step. The Edit menu's actions are shortcuts of the canvas
only (a text field keeps its own Ctrl+C, Delete and Ctrl+A).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from app.model import NodeKind
from app.model.axes import LANE, Axis
from app.model.commands import DeleteItems, Reconnect, UpdateNode
from app.render import theme
from app.render.bands import bands
from app.ui.canvas import editing
from app.ui.canvas.clipboard import text_from_mime
from app.ui.canvas.items import EdgeItem, NodeItem
from app.ui.panels import band_dialogs


class CanvasActions(QObject):
    """Cut, Copy, Paste, Duplicate, Delete, Select all, and the canvas's context menus."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        view = window.view

        def action(key: str, slot, shortcut) -> QAction:
            act = QAction(window)
            act.setObjectName(key)
            act.setShortcut(QKeySequence(shortcut))
            # Only while the canvas has the keyboard: text fields keep their own keys.
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            view.addAction(act)
            return act

        SK = QKeySequence.StandardKey
        self.cut = action("edit.cut", lambda: view.cut(), SK.Cut)
        self.copy = action("edit.copy", lambda: view.copy(), SK.Copy)
        self.paste = action("edit.paste", lambda: view.paste(), SK.Paste)
        self.duplicate = action("edit.duplicate", lambda: view.duplicate(), "Ctrl+D")
        self.delete = action("edit.delete", lambda: view.delete_selection(), SK.Delete)
        self.select_all = action("edit.select_all", self.select_everything, SK.SelectAll)
        self.edit_actions = (self.cut, self.copy, self.paste, self.duplicate, self.delete,
                             self.select_all)
        window.scene.context_menu_requested.connect(self.popup)
        self.menu: QMenu | None = None  # the last menu shown (tests read it)
        # Greyed out when there is nothing to act on, as in every editor.
        window.scene.selectionChanged.connect(self.update_enabled)
        QGuiApplication.clipboard().dataChanged.connect(self.update_enabled)
        self.update_enabled()

    def update_enabled(self) -> None:
        """Enable the entries that have something to act on now."""
        if not shiboken6.isValid(self.window.scene):
            return  # the scene clears its selection while it is being destroyed
        # From the items, not the ids: this runs while the scene is catching up with an edit.
        chosen = self.scene.selectedItems()
        nodes = any(isinstance(item, NodeItem) for item in chosen)
        edges = any(isinstance(item, EdgeItem) for item in chosen)
        for act in (self.cut, self.copy, self.duplicate):
            act.setEnabled(bool(nodes))
        self.delete.setEnabled(nodes or edges)
        self.paste.setEnabled(self.paste_available())

    @property
    def session(self):
        return self.window.session

    @property
    def view(self):
        return self.window.view

    @property
    def scene(self):
        return self.window.scene

    def retranslate(self) -> None:
        """The Edit actions' names in the current language."""
        for act, text in ((self.cut, self.tr("Cu&t")), (self.copy, self.tr("&Copy")),
                          (self.paste, self.tr("&Paste")),
                          (self.duplicate, self.tr("D&uplicate")),
                          (self.delete, self.tr("&Delete")),
                          (self.select_all, self.tr("Select &all"))):
            act.setText(text)

    def kind_names(self) -> dict[str, str]:
        """The node kinds as the palette names them, with accelerators."""
        return {"entry": self.tr("&Entry"), "step": self.tr("&Step"),
                "decision": self.tr("&Decision"), "goal": self.tr("&Goal"),
                "exit": self.tr("E&xit")}

    def select_everything(self) -> None:
        self.scene.select_ids(list(self.scene.nodes), list(self.scene.edges))

    # -- context menus ---------------------------------------------------------------------
    def popup(self, kind: str | Axis, target: str, scene_pos: QPointF,
              screen_pos: QPoint) -> None:
        """Show the menu for what was right-clicked."""
        self.menu = self.menu_for(kind, target, scene_pos)
        self.menu.exec(screen_pos)

    def menu_for(self, kind: str | Axis, target: str, scene_pos: QPointF) -> QMenu:
        """The context menu of a node, an edge, a lane or phase header (`kind` LANE or
        PHASE), or empty canvas."""
        if kind == "node":
            if target not in self.scene.selected_ids()[0]:
                self.scene.select_ids([target], [])
            return self._node_menu(target)
        if kind == "edge":
            self.scene.select_ids([], [target])
            return self._edge_menu(target)
        if isinstance(kind, Axis):
            return self._band_menu(kind, target, scene_pos)
        return self._canvas_menu(scene_pos)

    def _add(self, menu: QMenu, key: str, text: str, slot, shortcut=None) -> QAction:
        act = menu.addAction(text)
        act.setObjectName(key)
        act.triggered.connect(slot)
        if shortcut is not None:
            act.setShortcut(shortcut)
        return act

    def _node_menu(self, node_id: str) -> QMenu:
        menu = QMenu(self.view)
        node = self.session.diagram.node(node_id)
        self._add(menu, "node.rename", self.tr("&Rename"), lambda: self.view.rename(node_id),
                  QKeySequence("F2"))
        kinds = menu.addMenu(self.tr("Change &kind"))
        for kind, text in self.kind_names().items():
            act = self._add(kinds, f"node.kind.{kind}", text,
                            lambda _c=False, k=kind: self._set_node(node_id, {"kind": k},
                                                                   "Change kind"))
            act.setCheckable(True)
            act.setChecked(node.kind.value == kind)
        lanes = menu.addMenu(self.tr("Move to &lane"))
        for lane in self.session.diagram.lanes:
            act = self._add(lanes, f"node.lane.{lane.id}", lane.title,
                            lambda _c=False, lane_id=lane.id: self._to_lane(node_id, lane_id))
            act.setCheckable(True)
            act.setChecked(node.lane == lane.id)
        connect = self._add(menu, "node.connect", self.tr("&Connect to…"),
                            lambda: self._connect_from(node_id), QKeySequence("C"))
        connect.setEnabled(node.kind is not NodeKind.exit)
        menu.addSeparator()
        self._add(menu, "node.duplicate", self.tr("D&uplicate"), self.view.duplicate,
                  self.duplicate.shortcut())
        self._add(menu, "node.cut", self.tr("Cu&t"), self.view.cut, self.cut.shortcut())
        self._add(menu, "node.copy", self.tr("&Copy"), self.view.copy, self.copy.shortcut())
        self._add(menu, "node.delete", self.tr("&Delete"), self.view.delete_selection,
                  self.delete.shortcut())
        menu.addSeparator()
        self._add(menu, "node.inspect", self.tr("&Properties"),
                  lambda: self._inspect("node", node_id))
        return menu

    def _edge_menu(self, edge_id: str) -> QMenu:
        menu = QMenu(self.view)
        source, target = edge_id.split("->", 1)
        self._add(menu, "edge.rename", self.tr("Edit &label"), lambda: self.view.rename(edge_id),
                  QKeySequence("F2"))
        self._add(menu, "edge.reverse", self.tr("Re&verse direction"),
                  lambda: self.session.execute(Reconnect(source, target, target, source)))
        self._add(menu, "edge.delete", self.tr("&Delete"),
                  lambda: self.session.execute(DeleteItems(edge_ids=frozenset({edge_id}))),
                  self.delete.shortcut())
        menu.addSeparator()
        self._add(menu, "edge.inspect", self.tr("&Properties"),
                  lambda: self._inspect("edge", edge_id))
        return menu

    def _band_menu(self, axis: Axis, band_id: str, scene_pos: QPointF) -> QMenu:
        menu = band_dialogs.band_menu(self.session, axis, band_id, self.window,
                                      on_select=self.window.inspector.show_band)
        first = menu.actions()[0] if menu.actions() else None
        here = QMenu(self.tr("Add &node here"), menu)
        self._fill_kinds(here, self._beside_header(axis, band_id, scene_pos))
        if first is None:
            menu.addMenu(here)
        else:
            menu.insertMenu(first, here)
            menu.insertSeparator(first)
        return menu

    def _canvas_menu(self, scene_pos: QPointF) -> QMenu:
        menu = QMenu(self.view)
        here = menu.addMenu(self.tr("Add &node here"))
        self._fill_kinds(here, scene_pos)
        paste = self._add(menu, "canvas.paste", self.tr("&Paste here"),
                          lambda: self.view.paste(scene_pos), self.paste.shortcut())
        paste.setEnabled(self.paste_available())
        self._add(menu, "canvas.select_all", self.tr("Select &all"), self.select_everything,
                  self.select_all.shortcut())
        menu.addSeparator()
        self._add(menu, "canvas.add_lane", self.tr("Add &lane"),
                  lambda: self.window.add_lane())
        self._add(menu, "canvas.add_phase", self.tr("Add p&hase"),
                  lambda: self.window.add_phase())
        return menu

    def _fill_kinds(self, menu: QMenu, scene_pos: QPointF) -> None:
        for kind, text in self.kind_names().items():
            self._add(menu, f"add.{kind}", text,
                      lambda _c=False, k=kind: self.view.create_node_at(k, scene_pos))

    def _beside_header(self, axis: Axis, band_id: str, pos: QPointF) -> QPointF:
        """Where "Add node here" on a header puts the node: just inside the lane's (phase's)
        body, beside its header."""
        band = next((b for b in bands(self.scene.layout, axis) if b.id == band_id), None)
        if band is None:
            return pos
        if axis is LANE:  # the header is on the left: right of it, at the lane's middle
            return QPointF(max(pos.x(), band.header.right + theme.NODE_WIDTH / 2 + 24),
                           band.rect.cy)
        lane_top = self.scene.layout.lanes[0].rect
        return QPointF(band.rect.cx, max(pos.y(), lane_top.y + lane_top.h / 2))

    # -- what the entries do ---------------------------------------------------------------
    def paste_available(self) -> bool:
        return text_from_mime(QGuiApplication.clipboard().mimeData()) is not None

    def _set_node(self, node_id: str, changes: dict, text: str) -> bool:
        return self.session.execute(UpdateNode(node_id, changes, text=text))

    def _to_lane(self, node_id: str, lane_id: str) -> bool:
        """Move a node into another lane, at the same height inside the lane as before."""
        layout = self.scene.layout
        box = layout.nodes[node_id]
        old = next(b for b in layout.lanes if b.id == self.session.diagram.node(node_id).lane)
        new = next(b for b in layout.lanes if b.id == lane_id)
        y = new.rect.y + min(box.y - old.rect.y, max(new.rect.h - box.h, 0))
        command = editing.nudge(layout, [node_id], 0, y - box.y)
        if command is None:
            return False
        placement = command.moves[node_id]
        moves = {node_id: type(placement)(placement.x, placement.y, lane_id, placement.phase)}
        return self.session.execute(type(command)(moves, text="Move to lane"))

    def _connect_from(self, node_id: str) -> None:
        self.scene.select_ids([node_id], [])
        keyboard = getattr(self.window, "keyboard", None)
        if keyboard is not None:
            keyboard.start_connect()

    def _inspect(self, kind: str, item_id: str) -> None:
        inspector = self.window.inspector
        if kind == "node":
            inspector.show_node(item_id)
        else:
            inspector.show_edge(*item_id.split("->", 1))
        self.window.inspector_dock.raise_()
