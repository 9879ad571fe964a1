"""File → Print: Qt's print dialog with a preview shows the diagram split over readable pages
(lane titles repeated, page numbers) and the checklist after, like the A4 export."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from test_window_helpers import dialogs, make_window, settings_store  # noqa: F401 - fixtures

from app.analysis import analyze
from app.io.templates import load_template
from app.render import paging
from app.ui.export.paper import FOOTER_HEIGHT, HEADER_HEIGHT, DiagramPicture
from app.ui.export.pdf import _margins
from app.ui.export.print_dialog import print_diagram


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_printing_to_a_pdf_printer_gives_numbered_pages_then_the_checklist(qtbot, tmp_path,
                                                                          fonts):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Landscape, _margins(),
                                      QPageLayout.Unit.Millimeter))
    diagram = load_template("full-funnel", "en")
    plan = print_diagram(printer, diagram, "en")
    assert plan.count > 1 and paging.min_text_pt(plan.scale) >= paging.MIN_TEXT_PT - 1e-9
    text = subprocess.run(["pdftotext", str(tmp_path / "printed.pdf"), "-"],
                          capture_output=True, text=True, check=True, timeout=60).stdout
    pages = text.split("\f")
    # The full funnel is taller than a landscape page at the least readable scale: rows of
    # pages. Each page names the lanes whose part it shows, beside that part.
    picture = DiagramPicture(diagram, analyze(diagram, "en"), "en")
    assert [title for _, _, title, _ in picture.lanes] == [lane.name for lane in diagram.lanes]
    column_x, column_w = picture.lane_column
    area = printer.pageLayout().paintRectPoints()
    column = (area.left() + (column_x + column_w) * plan.scale * paging.POINTS_PER_PX,
              area.top() + HEADER_HEIGHT * paging.POINTS_PER_PX,
              area.bottom() - FOOTER_HEIGHT * paging.POINTS_PER_PX)
    named = set()
    for number, tile in enumerate(plan.tiles, 1):
        assert f"Page {number} of {plan.count}" in pages[number - 1]
        headers = _words_in(tmp_path / "printed.pdf", number, column)
        shown = [title for y0, y1, title, _ in picture.lanes
                 if min(y1, tile.y + tile.h) - max(y0, tile.y) > paging.OVERLAP]
        assert shown, number
        for lane in shown:  # its words in order (the PDF also holds clipped marks there)
            rest = iter(headers.split())
            assert all(word in rest for word in lane.split()), (number, lane, headers)
        named.update(shown)
    assert named == {lane.name for lane in diagram.lanes}  # no lane left off the paper
    assert "Bottleneck checklist" in pages[plan.count]


def _words_in(pdf, page: int, column: tuple[float, float, float]) -> str:
    """The words of `page` lying wholly left of `right` and between `top` and `bottom`
    (`column`, points), in reading order: the lane header column on the page (a lane title
    wraps over two lines there; text Qt clipped away is still in the PDF, outside)."""
    right, top, bottom = column
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf),
                          "-"], capture_output=True, text=True, check=True, timeout=60).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)</word>', out)
    words = sorted((float(y0), float(x0), w) for x0, y0, x1, y1, w in found
                   if float(x1) <= right + 1 and float(y0) >= top - 1
                   and float(y1) <= bottom + 1)
    return " ".join(w for _, _, w in words)


@pytest.mark.usefixtures("settings_store", "dialogs")
def test_file_print_opens_the_preview_with_every_page(qtbot):
    window = make_window(qtbot)
    act = window.actions.print
    assert act in window.actions.file_menu.actions()
    assert act.text().replace("&", "").startswith("Print")
    act.trigger()
    dialog = window.print_dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    qtbot.waitUntil(lambda: preview.pageCount() > 2, timeout=10_000)
    dialog.close()
