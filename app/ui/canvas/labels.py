"""The edge labels of the canvas: a few tile items, each drawing the labels in its square.

One graphics item per label doubled the items of a scene (building each costs a Python
object, and Qt visits every item of the view on each frame, even when it draws nothing). The
labels are filed by square instead; a tile's bounds are the union of where its labels can be
(`EdgeLook.label_reach`, known without measuring text), so building a scene places no words.
A tile is above the nodes, as a label item was; it is hit only on a label plate or badge
(`contains`), so a click elsewhere reaches the node or edge underneath.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from app.render.texts import label_reach_extent
from app.ui.canvas.items import EdgeItem
from app.ui.paint import paint_edge_label

#: side of a tile's square in scene units (a label belongs to the square where it starts)
TILE = 2048.0
Z_LABEL = 3.0  # above the nodes (see items.py)


class EdgeLabelTile(QGraphicsItem):
    """The labels of the edges whose label falls in one square."""

    def __init__(self) -> None:
        super().__init__()
        self.edges: dict[str, EdgeItem] = {}  # by edge id, in the order they came
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self.setZValue(Z_LABEL)
        # (the extended option tells paint which part of the scene is being repainted)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def refit(self) -> None:
        """Its labels changed: bounds again from their reaches."""
        bounds = QRectF()
        if self.edges:
            boxes = [label_reach_extent(i.look.geometry, i.look.handoff)
                     for i in self.edges.values()]
            # (the look's label_reach, with its 2 units for the selection stroke)
            x0, y0 = min(b[0] for b in boxes) - 2, min(b[1] for b in boxes) - 2
            bounds = QRectF(x0, y0, max(b[2] for b in boxes) + 2 - x0,
                            max(b[3] for b in boxes) + 2 - y0)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._shape = None
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def edge_at(self, scene_pos: QPointF) -> EdgeItem | None:
        """The edge whose label plate or badge is under `scene_pos` (the last drawn, on top)."""
        for item in reversed(list(self.edges.values())):
            look = item.look
            if look.label_reach.contains(scene_pos):
                bounds = look.label_bounds
                if bounds is not None and bounds.contains(scene_pos):
                    return item
        return None

    def contains(self, point: Any) -> bool:
        return self.edge_at(point) is not None

    def shape(self) -> QPainterPath:
        # (asked by area searches such as the rubber band: the plates themselves)
        if self._shape is None:
            path = QPainterPath()
            for item in self.edges.values():
                bounds = item.look.label_bounds
                if bounds is not None:
                    path.addRect(bounds)
            self._shape = path
        return self._shape

    def toolTip(self) -> str:  # noqa: N802 - Qt's name
        return ""  # the label under the pointer tells it (see tooltip_at)

    def tooltip_at(self, scene_pos: QPointF) -> str:
        """A cut label, whole."""
        item = self.edge_at(scene_pos)
        if item is None:
            return ""
        look = item.look
        return look.text if look.place.cut else ""

    def paint(self, painter, option, widget=None) -> None:
        exposed = option.exposedRect
        for item in self.edges.values():
            if item.look.label_reach.intersects(exposed):
                paint_edge_label(painter, item.look, selected=item.isSelected())

    def mousePressEvent(self, event) -> None:
        # Clicking a label picks its edge, as clicking its line does.
        item = self.edge_at(event.scenePos())
        if item is None or event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.scene().clearSelection()
            item.setSelected(True)
        else:
            item.setSelected(not item.isSelected())
        event.accept()


class LabelLayer:
    """Files each edge item's label in the tile of its square; the scene owns one."""

    def __init__(self, scene) -> None:
        self.scene = scene
        self.tiles: dict[tuple[int, int], EdgeLabelTile] = {}
        self._tile_of: dict[str, EdgeLabelTile] = {}
        self._visible = True
        self._dirty: set[EdgeLabelTile] = set()

    def add(self, item) -> None:
        """File `item`'s label (if it has one) in its tile."""
        look = item.look
        item.labels = self
        if not look.has_label:
            return
        route = look.geometry  # the square of where the label starts
        key = (int(route.label_x // TILE), int(route.label_y // TILE))
        tile = self.tiles.get(key)
        if tile is None:
            tile = self.tiles[key] = EdgeLabelTile()
            tile.setVisible(self._visible)
            self.scene.addItem(tile)
        tile.edges[item.edge_id] = item
        self._tile_of[item.edge_id] = tile
        self._dirty.add(tile)

    def remove(self, item) -> None:
        tile = self._tile_of.pop(item.edge_id, None)
        if tile is not None:
            tile.edges.pop(item.edge_id, None)
            self._dirty.add(tile)

    def refresh(self, item) -> None:
        """`item` has a new look: its label may have moved, come or gone."""
        self.remove(item)
        self.add(item)

    def settle(self) -> None:
        """Bounds again for the tiles whose labels changed (once per sync, not per label)."""
        for tile in self._dirty:
            tile.refit()
        self._dirty.clear()

    def update_label(self, item) -> None:
        """Repaint `item`'s label (its selection shows on the plate)."""
        tile = self._tile_of.get(item.edge_id)
        if tile is not None:
            tile.update(item.look.label_reach)

    @property
    def visible(self) -> bool:
        """Whether the labels are shown (the view hides them when too small to read)."""
        return self._visible

    def set_visible(self, on: bool) -> None:
        self._visible = on
        for tile in self.tiles.values():
            tile.setVisible(on)

    def tile_of(self, edge_id: str) -> EdgeLabelTile | None:
        return self._tile_of.get(edge_id)
