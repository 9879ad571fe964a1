"""The canonical YAML writer: one fixed layout, so saving is deterministic and idempotent.

Written by hand rather than with yaml.dump so that the layout never changes with a PyYAML
release: keys in SPEC §2 order, lanes, phases and KPIs one flow mapping per line, nodes and
edges in block style, rates as percentages, Chinese as Chinese, one final newline.
`dumps_diagram(loads_diagram(dumps_diagram(d))) == dumps_diagram(d)` for every diagram.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from app.io.atomic import write_atomic
from app.io.schema import SCHEMA_URL
from app.io.yaml_scalars import literal_block, number, percent, text
from app.model import (
    FORMAT_VERSION,
    KPI,
    RULE_IDS,
    ChecklistSettings,
    Diagram,
    Edge,
    HistoryEntry,
    Lane,
    Measure,
    Node,
    Phase,
    RateMeasure,
)

SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_URL}"


def dumps_diagram(diagram: Diagram) -> str:
    """The diagram in canonical YAML text."""
    return "\n".join(_document(diagram)) + "\n"


def save_diagram(diagram: Diagram, path: str | os.PathLike[str]) -> None:
    """Write the diagram to `path` atomically: the old file survives any failure."""
    write_atomic(path, dumps_diagram(diagram).encode("utf-8"))


def _document(diagram: Diagram) -> Iterator[str]:
    yield SCHEMA_LINE
    yield f"funnelflow: {FORMAT_VERSION}"
    yield f"title: {text(diagram.title)}"
    yield f"period: {diagram.period.value}"
    if diagram.currency:
        yield f"currency: {text(diagram.currency)}"
    if diagram.notes:
        yield f"notes: {_long_text(diagram.notes, '  ')}"
    yield "lanes:"
    yield from (f"  - {_lane(lane)}" for lane in diagram.lanes)
    if diagram.phases:
        yield "phases:"
        yield from (f"  - {_phase(phase)}" for phase in diagram.phases)
    if diagram.nodes:
        yield "nodes:"
        for node in diagram.nodes:
            yield from _node(node)
    if diagram.edges:
        yield "edges:"
        for edge in diagram.edges:
            yield from _edge(edge)
    yield from _checklist(diagram.checklist)
    if diagram.history:
        yield "history:"
        for entry in diagram.history:
            yield from _history_entry(diagram, entry)


def _checklist(settings: ChecklistSettings) -> Iterator[str]:
    """`checklist:` with its keys in SPEC §2 order; nothing when the diagram has no settings."""
    if settings.is_empty:
        return
    yield "checklist:"
    if settings.disable:
        yield f"  disable: [{', '.join(settings.disable)}]"
    if settings.severity:
        pairs = [(rule, settings.severity[rule]) for rule in RULE_IDS if rule in settings.severity]
        yield f"  severity: {_flow(pairs)}"


def _flow(pairs: Sequence[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"


def _lane(lane: Lane) -> str:
    pairs = [("id", text(lane.id, flow=True))]
    if lane.name:
        pairs.append(("name", text(lane.name, flow=True)))
    if lane.color:
        pairs.append(("color", text(lane.color, flow=True)))
    return _flow(pairs)


def _phase(phase: Phase) -> str:
    pairs = [("id", text(phase.id, flow=True))]
    if phase.name:
        pairs.append(("name", text(phase.name, flow=True)))
    return _flow(pairs)


def _node(node: Node) -> Iterator[str]:
    lines = [("id", text(node.id))]
    if node.label:
        lines.append(("label", _long_text(node.label, "      ")))
    lines.append(("kind", node.kind.value))
    lines.append(("lane", text(node.lane)))
    if node.phase is not None:
        lines.append(("phase", text(node.phase)))
    if node.owner:
        lines.append(("owner", _long_text(node.owner, "      ")))
    for key in ("volume", "capacity", "duration", "cost", "value"):
        value = getattr(node, key)
        if value is not None:
            lines.append((key, _measure(value) if isinstance(value, Measure) else number(value)))
    first, *rest = lines
    yield f"  - {first[0]}: {first[1]}"
    yield from (f"    {key}: {value}" for key, value in rest)
    if node.kpis:
        yield "    kpis:"
        yield from (f"      - {_kpi(kpi)}" for kpi in node.kpis)
    for key in ("notes", "contingency"):
        value = getattr(node, key)
        if value:
            yield f"    {key}: {_long_text(value, '      ')}"
    for key in ("x", "y"):
        value = getattr(node, key)
        if value is not None:
            yield f"    {key}: {number(value)}"


def _edge(edge: Edge) -> Iterator[str]:
    yield f"  - from: {text(edge.source)}"
    yield f"    to: {text(edge.target)}"
    if edge.label:
        yield f"    label: {_long_text(edge.label, '      ')}"
    if edge.conversion is not None:
        yield f"    conversion: {_measure(edge.conversion, rate=True)}"
    if edge.duration is not None:
        yield f"    duration: {_measure(edge.duration)}"


def _measure(measure: Measure | RateMeasure, *, rate: bool = False) -> str:
    spell = percent if rate else number
    if measure.is_bare and measure.target is not None:
        return spell(measure.target)
    pairs = [(key, spell(getattr(measure, key)))
             for key in ("target", "actual") if getattr(measure, key) is not None]
    return _flow(pairs)


def _kpi(kpi: KPI) -> str:
    has_value = kpi.target is not None or kpi.actual is not None
    # A percent KPI is written as percentages, which says "%" by itself.
    spell = percent if kpi.is_percent and has_value else number
    pairs = [("name", text(kpi.name, flow=True))]
    pairs += [(key, spell(getattr(kpi, key)))
              for key in ("target", "actual") if getattr(kpi, key) is not None]
    if kpi.unit is not None and not (kpi.is_percent and has_value):
        pairs.append(("unit", text(kpi.unit, flow=True)))
    pairs.append(("better", kpi.better.value))
    return _flow(pairs)


def _history_entry(diagram: Diagram, entry: HistoryEntry) -> Iterator[str]:
    """One closed period; nodes and edges in the diagram's order, one flow line each, so
    closing a period adds lines at the end of the file and changes none above."""
    yield f"  - period: {text(entry.period)}"
    if entry.nodes:
        yield "    nodes:"
        for node in diagram.nodes:
            actuals = entry.nodes.get(node.id)
            if actuals is None:
                continue
            pairs = [(key, number(getattr(actuals, key))) for key in ("volume", "duration")
                     if getattr(actuals, key) is not None]
            if actuals.kpis:
                percent_kpis = {k.name for k in node.kpis if k.is_percent}
                kpis = [(text(k.name, flow=True),
                         (percent if k.name in percent_kpis else number)(actuals.kpis[k.name]))
                        for k in node.kpis if k.name in actuals.kpis]
                pairs.append(("kpis", _flow(kpis)))
            yield f"      {text(node.id)}: {_flow(pairs)}"
    if entry.edges:
        yield "    edges:"
        for edge in diagram.edges:
            actuals = entry.edges.get(edge.id)
            if actuals is None:
                continue
            pairs = []
            if actuals.conversion is not None:
                pairs.append(("conversion", percent(actuals.conversion)))
            if actuals.duration is not None:
                pairs.append(("duration", number(actuals.duration)))
            yield f"      {text(edge.id)}: {_flow(pairs)}"


def _long_text(value: str, indent: str) -> str:
    """Text that may span lines: a literal block when it does, else one scalar."""
    return literal_block(value, indent) or text(value)
