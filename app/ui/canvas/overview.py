"""The overview layer: the whole diagram as a few cached paths, for when it is zoomed far out.

Below OVERVIEW_ZOOM a node shows only its outline and an edge only its solid line (see the
level of detail in app.ui.paint), so one item can draw them all from paths made once, grouped
by tile and by pen: Qt then visits one Python item instead of thousands. The node and edge
items stay in the scene, hit-testable and selectable, with ItemHasNoContents set so Qt does
not call their paint; the ones being worked on (selected nodes and edges, and the edges of
selected nodes) keep drawing themselves and are left out of the overview.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from app.render import theme
from app.ui.paint import (
    append_commands,
    outline_paths,
    paint_edge,
    paint_edge_label,
    paint_node,
    styles,
)

#: below this zoom node texts are too small to read (paint_node draws outlines only)
OVERVIEW_ZOOM = theme.MIN_READABLE_PX / theme.FONT_LABEL_PX
#: smaller diagrams draw their own items at every zoom: they are cheap enough
OVERVIEW_MIN_NODES = 400
#: side of a tile in scene units: only tiles in the exposed area are drawn
TILE = 2048.0
Z_OVERVIEW = 1.5  # above the lanes and phases, where the edges and nodes would be


class _Tile:
    """Paths for the nodes and edges of one tile, grouped by how they are drawn."""

    def __init__(self) -> None:
        self.nodes: list[str] = []
        self.edges: list[str] = []
        self.lines: dict[tuple[str, float], QPainterPath] = {}  # (status, width): curves
        self.pens: dict[tuple[str, float], QPen] = {}  # (status, width): the solid pen
        self.arrows: dict[str, QPainterPath] = {}  # status: arrow heads
        self.outlines: dict[str, QPainterPath] = {}  # node kind: outlines
        self.bounds = QRectF()


def _path(group: dict, key) -> QPainterPath:
    path = group.get(key)
    if path is None:
        path = group[key] = QPainterPath()
        path.setFillRule(Qt.WindingFill)  # overlapping outlines fill, never cancel out
    return path


class OverviewItem(QGraphicsItem):
    """Draws every node and edge the scene does not let draw itself (see module docstring)."""

    def __init__(self, scene) -> None:
        super().__init__()
        self._scene = scene
        self._tiles: dict[tuple[int, int], _Tile] | None = None
        self._bounds = QRectF()
        self.setZValue(Z_OVERVIEW)
        self.setAcceptedMouseButtons(Qt.NoButton)  # clicks go to the items underneath
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)  # for option.exposedRect

    def invalidate(self) -> None:
        """The diagram, its looks or the active items changed: rebuild on the next paint."""
        self._tiles = None
        rect = self._scene.sceneRect()
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def tiles(self) -> dict[tuple[int, int], _Tile]:
        """The cached tiles (built now if the diagram changed since the last paint)."""
        if self._tiles is None:
            self._tiles = self._build()
        return self._tiles

    def _build(self) -> dict[tuple[int, int], _Tile]:
        scene = self._scene
        active = scene.active_ids()
        tiles: dict[tuple[int, int], _Tile] = {}

        def tile_at(x: float, y: float) -> _Tile:
            key = (int(x // TILE), int(y // TILE))
            tile = tiles.get(key)
            if tile is None:
                tile = tiles[key] = _Tile()
            return tile

        for edge_id, item in scene.edges.items():
            if edge_id in active:
                continue
            look = item.look
            geometry = look.geometry
            start = geometry.path[0]
            tile = tile_at(start[1], start[2])
            tile.edges.append(edge_id)
            key = (look.status, look.width)
            if key not in tile.pens:
                tile.pens[key] = look.solid_pen
            append_commands(_path(tile.lines, key), geometry.path)
            append_commands(_path(tile.arrows, look.status), geometry.arrow)
            tile.bounds = tile.bounds.united(look.bounds)
        for node_id, item in scene.nodes.items():
            if node_id in active:
                continue
            x, y = item.x(), item.y()
            w, h = item.size
            tile = tile_at(x, y)
            tile.nodes.append(node_id)
            kind = item.node.kind.value
            path = _path(tile.outlines, kind)
            for outline in outline_paths(kind, w, h):
                path.addPath(outline.translated(x, y))
            tile.bounds = tile.bounds.united(QRectF(x - 2, y - 2, w + 4, h + 4))
        return tiles

    def paint(self, painter: QPainter, option, widget=None) -> None:
        exposed = option.exposedRect
        tiles = [t for t in self.tiles().values() if t.bounds.intersects(exposed)]
        transform = painter.worldTransform()
        if abs(transform.m11()) + abs(transform.m12()) >= OVERVIEW_ZOOM:
            # Another view on the same scene is zoomed in (the presentation, say): draw the
            # items' own looks, texts and all.
            self._paint_looks(painter, tiles)
            return
        s = styles()
        painter.setBrush(Qt.NoBrush)
        for tile in tiles:
            for key, path in tile.lines.items():
                painter.setPen(tile.pens[key])
                painter.drawPath(path)
        painter.setPen(s.no_pen)
        for tile in tiles:
            for status, path in tile.arrows.items():
                painter.setBrush(s.edge_brush[status])
                painter.drawPath(path)
        for tile in tiles:
            for kind, path in tile.outlines.items():
                painter.setPen(s.node_pen[kind])
                painter.setBrush(s.node_fill[kind])
                painter.drawPath(path)

    def _paint_looks(self, painter: QPainter, tiles: list[_Tile]) -> None:
        scene = self._scene
        edges = [scene.edges[i] for t in tiles for i in t.edges if i in scene.edges]
        for item in edges:
            paint_edge(painter, item.look)
        for tile in tiles:
            for node_id in tile.nodes:
                item = scene.nodes.get(node_id)
                if item is not None:
                    painter.save()
                    painter.translate(item.pos())
                    paint_node(painter, item.look)
                    painter.restore()
        for item in edges:
            paint_edge_label(painter, item.look)

