"""Output of `funnelflow check` (SPEC §5): text, Markdown, JSON and CSV, and the exit code.

Text is for a terminal (ANSI colour only when asked, i.e. on a tty); Markdown pastes into a
planning doc as a to-do list; JSON is exactly the SPEC §5 object; CSV is one row per finding.
"""

from __future__ import annotations

import csv
import io
import json

from app.analysis import Checklist
from app.analysis.grouping import Item, by_department, goal_line, plural_counts
from app.analysis.messages import number, period_word
from app.analysis.report import json_number
from app.io.escape import csv_cell, markdown, terminal

FORMATS = ("text", "md", "json", "csv")
CSV_BOM = "\ufeff"
CSV_HEADER = ("file", "rule", "severity", "target", "message", "impact")

_WORDS = {
    "en": {
        "heading": "Checklist",
        "top": "Top bottlenecks",
        "colon": ":",
        "error": "Errors",
        "clean": "No findings: the diagram passes every check.",
        "impact": "+{gain} per {period}",
        "sev_error": "error",
        "sev_warning": "warning",
        "sev_info": "info",
        "info_mark": "(info) ",
    },
    "zh": {
        "heading": "瓶颈清单",
        "top": "最大瓶颈",
        "colon": "：",
        "error": "错误",
        "clean": "没有发现问题：流程图通过了全部检查。",
        "impact": "{period} +{gain}",
        "sev_error": "错误",
        "sev_warning": "警告",
        "sev_info": "提示",
        "info_mark": "（提示）",
    },
}

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def _words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang, _WORDS["en"])


def format_reports(results: list[tuple[str, Checklist]], fmt: str, lang: str, color: bool,
                   several: bool | None = None) -> str:
    """The checklist of every (file, report) in `fmt` ("text", "md", "json" or "csv").

    JSON is one object, or a list when `several` files were asked for (by default: when
    there are several results) — also when only one of them could be read.
    """
    if fmt == "json":
        objects = [report.to_json(file) for file, report in results]
        listed = len(objects) != 1 if several is None else several
        payload = objects if listed else objects[0]
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        # The BOM tells Excel and LibreOffice it is UTF-8, as the exported CSV does.
        return CSV_BOM + _csv(results)
    if fmt == "md":
        return "\n".join(_markdown(file, report, lang) for file, report in results)
    if fmt == "text":
        return "\n".join(_text(file, report, lang, color) for file, report in results)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def exit_code(reports: list[Checklist], strict: bool) -> int:
    """1 when any report has an error finding (with `strict`, a warning too), else 0."""
    failing = ("error", "warning") if strict else ("error",)
    return 1 if any(r.summary[s] for r in reports for s in failing) else 0


def _impact(report: Checklist, impact: float, lang: str) -> str:
    return _words(lang)["impact"].format(
        gain=number(impact), period=period_word(lang, report.diagram.period.value)
    )


def _markdown(file: str, report: Checklist, lang: str) -> str:
    lang = report.lang or lang
    words = _words(lang)
    layout = by_department(report)
    title = markdown(" ".join((report.diagram.title or file).split()))  # one heading line
    lines = [f"# {words['heading']} — {title}", "", goal_line(report), ""]
    if layout.bottlenecks:
        lines += [f"## {words['top']}", ""]
        for rank, item in enumerate(layout.bottlenecks, start=1):
            impact = _impact(report, item.finding.impact or 0.0, lang)
            lines.append(f"{rank}. **{impact}** — {markdown(item.text)}")
        lines.append("")
    if not report.findings:
        lines += [words["clean"], ""]
    if layout.errors:
        lines += [f"## {words['error']}", ""]
        lines += [f"- [ ] {markdown(item.text)}" for item in layout.errors]
        lines.append("")
    for section in layout.sections:
        lines += [f"## {markdown(section.title)}", ""]
        for group in section.groups:
            if group.title:
                lines += [f"### {markdown(group.title)}", ""]
            for item in group.items:
                mark = words["info_mark"] if item.finding.severity == "info" else ""
                lines.append(f"- [ ] {mark}{markdown(item.text)}")
            if group.plan:
                lines += ["", f"> {markdown(group.plan)}"]
            lines.append("")
    lines += [plural_counts(report.summary, lang), ""]
    return "\n".join(lines)



def _text(file: str, report: Checklist, lang: str, color: bool) -> str:
    lang = report.lang or lang
    words = _words(lang)
    layout = by_department(report)

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    def finding_line(indent: str, item: Item) -> str:
        severity = item.finding.severity
        label = words[f"sev_{severity}"]
        # pad by the visible width so colour codes do not shift the columns
        padding = " " * max(1, 8 - _width(label))
        return f"{indent}{paint(label, _COLOURS[severity])}{padding}{terminal(item.text)}"

    # No terminal codes from the file's name or text: they could clear or retitle the screen.
    title = " ".join(terminal(report.diagram.title).split())
    header = f"{terminal(file)}: {title}" if title else terminal(file)
    lines = [paint(header, _BOLD), f"  {goal_line(report)}"]
    if layout.bottlenecks:
        lines += ["", f"  {words['top']}{words['colon']}"]
        for rank, item in enumerate(layout.bottlenecks, start=1):
            impact = _impact(report, item.finding.impact or 0.0, lang)
            lines.append(f"    {rank}. [{impact}] {terminal(item.text)}")
    if layout.errors:
        lines += ["", f"  {paint(words['error'] + words['colon'], _BOLD)}"]
        lines += [finding_line("    ", item) for item in layout.errors]
    for section in layout.sections:
        lines += ["", f"  {paint(terminal(section.title) + words['colon'], _BOLD)}"]
        for group in section.groups:
            indent = "    "
            if group.title:
                lines.append(f"    {terminal(group.title)}")
                indent = "      "
            lines += [finding_line(indent, item) for item in group.items]
            if group.plan:
                lines.append(f"{indent}{terminal(group.plan)}")
    if not report.findings:
        lines.append(f"  {words['clean']}")
    lines += ["", "  " + plural_counts(report.summary, lang)]
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _csv(results: list[tuple[str, Checklist]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for file, report in results:
        for f in report.findings:
            impact = "" if f.impact is None else repr(json_number(f.impact))
            writer.writerow([csv_cell(file), f.rule, f.severity, csv_cell(f.target or ""),
                             csv_cell(f.message), impact])
    return buffer.getvalue()

