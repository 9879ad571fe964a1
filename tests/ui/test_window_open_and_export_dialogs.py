"""Inspector scroll, the export dialog's filter, and a refused file at start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog
from test_window_helpers import make_window

from app.export.registry import EXPORTERS
from app.ui.files.export_dialog import ExportDialog

pytest_plugins = ["test_window_helpers"]
BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"


def test_inspector_scrolls_back_to_the_top_for_a_new_selection(qtbot, settings_store, dialogs):
    window = make_window(qtbot)
    window.resize(1000, 520)  # a short window: the node form needs scrolling
    qtbot.wait(10)
    window.inspector.show_node("nurture")
    bar = window.inspector_dock.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    window.scene.select_ids([], ["nurture->consult"])
    window.sync_selection()
    qtbot.wait(20)  # the scroll area takes the new size on its next layout pass
    assert window.inspector.subject == ("edge", ("nurture", "consult"))
    assert bar.value() == 0
    # The edge page is not as tall as the node page: no empty space to scroll into.
    assert window.inspector.height() <= window.inspector.edge_form.sizeHint().height() + 40 \
        or bar.maximum() == 0


def test_export_dialog_opens_on_the_filter_of_the_suggested_name(qtbot, tmp_path):
    dialog = ExportDialog(None, str(tmp_path / "mine.svg"), EXPORTERS)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert dialog.selectedNameFilter().endswith("(*.svg)")
    dialog = ExportDialog(None, str(tmp_path / "mine.csv"), EXPORTERS)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert dialog.selectedNameFilter().endswith("(*.csv)")
    assert [f for f in dialog.nameFilters() if "MD (" in f or "MMD (" in f] == []


def test_choosing_another_filter_changes_the_extension(qtbot, tmp_path):
    dialog = ExportDialog(None, str(tmp_path / "mine.svg"), EXPORTERS)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    pdf = next(f for f in dialog.nameFilters() if f.endswith("(*.pdf)"))
    dialog.selectNameFilter(pdf)
    dialog.filterSelected.emit(pdf)
    assert dialog.ext == ".pdf"
    assert Path(dialog.selectedFiles()[0]).name == "mine.pdf"


def test_a_refused_file_at_start_shows_an_empty_diagram_and_no_unchanged_claim(
        qtbot, settings_store, dialogs):
    from app.ui import main

    window = main.start_window(str(BAD / "tab.yaml"), "en")
    qtbot.addWidget(window)
    assert not window.session.diagram.nodes and len(window.session.diagram.lanes) == 1
    text = dialogs["box"][-1]
    assert "tab.yaml could not be opened" in text
    assert "unchanged" not in text and "empty diagram" in text


def test_the_load_error_dialog_offers_the_editor_and_the_folder(qtbot, monkeypatch):
    from app.io import DiagramFileError, load_diagram
    from app.ui.files import error_dialog

    opened = []
    monkeypatch.setattr(error_dialog, "open_url", opened.append)
    path = BAD / "tab.yaml"
    try:
        load_diagram(path)
    except DiagramFileError as error:
        dialog = error_dialog.LoadErrorDialog(path, error)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.editor_button.text() == "Open in text editor"
    dialog.editor_button.click()
    dialog.folder_button.click()
    assert opened == [path, path.parent]
    assert dialog.isVisible()  # still open: read the problems while fixing the file
