"""SVG export: a self-describing picture of the diagram that tools can read back.

Written as strings from the model (no XML DOM, no QSvgGenerator: 5,000 nodes in a few tens of
milliseconds). Lanes, phases, edges and nodes are groups with stable ids and classes
(`node kind-goal status-off`) and carry their data as data-* attributes; text is live text
with a CJK-capable font-family list, or glyph outlines with `outline_text`. Pure Python unless
`outline_text` is asked for.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterator
from typing import Protocol

from app.analysis import Checklist
from app.analysis.messages import message_language
from app.export import registry
from app.export.facts import Facts, gather, kpi_status
from app.export.svg_legend import Legend, build_legend
from app.export.svg_scene import (
    HANDOFF_GLYPH,
    PLATE_RADIUS,
    BandPicture,
    EdgePicture,
    band_pictures,
    darker,
    edge_pictures,
    node_pictures,
)
from app.export.svg_text import LiveText, esc, num, path_data, style_block
from app.io.atomic import write_atomic
from app.model import Diagram, Measure, Node
from app.model.axes import LANE, PHASE, AnyAxis
from app.render import theme
from app.render.canvas_geometry import BADGE_RADIUS
from app.render.labels import period_noun
from app.render.layout import Layout, layout

MARGIN = 12.0


class TextWriter(Protocol):
    """Writes one text at (x, y) in a style: live `<text>` (svg_text) or glyph outlines."""

    outline: bool

    def __call__(self, x: float, y: float, text: str, style: str) -> str: ...


def register_outline_text(factory: Callable[[], TextWriter]) -> None:
    """Make `render_svg(outline_text=True)` use the writers `factory` makes (kept in the
    registry: app/ui/export/__init__.py registers Qt's glyph outlines there)."""
    registry.register_outline_text(factory)
_DESC = {
    "en": "FunnelFlow diagram “{title}”: {lanes} lanes, {phases} phases, {nodes} steps, "
          "{edges} connections; goal volume per {period}: target {target}, actual {actual}.",
    "zh": "FunnelFlow 流程图“{title}”:{lanes} 个泳道,{phases} 个阶段,{nodes} 个步骤,"
          "{edges} 条连线;每{period}目标达成量:目标 {target},实际 {actual}。",
}


def render_svg(diagram: Diagram, *, lang: str | None = None, outline_text: bool = False,
               flow_thickness: bool = False, report: Checklist | None = None) -> str:
    """The diagram as SVG text, with its legend; `lang` for the legend and the description.

    `lang` defaults to the diagram's own language; `flow_thickness` draws edges wider the
    more people move along them (the canvas' view option); `report` saves re-analysing.
    """
    lang = message_language(lang, diagram)
    text: TextWriter
    if outline_text:
        outline_writer = registry.outline_text_factory()
        if outline_writer is None:
            raise RuntimeError("outlined text needs Qt's glyph outlines: "
                               "import app.ui.export first (the command line does)")
        text = outline_writer()
    else:
        text = LiveText()
    # Analysing, laying out and writing make hundreds of thousands of short-lived objects;
    # the collector would only walk the big live diagram again and again (a third of the
    # writing time at 5,000 nodes, a tenth of the analysis and layout).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        facts = gather(diagram, lang, report)
        geometry = layout(diagram)
        return "".join(_document(facts, geometry, text, flow_thickness))
    finally:
        if was_enabled:
            gc.enable()


def export_svg(diagram: Diagram, out_path: str | os.PathLike[str], *, lang: str | None = None,
               outline_text: bool | str = False, flow_thickness: bool | str = False,
               report: Checklist | None = None) -> None:
    """Write the SVG to `out_path` atomically (never a partial file)."""
    svg = render_svg(diagram, lang=lang, outline_text=flag(outline_text),
                     flow_thickness=flag(flow_thickness), report=report)
    write_atomic(out_path, svg.encode("utf-8"))


def flag(value: bool | str) -> bool:
    """A yes/no option that may come from the command line as text (`--outline-text no`)."""
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("", "1", "true", "yes", "on"):
            return True
        if word in ("0", "false", "no", "off"):
            return False
        raise ValueError(f"expected yes or no, got {value!r}")
    return bool(value)


def _document(facts: Facts, geometry: Layout, text: TextWriter,
              flow_thickness: bool) -> Iterator[str]:
    diagram = facts.diagram
    bounds = geometry.bounds
    legend = build_legend(facts.lang, bounds.w, flow_thickness)
    width = max(bounds.w, legend.width) + 2 * MARGIN
    height = bounds.h + legend.height + 2 * MARGIN
    title = diagram.title or "FunnelFlow"
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
           f'width="{num(width)}" height="{num(height)}" '
           f'viewBox="{num(-MARGIN)} {num(-MARGIN)} {num(width)} {num(height)}" '
           f'role="img" aria-labelledby="diagram-title diagram-desc" '
           f'data-generator="FunnelFlow" data-format="1" '
           f'lang="{"zh-CN" if facts.lang == "zh" else "en"}" '
           f'data-period="{diagram.period.value}"'
           + (f' data-currency="{esc(diagram.currency)}"' if diagram.currency else "")
           + ">\n")
    yield f'<title id="diagram-title">{esc(title)}</title>\n'
    yield f'<desc id="diagram-desc">{esc(_description(facts))}</desc>\n'
    yield f"<style>\n{_css(text.outline)}\n</style>\n"
    yield (f'<rect class="background" x="{num(-MARGIN)}" y="{num(-MARGIN)}" '
           f'width="{num(width)}" height="{num(height)}"/>\n')
    lanes, phases = band_pictures(geometry)
    yield '<g id="lanes">\n'
    for band in lanes:
        yield from _band(band, LANE, text)
    yield "</g>\n<g id=\"phases\">\n"
    for band in phases:
        yield from _band(band, PHASE, text)
    yield "</g>\n"
    edges = edge_pictures(facts, geometry, flow_thickness)
    yield from _edges(facts, edges)
    yield from _nodes(facts, geometry, text)
    yield from _edge_labels(edges, text)
    yield from _legend(legend, bounds.bottom, text)
    yield "</svg>\n"


