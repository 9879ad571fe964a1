"""Commands the canvas builds from what the user points at: create, nudge, delete, connect.

Pure functions of a snapshot and its layout (no Qt), so each is easy to test on its own;
the view only gathers the selection and the pointer position and hands the result to the
session.
"""

from __future__ import annotations

from app.model import Diagram, Edge, Node
from app.model.commands import AddItems, DeleteItems, MoveNodes, Placement, fresh_id
from app.render.canvas_geometry import snap
from app.render.layout import Layout
from app.render.sizes import node_size

NEW_LABEL = {
    "en": {"entry": "New entry", "step": "New step", "decision": "New decision",
           "goal": "New goal", "exit": "New exit"},
    "zh": {"entry": "新入口", "step": "新步骤", "decision": "新决策", "goal": "新目标",
           "exit": "新流失"},
}
KINDS = ("entry", "step", "decision", "goal", "exit")


def create_node(diagram: Diagram, geometry: Layout, kind: str, x: float, y: float,
                lang: str = "en") -> AddItems:
    """A new node of `kind` centred on the scene point (x, y), in the lane and phase there."""
    if kind not in KINDS:
        raise ValueError(f"unknown node kind {kind!r}")
    label = NEW_LABEL.get(lang, NEW_LABEL["en"])[kind]
    # centred by the size it is drawn at (as narrow as its texts allow)
    w, h = node_size(Node(id="new", label=label, kind=kind, lane="new"))
    left, top = snap(x - w / 2), snap(y - h / 2)
    node = Node(
        id=fresh_id(kind, diagram.node_index()),
        label=label,
        kind=kind,
        lane=geometry.lane_at(top + h / 2),
        phase=geometry.phase_at(left + w / 2),
        x=left,
        y=top,
    )
    text = "新建节点" if lang == "zh" else "Create node"
    return AddItems(nodes=(node,), text=text)


def nudge(geometry: Layout, node_ids, dx: float, dy: float) -> MoveNodes | None:
    """Move nodes by (dx, dy) from where they are shown, keeping them on the grid."""
    moves = {}
    for node_id in node_ids:
        rect = geometry.nodes.get(node_id)
        if rect is None:
            continue
        x, y = snap(rect.x + dx), snap(rect.y + dy)
        moves[node_id] = Placement(x, y, geometry.lane_at(y + rect.h / 2),
                                   geometry.phase_at(x + rect.w / 2))
    return MoveNodes(moves, text="Nudge") if moves else None


def nudge_key(node_ids) -> str:
    """Nudges of the same selection merge into one undo step."""
    return "nudge:" + ",".join(sorted(node_ids))


def delete(node_ids, edge_ids) -> DeleteItems | None:
    """Delete the selection; each node takes its edges along."""
    if not node_ids and not edge_ids:
        return None
    return DeleteItems(frozenset(node_ids), frozenset(edge_ids))


def connect(diagram: Diagram, source: str, target: str) -> AddItems:
    """A new edge from `source` to `target` (the command refuses an illegal one)."""
    return AddItems(edges=(Edge(source=source, target=target),), text="Connect")
