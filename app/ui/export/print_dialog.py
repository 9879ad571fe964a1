"""File → Print: Qt's print dialog with a preview, the diagram split over pages as on paper.

The same pages as `export --page A4|A3|Letter` (app/ui/export/paper.py) in the size and orientation
chosen in the dialog: lane titles repeated, page numbers, no diagram text under 7 pt; the
checklist pages after.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from app.analysis import analyze
from app.render import paging
from app.ui.export import pdf as export_pdf
from app.ui.export.paper import DPI, DiagramPicture, paint_pages, room


def print_diagram(printer: QPrinter, diagram, lang: str, report=None,
                  date: dt.date | None = None) -> paging.PagePlan:
    """Paint `diagram` on `printer` (a real printer, a PDF, or the preview): its pages, then
    the checklist. Returns the page plan of the diagram."""
    from app.ui.fonts import register_fonts

    register_fonts()
    if report is None or report.diagram is not diagram or report.lang != lang:
        report = analyze(diagram, lang)
    printer.setResolution(DPI)  # paper units are pixels at 96 dpi, as in the PDF export
    picture = DiagramPicture(diagram, report, lang)
    plan = paging.plan((picture.width, picture.height), room(printer.pageLayout()),
                       picture.headers)
    words = export_pdf._WORDS.get(lang, export_pdf._WORDS["en"])
    stamp = words["exported"].format(date=(date or dt.date.today()).isoformat())
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Qt could not start printing")
    try:
        hints = QPainter.RenderHint
        painter.setRenderHints(hints.Antialiasing | hints.TextAntialiasing)
        paint_pages(printer, painter, picture, plan, lang,
                    lambda p, rect: export_pdf._header(p, QRectF(rect), diagram.title, stamp))
        export_pdf._checklist_pages(printer, painter, report, lang, diagram.title, stamp)
    finally:
        painter.end()
    return plan


class _Preview(QPrintPreviewDialog):
    """The print dialog with its printer: Qt's dialog does not own the printer it is given."""

    def __init__(self, printer: QPrinter, parent) -> None:
        super().__init__(printer, parent)
        self.kept_printer = printer


def preview(window) -> QPrintPreviewDialog:
    """Open the print dialog's preview for the designer's diagram (A4 landscape to start)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Landscape, export_pdf._margins(),
                                      QPageLayout.Unit.Millimeter))
    printer.setDocName(window.session.diagram.title or "FunnelFlow")
    dialog = _Preview(printer, window)
    lang = getattr(window.live, "lang", "en")
    dialog.paintRequested.connect(
        lambda device: print_diagram(device, window.session.diagram, lang,
                                     getattr(window.scene, "report", None)))
    dialog.open()
    return dialog
