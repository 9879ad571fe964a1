"""Markdown export: the picture, the bottleneck checklist and a KPI table per lane.

For planning docs and wikis (Feishu, WPS, Word, GitLab, Confluence): the diagram is referenced
as an SVG exported beside the Markdown file (same name, `.svg`), the checklist is the one
`funnelflow check --format md` prints (a `- [ ]` to-do list), and each lane gets a table of
its KPIs and conversions. Pure Python: no Qt.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.analysis import Checklist, analyze
from app.analysis.messages import message_language
from app.export.check_formats import format_reports
from app.export.csv_export import kpi_table
from app.export.svg_export import flag, render_svg
from app.io.atomic import write_atomic
from app.io.escape import markdown
from app.io.kpi_columns import COLUMNS
from app.model import Diagram

_WORDS = {
    "en": {"kpis": "KPIs by lane", "none": "No KPIs or measured conversions yet.",
           "diagram": "Diagram"},
    "zh": {"kpis": "各泳道 KPI", "none": "暂无 KPI 或已测量的转化率。", "diagram": "流程图"},
}
# Columns of the per-lane table: the lane is the section, so it is not repeated.
# The id is there for spreadsheets (the import reads it back), not for readers.
_TABLE_COLUMNS = [c for c in COLUMNS if c not in ("lane", "id")]
_HEADERS = {
    "en": ["Node", "Phase", "Owner", "Metric", "Target", "Actual", "Unit", "Status", "Gap",
           "Trend"],
    "zh": ["节点", "阶段", "负责人", "指标", "目标", "实际", "单位", "状态", "差距", "趋势"],
}
# A mark before the status word: scanning a long table for red is what readers do.
_STATUS_MARKS = {"on target": "✅", "off target": "❌", "达标": "✅", "未达标": "❌"}


def render_markdown(diagram: Diagram, *, lang: str | None = None, svg_name: str | None = None,
                    report: Checklist | None = None, file: str = "") -> str:
    """The Markdown text; `svg_name` is the picture to reference (None: no picture)."""
    lang = message_language(lang, diagram)
    if report is None or report.diagram is not diagram or report.lang != lang:
        report = analyze(diagram, lang)
    words = _WORDS.get(lang, _WORDS["en"])
    title = diagram.title or file or "FunnelFlow"
    parts = []
    if svg_name:
        parts.append(f"![{markdown(title)}]({_link(svg_name)})\n")
    parts.append(format_reports([(file or title, report)], "md", lang, False).rstrip() + "\n")
    parts.append(f"## {words['kpis']}\n")
    rows = kpi_table(diagram, lang, report)
    for lane in diagram.lanes:
        parts.append(f"### {markdown(lane.title)}\n")
        mine = [row for lane_id, row in rows if lane_id == lane.id]
        if not mine:
            parts.append(f"{words['none']}\n")
            continue
        headers = _HEADERS.get(lang, _HEADERS["en"])
        lines = ["| " + " | ".join(headers) + " |",
                 "|" + "|".join("---:" if h in ("Target", "Actual", "Gap", "目标", "实际", "差距")
                                else "---" for h in headers) + "|"]
        for row in mine:
            cells = dict(zip(COLUMNS, row, strict=True))
            status = cells["status"]
            cells["status"] = f"{_STATUS_MARKS[status]} {status}" if status in _STATUS_MARKS \
                else status
            lines.append("| " + " | ".join(markdown(cells[c]) for c in _TABLE_COLUMNS) + " |")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def export_markdown(diagram: Diagram, out_path: str | os.PathLike[str], *,
                    lang: str | None = None, svg: bool | str = True,
                    report: Checklist | None = None) -> None:
    """Write the Markdown to `out_path` and, unless `svg` is off, the SVG beside it.

    The SVG is written first: a Markdown file never points at a picture that is not there.
    """
    lang = message_language(lang, diagram)
    if report is None or report.diagram is not diagram or report.lang != lang:
        report = analyze(diagram, lang)
    out = Path(out_path)
    svg_name = None
    if flag(svg):
        svg_path = out.with_suffix(".svg")
        write_atomic(svg_path, render_svg(diagram, lang=lang, report=report).encode("utf-8"))
        svg_name = svg_path.name
    text = render_markdown(diagram, lang=lang, svg_name=svg_name, report=report,
                           file=diagram.title or out.stem)
    write_atomic(out, text.encode("utf-8"))


def _link(name: str) -> str:
    """A link target: plain when it can be (wikis and WPS read it), in <> with spaces etc."""
    if any(char in name for char in " ()<>[]"):
        return "<" + name.replace("<", "%3C").replace(">", "%3E") + ">"
    return name