def _css(outline: bool) -> str:
    return "\n".join([
        f".background{{fill:{theme.CANVAS}}}",
        f".band-line{{fill:none;stroke:{theme.GRID_INK};stroke-width:1}}",
        ".edge path.curve{fill:none;stroke-linecap:round}",
        ".edge.handoff path.curve{stroke-dasharray:"
        + ",".join(num(v) for v in theme.HANDOFF_DASH) + "}",
        ".edge-label .plate{fill:#FFFFFF;stroke-width:1}",
        ".node .outline{stroke-width:1.6}",
        style_block(outline),
    ])


def _band(band: BandPicture, axis: AnyAxis, text: TextWriter) -> Iterator[str]:
    r, h = band.rect, band.header
    yield (f'<g id="{axis.name}-{esc(band.id)}" class="{axis.name}" data-id="{esc(band.id)}" '
           f'data-name="{esc(band.title)}">')
    if axis is LANE:  # a tinted body with a coloured header; a phase is only its header
        yield (f'<rect class="band" x="{num(r.x)}" y="{num(r.y)}" width="{num(r.w)}" '
               f'height="{num(r.h)}" fill="{band.fill}"/>'
               f'<rect class="header" x="{num(h.x)}" y="{num(h.y)}" width="{num(h.w)}" '
               f'height="{num(h.h)}" fill="{band.header_fill}"/>'
               f'<rect class="accent" x="{num(h.x)}" y="{num(h.y)}" width="5" '
               f'height="{num(h.h)}" fill="{band.accent}"/>'
               f'<path class="band-line" d="M{num(r.x)} {num(r.bottom)}H{num(r.right)}"/>'
               f'<g class="title" fill="{darker(band.accent)}">')
        yield "".join(text(*item) for item in band.texts) + "</g></g>\n"
    else:
        yield (f'<rect class="header" x="{num(h.x)}" y="{num(h.y)}" width="{num(h.w)}" '
               f'height="{num(h.h)}" fill="{band.header_fill}"/>'
               f'<path class="band-line" d="M{num(r.x)} {num(r.y)}V{num(r.bottom)}'
               f'M{num(h.x)} {num(h.bottom)}H{num(h.right)}"/>')
        yield "".join(text(*item) for item in band.texts) + "</g>\n"


