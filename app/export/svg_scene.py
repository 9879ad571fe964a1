"""What the SVG shows, as plain data: bands, edges and nodes with their texts and marks.

Built from the shared geometry (app.render, including canvas_geometry for where marks, plates
and badges sit) and the analysed facts, with the same choices as the canvas painter
(app/ui/paint): the same colours, elisions, status marks, severity markers and handoff
badges, so an exported SVG looks like the designer. Pure Python: no Qt.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from functools import lru_cache

from app.export.facts import Facts
from app.model import Edge, Node
from app.render import labels, theme
from app.render.canvas_geometry import (
    MARK_RADIUS,
    flow_width,
    severity_marker_center,
    status_mark_center,
)
from app.render.labels import edge_text, shared_rate, volume_text
from app.render.layout import Layout, Rect
from app.render.shapes import Path, node_outline, rounded_rect, status_mark
from app.render.sizes import title_lines, word_breaks
from app.render.texts import node_lines, place_label

# Labels, owners and lane names repeat across a big diagram: measure each text once.
elide = lru_cache(maxsize=65536)(labels.elide)
text_width = lru_cache(maxsize=65536)(labels.text_width)

#: a text to draw: x, baseline y, the text, and its style name (see svg_text.STYLES)
Text = tuple[float, float, str, str]

SEVERITY_GLYPH = {"error": "×", "warning": "!", "info": "i"}
HANDOFF_GLYPH = "⇄"
_LINE_GAP = 3.0  # between the lines of text in a node, as on the canvas


@dataclass(frozen=True)
class BandPicture:
    """A lane or a phase: its band, header and title (lane titles wrap over lines)."""

    id: str
    title: str
    rect: Rect
    header: Rect
    fill: str
    header_fill: str
    accent: str
    texts: list[Text]


@dataclass(frozen=True)
class EdgePicture:
    """An edge: curve, arrow head, colour by status, and its label plate and handoff badge."""

    id: str
    source: str
    target: str
    path: Path
    arrow: Path
    color: str
    width: float
    handoff: bool
    status: str
    plate: Rect | None
    plate_stroke: str
    text: list[Text] | None  # the label's lines
    badge: tuple[float, float] | None
    whole: str | None = None  # the label's whole text when the lines had to cut it


@dataclass(frozen=True)
class NodePicture:
    """A node: outline(s), colours, texts and marks, relative to its top-left `origin`.

    Nodes of one kind and size share one outline list, so a writer formats it only once.
    """

    id: str
    kind: str
    status: str
    severity: str | None
    origin: tuple[float, float]
    outlines: list[Path]
    fill: str
    stroke: str
    mark: Path
    severity_mark: Path | None
    texts: list[Text]
    whole: str | None = None  # the whole title when the drawn lines had to cut it


def band_pictures(layout: Layout) -> tuple[list[BandPicture], list[BandPicture]]:
    """Lanes (tinted in their colour) and phases (grey headers), in drawing order."""
    lanes = []
    for band in layout.lanes:
        h = band.header
        lines = wrap(band.title, h.w - 20, theme.FONT_HEADER_PX)
        step = theme.FONT_HEADER_PX * 1.3
        lines = lines[:max(1, int((h.h - 16) // step))]
        top = h.cy - step * len(lines) / 2
        texts = [(h.x + 12 + (h.w - 20) / 2, top + step * i + theme.FONT_HEADER_PX, line,
                  "lane-title") for i, line in enumerate(lines)]
        lanes.append(BandPicture(band.id, band.title, band.rect, h,
                                 theme.tint(band.color, 0.94), theme.tint(band.color, 0.78),
                                 band.color, texts))
    phases = []
    for band in layout.phases:
        h = band.header
        title = elide(band.title, h.w - 16, theme.FONT_HEADER_PX)
        phases.append(BandPicture(
            band.id, band.title, band.rect, h, "none", theme.HEADER_FILL, theme.GRID_INK,
            [(h.cx, h.cy + theme.FONT_HEADER_PX * 0.36, title, "phase-title")]))
    return lanes, phases


def edge_pictures(facts: Facts, layout: Layout, flow_thickness: bool = False) -> list[EdgePicture]:
    """Every routed edge; with `flow_thickness`, wider for more people."""
    diagram = facts.diagram
    nodes = diagram.node_index()
    biggest = max(facts.report.flows.get("actual", {}).values(), default=0.0)
    outgoing: dict[str, list[Edge]] = {}
    for edge in diagram.edges:
        outgoing.setdefault(edge.source, []).append(edge)
    plate_strokes = {status: theme.tint(color, 0.45) for status, color in theme.EDGE_COLOR.items()}
    pictures = []
    for edge in diagram.edges:
        edge_id = edge.id  # a property that formats a string: ask once
        route = layout.routes.get(edge_id)
        if route is None:
            continue
        status = facts.edge_status.get(edge_id, "unmeasured")
        handoff = nodes[edge.source].lane != nodes[edge.target].lane
        width = (round(flow_width(facts.flow(edge_id), biggest), 1) if flow_thickness
                 else theme.EDGE_MIN_WIDTH)
        # As on the canvas: an edge sharing a remainder says so ("≈50% (shared)").
        shared = shared_rate(outgoing[edge.source], edge) if edge.conversion is None else None
        whole = edge_text(edge, facts.lang, shared)
        place = place_label(route, whole, handoff)
        texts = None
        if place.plate is not None:
            texts = [(cx, cy + theme.FONT_EDGE_PX * 0.36, line, f"edge-label-{status}")
                     for cx, cy, line in place.lines]
        pictures.append(EdgePicture(
            edge_id, edge.source, edge.target, list(route.path), list(route.arrow),
            theme.EDGE_COLOR[status], width, handoff, status, place.plate,
            plate_strokes[status], texts, place.badge,
            whole if place.cut else None))
    return pictures


def node_pictures(facts: Facts, layout: Layout) -> list[NodePicture]:
    """Every laid-out node with its label, owner, actual volume, status and severity marks."""
    period = facts.diagram.period.value
    outlines: dict[tuple[str, float, float], list[Path]] = {}
    marks: dict[tuple[str, str, float, float], tuple[Path, str]] = {}
    pictures = []
    for node in facts.diagram.nodes:
        rect = layout.nodes.get(node.id)
        if rect is None:
            continue
        kind = node.kind.value
        status = facts.node_status.get(node.id, "unmeasured")
        severity = facts.node_severity.get(node.id)
        local = Rect(0.0, 0.0, rect.w, rect.h)
        shape = outlines.get((kind, rect.w, rect.h))
        if shape is None:
            shape = outlines[(kind, rect.w, rect.h)] = node_outline(kind, local)
        mx, my = status_mark_center(local, kind)
        mark = marks.get((status, kind, rect.w, rect.h))
        if mark is None:
            mark = marks[(status, kind, rect.w, rect.h)] = status_mark(status, mx, my,
                                                                       MARK_RADIUS)
        texts = node_texts(node, local, volume_text(facts.volume(node.id), period, facts.lang),
                           facts.lang)
        texts.append((mx, my + 3.4, mark[1], "mark"))
        severity_mark = None
        if severity is not None:
            sx, sy = severity_marker_center(local, kind)
            severity_mark = rounded_rect(Rect(sx - MARK_RADIUS, sy - MARK_RADIUS,
                                              2 * MARK_RADIUS, 2 * MARK_RADIUS), 2.5)
            texts.append((sx, sy + 3.4, SEVERITY_GLYPH[severity], "mark"))
        pictures.append(NodePicture(
            node.id, kind, status, severity, (rect.x, rect.y), shape, theme.NODE_FILL[kind],
            theme.NODE_BORDER[kind], mark[0], severity_mark, texts,
            node.title if title_lines(node)[1] else None))
    return pictures


def node_texts(node: Node, rect: Rect, volume: str, lang: str) -> list[Text]:
    """Title (wrapped as the layout sized it), owner and volume, centred in the text box."""
    def cut(text: str, width: float, key: str) -> str:
        return elide(text, width, theme.FONT_SMALL_PX)

    styles = {"label": "node-label", "owner": "node-owner", "no-owner": "node-no-owner",
              "volume": "node-volume"}
    return [(line.cx, line.top + line.font_px * 1.16, line.text, styles[line.key])
            for line in node_lines(node, rect.w, rect.h, lang, volume, cut)]


def wrap(text: str, width: float, font_px: float) -> list[str]:
    """`text` broken into lines no wider than `width`: at spaces, or anywhere between CJK."""
    lines: list[str] = []
    line = ""
    for word in word_breaks(text):
        candidate = line + word
        if line and text_width(candidate.rstrip(), font_px) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return [elide(x, width, font_px) for x in lines] or [""]


def darker(color: str, factor: float = 1.7) -> str:
    """`color` with its HSV value divided by `factor` (QColor.darker(170) in the canvas)."""
    red, green, blue = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, saturation, value = colorsys.rgb_to_hsv(red, green, blue)
    mixed = colorsys.hsv_to_rgb(hue, saturation, value / factor)
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in mixed))


#: corner radius of the plate under an edge label (as the canvas draws it)
PLATE_RADIUS = 4.0


def label_background(box: Rect) -> Path:
    """The rounded plate under an edge label, as path commands (for painters without rx)."""
    return rounded_rect(box, PLATE_RADIUS)
