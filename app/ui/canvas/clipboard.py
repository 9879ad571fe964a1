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
from app.render.layout import Layout, Rect

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
    dx, dy = _shift(geometry, originals, offset, at)
    mark = COPY_MARK.get(lang, COPY_MARK["en"])
    taken = set(diagram.node_index())
    renamed: dict[str, str] = {}
    nodes = []
    for node in originals:
        new_id = fresh_id(node.id, taken)
        taken.add(new_id)
        renamed[node.id] = new_id
        x, y = snap(node.x + dx), snap(node.y + dy)
        lane = geometry.lane_at(y + theme.NODE_HEIGHT / 2)
        phase = geometry.phase_at(x + theme.NODE_WIDTH / 2)
        nodes.append(node.model_copy(update={"id": new_id, "x": x, "y": y, "lane": lane,
                                             "phase": phase, "label": node.title + mark}))
    edges = []
    for data in raw_edges:
        edge = Edge.model_validate(data)
        if edge.source in renamed and edge.target in renamed:
            edges.append(edge.model_copy(update={"source": renamed[edge.source],
                                                 "target": renamed[edge.target]}))
    return AddItems(tuple(nodes), tuple(edges), text="Paste")


def _shift(geometry: Layout, nodes: list[Node], offset: float,
           at: tuple[float, float] | None) -> tuple[float, float]:
    """How far to move the copies: to `at` or by `offset`, then on to the first spot (below,
    then to the right) where no copy covers a node that is already there."""
    left = min(n.x for n in nodes)
    top = min(n.y for n in nodes)
    right = max(n.x for n in nodes) + theme.NODE_WIDTH
    bottom = max(n.y for n in nodes) + theme.NODE_HEIGHT
    if at is not None:
        dx, dy = at[0] - (left + right) / 2, at[1] - (top + bottom) / 2
    else:
        dx = dy = offset
    step_y, step_x = theme.NODE_HEIGHT + 3 * theme.GRID, theme.NODE_WIDTH + 3 * theme.GRID
    tries = [(dx, dy)] + [(dx, dy + k * step_y) for k in range(1, 4)]
    tries += [(dx + k * step_x, dy) for k in range(1, 8)]
    boxes = list(geometry.nodes.values())
    for tx, ty in tries:
        moved = [Rect(snap(n.x + tx), snap(n.y + ty), theme.NODE_WIDTH, theme.NODE_HEIGHT)
                 for n in nodes]
        if not any(m.intersects(b) for m in moved for b in boxes):
            return tx, ty
    return dx, dy
