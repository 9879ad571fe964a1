"""PDF export: the diagram as vector graphics, then the bottleneck checklist pages.

The first page holds the diagram painted by the canvas' painter, sized to the diagram
(`--page fit`); on A4, A3 or Letter a diagram too wide for one readable page is split across
several (app/ui/export/paper.py), under a header with the title and the date; the checklist
follows on A4 pages laid out by QTextDocument. QPdfWriter embeds the subset of the bundled
font it uses, so Chinese reads the same on a machine without CJK fonts. Headless.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPicture,
    QTextDocument,
)

from app.analysis import Checklist, analyze
from app.analysis.grouping import by_department, goal_line, plural_counts
from app.analysis.messages import message_language, number, period_word
from app.export.svg_export import flag
from app.io.atomic import write_atomic
from app.model import Diagram
from app.render import theme
from app.render.layout import layout
from app.render.paging import best_plan
from app.ui.export.paper import DiagramPicture, paint_pages, room
from app.ui.export.png import paint_picture, picture_size
from app.ui.export.svg_outline import _has_display, qt_gui_application
from app.ui.export.text_breaks import breakable

PAGES = {"fit": None, "a4": QPageSize.PageSizeId.A4, "a3": QPageSize.PageSizeId.A3,
         "letter": QPageSize.PageSizeId.Letter}
DPI = 96  # one scene unit is one pixel at 96 dpi, as on screen
HEADER_HEIGHT = 44.0  # scene units above the diagram on its page
PAGE_MARGIN_MM = 12.0
MAX_PAGE_POINTS = 14_400.0  # 200 inches, the largest page PDF 1.x readers accept

_WORDS = {
    "en": {"checklist": "Bottleneck checklist", "top": "Top bottlenecks", "error": "Errors",
           "warning": "Warnings", "info": "Info", "clean": "No findings: every check passes.",
           "impact": "+{gain} per {period}", "info_mark": "(info) ", "exported": "Exported {date}",
           "page": "Page {n}"},
    "zh": {"checklist": "瓶颈清单", "top": "最大瓶颈", "error": "错误", "warning": "警告",
           "info": "提示", "clean": "没有发现问题:流程图通过了全部检查。",
           "impact": "{period} +{gain}", "info_mark": "（提示）", "exported": "导出于 {date}",
           "page": "第 {n} 页"},
}


def render_pdf(diagram: Diagram, *, lang: str | None = None, page: str = "fit",
               flow_thickness: bool | str = False, report: Checklist | None = None,
               date: dt.date | None = None, pages_wide: int | str | None = None) -> bytes:
    """The PDF file's bytes: the diagram page(s), the checklist pages, then the dashboard.

    `page`: fit (one page the size of the diagram), A4, A3 or Letter (as many pages as the
    diagram needs for no text under 7 pt, in the orientation that takes fewest);
    `pages_wide`: spread the diagram over that many pages across (A4/A3/Letter).
    """
    charts = _widgets_application()
    qt_gui_application()
    from app.ui.fonts import register_fonts

    register_fonts()
    lang = message_language(lang, diagram)
    key = str(page).strip().lower()
    if key not in PAGES:
        raise ValueError(f"--page must be fit, A4, A3 or Letter, got {page!r}")
    wide = _pages_wide(pages_wide)
    if wide is not None and PAGES[key] is None:
        key = "a4"  # pages wide means paper: A4 unless another size is named
    flow_thickness = flag(flow_thickness)
    if report is None or report.diagram is not diagram or report.lang != lang:
        report = analyze(diagram, lang)
    words = _WORDS.get(lang, _WORDS["en"])
    stamp = words["exported"].format(date=(date or dt.date.today()).isoformat())
    geometry = layout(diagram)

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(diagram.title or "FunnelFlow")
    writer.setCreator("FunnelFlow")
    if PAGES[key] is None:
        _fit_page(writer, diagram, report, lang, geometry, flow_thickness, stamp, charts)
        return _finish(buffer, data)
    picture = DiagramPicture(diagram, report, lang, flow_thickness=flow_thickness,
                             geometry=geometry)
    layouts = {o: QPageLayout(QPageSize(PAGES[key]), o, _margins(), QPageLayout.Unit.Millimeter)
               for o in (QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait)}
    orientation, plan = best_plan((picture.width, picture.height),
                                  {o: room(page_layout) for o, page_layout in layouts.items()},
                                  picture.headers, wide)
    writer.setPageLayout(layouts[orientation])
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("Qt could not start the PDF")
    try:
        painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        paint_pages(writer, painter, picture, plan, lang,
                    lambda p, rect: _header(p, rect, diagram.title, stamp))
        _checklist_pages(writer, painter, report, lang, diagram.title, stamp)
        if charts:
            _dashboard_page(writer, painter, diagram, lang, stamp)
    finally:
        painter.end()
    return _finish(buffer, data)


def _finish(buffer: QBuffer, data: QByteArray) -> bytes:
    buffer.close()
    return bytes(data.data())


def _pages_wide(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValueError(f"--pages-wide must be a whole number of pages, got {value!r}") from None
    if not 1 <= number <= 100:
        raise ValueError(f"--pages-wide must be between 1 and 100, got {number}")
    return number


def _fit_page(writer: QPdfWriter, diagram: Diagram, report: Checklist, lang: str, geometry,
              flow_thickness: bool, stamp: str, charts: bool) -> None:
    """`--page fit`: one page the size of the picture plus its header, then the checklist
    (and the dashboard when `charts`)."""
    width, height, legend = picture_size(diagram, lang, geometry, flow_thickness)
    size = QSizeF(width * 72 / DPI, (height + HEADER_HEIGHT) * 72 / DPI)
    # Acrobat and Word refuse pages over 200 inches: shrink the page, the vector
    # drawing follows (it is scaled to the page below) and stays sharp when zoomed.
    longest = max(size.width(), size.height())
    if longest > MAX_PAGE_POINTS:
        size *= MAX_PAGE_POINTS / longest
    writer.setPageLayout(QPageLayout(QPageSize(size, QPageSize.Unit.Point, "FunnelFlow"),
                                     QPageLayout.Orientation.Portrait, QMarginsF()))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("Qt could not start the PDF")
    try:
        painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        area = writer.pageLayout().paintRectPixels(DPI)
        _header(painter, QRectF(0, 0, area.width(), HEADER_HEIGHT), diagram.title, stamp)
        room_h = area.height() - HEADER_HEIGHT
        scale = min(1.0, area.width() / width, room_h / height)
        # Recorded at 100% and replayed scaled: the canvas painter leaves out text it thinks
        # too small to read on screen, but a PDF is vector and is zoomed into.
        picture = QPicture()
        recorder = QPainter(picture)
        recorder.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        paint_picture(recorder, diagram, report, lang, legend, flow_thickness=flow_thickness,
                      geometry=geometry)
        recorder.end()
        painter.save()
        painter.translate((area.width() - width * scale) / 2, HEADER_HEIGHT)
        painter.scale(scale, scale)
        painter.drawPicture(QPointF(0, 0), picture)
        painter.restore()
        _checklist_pages(writer, painter, report, lang, diagram.title, stamp)
        if charts:
            _dashboard_page(writer, painter, diagram, lang, stamp)
    finally:
        painter.end()


def export_pdf(diagram: Diagram, out_path: str | os.PathLike[str], *, lang: str | None = None,
               page: str = "fit", flow_thickness: bool | str = False,
               report: Checklist | None = None, pages_wide: int | str | None = None) -> None:
    """Write the PDF to `out_path` atomically (never a partial file)."""
    write_atomic(out_path, render_pdf(diagram, lang=lang, page=page,
                                      flow_thickness=flow_thickness, report=report,
                                      pages_wide=pages_wide))


def checklist_html(report: Checklist, lang: str) -> str:
    """The checklist as simple HTML for QTextDocument, laid out for people as the Markdown
    one is (SPEC §4): goals, top bottlenecks, errors, then each lane's to-do list."""
    words = _WORDS.get(lang, _WORDS["en"])
    period = period_word(lang, report.diagram.period.value)
    todo = by_department(report)
    parts = [f"<h1>{html.escape(words['checklist'])}</h1>",
             f"<p>{html.escape(goal_line(report))}</p>"]
    if todo.bottlenecks:
        parts.append(f"<h2>{html.escape(words['top'])}</h2><ol>")
        for item in todo.bottlenecks:
            gain = words["impact"].format(gain=number(item.finding.impact or 0.0),
                                          period=period)
            parts.append(f"<li><b>{html.escape(gain)}</b> — {html.escape(item.text)}</li>")
        parts.append("</ol>")
    if not report.findings:
        parts.append(f"<p>{html.escape(words['clean'])}</p>")
    if todo.errors:
        color = theme.SEVERITY_COLOR["error"]
        parts.append(f'<h2 style="color:{color}">{html.escape(words["error"])} '
                     f'({len(todo.errors)})</h2><ul style="list-style-type:none">')
        parts += [f"<li>☐ {html.escape(item.text)}</li>" for item in todo.errors]
        parts.append("</ul>")
    for section in todo.sections:
        parts.append(f"<h2>{html.escape(section.title)}</h2>")
        for group in section.groups:
            if group.title:
                parts.append(f"<h3>{html.escape(group.title)}</h3>")
            parts.append('<ul style="list-style-type:none">')
            for item in group.items:
                # ☐ keeps the to-do look of the Markdown checklist on paper; infos are grey.
                mark = words["info_mark"] if item.finding.severity == "info" else ""
                parts.append(f"<li>☐ {html.escape(mark + item.text)}</li>")
            parts.append("</ul>")
            if group.plan:
                parts.append(f"<p><i>{html.escape(group.plan)}</i></p>")
    parts.append(f"<p>{html.escape(plural_counts(report.summary, lang))}</p>")
    return "\n".join(parts)


