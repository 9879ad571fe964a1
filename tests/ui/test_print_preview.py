"""File → Print: Qt's print dialog with a preview shows the diagram split over readable pages
(lane titles repeated, page numbers) and the checklist after, like the A4 export."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from test_window_helpers import dialogs, make_window, settings_store  # noqa: F401 - fixtures

from app.io.templates import load_template
from app.render import paging
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
    for number in range(1, plan.count + 1):
        page = pages[number - 1]
        assert f"Page {number} of {plan.count}" in page
        for lane in diagram.lanes:
            assert lane.name in page.replace("\n", " "), (number, lane.name)
    assert "Bottleneck checklist" in pages[plan.count]


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
