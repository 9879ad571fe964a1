"""Mouse gestures on the canvas, each a small object alive from press to release.

A gesture shows its progress on screen only (items moved by Qt, a rubber line) and, on
release, hands the session one command: MoveNodes, AddItems (connect) or Reconnect. The scene
then redraws from the new snapshot; when nothing changed or the edit was refused, the items
go back to where the snapshot has them.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene

from app.model import Edge
from app.model.commands import AddItems, MoveNodes, Placement, Reconnect
from app.render import theme
from app.render.canvas_geometry import snap
from app.ui.canvas.connecting import (
    REFUSED,
    TargetFeedback,
    connection_refusal,
    in_connect_zone,
    reconnection_refusal,
)
from app.ui.canvas.guides import GuideLines, Guides, Snap
from app.ui.canvas.items import Z_DRAG, EdgeItem, NodeItem

#: screen pixels the pointer must travel before a press counts as a drag, not a click
CLICK_SLOP = 3


class Interaction:
    """One gesture: press, moves, release."""

    def __init__(self, scene) -> None:
        self.scene = scene

    def press(self, event) -> None: ...

    def move(self, event) -> None: ...

    def release(self, event) -> None: ...


def start_interaction(scene, event) -> Interaction | None:
    """The gesture a left press at this point starts, or None for Qt's default handling."""
    if event.button() != Qt.LeftButton:
        return None
    pos = event.scenePos()
    for item in scene.items(pos):
        if isinstance(item, EdgeItem) and (end := item.end_at(pos)):
            return ReconnectDrag(scene, item, end)
    under = scene.items(pos)
    zoom = view_zoom(scene)
    connect_mode = getattr(scene, "connect_mode", False)
    for item in under:  # a node's border wins even where an edge label covers it
        if isinstance(item, NodeItem) and (
                connect_mode or in_connect_zone(item.box, pos.x(), pos.y(), zoom)):
            return ConnectDrag(scene, item)
    if under and isinstance(under[0], NodeItem):
        return MoveDrag(scene)
    return None  # an edge, a label, a band or nothing: Qt selects or starts a rubber band


def view_zoom(scene) -> float:
    """The scale of the (first) view showing `scene`: 1.0 is 100%."""
    views = scene.views()
    return views[0].transform().m11() if views else 1.0


def placement(scene, item: NodeItem, keep_x: bool = False, keep_y: bool = False) -> Placement:
    """Where a dragged node lands: snapped to the grid (except on an axis where it lines up
    with a guide), in the lane and phase under its centre."""
    box = item.box
    x = box.x if keep_x else snap(box.x)
    y = box.y if keep_y else snap(box.y)
    cx, cy = x + box.w / 2, y + box.h / 2
    return Placement(x, y, scene.layout.lane_at(cy), scene.layout.phase_at(cx))


class MoveDrag(Interaction):
    """Drag the selected nodes, lined up by alignment guides; one MoveNodes on release (one
    undo step however many nodes), only if they really moved."""

    def press(self, event) -> None:
        QGraphicsScene.mousePressEvent(self.scene, event)  # Qt selects (Ctrl toggles)
        self.press_screen = event.screenPos()
        self.starts = {item.node_id: item.pos() for item in self.scene.selectedItems()
                       if isinstance(item, NodeItem)}
        self.lead = self.scene.node_at(event.scenePos())  # the node the hand holds
        self.guides = Guides(self.scene.layout, set(self.starts))
        self.lines = GuideLines()
        self.scene.addItem(self.lines)
        self.snap = Snap()

    def move(self, event) -> None:
        QGraphicsScene.mouseMoveEvent(self.scene, event)  # Qt moves the selected items
        if self.lead is not None and self.lead.node_id in self.starts:
            self.snap = self.guides.snap(self.lead.box, view_zoom(self.scene))
            if self.snap.dx or self.snap.dy:
                for node_id in self.starts:
                    item = self.scene.nodes.get(node_id)
                    if item is not None:
                        item.moveBy(self.snap.dx, self.snap.dy)
            self.lines.show_snap(self.snap)
        for node_id, start in self.starts.items():
            item = self.scene.nodes.get(node_id)
            if item is not None and item.pos() != start:
                self.scene.reroute(node_id)

    def release(self, event) -> None:
        QGraphicsScene.mouseReleaseEvent(self.scene, event)
        self.scene.removeItem(self.lines)
        travel = (event.screenPos() - self.press_screen).manhattanLength()
        moves = {}
        if travel >= CLICK_SLOP:
            keep_x, keep_y = self.snap.snapped_x, self.snap.snapped_y
            for node_id, start in self.starts.items():
                item = self.scene.nodes.get(node_id)
                if item is not None and item.pos() != start:
                    moves[node_id] = placement(self.scene, item, keep_x, keep_y)
        if moves:
            self.scene.session.execute(MoveNodes(moves))
        # Whatever happened, show the snapshot: snapped, or back where it was.
        self.scene.restore_positions(list(self.starts))