def _edges(facts: Facts, pictures: list[EdgePicture]) -> Iterator[str]:
    edges = {e.id: e for e in facts.diagram.edges}
    flows_target = facts.report.flows.get("target", {})
    flows_actual = facts.report.flows.get("actual", {})
    yield '<g id="edges">\n'
    for picture in pictures:
        edge_id = picture.id
        edge = edges[edge_id]
        classes = f"edge status-{picture.status}" + (" handoff" if picture.handoff else "")
        data: list[tuple[str, object]] = [
            ("from", edge.source), ("to", edge.target), ("label", edge.label),
                ("status", picture.status)]
        if edge.conversion is not None:
            data += [("conversion-target", edge.conversion.target),
                     ("conversion-actual", edge.conversion.actual)]
        data += _measure("duration", edge.duration)
        data += [("flow-target", flows_target.get(edge_id)),
                 ("flow-actual", flows_actual.get(edge_id))]
        yield (f'<g id="edge-{esc(edge_id)}" class="{classes}"{_attrs(data)}>'
               f'<path class="curve" d="{path_data(picture.path)}" stroke="{picture.color}" '
               f'stroke-width="{num(picture.width)}"/>'
               f'<path class="arrow" d="{path_data(picture.arrow)}" fill="{picture.color}"/>'
               "</g>\n")
    yield "</g>\n"


def _edge_labels(pictures: list[EdgePicture], text: TextWriter) -> Iterator[str]:
    """Handoff badges and label plates, above the nodes as on the canvas: none is hidden."""
    yield '<g id="edge-labels">\n'
    for picture in pictures:
        if picture.badge is None and picture.text is None:
            continue
        parts = [f'<g class="edge-label status-{picture.status}" data-edge="{esc(picture.id)}">']
        if picture.badge is not None:
            bx, by = picture.badge
            parts.append(f'<circle class="badge" cx="{num(bx)}" cy="{num(by)}" '
                         f'r="{num(BADGE_RADIUS)}" fill="{picture.color}"/>'
                         + text(bx, by + 3.4, HANDOFF_GLYPH, "mark"))
        if picture.text is not None:
            plate = picture.plate
            assert plate is not None  # a label always has its plate
            parts.append(f'<rect class="plate" x="{plate.x:.1f}" y="{plate.y:.1f}" '
                         f'width="{plate.w:.1f}" height="{plate.h:.1f}" rx="{PLATE_RADIUS:g}" '
                         f'stroke="{picture.plate_stroke}"/>'
                         + "".join(text(*line) for line in picture.text))
            if picture.whole is not None:  # cut: the whole text as a tooltip
                parts.append(f"<title>{esc(picture.whole)}</title>")
        yield "".join(parts) + "</g>\n"
    yield "</g>\n"


def _nodes(facts: Facts, geometry: Layout, text: TextWriter) -> Iterator[str]:
    nodes = facts.diagram.node_index()
    outline_data: dict[int, str] = {}  # pictures of one kind share their outline list
    mark_data: dict[int, str] = {}
    yield '<g id="nodes">\n'
    for picture in node_pictures(facts, geometry):
        node = nodes[picture.id]
        outlines = outline_data.get(id(picture.outlines))
        if outlines is None:
            outlines = outline_data[id(picture.outlines)] = "".join(
                f'<path class="outline" d="{path_data(o)}" fill="{picture.fill}" '
                f'stroke="{picture.stroke}"/>' for o in picture.outlines)
        mark = mark_data.get(id(picture.mark))
        if mark is None:
            mark = mark_data[id(picture.mark)] = (
                f'<path class="mark" d="{path_data(picture.mark)}" '
                f'fill="{theme.STATUS_COLOR[picture.status]}"/>')
        if picture.severity_mark is not None and picture.severity is not None:
            mark += (f'<path class="severity severity-{picture.severity}" '
                     f'd="{path_data(picture.severity_mark)}" '
                     f'fill="{theme.SEVERITY_COLOR[picture.severity]}"/>')
        x, y = picture.origin
        yield (f'<g id="node-{esc(node.id)}" class="node kind-{picture.kind} '
               f'status-{picture.status}" transform="translate({x:.1f} {y:.1f})"'
               f'{_attrs(_node_data(facts, node))}>'
               + (f"<title>{esc(picture.whole)}</title>" if picture.whole is not None else "")
               + f'{outlines}{mark}'
               + "".join(text(*item) for item in picture.texts) + "</g>\n")
    yield "</g>\n"


