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
from app.render.layout import Layout

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


def paste_command(diagram: Diagram, geometry: Layout, text: str, offset: float) -> AddItems:
    """Add copies of the copied items: fresh ids, edges between them kept, moved by `offset`.

    Raises ValueError when `text` is not a FunnelFlow clipboard payload.
    """
    try:
        payload = json.loads(text)
        raw_nodes, raw_edges = payload["nodes"], payload.get("edges", [])
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError("the clipboard holds no FunnelFlow items") from error
    taken = set(diagram.node_index())
    renamed: dict[str, str] = {}
    nodes = []
    for data in raw_nodes:
        new_id = fresh_id(str(data.get("id", "node")), taken)
        taken.add(new_id)
        renamed[str(data.get("id"))] = new_id
        node = Node.model_validate(data)
        x, y = snap(node.x + offset), snap(node.y + offset)
        lane = geometry.lane_at(y + theme.NODE_HEIGHT / 2)
        phase = geometry.phase_at(x + theme.NODE_WIDTH / 2)
        nodes.append(node.model_copy(update={"id": new_id, "x": x, "y": y, "lane": lane,
                                             "phase": phase}))
    edges = []
    for data in raw_edges:
        edge = Edge.model_validate(data)
        if edge.source in renamed and edge.target in renamed:
            edges.append(edge.model_copy(update={"source": renamed[edge.source],
                                                 "target": renamed[edge.target]}))
    return AddItems(tuple(nodes), tuple(edges), text="Paste")
