"""The canvas view: zoom and pan, drops from the palette, and the keyboard.

Every edit it starts is one command given to the session (create, delete, nudge, paste,
duplicate, connect, rename); zoom, scroll and selection are view state and never touch the
document.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QKeySequence, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsView

from app.model import Edge
from app.model.commands import AddItems
from app.render import theme
from app.render.canvas_geometry import PASTE_OFFSET
from app.ui.canvas import clipboard, editing, semantic
from app.ui.canvas.frozen import FrozenHeaders
from app.ui.canvas.overview import OVERVIEW_ZOOM
from app.ui.canvas.overview_frame import paint_frame
from app.ui.canvas.rename import LabelEditor
from app.ui.canvas.rulers import Rulers

#: the mime type the palette drags a node kind with (payload: the kind's name)
NODE_KIND_MIME = "application/x-funnelflow-node-kind"
MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.02, 4.0, 1.25
#: node labels (14 px) stay readable at about 10 px on screen
READABLE_ZOOM = 0.7
#: a diagram opens whole down to this zoom (node titles are drawn large: see semantic.py);
#: wider ones open at their start at READABLE_ZOOM
OPEN_WHOLE_ZOOM = 0.17
FIT_MARGIN = 12.0  # screen pixels around a fitted diagram
_ARROWS = {Qt.Key_Left: (-1, 0), Qt.Key_Right: (1, 0), Qt.Key_Up: (0, -1), Qt.Key_Down: (0, 1)}


class DiagramView(QGraphicsView):
    """Shows a DiagramScene; the main window puts it in the middle of the designer."""

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        # Qt does not own a view's scene: one no Python code held would be deleted while the
        # view still paints it (a crash in paint_lane), so the view holds it.
        self._scene = scene
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        # A diagram smaller than the window sits top-left, where its lanes and entries start.
        self.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.MinimalViewportUpdate)
        # Every item sets the pen, brush and font it needs: Qt need not save and restore them.
        self.setOptimizationFlag(QGraphicsView.DontSavePainterState)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self._pan_from: QPointF | None = None
        self._space = False
        self._editor: LabelEditor | None = None
        self._paste_count = 0
        self._last_copy: str | None = None
        self.frozen = FrozenHeaders(self)  # how the lane and phase titles are drawn
        self.rulers = Rulers(self)  # where: in margins beside the viewport
        scene.edit_label_requested.connect(self.rename)
        scene.sceneRectChanged.connect(self._frame)
        scene.session.changed.connect(self._bands_changed)
        self.rulers.place()
        self._frame()

    # -- zoom ---------------------------------------------------------------------------------
    def zoom(self) -> float:
        """The current scale: 1.0 is 100%."""
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Scale to `factor` (clamped to what is still useful)."""
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        self.scale(factor / self.zoom(), factor / self.zoom())
        self._zoomed()

    def _zoomed(self) -> None:
        self._frame()
        self.rulers.update()
        # Zoomed out to titles only (semantic zoom), edge labels are too small to read: hide
        # their items so Qt does not even visit them.
        self.scene().show_labels(self.zoom() * theme.FONT_EDGE_PX >= theme.MIN_READABLE_PX
                                 and not semantic.active(self.zoom()))
        # Farther still, node texts go too: one batched overview draws the whole diagram.
        self.scene().set_overview(self.zoom() < OVERVIEW_ZOOM)
        self.scene().set_semantic(semantic.active(self.zoom()))

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def zoom_reset(self) -> None:
        """100%: exactly, not the product of the zoom steps taken so far."""
        self.setTransform(QTransform())
        self._zoomed()

    def fit_zoom(self) -> float:
        """The zoom at which the whole diagram fits the viewport (beside the rulers, which
        stand in for the diagram's own lane and phase headers)."""
        content = self._content()
        width = self.viewport().width() - 2 * FIT_MARGIN
        height = self.viewport().height() - 2 * FIT_MARGIN
        if content.width() <= 0 or content.height() <= 0 or width <= 0 or height <= 0:
            return 1.0
        return min(1.0, width / content.width(), height / content.height())

    def zoom_to_fit(self) -> None:
        """Show the whole diagram (at most at 100%, so a small one is not blown up)."""
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, self.fit_zoom()))
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self._zoomed()
        self.centerOn(self._content().center())

    def show_start(self) -> None:
        """The view a freshly opened diagram gets: all of it, titles drawn large enough to
        read (semantic zoom); only a diagram too wide even for that opens at its start (lane
        names and entries) at a readable zoom."""
        self.zoom_to_fit()
        if self.zoom() >= OPEN_WHOLE_ZOOM:
            return
        self.set_zoom(READABLE_ZOOM)
        b = self.scene().layout.bounds
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.centerOn(b.x + visible.width() / 2 - 20, b.y + visible.height() / 2 - 20)

    def titles_readable(self) -> bool:
        """Whether node titles are drawn at a readable size at the current zoom."""
        zoom = self.zoom()
        return zoom >= READABLE_ZOOM or semantic.active(zoom)

    def _content(self) -> QRectF:
        """The diagram without its lane and phase headers, in scene units."""
        geometry = self.scene().layout
        b = geometry.bounds
        rect = QRectF(b.x, b.y, b.w, b.h)
        if geometry.lanes:
            rect.setLeft(geometry.lanes[0].header.right)
        if geometry.phases:
            rect.setTop(geometry.phases[0].header.bottom)
        return rect

    def _frame(self, *_args) -> None:
        """The view scrolls over the diagram without its own lane and phase headers (the
        rulers show them), from a thin margin left of and above the first nodes."""
        scene = self.scene()
        if scene is None or scene.layout is None:
            return
        rect = QRectF(scene.sceneRect())
        content, zoom = self._content(), self.zoom()
        left, top = self.rulers.sizes()
        if left:
            rect.setLeft(content.left() - FIT_MARGIN / zoom)
        if top:
            rect.setTop(content.top() - FIT_MARGIN / zoom)
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    # -- frozen panes -------------------------------------------------------------------------
    def _bands_changed(self, _changes=None) -> None:
        self.rulers.place()  # lanes or phases may have come or gone
        self._frame()
        self.rulers.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.rulers.place()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)  # Qt moves the picture's pixels...
        # ...the rulers follow with their own small repaint: lanes move only up and down,
        # phases only sideways.
        if dy:
            self.rulers.lanes.update()
        if dx:
            self.rulers.phases.update()

    def paintEvent(self, event) -> None:
        # Zoomed far out, the few items that draw are painted without Qt's item lookup.
        if not paint_frame(self, event):
            super().paintEvent(event)

    def center_on_target(self, target_id: str) -> None:
        """Select a node or edge ("a->b") and bring it to the middle of the view."""
        rect = self.scene().item_rect(target_id)
        if rect is None:
            return
        if "->" in target_id:
            self.scene().select_ids([], [target_id])
        else:
            self.scene().select_ids([target_id], [])
        self.centerOn(rect.center())

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.set_zoom(self.zoom() * ZOOM_STEP ** steps)
            event.accept()
        else:
            super().wheelEvent(event)

    # -- pan: middle drag, or Space + drag ----------------------------------------------------
    def mousePressEvent(self, event) -> None:
        self._pressed()
        if event.button() == Qt.MiddleButton or (self._space and
                                                 event.button() == Qt.LeftButton):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        self._pressed()
        super().mouseDoubleClickEvent(event)

    def _pressed(self) -> None:
        if self.scene().overview_on:
            # Qt paints while a button is down: all of the view once (see overview_frame.py).
            self.viewport().update()

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.OpenHandCursor if self._space else Qt.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    # -- drops from the palette ---------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(NODE_KIND_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    dragMoveEvent = dragEnterEvent

    def dropEvent(self, event) -> None:
        if not event.mimeData().hasFormat(NODE_KIND_MIME):
            event.ignore()
            return
        kind = bytes(event.mimeData().data(NODE_KIND_MIME)).decode("utf-8").strip()
        self.create_node_at(kind, self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()

    def create_node_at(self, kind: str, scene_pos: QPointF) -> str | None:
        """Create a node of `kind` centred on `scene_pos`; returns its id (None if refused)."""
        scene = self.scene()
        command = editing.create_node(scene.session.diagram, scene.layout, kind,
                                      scene_pos.x(), scene_pos.y(), scene.lang)
        if not scene.session.execute(command):
            return None
        node_id = command.nodes[0].id
        scene.select_ids([node_id], [])
        return node_id

    # -- keyboard -----------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.OpenHandCursor)
        elif key in (Qt.Key_Delete, Qt.Key_Backspace):
            self.delete_selection()
        elif key in _ARROWS and not mods & Qt.ControlModifier:
            dx, dy = _ARROWS[key]
            step = theme.GRID * (5 if mods & Qt.ShiftModifier else 1)
            self.nudge(dx * step, dy * step)
        elif event.matches(QKeySequence.Copy):
            self.copy()
        elif event.matches(QKeySequence.Paste):
            self.paste()
        elif key == Qt.Key_D and mods & Qt.ControlModifier:
            self.duplicate()
        elif event.matches(QKeySequence.SelectAll):
            self.scene().select_ids(list(self.scene().nodes), list(self.scene().edges))
        elif key == Qt.Key_F2:
            self.rename()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def delete_selection(self) -> bool:
        """Delete the selected nodes (with their edges) and edges: one undo step."""
        command = editing.delete(*self.scene().selected_ids())
        return command is not None and self.scene().session.execute(command)

    def nudge(self, dx: float, dy: float) -> bool:
        """Move the selected nodes by (dx, dy); repeated nudges merge into one undo step."""
        node_ids, _ = self.scene().selected_ids()
        command = editing.nudge(self.scene().layout, node_ids, dx, dy)
        if command is None:
            return False
        return self.scene().session.execute(command, merge_key=editing.nudge_key(node_ids))

    def copy(self) -> bool:
        """Put the selected nodes and the edges between them on the clipboard."""
        scene = self.scene()
        text = clipboard.copy_text(scene.session.diagram, scene.layout, scene.selected_ids()[0])
        if text is None:
            return False
        QGuiApplication.clipboard().setMimeData(clipboard.mime_data(text))
        self._last_copy, self._paste_count = text, 0
        return True

    def cut(self) -> bool:
        """Copy the selection to the clipboard and delete it (one undo step)."""
        return self.copy() and self.delete_selection()

    def paste(self, at: QPointF | None = None) -> list[str]:
        """Paste copies with fresh ids under the pointer (or `at`), else a little off the
        originals, each paste further; selects them."""
        text = clipboard.text_from_mime(QGuiApplication.clipboard().mimeData())
        if text is None:
            return []
        if text != self._last_copy:  # copied elsewhere (another window): start over
            self._last_copy, self._paste_count = text, 0
        self._paste_count += 1
        if at is None:
            pointer = self.viewport().mapFromGlobal(QCursor.pos())
            if self.viewport().rect().contains(pointer) and self.underMouse():
                at = self.mapToScene(pointer)
        return self._paste(text, PASTE_OFFSET * self._paste_count, at)

    def duplicate(self) -> list[str]:
        """Copies of the selection next to it, leaving the clipboard alone."""
        scene = self.scene()
        text = clipboard.copy_text(scene.session.diagram, scene.layout, scene.selected_ids()[0])
        return self._paste(text, PASTE_OFFSET) if text else []

    def _paste(self, text: str, offset: float, at: QPointF | None = None) -> list[str]:
        scene = self.scene()
        point = (at.x(), at.y()) if at is not None else None
        try:
            command = clipboard.paste_command(scene.session.diagram, scene.layout, text, offset,
                                              point, scene.lang)
        except ValueError as error:
            scene.session.refuse(str(error))
            return []
        if not scene.session.execute(command):
            return []
        scene.select_ids([n.id for n in command.nodes], [e.id for e in command.edges])
        return [n.id for n in command.nodes]

    def connect_selected(self, target_id: str) -> bool:
        """Connect every selected node to `target_id` (keyboard connect): one undo step."""
        scene = self.scene()
        sources = [n for n in scene.selected_ids()[0] if n != target_id]
        if not sources or target_id not in scene.nodes:
            return False
        edges = tuple(Edge(source=s, target=target_id) for s in sources)
        return scene.session.execute(AddItems(edges=edges, text="Connect"))

    # -- rename in place ----------------------------------------------------------------------
    def rename(self, target_id: str | None = None) -> LabelEditor | None:
        """Open the in-place label editor on a node or edge (default: the single selection)."""
        if target_id is None:
            nodes, edges = self.scene().selected_ids()
            chosen = nodes + edges
            if len(chosen) != 1:
                return None
            target_id = chosen[0]
        if self.scene().item_rect(target_id) is None:
            return None
        if self._editor is not None:
            self._editor.commit()
        self._editor = LabelEditor(self, target_id)
        return self._editor

    def editor_closed(self, editor: LabelEditor) -> None:
        """Called by the editor when it is done; the canvas takes the keyboard back."""
        if self._editor is editor:
            self._editor = None
            self.setFocus(Qt.OtherFocusReason)

    @property
    def editor(self) -> LabelEditor | None:
        """The open in-place editor, if any."""
        return self._editor
