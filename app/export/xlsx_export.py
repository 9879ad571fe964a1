"""Excel export (SPEC §5): the KPI table and the checklist as two sheets of one .xlsx.

The same rows as the CSV KPI table, but numbers are numbers (exact, not rounded for show),
rates carry a percent format, the header row is frozen and columns are wide enough for
Chinese. Filled in and saved, the first sheet imports back (`funnelflow actuals`).
openpyxl is imported only when an .xlsx is written.
"""

from __future__ import annotations

import io
import os
import unicodedata
from typing import Any

from app.analysis import Checklist, analyze
from app.analysis.messages import message_language
from app.export.csv_export import kpi_table
from app.io.atomic import write_atomic
from app.io.kpi_columns import COLUMNS, HEADERS, VOLUME
from app.model import KPI, Diagram, Measure, RateMeasure

PERCENT_FORMAT = "0.0%"
# No thousands separator: a sheet saved as CSV keeps the numbers as they are shown.
WHOLE_FORMAT = "0"
NUMBER_FORMAT = "0.00"
_SHEETS = {"en": ("KPIs", "Checklist"), "zh": ("KPI 表", "检查清单")}
_CHECKLIST = {
    "en": ("severity", "rule", "about", "message", "impact"),
    "zh": ("严重程度", "规则", "对象", "说明", "影响"),
}
_SEVERITY = {"zh": {"error": "错误", "warning": "警告", "info": "提示"}}
_MAX_WIDTH = 60


def export_xlsx(diagram: Diagram, out_path: str | os.PathLike[str], *,
                lang: str | None = None, report: Checklist | None = None) -> None:
    """Write the KPI table and the checklist to `out_path` atomically."""
    write_atomic(out_path, render_xlsx(diagram, lang=lang, report=report))


def render_xlsx(diagram: Diagram, *, lang: str | None = None,
                report: Checklist | None = None) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    lang = message_language(lang, diagram)
    if report is None or report.diagram is not diagram or report.lang != lang:
        report = analyze(diagram, lang)
    book = Workbook()
    kpis = book.active
    assert kpis is not None  # a new Workbook always starts with one worksheet
    kpis.title, checks = _SHEETS.get(lang, _SHEETS["en"])
    _header(kpis, HEADERS.get(lang, COLUMNS), Font)
    numeric = {COLUMNS.index(c) for c in ("target", "actual", "gap")}
    for _lane, row in kpi_table(diagram, lang, report):
        exact, rate = _exact(diagram, row, lang)
        cells = [exact.get(i, text) if i in numeric else text for i, text in enumerate(row)]
        kpis.append([_safe(value) for value in cells])
        for index in numeric:
            cell = kpis.cell(row=kpis.max_row, column=index + 1)
            if isinstance(cell.value, float):
                cell.number_format = PERCENT_FORMAT if rate else _number_format(cell.value)
    sheet = book.create_sheet(checks)
    _header(sheet, _CHECKLIST.get(lang, _CHECKLIST["en"]), Font)
    severity = _SEVERITY.get(lang, {})
    for finding in report.findings:
        sheet.append([severity.get(finding.severity, finding.severity), finding.rule,
                      _safe(finding.target or ""), _safe(finding.message),
                      None if finding.impact is None else round(finding.impact, 2)])
        sheet.cell(row=sheet.max_row, column=5).number_format = NUMBER_FORMAT
    for each in (kpis, sheet):
        _fit_columns(each)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _header(sheet: Any, names: tuple[str, ...], font: Any) -> None:
    sheet.append(list(names))
    for cell in sheet[1]:
        cell.font = font(bold=True)
    sheet.freeze_panes = "A2"  # the header stays in view while scrolling


def _exact(diagram: Diagram, row: list[str], lang: str) -> tuple[dict[int, float], bool]:
    """The row's target, actual and gap as exact numbers, and whether they are rates."""
    item, metric = row[-1], row[COLUMNS.index("metric")]
    measure: RateMeasure | Measure | KPI | None
    if "->" in item:
        edge = diagram.edge(*item.split("->", 1))
        assert edge is not None  # the KPI table's rows are the diagram's own edges
        measure, rate = edge.conversion, True
    else:
        node = diagram.node(item)
        assert node is not None  # ... and nodes
        kpi = next((k for k in node.kpis if k.name == metric), None)
        if kpi is None and metric == VOLUME.get(lang, VOLUME["en"]):
            measure, rate = node.volume, False
        else:
            measure, rate = kpi, bool(kpi and kpi.is_percent)
    values: dict[int, float] = {}
    target, actual = getattr(measure, "target", None), getattr(measure, "actual", None)
    if target is not None:
        values[COLUMNS.index("target")] = target
    if actual is not None:
        values[COLUMNS.index("actual")] = actual
    if target is not None and actual is not None:
        values[COLUMNS.index("gap")] = actual - target
    return values, rate


def _number_format(value: float) -> str:
    return WHOLE_FORMAT if float(value).is_integer() else NUMBER_FORMAT


def _safe(value: Any) -> Any:
    """Text stays text: openpyxl would store `=...` as a formula."""
    if isinstance(value, str) and value.startswith("="):
        return "'" + value
    return value


def _fit_columns(sheet: Any) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            shown = _shown(cell.value, cell.number_format)
            widths[cell.column] = max(widths.get(cell.column, 0), _display_width(shown))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, _MAX_WIDTH)


def _shown(value: Any, number_format: str) -> str:
    """About what the spreadsheet shows in the cell, to size its column."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if number_format == PERCENT_FORMAT:
            return f"{value:.1%}"
        return f"{value:.0f}" if number_format == WHOLE_FORMAT else f"{value:.2f}"
    return str(value)


def _display_width(text: str) -> int:
    """Columns a text takes: Chinese (wide) characters count two."""
    longest = max(text.split("\n"), key=len) if text else ""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest)