def _checklist_pages(writer: QPagedPaintDevice, painter: QPainter, report: Checklist, lang: str,
                     title: str, stamp: str) -> int:
    """Lay the checklist out on A4 portrait pages after the diagram; returns their count."""
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, _margins(),
                                     QPageLayout.Unit.Millimeter))
    writer.newPage()
    area = writer.pageLayout().paintRectPixels(DPI)
    document = QTextDocument()
    document.setDefaultFont(_font(11.0))
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(f"h1 {{ font-size: 18px; color: {theme.INK}; }} "
                                  f"h2 {{ font-size: 14px; }} h3 {{ font-size: 12px; }} "
                                  f"li {{ margin-bottom: 4px; }}")
    document.setHtml(breakable(checklist_html(report, lang)))  # linear in a long label
    body = QSizeF(area.width(), area.height() - HEADER_HEIGHT)
    document.setPageSize(body)
    count = document.pageCount()
    for index in range(count):
        if index:
            writer.newPage()
        _header(painter, QRectF(0, 0, area.width(), HEADER_HEIGHT), title, stamp)
        painter.save()
        painter.translate(0, HEADER_HEIGHT - index * body.height())
        document.drawContents(painter, QRectF(0, index * body.height(),
                                              body.width(), body.height()))
        painter.restore()
    return count


