"""What an exported picture shows, as plain data: bands, edges and nodes with their texts.

Built once from the shared geometry (app.render) and the analysed facts, then written as SVG
(svg_export) or painted with Qt (app/ui/export_png, export_pdf), so the three formats draw
the same shapes, colours and words. Pure Python: no Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from app.io.svg_facts import Facts
from app.model import Node
from app.render import labels, theme
from app.render.labels import edge_text, owner_text, volume_text
from app.render.layout import Layout, Rect
from app.render.shapes import (
    Path,
    edge_geometry,
    node_outline,
    rounded_rect,
    status_mark,
    text_box,
)

# Labels, owners and lane names repeat across a big diagram: measure each text once.
elide = lru_cache(maxsize=65536)(labels.elide)
text_width = lru_cache(maxsize=65536)(labels.text_width)

#: a text to draw: x, baseline y, the text, and its style name (see svg_text.STYLES)
Text = tuple[float, float, str, str]


@dataclass(frozen=True)
class BandPicture:
    """A lane or a phase: its band, header and title."""

    id: str
    title: str
    rect: Rect
    header: Rect
    fill: str
    header_fill: str
    accent: str
    text: Text


@dataclass(frozen=True)
class EdgePicture:
    """An edge: curve, arrow head, colour by status, width by flow, and its label."""

    id: str
    source: str
    target: str
    path: Path
    arrow: Path
    color: str
    width: float
    handoff: bool
    status: str
    label_box: Rect | None
    text: Text | None


@dataclass(frozen=True)
class NodePicture:
    """A node: outline(s), colours, lines of text and KPI status mark, relative to `origin`.

    Everything inside a node is drawn relative to its top-left corner: nodes of one kind share
    one outline, so a writer formats it once rather than once per node.
    """

    id: str
    kind: str
    status: str
    origin: tuple[float, float]
    size: tuple[float, float]
    outlines: list[Path]
    fill: str
    stroke: str
    mark: Path
    mark_color: str
    texts: list[Text]


def band_pictures(layout: Layout) -> tuple[list[BandPicture], list[BandPicture]]:
    """Lanes (tinted in their colour) and phases (grey headers), in drawing order."""
    lanes = []
    for band in layout.lanes:
        title = elide(band.title, band.header.w - 20, theme.FONT_HEADER_PX)
        lanes.append(BandPicture(
            band.id, band.title, band.rect, band.header, theme.tint(band.color, 0.94),
            theme.tint(band.color, 0.78), band.color,
            (band.header.cx + 3, band.header.cy + theme.FONT_HEADER_PX * 0.36, title,
             "lane-title")))
    phases = []
    for band in layout.phases:
        title = elide(band.title, band.header.w - 16, theme.FONT_HEADER_PX)
        phases.append(BandPicture(
            band.id, band.title, band.rect, band.header, "none", theme.HEADER_FILL,
            theme.GRID_INK,
            (band.header.cx, band.header.cy + theme.FONT_HEADER_PX * 0.36, title,
             "phase-title")))
    return lanes, phases


def edge_pictures(facts: Facts, layout: Layout) -> list[EdgePicture]:
    """Every edge whose ends are laid out, widest flows drawn widest."""
    diagram = facts.diagram
    nodes = diagram.node_index()
    flows = [facts.flow(e.id) or 0.0 for e in diagram.edges]
    biggest = max(flows, default=0.0)
    pictures = []
    for edge, flow in zip(diagram.edges, flows, strict=True):
        src, dst = layout.nodes.get(edge.source), layout.nodes.get(edge.target)
        if src is None or dst is None:
            continue
        geometry = edge_geometry(src, dst)
        status = facts.edge_status.get(edge.id, "unmeasured")
        text = edge_text(edge)
        box = label = None
        if text:
            w = text_width(text, theme.FONT_EDGE_PX)
            if w > theme.COLUMN_WIDTH - 24:
                text = elide(text, theme.COLUMN_WIDTH - 24, theme.FONT_EDGE_PX)
                w = text_width(text, theme.FONT_EDGE_PX)
            w += 8
            h = theme.FONT_EDGE_PX + 6
            box = Rect(geometry.label_x - w / 2, geometry.label_y - h / 2, w, h)
            label = (geometry.label_x, geometry.label_y + theme.FONT_EDGE_PX * 0.36, text,
                     "edge-label")
        pictures.append(EdgePicture(
            edge.id, edge.source, edge.target, geometry.path, geometry.arrow,
            theme.EDGE_COLOR[status], edge_width(flow, biggest),
            nodes[edge.source].lane != nodes[edge.target].lane, status, box, label))
    return pictures


def edge_width(flow: float, biggest: float) -> float:
    """Stroke width in proportion to the square root of the flow (area reads as volume)."""
    if biggest <= 0 or flow <= 0:
        return theme.EDGE_MIN_WIDTH
    share = math.sqrt(min(flow / biggest, 1.0))
    return theme.EDGE_MIN_WIDTH + (theme.EDGE_MAX_WIDTH - theme.EDGE_MIN_WIDTH) * share


def node_pictures(facts: Facts, layout: Layout) -> list[NodePicture]:
    """Every laid-out node with its label, owner and actual volume per period."""
    period = facts.diagram.period.value
    outlines: dict[tuple[str, float, float], list[Path]] = {}
    marks: dict[tuple[str, float], tuple[Path, str]] = {}
    pictures = []
    for node in facts.diagram.nodes:
        rect = layout.nodes.get(node.id)
        if rect is None:
            continue
        kind = node.kind.value
        status = facts.node_status.get(node.id, "unmeasured")
        local = Rect(0.0, 0.0, rect.w, rect.h)
        shape = outlines.get((kind, rect.w, rect.h))
        if shape is None:
            shape = outlines[(kind, rect.w, rect.h)] = node_outline(kind, local)
        mark = marks.get((status, rect.w))
        if mark is None:
            mark = marks[(status, rect.w)] = status_mark(status, rect.w - 11, 11, 6.5)
        texts = node_texts(node, local, volume_text(facts.volume(node.id), period, facts.lang),
                           facts.lang)
        texts.append((rect.w - 11, 14.5, mark[1], "mark"))
        pictures.append(NodePicture(
            node.id, kind, status, (rect.x, rect.y), (rect.w, rect.h), shape,
            theme.NODE_FILL[kind], theme.NODE_BORDER[kind], mark[0],
            theme.STATUS_COLOR[status], texts))
    return pictures


def node_texts(node: Node, rect: Rect, volume: str, lang: str) -> list[Text]:
    """Label, owner and volume lines, elided to the node's text box and centred in it."""
    box = text_box(node.kind.value, rect)
    has_owner = bool(node.owner and node.owner.strip())
    lines = [(elide(node.title, box.w, theme.FONT_LABEL_PX), "node-label", theme.FONT_LABEL_PX),
             (elide(owner_text(node, lang), box.w, theme.FONT_SMALL_PX),
              "node-owner" if has_owner else "node-no-owner", theme.FONT_SMALL_PX)]
    if volume:
        lines.append((elide(volume, box.w, theme.FONT_SMALL_PX), "node-volume",
                      theme.FONT_SMALL_PX))
    gap = 4.0
    total = sum(size for _, _, size in lines) + gap * (len(lines) - 1)
    y = box.cy - total / 2
    texts = []
    for text, style, size in lines:
        y += size
        texts.append((box.cx, y - size * 0.12, text, style))
        y += gap
    return texts


def label_background(box: Rect) -> Path:
    """The rounded white plate under an edge label, so it stays readable over lines."""
    return rounded_rect(box, 3.0)