def _node_data(facts: Facts, node: Node) -> list[tuple[str, object]]:
    """The node's data as data-* pairs: what a tool re-reading the SVG needs."""
    data: list[tuple[str, object]] = [
        ("label", node.label), ("kind", node.kind.value), ("lane", node.lane),
        ("phase", node.phase), ("owner", node.owner),
        ("status", facts.node_status.get(node.id)),
        ("severity", facts.node_severity.get(node.id)),
    ]
    data += _measure("volume", node.volume)
    data += [("volume-computed-target", facts.volume(node.id, "target")),
             ("volume-computed-actual", facts.volume(node.id, "actual")),
             ("capacity", node.capacity)]
    data += _measure("duration", node.duration)
    data += [("cost", node.cost), ("value", node.value)]
    if node.kpis:
        kpis = [{"name": k.name, "target": k.target, "actual": k.actual, "unit": k.unit,
                 "better": k.better.value, "status": kpi_status(k)} for k in node.kpis]
        data.append(("kpis", json.dumps(kpis, ensure_ascii=False, separators=(",", ":"))))
    return data


def _measure(name: str, measure: Measure | None) -> list[tuple[str, object]]:
    if measure is None:
        return []
    return [(f"{name}-target", measure.target), (f"{name}-actual", measure.actual)]


def _attrs(pairs: list[tuple[str, object]]) -> str:
    """` data-name="value"` for every pair with a value; numbers without float noise."""
    parts = []
    for name, value in pairs:  # one loop, no call per value: ~100,000 at 5,000 nodes
        if value is None or value == "":
            continue
        if type(value) is float:  # numbers without float noise
            text = str(int(value)) if value.is_integer() else repr(round(value, 6))
        else:
            text = esc(value if type(value) is str else str(value))
        parts.append(f' data-{name}="{text}"')
    return "".join(parts)


def _legend(legend: Legend, top: float, text: TextWriter) -> Iterator[str]:
    yield f'<g id="legend" class="legend" transform="translate(0 {num(top)})">'
    for shape in legend.shapes:
        attrs = [f'fill="{shape.fill or "none"}"']
        if shape.stroke:
            attrs.append(f'stroke="{shape.stroke}" stroke-width="{num(shape.width)}"')
        if shape.dash:
            attrs.append(f'stroke-dasharray="{",".join(num(v) for v in shape.dash)}"')
        yield f'<path class="{shape.role}" d="{path_data(shape.path)}" {" ".join(attrs)}/>'
    for label in legend.labels:
        if label.glyph:
            yield text(label.x, label.y, label.text, "mark")
        else:
            yield text(label.x, label.y, label.text, "legend-title" if label.bold else "legend")
    yield "</g>\n"


def _description(facts: Facts) -> str:
    diagram, report = facts.diagram, facts.report
    period = diagram.period.value
    return _DESC.get(facts.lang, _DESC["en"]).format(
        title=diagram.title or "FunnelFlow", lanes=len(diagram.lanes),
        phases=len(diagram.phases), nodes=len(diagram.nodes), edges=len(diagram.edges),
        period=period_noun(facts.lang, period),
        target=_round(report.goals.get("target")), actual=_round(report.goals.get("actual")))


def _round(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}".rstrip("0").rstrip(".")
