"""The main window: title and unsaved mark, files, recent files, layout, language, status."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_window_helpers import analysed, full_funnel, make_window, type_into

from app.io import dumps_diagram, load_diagram
from app.model.commands import UpdateNode
from app.ui import i18n
from app.ui.files.file_actions import recent_files

# the shared fixtures (window, dialogs, settings_store) live in test_window_helpers
pytest_plugins = ["test_window_helpers"]


def test_title_shows_the_file_and_the_unsaved_mark(qtbot, window):
    assert window.windowTitle().startswith("Untitled")
    assert not window.isWindowModified()
    window.session.execute(UpdateNode("seo", {"label": "SEO+"}))
    assert window.isWindowModified()
    window.session.undo_stack.undo()
    assert not window.isWindowModified()


def test_docks_toolbar_and_menus_are_there(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Diagram", "&Help"]
    kinds = [window.palette_dock.palette_list.item(r).text() for r in range(5)]
    assert kinds == ["Entry", "Step", "Decision", "Goal", "Exit"]
    assert window.inspector_dock.isVisible() and window.checklist_dock.isVisible()
    toolbar = [a.iconText() for a in window.actions.toolbar.actions() if a.iconText()]
    for expected in ("New", "New from template", "Open", "Save", "Undo", "Redo", "Zoom in",
                     "Zoom out", "Actual size", "Fit diagram", "Find"):
        assert expected in toolbar


def test_save_as_then_save_writes_canonical_yaml(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "funnel"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    window.session.execute(UpdateNode("seo", {"owner": "张伟"}))
    assert window.actions.save.isEnabled()
    window.actions.save.trigger()  # untitled: Save asks for a name
    saved = tmp_path / "funnel.yaml"
    assert saved.read_text(encoding="utf-8") == dumps_diagram(window.session.diagram)
    assert window.session.path == saved and not window.isWindowModified()
    assert window.windowTitle().startswith("funnel.yaml")
    window.session.execute(UpdateNode("seo", {"owner": "李娜"}))
    window.actions.save.trigger()
    assert load_diagram(saved) == window.session.diagram
    assert recent_files() == [str(saved.resolve())]


def test_a_failed_save_keeps_the_document_modified_and_offers_save_as(
        qtbot, window, dialogs, tmp_path):
    window.session.execute(UpdateNode("seo", {"owner": "张伟"}))
    assert not window.files.save_to(tmp_path / "no-such-folder" / "f.yaml")
    assert window.session.modified
    assert dialogs["critical"] and "could not be saved" in dialogs["critical"][0]


def test_open_a_refused_file_shows_located_problems_and_changes_nothing(
        qtbot, window, dialogs, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("funnelflow: 1\nlanes:\n  - {id: m}\nnodes:\n  - {id: a, lane: nowhere}\n",
                   encoding="utf-8")
    before = window.session.diagram
    assert not window.files.open(bad)
    assert window.session.diagram == before and window.session.path is None
    assert "bad.yaml:5:" in dialogs["box"][0] and "nowhere" in dialogs["box"][0]


def test_open_good_file_and_recent_menu(qtbot, window, tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(dumps_diagram(full_funnel().evolve(title="Other")), encoding="utf-8")
    assert window.files.open(good)
    assert window.session.diagram.title == "Other"
    assert window.windowTitle().startswith("good.yaml")
    window.actions.recent_menu.aboutToShow.emit()
    entries = [a.text() for a in window.actions.recent_menu.actions()]
    assert entries == ["&1  good.yaml"]
    # after an edit, opening asks first; Cancel keeps the document
    window.session.execute(UpdateNode("seo", {"label": "x"}))
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.files.open(good)
    assert window.session.diagram.node("seo").label == "x"


def test_closing_with_unsaved_changes_asks(qtbot, window, dialogs, monkeypatch):
    window.session.execute(UpdateNode("seo", {"label": "x"}))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    assert window.close()


def test_new_from_template_replaces_the_document_untitled(qtbot, window, tmp_path):
    window.session.set_path(tmp_path / "x.yaml")
    assert window.files.new_from_template("lead-nurture")
    assert window.session.path is None
    assert window.session.diagram == load_diagram(
        Path(__file__).parents[2] / "resources/templates/en/lead-nurture.yaml")
    assert not window.session.undo_stack.canUndo()


def test_template_dialog_lists_templates_by_their_translated_title(qtbot):
    from app.ui.files.template_dialog import TemplateDialog

    dialog = TemplateDialog("zh")
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(r).text() for r in range(dialog.list.count())]
    assert "全链路营销漏斗" in texts
    assert not any("full-funnel" in t or "aarrr" in t for t in texts)
    assert all(not dialog.list.item(r).icon().isNull() for r in range(dialog.list.count()))
    dialog.list.setCurrentRow(texts.index("全链路营销漏斗"))
    assert dialog.chosen() == "full-funnel"
    assert "全链路" in dialog.about.text() and dialog.about.wordWrap()
    assert dialog.preview.pixmap().width() > 0


def test_window_layout_is_remembered(qtbot, settings_store, dialogs):
    first = make_window(qtbot)
    first.resize(1000, 700)
    first.checklist_dock.hide()
    first.save_layout()
    second = make_window(qtbot)
    second.restore_layout()
    assert second.checklist_dock.isHidden()
    # (the offscreen screen is small: Qt fits a restored geometry to the screen)
    assert settings_store.value("window/geometry") == first.saveGeometry()


def test_status_bar_shows_goal_actual_against_target(window):
    report = analysed(window)
    actual, target = report.goals["actual"], report.goals["target"]
    share = round(actual / target * 100)
    assert window.status.goal.text() == (
        f"Goal: {actual:,.0f} / {target:,.0f} per month ({share}%)")


def test_switching_language_rewords_the_checklist(qtbot, window, settings_store):
    assert analysed(window).lang == "en"
    window.set_language(i18n.CHINESE)
    try:
        assert window.live.lang == "zh"
        report = analysed(window)
        assert report.lang == "zh" and "目标" in report.findings[0].message
        assert window.checklist.finding_items()[0].text(0).count("目标") >= 1
    finally:
        window.set_language(i18n.ENGLISH)


def test_an_illegal_edit_is_refused_with_a_message(qtbot, window):
    from app.model import Edge
    from app.model.commands import AddItems

    before = window.session.diagram
    exit_node = next(n.id for n in before.nodes if n.kind.value == "exit")
    assert not window.session.execute(AddItems(edges=(Edge(source=exit_node, target="seo"),)))
    assert "is an exit, where a path ends" in window.status.currentMessage()
    assert not window.session.execute(AddItems(edges=(Edge(source="ads", target="landing"),)))
    assert "already connected" in window.status.currentMessage()
    assert window.session.diagram == before and window.session.undo_stack.count() == 0


def test_find_bar_goes_to_matching_nodes(qtbot, window, monkeypatch):
    centred = []
    monkeypatch.setattr(window.view, "center_on_target", centred.append)
    window.actions.find.trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "landing")
    assert centred[-1] == "landing"
    assert window.find_bar.count.text() == "1 of 1"
    qtbot.keyClicks(window.find_bar.field, "zzz")
    assert window.find_bar.count.text() == "No match"


def test_zoom_actions_show_the_zoom_level(window):
    window.actions.zoom_reset.trigger()
    assert window.status.zoom.text() == "Zoom 100%"
    window.actions.zoom_in.trigger()
    assert window.status.zoom.text() != "Zoom 100%" or window.view.transform().m11() == 1.0


def test_undo_all_returns_to_the_opened_document(qtbot, window):
    opened = window.session.diagram
    window.inspector.show_node("seo")
    type_into(qtbot, window.inspector.node_form.label, "Search")
    window.add_lane()
    window.session.execute(UpdateNode("ads", {"owner": None}))
    while window.session.undo_stack.canUndo():
        window.actions.undo.trigger()
    assert window.session.diagram == opened and not window.isWindowModified()
    while window.session.undo_stack.canRedo():
        window.actions.redo.trigger()
    assert window.session.diagram.node("seo").label == "Search"
    assert len(window.session.diagram.lanes) == len(opened.lanes) + 1