_APPLICATION: list[object] = []  # keeps a headless QApplication alive for the process


def _widgets_application() -> bool:
    """Whether charts can be drawn: pyqtgraph needs a QApplication, not only a GUI one."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    if QGuiApplication.instance() is None:
        if not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _APPLICATION.append(QApplication(sys.argv[:1] or ["funnelflow"]))
    return isinstance(QGuiApplication.instance(), QApplication)


def _dashboard_page(writer: QPdfWriter, painter: QPainter, diagram: Diagram, lang: str,
                    stamp: str) -> None:
    """The dashboard's charts (SPEC §6) on an A4 landscape page of their own."""
    from app.ui.dashboard import render_dashboard  # lazy: pyqtgraph

    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, _margins(),
                                     QPageLayout.Unit.Millimeter))
    writer.newPage()
    area = writer.pageLayout().paintRectPixels(DPI)
    _header(painter, QRectF(0, 0, area.width(), HEADER_HEIGHT), diagram.title, stamp)
    render_dashboard(painter, QRectF(0, HEADER_HEIGHT, area.width(),
                                     area.height() - HEADER_HEIGHT), diagram, lang)


def _header(painter: QPainter, rect: QRectF, title: str, stamp: str) -> None:
    """Title on the left, export date on the right, a rule under both."""
    painter.save()
    painter.setPen(QColor(theme.INK))
    painter.setFont(_font(15.0, bold=True))
    baseline = rect.y() + rect.height() * 0.62
    painter.drawText(QPointF(rect.x() + 12, baseline), title or "FunnelFlow")
    painter.setFont(_font(11.0))
    painter.setPen(QColor(theme.MUTED_INK))
    advance = painter.fontMetrics().horizontalAdvance(stamp)
    painter.drawText(QPointF(rect.right() - 12 - advance, baseline), stamp)
    painter.setPen(QColor(theme.GRID_INK))
    painter.drawLine(QPointF(rect.x(), rect.bottom() - 4), QPointF(rect.right(), rect.bottom() - 4))
    painter.restore()


def _font(px: float, bold: bool = False) -> QFont:
    from app.ui.fonts import ui_families

    font = QFont()
    font.setFamilies(ui_families())
    font.setPixelSize(round(px))
    font.setBold(bold)
    return font


def _margins() -> QMarginsF:
    return QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM)
