"""Keyboard-only editing on the canvas: select, create, connect and rename without a mouse.

Installed on the canvas view as an event filter (`install_keyboard(view, session)`), so the
view itself does not change. Keys:

- Tab / Shift+Tab: select the next / previous node in funnel order and centre it
  (Ctrl+Tab leaves the canvas for the other panels, as in any widget that uses Tab).
- N: add a step after the selected node (same lane, one column right), connected from it;
  Shift+N (or Ctrl+Shift+N): choose the kind first from a menu.
- C: connect mode from the selected node(s): Tab / Shift+Tab (or a click) pick the target,
  Enter connects (one undo step), Esc cancels. With nothing selected, C switches the mouse to
  connect mode (every drag from a node connects) until C or Esc.
- Enter: rename the selected node or edge in place (F2 works too).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtWidgets import QMenu

from app.model import Edge, NodeKind
from app.model.commands import AddItems
from app.render import theme
from app.render.outline import funnel_order
from app.ui.canvas import editing

#: the keys the canvas handles itself (no menu action has them), for Help → Keyboard shortcuts
CANVAS_KEYS = (
    (QT_TRANSLATE_NOOP("CanvasKeys", "Tab / Shift+Tab"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Select the next / previous node in funnel order")),
    (QT_TRANSLATE_NOOP("CanvasKeys", "N"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Add a step after the selected node, connected")),
    (QT_TRANSLATE_NOOP("CanvasKeys", "Shift+N"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Add a node of a chosen kind after the selected node")),
    (QT_TRANSLATE_NOOP("CanvasKeys", "C"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Connect: from the selection with Tab and Enter, or "
                       "(nothing selected) drag between any two nodes")),
    (QT_TRANSLATE_NOOP("CanvasKeys", "Enter / F2"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Rename the selected node or connection in place")),
    (QT_TRANSLATE_NOOP("CanvasKeys", "Arrow keys"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Nudge the selected nodes (with Shift: five times as far)")),
    (QT_TRANSLATE_NOOP("CanvasKeys", "Esc"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Leave connect mode")),
    (QT_TRANSLATE_NOOP("CanvasKeys", "Space + drag, middle drag"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Pan the canvas")),
    (QT_TRANSLATE_NOOP("CanvasKeys", "Ctrl + wheel"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Zoom under the pointer")),
)

#: how many rows down a new node may go to find a free spot before it overlaps anyway
_FREE_SPOT_TRIES = 6


class KeyboardNavigator(QObject):
    """The keyboard layer of one canvas view; `message` tells the user what the keys do now."""

    message = Signal(str)
    connect_mode_changed = Signal(bool)

    def __init__(self, view, session, parent: QObject | None = None):
        super().__init__(parent if parent is not None else view)
        self.view, self.session = view, session
        self.sources: list[str] | None = None  # set while in connect mode
        self.candidate: str | None = None
        self.kind_menu: QMenu | None = None
        view.installEventFilter(self)

    @property
    def scene(self):
        return self.view.scene()

    @property
    def connecting(self) -> bool:
        return self.sources is not None

    # -- the keys -----------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is not self.view or event.type() != QEvent.Type.KeyPress:
            return False
        return self.handle_key(event.key(), event.modifiers())

    def handle_key(self, key, modifiers) -> bool:
        """Act on a key pressed on the canvas; False lets the view have it."""
        K, M = Qt.Key, Qt.KeyboardModifier
        ctrl, shift = bool(modifiers & M.ControlModifier), bool(modifiers & M.ShiftModifier)
        if modifiers & M.AltModifier:
            return False
        if key == K.Key_Tab and not ctrl:
            self.step(-1 if shift else 1)
        elif key == K.Key_Backtab and not ctrl:
            self.step(-1)
        elif self.connecting and key in (K.Key_Return, K.Key_Enter):
            self.finish_connect()
        elif self.connecting and key == K.Key_Escape:
            self.cancel_connect()
        elif self.mouse_connect and key in (K.Key_Escape, K.Key_C) and not ctrl:
            self.set_mouse_connect(False)
        elif key == K.Key_N and shift:
            self.choose_kind()
        elif key == K.Key_N and not ctrl:
            self.create_next("step")
        elif key == K.Key_C and not ctrl and not shift:
            self.start_connect()
        elif key in (K.Key_Return, K.Key_Enter) and not ctrl:
            rename = getattr(self.view, "rename", None)
            if rename is None:
                return False
            rename()
        else:
            return False
        return True

    # -- select -------------------------------------------------------------------------------
    def step(self, delta: int) -> str | None:
        """Select the next (delta 1) or previous (-1) node in funnel order and centre it.

        In connect mode this moves the target instead, skipping the sources.
        """
        order = funnel_order(self.session.diagram)
        if self.connecting:
            order = [n for n in order if n not in self.sources]
        if not order:
            return None
        current = self.candidate if self.connecting else None
        if current is None:
            nodes, _ = self.scene.selected_ids()
            current = nodes[-1] if nodes and not self.connecting else None
            if self.connecting and self.sources:
                # Start from the source's place in the funnel, so Tab goes to what follows it.
                full = funnel_order(self.session.diagram)
                after = [n for n in full[full.index(self.sources[-1]) + 1:] if n in order]
                node_id = after[0] if delta > 0 and after else order[0 if delta > 0 else -1]
                return self._pick(node_id)
        if current in order:
            node_id = order[(order.index(current) + delta) % len(order)]
        else:
            node_id = order[0 if delta > 0 else -1]
        return self._pick(node_id)

    def _pick(self, node_id: str) -> str:
        if self.connecting:
            self.candidate = node_id
            self._say_connect()
        self.view.center_on_target(node_id)  # selects it and brings it to the middle
        return node_id

    # -- create -------------------------------------------------------------------------------
    def create_next(self, kind: str) -> str | None:
        """Add a `kind` node after the selected one (same lane, next column), connected from it
        when that is allowed; with nothing selected, in the middle of the view. One undo step."""
        scene, diagram = self.scene, self.session.diagram
        nodes, _ = scene.selected_ids()
        source = diagram.node(nodes[-1]) if nodes else None
        if source is None:
            centre = self.view.mapToScene(self.view.viewport().rect().center())
            node_id = self.view.create_node_at(kind, centre)
            if node_id:
                self.view.center_on_target(node_id)
            return node_id
        box = scene.layout.nodes[source.id]
        x, y = box.x + theme.COLUMN_WIDTH + box.w / 2, box.cy
        for _ in range(_FREE_SPOT_TRIES):
            if not any(other.contains(x, y) for other in scene.layout.nodes.values()):
                break
            y += theme.ROW_HEIGHT
        created = editing.create_node(diagram, scene.layout, kind, x, y, scene.lang)
        node = created.nodes[0].model_copy(update={"lane": source.lane})
        edges = ()
        if source.kind is not NodeKind.exit and node.kind is not NodeKind.entry:
            edges = (Edge(source=source.id, target=node.id),)
        if not self.session.execute(AddItems(nodes=(node,), edges=edges, text=created.text)):
            return None
        self.view.center_on_target(node.id)
        return node.id

    def choose_kind(self) -> QMenu:
        """A menu of the node kinds at the selection (arrows and Enter, or the underlined
        letter), then `create_next` with the chosen kind."""
        menu = QMenu(self.view)
        menu.setAccessibleName(self.tr("New node kind"))
        names = {"entry": self.tr("&Entry"), "step": self.tr("&Step"),
                 "decision": self.tr("&Decision"), "goal": self.tr("&Goal"),
                 "exit": self.tr("E&xit")}
        for kind in editing.KINDS:
            action = menu.addAction(names[kind])
            action.setData(kind)
        menu.triggered.connect(lambda action: self.create_next(action.data()))
        nodes, _ = self.scene.selected_ids()
        rect = self.scene.item_rect(nodes[-1]) if nodes else None
        point = (self.view.mapFromScene(QPointF(rect.right(), rect.top())) if rect is not None
                 else self.view.viewport().rect().center())
        menu.setActiveAction(menu.actions()[1])
        self.kind_menu = menu
        menu.popup(self.view.viewport().mapToGlobal(point))
        return menu

    # -- connect ------------------------------------------------------------------------------
    def start_connect(self) -> bool:
        """Connect mode from the selected nodes (not from an exit: nothing leaves an exit)."""
        nodes, _ = self.scene.selected_ids()
        diagram = self.session.diagram
        sources = [n for n in nodes if diagram.node(n).kind is not NodeKind.exit]
        if not sources:
            # Nothing selected: the mouse connect mode, in which every drag from a node
            # connects (draw.io's); the keyboard way is said too.
            self.set_mouse_connect(True)
            return False
        self.sources, self.candidate = sources, None
        self.scene.node_clicked_in_connect_mode = self._clicked_target
        self.scene.connect_mode = True
        self.connect_mode_changed.emit(True)
        self._say_connect()
        return True

    @property
    def mouse_connect(self) -> bool:
        """Whether every drag from a node connects (C with nothing selected; C or Esc leaves)."""
        return getattr(self.scene, "connect_mode", False) and not self.connecting

    def set_mouse_connect(self, on: bool) -> None:
        """Enter or leave the mouse connect mode."""
        self.scene.connect_mode = on
        self.connect_mode_changed.emit(on)
        if on:
            self.message.emit(self.tr("Connect mode: drag from one node to another. "
                                      "C or Esc leaves. (Keyboard: select a node with Tab, "
                                      "then C.)"))
        else:
            self.message.emit(self.tr("Connect mode off."))

    def _clicked_target(self, node_id: str) -> None:
        # In the keyboard connect mode a click on a node picks it as the target and connects.
        if self.connecting and node_id not in (self.sources or []):
            self.candidate = node_id
            self.finish_connect()

    def finish_connect(self) -> bool:
        """Connect every source to the picked target: one undo step; leaves connect mode."""
        sources, target = self.sources or [], self.candidate
        if target is None:
            self.message.emit(self.tr("Press Tab to pick the node to connect to."))
            return False
        self._end_connect()
        diagram = self.session.diagram
        edges = tuple(Edge(source=s, target=target) for s in sources
                      if diagram.edge(s, target) is None)
        if not edges:
            return False
        done = self.session.execute(AddItems(edges=edges, text=self.tr("Connect")))
        if done:
            self.scene.select_ids([], [e.id for e in edges])
            self.message.emit(self.tr("Connected."))
        return done

    def cancel_connect(self) -> None:
        """Leave connect mode; the sources are selected again."""
        sources = self.sources or []
        self._end_connect()
        self.scene.select_ids(sources, [])
        self.message.emit(self.tr("Connecting cancelled."))

    def _end_connect(self) -> None:
        self.sources, self.candidate = None, None
        self.scene.connect_mode = False
        self.scene.node_clicked_in_connect_mode = None
        self.connect_mode_changed.emit(False)

    def _say_connect(self) -> None:
        diagram = self.session.diagram
        names = ", ".join(diagram.node(s).title for s in self.sources or [])
        if self.candidate is None:
            text = self.tr("Connect from %1: Tab to the target, Enter to connect, Esc to cancel.")
            self.message.emit(text.replace("%1", names))
        else:
            text = self.tr("Connect %1 → %2? Enter to connect, Tab for another, Esc to cancel.")
            self.message.emit(text.replace("%1", names)
                              .replace("%2", diagram.node(self.candidate).title))


def install_keyboard(view, session) -> KeyboardNavigator:
    """Give a canvas view keyboard-only select, create and connect (one line to wire)."""
    return KeyboardNavigator(view, session)
