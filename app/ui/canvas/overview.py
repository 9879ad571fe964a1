"""The overview layer: the whole diagram as a few cached paths, for when it is zoomed far out.

Below OVERVIEW_ZOOM a node shows only its outline and an edge only its solid line (see the
level of detail in app.ui.paint), so one item can draw them all from paths made once, grouped
by tile and by pen: Qt then visits one Python item instead of thousands. The node and edge
items stay in the scene, hit-testable and selectable, with ItemHasNoContents set so Qt does
not call their paint; the ones being worked on (selected nodes and edges, and the edges of
selected nodes) keep drawing themselves and are left out of the overview. Where the semantic
zoom draws titles (app.ui.canvas.semantic), the overview draws the nodes in view that way on
top of its picture, so a big diagram does not lose its titles there.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem

from app.render import theme
from app.ui.canvas import semantic
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
#: after a zoom step, how long the scaled picture stands in before it is drawn sharp again
SETTLE_MS = 150


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


class _Picture:
    """The overview as one view showed it: the image, the device pixels it covers, and the
    view's transform then (its scale must match for the image to be copied as it is)."""

    def __init__(self, image: QImage, area: QRect, transform: QTransform) -> None:
        self.image, self.area, self.transform = image, area, transform
        self.scene = transform.inverted()[0].mapRect(QRectF(area))  # where it lies in the scene

    def same_scale(self, transform: QTransform) -> bool:
        t = self.transform
        return (transform.m11() == t.m11() and transform.m22() == t.m22()
                and transform.m12() == t.m12() and transform.m21() == t.m21())

    def fits(self, transform: QTransform) -> bool:
        """Drawn at this scale, and shifted by whole pixels only (a pan)."""
        dx, dy = transform.dx() - self.transform.dx(), transform.dy() - self.transform.dy()
        return self.same_scale(transform) and dx == round(dx) and dy == round(dy)

    def covers(self, device: QRect, transform: QTransform) -> bool:
        """Whether it holds all of `device` (view pixels) under `transform` (a pan of it)."""
        return self._shifted(transform).contains(device)

    def blit(self, painter: QPainter, transform: QTransform) -> None:
        painter.save()
        painter.setWorldTransform(QTransform())
        painter.drawImage(self._shifted(transform).topLeft(), self.image)
        painter.restore()

    def _shifted(self, transform: QTransform) -> QRect:
        return self.area.translated(round(transform.dx() - self.transform.dx()),
                                    round(transform.dy() - self.transform.dy()))


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
        self._pictures: dict[int, _Picture] = {}  # per view (its viewport's id)
        self._settle = QTimer()
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._sharpen)

    def invalidate(self) -> None:
        """The diagram, its looks or the active items changed: rebuild on the next paint."""
        self._tiles = None
        self._pictures.clear()
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
        transform = painter.worldTransform()
        if abs(transform.m11()) + abs(transform.m12()) >= OVERVIEW_ZOOM:
            # Another view on the same scene is zoomed in (the presentation, say): draw the
            # items' own looks, texts and all.
            tiles = [t for t in self.tiles().values() if t.bounds.intersects(exposed)]
            self._paint_looks(painter, tiles)
            return
        if widget is None or transform.type().value > QTransform.TxScale.value:
            self._paint_paths(painter, exposed)  # (an export, or a rotated view: no picture)
            return
        self._paint_picture(painter, widget, exposed)
        zoom = abs(transform.m11()) + abs(transform.m12())
        if semantic.active(zoom):  # titles to read: drawn on the picture, as the items would
            # (not into it: text drawn on a transparent image comes out heavier)
            self._paint_titles(painter, self._tiles_near(exposed, True), zoom, exposed)

    # -- the picture: what a view shows of the overview, kept between frames ------------------
    def _paint_picture(self, painter: QPainter, widget, exposed: QRectF) -> None:
        """Draw from a picture of the overview at this scale: a pan moves over it, and a zoom
        step shows it scaled until the scale has settled for SETTLE_MS, then it is drawn
        sharp again at the new scale (see _sharpen)."""
        transform = painter.worldTransform()
        picture = self._pictures.get(id(widget))
        device = transform.mapRect(exposed).toAlignedRect()
        if picture is not None and picture.fits(transform) and picture.covers(device,
                                                                              transform):
            picture.blit(painter, transform)
            return
        if picture is not None and not picture.fits(transform) and picture.scene.intersects(
                exposed):
            # a zoom step: the last sharp picture, scaled, until the wheel rests
            painter.save()
            painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
            painter.drawImage(picture.scene, picture.image)
            painter.restore()
            self._settle.start()
            return
        picture = self._pictures[id(widget)] = self._render(painter, widget, transform)
        picture.blit(painter, transform)

    def _render(self, painter: QPainter, widget, transform: QTransform) -> _Picture:
        """A picture of what the view shows of the overview and half a view around it, at
        this scale, aligned on whole device pixels so that it is copied, never resampled."""
        view_rect = widget.rect()
        margin = QPoint(view_rect.width() // 2, view_rect.height() // 2)
        around = QRect(view_rect.topLeft() - margin, view_rect.bottomRight() + margin)
        area = around.intersected(transform.mapRect(self._bounds).toAlignedRect())
        ratio = widget.devicePixelRatioF()
        image = QImage(max(1, round(area.width() * ratio)), max(1, round(area.height() * ratio)),
                       QImage.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.transparent)
        if not area.isEmpty():
            p = QPainter(image)
            p.setRenderHints(painter.renderHints())
            # device pixel (x, y) of the view is pixel (x - left, y - top) of the picture
            p.setWorldTransform(transform * QTransform.fromTranslate(-area.left(), -area.top()))
            self._paint_paths(p, transform.inverted()[0].mapRect(QRectF(area)), picture=True)
            p.end()
        return _Picture(image, area, transform)

    def _sharpen(self) -> None:
        """The scale has settled: drop pictures made at another scale and draw anew."""
        try:
            scene = self.scene()
        except RuntimeError:  # the scene went (a closed window) before the timer fired
            return
        for view in scene.views() if scene is not None else ():
            key = id(view.viewport())
            picture = self._pictures.get(key)
            if picture is not None and not picture.same_scale(view.viewportTransform()):
                del self._pictures[key]
                view.viewport().update()

    def _tiles_near(self, exposed: QRectF, titles: bool) -> list[_Tile]:
        """The tiles that draw in `exposed` (with `titles`, a node's may reach past its tile)."""
        if titles:
            x, y = semantic.REACH
            exposed = exposed.adjusted(-x, -y, x, y)
        return [t for t in self.tiles().values() if t.bounds.intersects(exposed)]

    def _paint_paths(self, painter: QPainter, exposed: QRectF, picture: bool = False) -> None:
        """Edges and outlines; titles too at a zoom where they can be read, but not into
        a `picture` (the view draws them on it)."""
        transform = painter.worldTransform()
        zoom = abs(transform.m11()) + abs(transform.m12())
        titles = not picture and semantic.active(zoom)
        tiles = self._tiles_near(exposed, titles)
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
        if titles:  # zoomed out, but not so far that titles cannot be read: as the items would
            self._paint_titles(painter, tiles, zoom, exposed)
            return
        for tile in tiles:
            for kind, path in tile.outlines.items():
                painter.setPen(s.node_pen[kind])
                painter.setBrush(s.node_fill[kind])
                painter.drawPath(path)

    def _paint_titles(self, painter: QPainter, tiles: list[_Tile], zoom: float,
                      exposed: QRectF) -> None:
        """The tiles' nodes whose title can reach into `exposed`, as the semantic zoom draws
        them: outline and a title to read."""
        scene = self._scene
        x, y = semantic.REACH
        left, top = exposed.left() - x, exposed.top() - y
        right, bottom = exposed.right() + x, exposed.bottom() + y
        boxes = scene.layout.nodes
        for tile in tiles:
            for node_id in tile.nodes:
                item, box = scene.nodes.get(node_id), boxes.get(node_id)
                if (item is not None and box is not None and box.x < right
                        and box.x + box.w > left and box.y < bottom and box.y + box.h > top):
                    painter.save()
                    painter.translate(item.pos())
                    semantic.paint_node(painter, item.look, item.node.title, zoom,
                                        room=scene.title_room(node_id))
                    painter.restore()

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

