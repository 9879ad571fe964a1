"""The canvas scene: a view of the session's diagram that updates only what an edit touched.

Items are built from the snapshot and its layout. On `session.changed` the scene lays the new
snapshot out and touches only the items whose node or edge, facts or box changed; it adds
and removes items for nodes and edges that came or went. Edits made with the mouse
(move, connect, reconnect) go to the session as commands (see interactions.py); the scene
then redraws from the new snapshot, so what it shows is always the model.

Over the ~400-line guide on purpose: one class whose item tables (nodes, edges, bands) are
shared by its sync and its mouse dispatch; a mixin split would scatter that state.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QPoint, QPointF, QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QToolTip

from app.model.axes import LANE, PHASE
from app.model.commands import EVERYTHING, ChangeSet
from app.render import theme
from app.render.layout import Layout, Rect, layout, relayout
from app.render.route import Route, quick_route
from app.ui.canvas import semantic
from app.ui.canvas.interactions import Interaction, start_interaction
from app.ui.canvas.items import BandItem, EdgeItem, NodeItem
from app.ui.canvas.labels import EdgeLabelTile, LabelLayer
from app.ui.canvas.overview import OVERVIEW_MIN_NODES, OverviewItem
from app.ui.paint import edge_look, node_look
from app.ui.paint.facts import FactBook

#: blank space around the diagram, so a node can be dragged a little past its edges
SCENE_MARGIN = 200.0  # room to drag past the right and bottom edges, where a diagram grows
EDGE_MARGIN = 40.0  # above and left there is nothing to drop into: keep it a thin frame


class DiagramScene(QGraphicsScene):
    """The diagram of one session as graphics items; the view and the main window use it."""

    band_clicked = Signal(object, str)  # LANE or PHASE (app.model.axes), its id
    edit_label_requested = Signal(str)  # a node or edge id: the view opens the in-place editor
    #: a right-click: what is under it ("node", "edge", LANE, PHASE or "canvas"), its id
    #: ("" for the canvas), and where (scene and screen); actions.py shows the menu
    context_menu_requested = Signal(object, str, QPointF, QPoint)
    #: diagrams with fewer nodes never switch to the batched overview (their items are cheap)
    overview_min_nodes = OVERVIEW_MIN_NODES

    def __init__(self, session, lang: str = "en", parent=None, *, report=None):
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.report = report  # pass the first report here to build the items only once
        self.flow_thickness = False
        self.layout: Layout | None = None
        self._title_rooms: tuple = (None, {})
        self._semantic = False
        self._laid_out = None  # the snapshot self.layout was worked out for
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.bands: list[BandItem] = []
        self._edges_of: dict[str, list[str]] | None = None  # (edges_of: made when asked)
        self._interaction: Interaction | None = None
        self.setBackgroundBrush(QColor(theme.CANVAS))
        self._selected: set = set()
        self._rect = QRectF()
        self._labels_on = True
        self._all_facts = True  # the report, language or flow toggle changed: judge every item
        self._overview_on = False
        self._active: set[str] = set()  # node and edge ids drawn by their own items in overview
        self.labels = LabelLayer(self)
        self.overview = OverviewItem(self)
        self.overview.setVisible(False)
        self.addItem(self.overview)
        session.changed.connect(self._on_changed)
        self.selectionChanged.connect(self._on_selection_changed)
        self._sync(EVERYTHING)

    # -- public API ---------------------------------------------------------------------------
    def set_report(self, report) -> None:
        """Show the analysis: statuses, volumes, severity markers, flow widths."""
        self.report = report
        self._all_facts = True
        self._sync(ChangeSet())

    def set_lang(self, lang: str) -> None:
        """Draw the scene's own words (no owner, per month…) in `lang`."""
        if lang != self.lang:
            self.lang = lang
            self._sync(EVERYTHING)

    def set_flow_thickness(self, on: bool) -> None:
        """Draw edges as thick as their actual flow (True) or all alike (False)."""
        if on != self.flow_thickness:
            self.flow_thickness = on
            self._all_facts = True
            self._sync(ChangeSet())

    def selected_ids(self) -> tuple[list[str], list[str]]:
        """The selected node ids and edge ids, in document order."""
        chosen = set(self.selectedItems())
        nodes = [n.id for n in self.session.diagram.nodes if self.nodes[n.id] in chosen]
        edges = [e.id for e in self.session.diagram.edges if self.edges[e.id] in chosen]
        return nodes, edges

    def select_ids(self, node_ids, edge_ids=()) -> None:
        """Select exactly these nodes and edges (unknown ids are ignored)."""
        self.clearSelection()
        for item_id in node_ids:
            if item_id in self.nodes:
                self.nodes[item_id].setSelected(True)
        for item_id in edge_ids:
            if item_id in self.edges:
                self.edges[item_id].setSelected(True)

    def item_rect(self, target_id: str) -> QRectF | None:
        """Where a node (its box) or an edge ("a->b", curve and label) is, in scene units."""
        if target_id in self.nodes:
            box = self.nodes[target_id].box
            return QRectF(box.x, box.y, box.w, box.h)
        if target_id in self.edges:
            look = self.edges[target_id].look
            bounds = look.curve.boundingRect()
            return bounds.united(look.label_bounds) if look.label_bounds else bounds
        return None

    def title_room(self, node_id: str) -> tuple[float, ...]:
        """The room a node's title has when zoomed out (see semantic.rooms), per layout."""
        if self._title_rooms[0] is not self.layout:
            titles = {n: item.node.title for n, item in self.nodes.items()}
            self._title_rooms = (self.layout, semantic.rooms(self.layout, titles))
        return self._title_rooms[1].get(node_id, (semantic.TITLE_ROOM, semantic.FAR,
                                                   semantic.FAR))

    def set_semantic(self, on: bool) -> None:
        """A view zoomed out to titles only (True) or not: node bounds make room for them."""
        if on != self._semantic:
            self._semantic = on
            for item in self.nodes.values():
                item.set_reach(on)

    def show_labels(self, on: bool) -> None:
        """Show or hide every edge label (the view hides them when too small to read)."""
        if on != self._labels_on:
            self._labels_on = on
            self.labels.set_visible(on)

    def set_overview(self, on: bool) -> None:
        """Draw the nodes and edges as one batched overview (True: zoomed far out) or each by
        its own item (False). Diagrams under `overview_min_nodes` always use their items."""
        on = on and len(self.nodes) >= self.overview_min_nodes
        if on == self._overview_on:
            return
        self._overview_on = on
        self._active = self.active_ids() if on else set()
        no_contents = QGraphicsItem.ItemHasNoContents
        for items in (self.nodes, self.edges):
            for item_id, item in items.items():
                item.setFlag(no_contents, on and item_id not in self._active)
        self.overview.setVisible(on)
        if on:
            self.overview.invalidate()

    @property
    def overview_on(self) -> bool:
        """Whether the batched overview draws the nodes and edges now."""
        return self._overview_on

    def active_ids(self) -> set[str]:
        """Nodes and edges being worked on: selected, and the edges of selected nodes."""
        active: set[str] = set()
        for item in self._selected:
            if isinstance(item, NodeItem):
                active.add(item.node_id)
                active.update(self.edges_of(item.node_id))
            elif isinstance(item, EdgeItem):
                active.add(item.edge_id)
        return active

    def edges_of(self, node_id: str) -> list[str]:
        """The ids of the edges from and to `node_id` (worked out on the first question after
        a change: a scene is built without it)."""
        if self._edges_of is None:
            found: dict[str, list[str]] = {}
            for edge_id, item in self.edges.items():
                found.setdefault(item.source, []).append(edge_id)
                if item.target != item.source:
                    found.setdefault(item.target, []).append(edge_id)
            self._edges_of = found
        return self._edges_of.get(node_id, [])

    def node_at(self, scene_pos: QPointF) -> NodeItem | None:
        """The topmost node under `scene_pos`, if any."""
        for item in self.items(scene_pos):
            if isinstance(item, NodeItem):
                return item
        return None

    def band_under(self, scene_pos: QPointF) -> BandItem | None:
        """The lane or phase whose header is under `scene_pos`."""
        for item in self.items(scene_pos):
            if isinstance(item, BandItem):
                return item
        return None

    def restore_positions(self, node_ids=None) -> None:
        """Put node items back where the snapshot has them (after a refused or empty drag)."""
        for node_id in node_ids if node_ids is not None else list(self.nodes):
            item, rect = self.nodes.get(node_id), self.layout.nodes.get(node_id)
            if item is not None and rect is not None and item.pos() != QPointF(rect.x, rect.y):
                item.setPos(rect.x, rect.y)
                self.reroute(node_id, dragging=False)

    def reroute(self, node_id: str, dragging: bool = True) -> None:
        """Redraw the edges of one node: while it is dragged, by a quick route from where its
        item is now (only its own edges change); else along the layout's routes."""
        for edge_id in self.edges_of(node_id):
            item = self.edges[edge_id]
            route = self.layout.routes.get(edge_id)
            if dragging or route is None:
                src, dst = self.nodes[item.source].box, self.nodes[item.target].box
                route = quick_route(src, dst)
            item.set_look(item.edge, self._edge_look(item.edge, route, item.facts), item.facts)
        self.labels.settle()

    # -- mouse: hand over to the interaction under the pointer ---------------------------------
    def mousePressEvent(self, event) -> None:
        self._interaction = start_interaction(self, event)
        if self._interaction is None:
            super().mousePressEvent(event)
        else:
            self._interaction.press(event)

    def mouseMoveEvent(self, event) -> None:
        if self._interaction is not None:
            self._interaction.move(event)
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        interaction, self._interaction = self._interaction, None
        if interaction is not None:
            interaction.release(event)
        else:
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        node = self.node_at(event.scenePos())
        edge = next((i for i in self.items(event.scenePos()) if isinstance(i, EdgeItem)), None)
        if node is not None:
            self.edit_label_requested.emit(node.node_id)
            event.accept()
        elif edge is not None:
            self.edit_label_requested.emit(edge.edge_id)
            event.accept()
        else:
            super().mouseDoubleClickEvent(event)

    def helpEvent(self, event) -> None:
        # Qt's own lookup reads the C++ tooltip; an edge label works its text out when asked.
        for item in self.items(event.scenePos()):
            text = (item.tooltip_at(event.scenePos()) if isinstance(item, EdgeLabelTile)
                    else item.toolTip())
            if text:
                QToolTip.showText(event.screenPos(), text, event.widget())
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()

    def contextMenuEvent(self, event) -> None:
        pos = event.scenePos()
        kind, target = "canvas", ""
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                kind, target = "node", item.node_id
            elif isinstance(item, EdgeItem):
                kind, target = "edge", item.edge_id
            elif isinstance(item, EdgeLabelTile) and item.edge_at(pos) is not None:
                kind, target = "edge", item.edge_at(pos).edge_id
            elif isinstance(item, BandItem):
                kind, target = item.axis, item.band_id
            else:
                continue
            break
        event.accept()
        self.context_menu_requested.emit(kind, target, pos, event.screenPos())

    # -- keeping the items in step with the session -------------------------------------------
    def _on_changed(self, changes: ChangeSet) -> None:
        self._sync(changes)

    def _on_selection_changed(self) -> None:
        # Selected nodes come to the front; an edge's label plate shows its selection too.
        now = set(self.selectedItems())
        for item in now ^ self._selected:
            if isinstance(item, NodeItem):
                item.selection_changed()
            elif isinstance(item, EdgeItem):
                self.labels.update_label(item)
        self._selected = now
        if self._overview_on:
            self._refresh_active()

    def _refresh_active(self) -> None:
        # Items being worked on draw themselves (selection, drag); the overview leaves them out.
        active = self.active_ids()
        for item_id in active ^ self._active:
            item = self.nodes.get(item_id) or self.edges.get(item_id)
            if item is not None:
                item.setFlag(QGraphicsItem.ItemHasNoContents, item_id not in active)
        self._active = active
        self.overview.invalidate()

    def _sync(self, changes: ChangeSet) -> None:
        # Building thousands of items makes the collector walk the whole document again and
        # again for nothing (research/performance.md): pause it while the items are made.
        paused = gc.isenabled()
        gc.disable()
        try:
            self._sync_items(changes)
        finally:
            if paused:
                gc.enable()

    def _sync_items(self, changes: ChangeSet) -> None:
        diagram = self.session.diagram
        old = self.layout
        if old is None or changes.structure:
            self.layout = geometry = layout(diagram)
        else:  # a move by hand or an edit of words: no need to lay everything out again
            self.layout = geometry = relayout(old, self._laid_out, diagram)
        self._laid_out = diagram
        facts = FactBook(diagram, self.report, self.lang, self.flow_thickness)
        full = changes.structure
        self._judge_all = self._all_facts or full
        self._all_facts = False
        self._index = diagram.node_index()
        if full or old is None or old.lanes != geometry.lanes or old.phases != geometry.phases:
            self._sync_bands(geometry)
        b = geometry.bounds
        rect = QRectF(b.x, b.y, b.w, b.h).adjusted(-EDGE_MARGIN, -EDGE_MARGIN,
                                                   SCENE_MARGIN, SCENE_MARGIN)
        if rect != self._rect:
            self._rect = rect
            self.setSceneRect(rect)  # explicit, and first: Qt never scans the items for it
        current = {e.id: e for e in diagram.edges}  # (an edge's id is worked out each time)
        if self.nodes or self.edges:
            self._sync_nodes(diagram, geometry, facts, changes, full, current)
            self._sync_edges(current, geometry, facts, changes, full)
        else:  # a new scene: every item is new, nothing to compare
            rects, routes = geometry.nodes, geometry.routes
            for node in diagram.nodes:
                self._add_node(node, rects[node.id], facts.node(node))
            for edge_id, edge in current.items():
                self._add_edge(edge_id, edge, routes[edge_id], facts.edge(edge))
        self.labels.settle()
        if self._overview_on:
            self._refresh_active()

    def _sync_bands(self, geometry: Layout) -> None:
        for item in self.bands:
            self.removeItem(item)
        self.bands = ([BandItem(b, LANE) for b in geometry.lanes]
                      + [BandItem(b, PHASE) for b in geometry.phases])
        for item in self.bands:
            self.addItem(item)

    def _sync_nodes(self, diagram, geometry, facts, changes, full, current) -> None:
        """Add, drop and refresh node items."""
        index = self._index
        for gone in [i for i in self.nodes if i not in index]:
            self.removeItem(self.nodes.pop(gone))
        # A node's status depends on its outgoing edges: refresh the sources of edges that
        # came, went or changed.
        edges = self.edges
        sources = {e.source for i, e in current.items()
                   if (item := edges.get(i)) is None or item.edge is not e}
        sources |= {item.source for i, item in self.edges.items() if i not in current}
        self._touched_sources = sources  # their other edges may now share a remainder
        for node in diagram.nodes:
            rect = geometry.nodes[node.id]
            item = self.nodes.get(node.id)
            # Only nodes an edit may have touched are judged again: an edit stays cheap.
            suspect = (item is None or self._judge_all or item.node is not node
                       or node.id in sources or node.id in changes.nodes)
            fact = facts.node(node) if suspect else item.facts
            if item is None:
                self._add_node(node, rect, fact)
                continue
            resized = item.size != (rect.w, rect.h)
            if resized:
                item.set_size(rect.w, rect.h)
            if resized or suspect and (full or item.node is not node or item.facts != fact
                                       or node.id in changes.nodes):
                item.set_look(node, self._node_look(node, rect, fact), fact)
            if item.x() != rect.x or item.y() != rect.y:
                item.setPos(rect.x, rect.y)

    def _sync_edges(self, current, geometry, facts, changes, full) -> None:
        for gone in [i for i in self.edges if i not in current]:
            item = self.edges.pop(gone)
            self.labels.remove(item)
            self.removeItem(item)
        self._edges_of = None
        judge_all, named, routes = self._judge_all, changes.edges, geometry.routes
        for edge_id, edge in current.items():
            source = edge.source
            item = self.edges.get(edge_id)
            if item is None:
                self._add_edge(edge_id, edge, routes[edge_id], facts.edge(edge))
                continue
            suspect = (judge_all or item.edge is not edge or edge_id in named
                       or source in self._touched_sources)
            fact = facts.edge(edge) if suspect else item.facts
            if (full or suspect and (item.edge is not edge or item.facts != fact
                                     or edge_id in named)
                    or item.look.geometry != routes[edge_id]):
                item.set_look(edge, self._edge_look(edge, routes[edge_id], fact), fact)

    def _add_node(self, node, rect: Rect, fact) -> None:
        item = NodeItem(node, self._node_look(node, rect, fact), fact, (rect.w, rect.h))
        if self._semantic:
            item.reach = True
        item.setPos(rect.x, rect.y)
        if self._overview_on:
            item.setFlag(QGraphicsItem.ItemHasNoContents)
        self.addItem(item)
        self.nodes[node.id] = item

    def _add_edge(self, edge_id: str, edge, route: Route, fact) -> None:
        item = EdgeItem(edge, self._edge_look(edge, route, fact), fact, edge_id)
        if self._overview_on:
            item.setFlag(QGraphicsItem.ItemHasNoContents)
        self.addItem(item)
        self.labels.add(item)
        self.edges[edge_id] = item

    def _node_look(self, node, rect: Rect, fact):
        lang = self.lang  # made lazily by the item, with the facts of this moment
        return lambda: node_look(node, (rect.w, rect.h), status=fact.status,
                                 severity=fact.severity, volume=fact.volume, lang=lang)

    def _edge_look(self, edge, route: Route, fact):
        index = self._index
        source, target = index.get(edge.source), index.get(edge.target)
        handoff = source is not None and target is not None and source.lane != target.lane
        return edge_look(edge, route, status=fact.status, width=fact.width, handoff=handoff,
                         lang=self.lang, shared=fact.shared)