class _LineDrag(Interaction):
    """A drag that shows a dashed rubber line from a fixed point to the mouse, and outlines
    the node under the pointer green (allowed) or red, with the reason, while dragging."""

    def start_line(self, start: QPointF) -> None:
        self.line = QGraphicsLineItem(QLineF(start, start))
        self.line.setPen(QPen(QColor(theme.SELECTION), 2.0, Qt.DashLine))
        self.line.setZValue(Z_DRAG)
        self.scene.addItem(self.line)
        self.feedback = TargetFeedback(self.scene)
        self._reasons: dict[str, str | None] = {}  # asked once per target, not on every move

    def refusal(self, target: str) -> str | None:
        """Why letting go over `target` would be refused (None: allowed, or nothing to do)."""
        return None

    def reason(self, target: str) -> str | None:
        if target not in self._reasons:
            self._reasons[target] = self.refusal(target)
        return self._reasons[target]

    def skip(self, item: NodeItem) -> bool:
        """Whether the node under the pointer is no target at all (the drag's own node)."""
        return False

    def move(self, event) -> None:
        line = self.line.line()
        line.setP2(event.scenePos())
        self.line.setLine(line)
        target = self.scene.node_at(event.scenePos())
        if target is not None and self.skip(target):
            target = None
        if target is None:
            if self.feedback.target is not None:
                self.feedback.show(None, None, event.scenePos())
        elif target.node_id != self.feedback.target:
            self.feedback.show(target, self.reason(target.node_id), event.scenePos())
        else:
            self.feedback.follow(event.scenePos())
        pen = self.line.pen()
        pen.setColor(QColor(REFUSED if self.feedback.reason else theme.SELECTION))
        self.line.setPen(pen)

    def end_line(self) -> None:
        self.scene.removeItem(self.line)
        self.feedback.remove()


class ConnectDrag(_LineDrag):
    """Drag from a node's border to another node: one new edge."""

    def __init__(self, scene, source: NodeItem) -> None:
        super().__init__(scene)
        self.source = source

    def press(self, event) -> None:
        event.accept()  # ours: the view must not start a rubber band as well
        self.press_screen = event.screenPos()
        self.start_line(event.scenePos())

    def refusal(self, target: str) -> str | None:
        return connection_refusal(self.scene.session.diagram, self.source.node_id, target)

    def skip(self, item: NodeItem) -> bool:
        return item is self.source

    def release(self, event) -> None:
        self.end_line()
        target = self.scene.node_at(event.scenePos())
        travel = (event.screenPos() - self.press_screen).manhattanLength()
        if travel < CLICK_SLOP:
            clicked = getattr(self.scene, "node_clicked_in_connect_mode", None)
            if clicked is not None:
                clicked(self.source.node_id)
            elif not getattr(self.scene, "connect_mode", False):
                self.scene.select_ids([self.source.node_id], [])  # a click on the border
            return
        if target is None or target is self.source:
            return  # let go over empty space (or back on itself): nothing to connect
        edge = Edge(source=self.source.node_id, target=target.node_id)
        if self.scene.session.execute(AddItems(edges=(edge,), text="Connect")):
            self.scene.select_ids([], [edge.id])


class ReconnectDrag(_LineDrag):
    """Drag one end of a selected edge to another node: one Reconnect on release."""

    def __init__(self, scene, edge: EdgeItem, end: str) -> None:
        super().__init__(scene)
        self.edge, self.end = edge, end

    def press(self, event) -> None:
        event.accept()  # ours: no rubber band
        fixed = self.edge.look.ends[1 if self.end == "from" else 0]
        self.start_line(fixed)
        self.edge.setOpacity(0.35)  # the old route stays visible, faded, while dragging

    def ends(self, node_id: str) -> tuple[str, str]:
        """The edge's ends if the dragged end were let go over `node_id`."""
        source, dest = self.edge.source, self.edge.target
        return (node_id if self.end == "from" else source,
                node_id if self.end == "to" else dest)

    def refusal(self, target: str) -> str | None:
        new_source, new_target = self.ends(target)
        if (new_source, new_target) == (self.edge.source, self.edge.target):
            return None  # back where it was: nothing changes
        return reconnection_refusal(self.scene.session.diagram, self.edge.source,
                                    self.edge.target, new_source, new_target)

    def release(self, event) -> None:
        self.end_line()
        self.edge.setOpacity(1.0)
        target = self.scene.node_at(event.scenePos())
        if target is None:
            return
        source, dest = self.edge.source, self.edge.target
        new_source, new_target = self.ends(target.node_id)
        if (new_source, new_target) != (source, dest):
            self.scene.session.execute(Reconnect(source, dest, new_source, new_target))
