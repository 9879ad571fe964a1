"""CSV export: the KPI table, one row per KPI and per measured conversion, for Excel and WPS.

UTF-8 with a byte-order mark, because Excel on Chinese Windows otherwise reads the file as
GBK and shows mojibake; cells a spreadsheet would run as a formula (= + - @, tab, CR) get a
leading apostrophe, except plain numbers such as -0.6%. Pure Python: no Qt.
"""

from __future__ import annotations

import csv
import io
import os

from app.analysis import Checklist
from app.analysis.messages import message_language
from app.analysis.trends import arrow, trends
from app.export.facts import gather, kpi_status
from app.io.atomic import write_atomic
from app.io.escape import csv_cell
from app.io.kpi_columns import COLUMNS, CONVERSION, HEADERS, VOLUME
from app.model import KPI, Diagram, Edge, Measure, Node
from app.render.labels import format_rate

_STATUS = {
    "en": {"on": "on target", "off": "off target", "unmeasured": "unmeasured"},
    "zh": {"on": "达标", "off": "未达标", "unmeasured": "未测量"},
}
BOM = "\ufeff"


def escape_cell(value: str) -> str:
    """Neutralise a cell a spreadsheet would evaluate as a formula (OWASP CSV injection)."""
    return csv_cell(value)


def kpi_rows(diagram: Diagram, lang: str | None = None,
             report: Checklist | None = None) -> list[list[str]]:
    """The table's rows without the header: every node's KPIs, then every measured conversion."""
    return [row for _lane, row in kpi_table(diagram, lang, report)]


def kpi_table(diagram: Diagram, lang: str | None = None,
              report: Checklist | None = None) -> list[tuple[str, list[str]]]:
    """(lane id, row) for every KPI and measured conversion; a conversion counts in the lane
    of the step it leaves. Cells are not yet escaped for a spreadsheet."""
    lang = message_language(lang, diagram)
    facts = gather(diagram, lang, report)
    status_words = _STATUS.get(lang, _STATUS["en"])
    arrows = {key: arrow(trend.values) for key, trend in trends(diagram).items()}
    rows: list[tuple[str, list[str]]] = []
    for node in diagram.nodes:
        if node.volume is not None:
            rows.append((node.lane, [*_where(diagram, node), VOLUME.get(lang, VOLUME["en"]),
                                     *_volume_cells(node.volume, status_words),
                                     arrows.get(node.id, ""), node.id]))
        for kpi in node.kpis:
            rows.append((node.lane, [*_where(diagram, node), kpi.name,
                                     _kpi_value(kpi, kpi.target), _kpi_value(kpi, kpi.actual),
                                     kpi.unit or "", status_words[kpi_status(kpi)],
                                     _kpi_gap(kpi), arrows.get(f"{node.id}/{kpi.name}", ""),
                                     node.id]))
    nodes = diagram.node_index()
    for edge in diagram.edges:
        if edge.conversion is None:
            continue
        status = status_words[facts.edge_status.get(edge.id, "unmeasured")]
        rows.append((nodes[edge.source].lane, [*_conversion_row(diagram, edge, lang, status),
                                               arrows.get(edge.id, ""), edge.id]))
    return rows


def _volume_cells(volume: Measure, status_words: dict[str, str]) -> list[str]:
    """target, actual, unit, status and gap of a volume (more people is better)."""
    target, actual = volume.target, volume.actual
    if target is None or actual is None:
        status, gap = "unmeasured", ""
    else:
        status = "off" if actual < target else "on"
        gap = _signed(_plain(actual - target))
    return ["" if target is None else _plain(target), "" if actual is None else _plain(actual),
            "", status_words[status], gap]


def render_csv(diagram: Diagram, *, lang: str | None = None,
               report: Checklist | None = None) -> str:
    """The KPI table as CSV text, starting with a BOM, header row in `lang`."""
    lang = message_language(lang, diagram)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # CRLF: what RFC 4180 and Excel expect
    writer.writerow(HEADERS.get(lang, COLUMNS))
    for row in kpi_rows(diagram, lang, report):
        writer.writerow([escape_cell(cell) for cell in row])
    return BOM + out.getvalue()


def export_csv(diagram: Diagram, out_path: str | os.PathLike[str], *,
               lang: str | None = None, report: Checklist | None = None) -> None:
    """Write the KPI table to `out_path` atomically."""
    write_atomic(out_path, render_csv(diagram, lang=lang, report=report).encode("utf-8"))


def _where(diagram: Diagram, node: Node) -> list[str]:
    """node, lane, phase and owner cells of a node, in the names users gave them."""
    lane = diagram.lane(node.lane)
    phase = diagram.phase(node.phase) if node.phase else None
    return [node.title, lane.title if lane else node.lane, phase.title if phase else "",
            node.owner or ""]


def _conversion_row(diagram: Diagram, edge: Edge, lang: str, status: str) -> list[str]:
    nodes = diagram.node_index()
    source, target = nodes[edge.source], nodes[edge.target]
    node, lane, phase, owner = _where(diagram, source)
    target_lane = diagram.lane(target.lane)
    if target.lane != source.lane and target_lane is not None:
        lane = f"{lane} → {target_lane.title}"  # a handoff between departments
    metric = CONVERSION.get(lang, CONVERSION["en"])
    if edge.label:
        metric = f"{metric} ({edge.label})"
    measure = edge.conversion
    assert measure is not None  # only measured conversions get a row
    gap = ("" if measure.target is None or measure.actual is None
           else _signed_rate(measure.actual - measure.target))
    return [f"{node} → {target.title}", lane, phase, owner, metric,
            format_rate(measure.target) if measure.target is not None else "",
            format_rate(measure.actual) if measure.actual is not None else "",
            "%", status, gap]


def _kpi_value(kpi: KPI, value: float | None) -> str:
    if value is None:
        return ""
    return format_rate(value) if kpi.is_percent else _plain(value)


def _kpi_gap(kpi: KPI) -> str:
    """actual − target, signed, in the KPI's unit (blank until both are known)."""
    if kpi.target is None or kpi.actual is None:
        return ""
    difference = kpi.actual - kpi.target
    return _signed_rate(difference) if kpi.is_percent else _signed(_plain(difference))


def _plain(value: float) -> str:
    """A number a spreadsheet parses: no thousands separator, no float noise."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _signed(text: str) -> str:
    return text if text.startswith("-") or text == "0" else "+" + text


def _signed_rate(value: float) -> str:
    return _signed(_plain(round(value * 100, 4)) + "%") if value else "0%"
