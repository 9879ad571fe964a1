"""Mermaid export: `flowchart LR` with one subgraph per lane, for wikis and Markdown docs.

Node shapes follow the node kind (entry a stadium, decision a rhombus, goal a double-edged
box, exit a hexagon), edge labels carry the conversion as the canvas draws it, and every
label is quoted and entity-escaped so any text survives: quotes, brackets, pipes, Chinese.
Pure Python: no Qt.
"""

from __future__ import annotations

import os
import re

from app.analysis import Checklist
from app.analysis.messages import message_language
from app.export.facts import OFF, ON, gather
from app.io.atomic import write_atomic
from app.io.escape import mermaid, yaml_quoted
from app.model import Diagram, Edge, Node
from app.render import theme
from app.render.labels import edge_text, owner_text, shared_rate

# Opening and closing brackets of each node kind's Mermaid shape.
_SHAPES = {
    "entry": ('(["', '"])'),
    "step": ('("', '")'),
    "decision": ('{"', '"}'),
    "goal": ('[["', '"]]'),
    "exit": ('{{"', '"}}'),
}
_NOT_ID = re.compile(r"[^A-Za-z0-9_]")


def escape_label(text: str) -> str:
    """Text made safe inside a quoted Mermaid label (one line, entity codes for syntax)."""
    return mermaid(text)


class _Ids:
    """Mermaid ids from FunnelFlow ids: '.' and '-' replaced, a prefix so `end` is no keyword."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._given: dict[tuple[str, str], str] = {}

    def __call__(self, prefix: str, original: str) -> str:
        key = (prefix, original)
        if key not in self._given:
            base = prefix + _NOT_ID.sub("_", original)
            candidate, n = base, 2
            while candidate in self._taken:  # "a.b" and "a-b" must not merge
                candidate, n = f"{base}_{n}", n + 1
            self._taken.add(candidate)
            self._given[key] = candidate
        return self._given[key]


def render_mermaid(diagram: Diagram, *, lang: str | None = None,
                   report: Checklist | None = None) -> str:
    """The diagram as Mermaid flowchart text; `lang` (default: the diagram's) for "no owner"."""
    lang = message_language(lang, diagram)
    facts = gather(diagram, lang, report)
    ids = _Ids()
    lines = ["---", f"title: {_yaml_title(diagram.title)}", "---"] if diagram.title else []
    lines.append("flowchart LR")
    by_lane: dict[str, list[Node]] = {lane.id: [] for lane in diagram.lanes}
    for node in diagram.nodes:
        by_lane[node.lane].append(node)
    for lane in diagram.lanes:
        lines.append(f'  subgraph {ids("lane_", lane.id)}["{escape_label(lane.title)}"]')
        lines.append("    direction LR")
        for node in by_lane[lane.id]:
            lines.append(f"    {ids('n_', node.id)}{_node_shape(node, lang)}")
        lines.append("  end")
    off_links: list[int] = []
    on_links: list[int] = []
    outgoing: dict[str, list[Edge]] = {}
    for edge in diagram.edges:
        outgoing.setdefault(edge.source, []).append(edge)
    for index, edge in enumerate(diagram.edges):
        label = edge_text(edge, lang, shared_rate(outgoing[edge.source], edge))
        arrow = f'-->|"{escape_label(label)}"|' if label else "-->"
        lines.append(f"  {ids('n_', edge.source)} {arrow} {ids('n_', edge.target)}")
        status = facts.edge_status.get(edge.id)
        (off_links if status == OFF else on_links if status == ON else []).append(index)
    lines.extend(_styles(diagram, ids, off_links, on_links))
    return "\n".join(lines) + "\n"


def export_mermaid(diagram: Diagram, out_path: str | os.PathLike[str], *,
                   lang: str | None = None, report: Checklist | None = None) -> None:
    """Write the Mermaid text to `out_path` atomically (UTF-8)."""
    write_atomic(out_path, render_mermaid(diagram, lang=lang, report=report).encode("utf-8"))


def _node_shape(node: Node, lang: str) -> str:
    opening, closing = _SHAPES[node.kind.value]
    # The owner goes on a second line: who to ask is what a wiki reader wants next.
    text = f"{escape_label(node.title)}<br/><small>{escape_label(owner_text(node, lang))}</small>"
    return f"{opening}{text}{closing}"


def _styles(diagram: Diagram, ids: _Ids, off_links: list[int], on_links: list[int]) -> list[str]:
    """Class definitions by kind and lane colours, so the picture reads like the canvas."""
    lines = []
    for kind, fill in theme.NODE_FILL.items():
        lines.append(f"  classDef kind_{kind} fill:{fill},stroke:{theme.NODE_BORDER[kind]},"
                     f"color:{theme.INK}")
    kinds: dict[str, list[str]] = {}
    for node in diagram.nodes:
        kinds.setdefault(node.kind.value, []).append(ids("n_", node.id))
    for kind, members in kinds.items():
        lines.append(f"  class {','.join(members)} kind_{kind}")
    for index, lane in enumerate(diagram.lanes):
        color = theme.lane_color(index, lane.color)
        lines.append(f"  style {ids('lane_', lane.id)} fill:{theme.tint(color, 0.9)},"
                     f"stroke:{color}")
    for indices, status in ((off_links, OFF), (on_links, ON)):
        if indices:
            lines.append(f"  linkStyle {','.join(map(str, indices))} "
                         f"stroke:{theme.EDGE_COLOR[status]},stroke-width:2px")
    return lines


def _yaml_title(title: str) -> str:
    """The title in Mermaid's YAML front matter, double-quoted and escaped."""
    return yaml_quoted(title)
