"""A view's frame while the overview draws the diagram (zoomed far out), painted without Qt's
item lookup.

Qt paints a frame by asking its BSP index for every item in the exposed area. Zoomed out to
fit, that area is the whole diagram, and the index files each item in every one of its leaves
that the item's bounds touch: a loop-back's bounds span thousands of them, so a 20,000-node
diagram has about 3.4 million entries to walk per frame (~15 ms), although every node and
edge item draws nothing there (ItemHasNoContents: the overview draws them). A smaller tree
would make hit-testing and the rubber band slower, and switching the index off rebuilds it
slowly when switched on again.

So far out the view paints the few items that do draw something itself: the lanes and phases,
the overview, the visible label tiles, and the nodes and edges being worked on (selected,
and the edges of selected nodes), in Qt's order (z value, then the order they were added),
with the transform, style option and culling Qt would use: the same pixels
(tests/ui/test_canvas_overview_frame.py compares them with Qt's own frame). The items stay in
the scene and in its index for clicks, hovering and the rubber band.

While a mouse button is down Qt paints (a drag adds guide lines, a connection line, a reason
plate; the rubber band is drawn by the view), and a press on the view repaints all of it once,
so Qt's record of where it last painted each item, from which it repaints a moved item's old
place, is current again. Outside a drag every change far out also changes the overview (the
scene invalidates it on every edit and selection change), and the overview covers the view.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QStyle, QStyleOptionGraphicsItem

_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_EXTENDED = QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
#: flags whose drawing this module does not reproduce: Qt paints while an item has one
_SPECIAL = (QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
            | QGraphicsItem.GraphicsItemFlag.ItemClipsToShape
            | QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
_NO_CACHE = QGraphicsItem.CacheMode.NoCache
#: with more items being worked on than this (select all), Qt paints: they all draw anyway
MAX_OWN_ITEMS = 400
#: Qt widens an item's bounds by this many pixels when it culls (antialiased edges)
_ADJUST = 2


def paint_frame(view, event) -> bool:
    """Paint `view`'s viewport for the paint `event` as Qt would, without its item lookup.
    Returns False (nothing painted) where Qt must paint: the overview is off, a mouse button
    is down, or an item to draw needs what only Qt's painting does."""
    scene = view.scene()
    if (scene is None or not getattr(scene, "overview_on", False)
            or QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton
            or view.cacheMode() & QGraphicsView.CacheModeFlag.CacheBackground
            or not view.rubberBandRect().isNull()):
        return False
    items = _drawn_items(scene)
    if items is None:
        return False
    region = event.region()
    viewport = view.viewport()
    painter = QPainter(viewport)
    # As QGraphicsView::paintEvent: the view's hints only, the view's transform.
    painter.setRenderHints(painter.renderHints(), False)
    painter.setRenderHints(view.renderHints(), True)
    view_transform = view.viewportTransform()
    painter.setWorldTransform(view_transform)
    exposed = view.mapToScene(region.boundingRect()).boundingRect()
    view.drawBackground(painter, exposed)
    rects = list(region)
    for item in items:
        bounds = item.boundingRect()
        device = item.sceneTransform() * view_transform
        seen = device.mapRect(bounds).toAlignedRect().adjusted(-_ADJUST, -_ADJUST, _ADJUST,
                                                               _ADJUST)
        if seen.isEmpty() or not region.intersects(seen):
            continue
        painter.setWorldTransform(device)
        item.paint(painter, _option(item, bounds, device, rects), viewport)
    painter.setWorldTransform(view_transform)
    view.drawForeground(painter, exposed)
    painter.end()
    return True


def _drawn_items(scene) -> list[QGraphicsItem] | None:
    """The items that draw something while the overview is on, bottom first; None if Qt
    must paint (too many, or one needs Qt's own drawing)."""
    active = scene.active_ids()
    if len(active) > MAX_OWN_ITEMS:
        return None
    items: list[QGraphicsItem] = [*scene.bands, scene.overview]
    if scene.labels.visible:
        items += scene.labels.tiles.values()
    if active:
        items += _in_added_order(scene, active)
    drawn = []
    for item in items:
        if not item.isVisible() or item.flags() & _NO_CONTENTS:
            continue
        # (all of them are top-level items; asking parentItem() of a Python item here made
        # PySide crash in a later garbage collection)
        if (item.flags() & _SPECIAL or item.opacity() != 1.0 or item.childItems()
                or item.graphicsEffect() is not None or item.cacheMode() != _NO_CACHE):
            return None
        drawn.append(item)
    # Qt's order: z value, then the order the items were added (a stable sort keeps it).
    drawn.sort(key=QGraphicsItem.zValue)
    return drawn


def _in_added_order(scene, active: set[str]) -> list[QGraphicsItem]:
    """The node and edge items of `active`, nodes and edges each in the order the scene added
    them (their dicts' order), which is Qt's order among items of equal z value."""
    if len(active) == 1:
        (item_id,) = active
        item = scene.nodes.get(item_id) or scene.edges.get(item_id)
        return [item] if item is not None else []
    out = []
    for kind, table in (("nodes", scene.nodes), ("edges", scene.edges)):
        chosen = [i for i in active if i in table]
        if len(chosen) > 1:
            rank = _ranks(scene, kind, table)
            chosen.sort(key=lambda i: rank.get(i, len(rank)))
        out += [table[i] for i in chosen]
    return out


#: per scene and table: what it was worked out for, and each key's position
_rank_cache: WeakKeyDictionary = WeakKeyDictionary()


def _ranks(scene, kind: str, table: dict) -> dict[str, int]:
    """Each key's position in `table`, worked out again when the table may have changed."""
    # Items come and go only in a sync that lays the diagram out anew (a new layout object),
    # and then the length or the first or last key changes too.
    seen = (scene.layout, len(table), next(iter(table), None), next(reversed(table), None))
    cached = _rank_cache.setdefault(scene, {}).get(kind)
    if cached is None or cached[0][0] is not seen[0] or cached[0][1:] != seen[1:]:
        cached = _rank_cache[scene][kind] = (seen, {k: i for i, k in enumerate(table)})
    return cached[1]


def _option(item: QGraphicsItem, bounds: QRectF, device, rects) -> QStyleOptionGraphicsItem:
    """The style option Qt gives `item`'s paint (QGraphicsItemPrivate::initStyleOption)."""
    option = QStyleOptionGraphicsItem()
    option.rect = bounds.toRect()
    option.exposedRect = bounds
    state = QStyle.StateFlag.State_None
    if item.isSelected():
        state |= QStyle.StateFlag.State_Selected
    if item.isEnabled():
        state |= QStyle.StateFlag.State_Enabled
    if item.hasFocus():
        state |= QStyle.StateFlag.State_HasFocus
    option.state = state
    if item.flags() & _EXTENDED:
        # The part of the item in the exposed region, in item coordinates.
        reverse = device.inverted()[0]
        exposed = QRectF()
        for rect in rects:
            exposed = exposed.united(reverse.mapRect(QRectF(rect)))
            if exposed.contains(bounds):
                break
        option.exposedRect = exposed.intersected(bounds)
    return option
