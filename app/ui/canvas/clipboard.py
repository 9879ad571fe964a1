"""Copy and paste of nodes and the edges between them, as text other programs can read too.

The clipboard holds JSON (which is also YAML) under a private mime type and as plain text:
the nodes as the file format writes them, with the positions they are shown at, and the
edges whose two ends were copied. Pasting gives every node a fresh id, rewires the edges to
the new ids and places the copies at an offset, in the lane and phase they land in.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

from app.model import Diagram, Edge, Node
from app.model.commands import AddItems, fresh_id
from app.render import theme
from app.render.canvas_geometry import snap
from app.render.layout import Layout, Rect, layout
from app.render.sizes import node_size

MIME_TYPE = "application/x-funnelflow-items"


def copy_text(diagram: Diagram, geometry: Layout, node_ids) -> str | None:
    """The selected nodes and the edges between them, as JSON; None if nothing is selected."""
    chosen = set(node_ids)
    if not chosen:
        return None
    nodes = []
    for node in diagram.nodes:
        if node.id in chosen:
            data = node.model_dump(mode="json", by_alias=True, exclude_none=True,
                                   exclude_defaults=True)
            rect = geometry.nodes[node.id]
            data.update(id=node.id, lane=node.lane, x=rect.x, y=rect.y)
            nodes.append(data)
    edges = [e.model_dump(mode="json", by_alias=True, exclude_none=True)
             for e in diagram.edges if e.source in chosen and e.target in chosen]
    return json.dumps({"funnelflow-items": 1, "nodes": nodes, "edges": edges},
                      ensure_ascii=False, indent=1)


def mime_data(text: str) -> QMimeData:
    """The clipboard payload: the private type plus plain text."""
    data = QMimeData()
    data.setData(MIME_TYPE, text.encode("utf-8"))
    data.setText(text)
    return data


def text_from_mime(data: QMimeData | None) -> str | None:
    """Our payload from the clipboard, or None when it holds something else."""
    if data is None:
        return None
    if data.hasFormat(MIME_TYPE):
        return bytes(data.data(MIME_TYPE)).decode("utf-8")
    if data.hasText() and '"funnelflow-items"' in data.text():
        return data.text()
    return None


#: what marks a pasted or duplicated node's label as a copy, per checklist language
COPY_MARK = {"en": " (copy)", "zh": "（副本）"}


def paste_command(diagram: Diagram, geometry: Layout, text: str, offset: float,
                  at: tuple[float, float] | None = None, lang: str = "en") -> AddItems:
    """Add copies of the copied items: fresh ids, labels marked as copies, edges between them
    kept. The group's centre lands on `at` (the pointer) when given, else `offset` from the
    originals; either way on free ground, so no other node is pushed aside.

    Raises ValueError when `text` is not a FunnelFlow clipboard payload.
    """
    try:
        payload = json.loads(text)
        raw_nodes, raw_edges = payload["nodes"], payload.get("edges", [])
        originals = [Node.model_validate(data) for data in raw_nodes]
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError("the clipboard holds no FunnelFlow items") from error
    if not originals:
        raise ValueError("the clipboard holds no FunnelFlow items")
    mark = COPY_MARK.get(lang, COPY_MARK["en"])
    taken = set(diagram.node_index())
    renamed: dict[str, str] = {}
    for node in originals:
        renamed[node.id] = fresh_id(node.id, taken)
        taken.add(renamed[node.id])
    edges = []
    for data in raw_edges:
        edge = Edge.model_validate(data)
        if edge.source in renamed and edge.target in renamed:
            edges.append(edge.model_copy(update={"source": renamed[edge.source],
                                                 "target": renamed[edge.target]}))

    # each copy's box as drawn: its "(copy)" title may wrap and make it taller
    sizes = {renamed[n.id]: node_size(n.model_copy(update={"label": n.title + mark}))
             for n in originals}

    def copies(dx: float, dy: float) -> tuple[Node, ...]:
        out = []
        for node in originals:
            x, y = snap(node.x + dx), snap(node.y + dy)
            w, h = sizes[renamed[node.id]]
            out.append(node.model_copy(update={
                "id": renamed[node.id], "x": x, "y": y, "label": node.title + mark,
                "lane": geometry.lane_at(y + h / 2), "phase": geometry.phase_at(x + w / 2)}))
        return tuple(out)

    chosen, laid_out = None, 0
    big = len(diagram.nodes) > _BIG_DIAGRAM
    boxes = list(geometry.nodes.values())
    for dx, dy in _tries(originals, [sizes[renamed[n.id]] for n in originals], offset, at):
        nodes = copies(dx, dy)
        if chosen is None:
            chosen = nodes  # if no spot leaves everything in place, the nearest one
        if _covers(nodes, sizes, boxes):
            continue
        if big or laid_out >= _MAX_LAYOUTS:
            chosen = nodes
            break
        laid_out += 1
        if _leaves_others_in_place(diagram, geometry, nodes):
            chosen = nodes
            break
    return AddItems(chosen, tuple(edges), text="Paste")


#: how many candidate spots are laid out in full before taking the best one anyway
_MAX_LAYOUTS = 8
#: above this many nodes only overlaps are checked (a full layout per try costs too much)
_BIG_DIAGRAM = 1000


def _tries(nodes: list[Node], sizes: list[tuple[float, float]], offset: float,
           at: tuple[float, float] | None):
    """Where the copies (of `sizes`) may go, nearest first: around `at` (or `offset` off the
    originals), in half-node steps, slightly preferring right and down."""
    left = min(n.x for n in nodes)
    top = min(n.y for n in nodes)
    right = max(n.x + w for n, (w, _) in zip(nodes, sizes, strict=True))
    bottom = max(n.y + h for n, (_, h) in zip(nodes, sizes, strict=True))
    if at is not None:
        dx, dy = at[0] - (left + right) / 2, at[1] - (top + bottom) / 2
    else:
        dx = dy = offset
    sx, sy = 12 * theme.GRID, 7 * theme.GRID
    steps = [(i, j) for i in range(-4, 12) for j in range(-4, 8)]
    steps.sort(key=lambda s: (abs(s[0] * sx) + abs(s[1] * sy) * 1.5
                              - 0.1 * (s[0] + s[1])))
    for i, j in steps:
        tx, ty = dx + i * sx, dy + j * sy
        if left + tx >= theme.LANE_HEADER_WIDTH and top + ty >= 0:
            yield tx, ty


def _leaves_others_in_place(diagram: Diagram, geometry: Layout, copies) -> bool:
    """Whether adding `copies` keeps every other node where it is shown now: no lane or
    phase has to grow (which would push its neighbours along)."""
    try:
        after = layout(diagram.evolve(nodes=diagram.nodes + tuple(copies)))
    except ValueError:
        return False
    return all(after.nodes.get(node_id) == box for node_id, box in geometry.nodes.items())


def _covers(copies, sizes, boxes) -> bool:
    """Whether a copy would cover (or touch, within a grid step) a node already there."""
    g = theme.GRID
    for node in copies:
        w, h = sizes[node.id]
        box = Rect(node.x - g, node.y - g, w + 2 * g, h + 2 * g)
        if any(box.intersects(other) for other in boxes):
            return True
    return False
