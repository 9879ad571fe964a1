"""Issue 7 in the real window: saving never loses anything, and the user is always told."""

from __future__ import annotations

import os

from PySide6.QtCore import QSaveFile
from test_window_helpers import full_funnel

from app.io import dumps_diagram, load_diagram
from app.model.commands import UpdateNode
from app.ui.files import safe_save, safeguards
from app.ui.files.backups import Backups
from app.ui.files.comment_notice import CARRY

pytest_plugins = ["test_window_helpers"]


def saved_file(window, tmp_path, title="ours"):
    path = tmp_path / "plan.yaml"
    window.safeguards.backups = Backups(tmp_path / "data")
    window.session.replace(full_funnel().evolve(title=title), None)
    assert window.files.save_to(path)
    return path


def test_a_failed_replace_keeps_the_file_and_the_edits_and_says_why(
        qtbot, window, dialogs, tmp_path, monkeypatch):
    path = saved_file(window, tmp_path)
    before = path.read_bytes()

    class Locked(QSaveFile):
        def commit(self) -> bool:
            self.cancelWriting()
            super().commit()
            return False

    monkeypatch.setattr(safe_save, "QSaveFile", Locked)
    window.session.execute(UpdateNode("seo", {"owner": "张伟"}))
    assert not window.files.save_to(path)
    assert path.read_bytes() == before and window.session.modified
    assert "could not be saved" in dialogs["critical"][0]
    assert "locked or busy" in dialogs["critical"][0]


def test_a_file_changed_by_a_colleague_is_not_overwritten_silently(
        qtbot, window, dialogs, tmp_path, monkeypatch):
    path = saved_file(window, tmp_path)
    theirs = dumps_diagram(full_funnel().evolve(title="theirs"))
    path.write_text(theirs, "utf-8")
    asked = []
    monkeypatch.setattr(safeguards, "ask_about_newer_file",
                        lambda parent, error: asked.append(error.path) or safe_save.CANCEL)
    window.session.execute(UpdateNode("seo", {"owner": "张伟"}))
    assert not window.files.save_to(path)
    assert asked == [path] and path.read_text("utf-8") == theirs and window.session.modified
    # "Replace theirs" is an explicit choice: then the save goes through.
    monkeypatch.setattr(safeguards, "ask_about_newer_file",
                        lambda parent, error: safe_save.OVERWRITE)
    assert window.files.save_to(path)
    assert load_diagram(path) == window.session.diagram and not window.session.modified


def test_external_change_shows_the_bar_and_reload_is_undoable(qtbot, window, tmp_path):
    path = saved_file(window, tmp_path)
    window.session.execute(UpdateNode("seo", {"owner": "我的修改"}))
    mine = window.session.diagram
    theirs = full_funnel().evolve(title="theirs")
    temp = tmp_path / "incoming.tmp"
    temp.write_text(dumps_diagram(theirs), "utf-8")
    os.replace(temp, path)  # what `git pull` does
    qtbot.waitUntil(lambda: not window.safeguards.bar.isHidden(), timeout=5000)
    assert "plan.yaml" in window.safeguards.bar.message()
    window.safeguards.bar.reload_button.click()
    assert window.session.diagram == theirs and not window.session.modified
    window.session.undo_stack.undo()
    assert window.session.diagram == mine  # nothing the user typed is lost


def test_keep_mine_marks_the_document_unsaved_and_the_next_save_wins(qtbot, window, tmp_path):
    path = saved_file(window, tmp_path)
    path.write_text(dumps_diagram(full_funnel().evolve(title="theirs")), "utf-8")
    assert window.safeguards.watcher.check_now()
    window.safeguards.keep_mine()
    assert window.session.modified
    assert window.files.save_to(path)
    assert load_diagram(path).title == "ours"


def test_a_hostile_file_is_explained_and_the_document_stays(qtbot, window, dialogs, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("funnelflow: 1\nlanes: &a [{id: m}]\nphases: *a\n", "utf-8")
    before = window.session.diagram
    assert not window.files.open(bad)
    assert window.session.diagram is before and window.session.path is None
    assert "bad.yaml:2:8: anchors (&a) are not allowed" in dialogs["box"][0]


def test_comments_are_offered_into_notes_before_the_first_save(
        qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "commented.yaml"
    text = dumps_diagram(full_funnel()).replace("  - id: seo\n",
                                                "  # 搜索流量来自官网\n  - id: seo\n")
    path.write_text(text, "utf-8")
    assert window.files.open(path)
    assert len(window.safeguards.comments.comments) == 1
    monkeypatch.setattr(window.safeguards.comments, "_ask", lambda parent, comments: CARRY)
    assert window.files.save_to(path)
    assert load_diagram(path).node("seo").notes.endswith("搜索流量来自官网")


def test_previous_versions_are_in_the_file_menu(qtbot, window, tmp_path):
    path = saved_file(window, tmp_path)
    window.session.execute(UpdateNode("seo", {"owner": "张伟"}))
    assert window.files.save_to(path)
    menu = window.safeguards.versions_menu
    assert menu.menuAction() in window.actions.file_menu.actions()
    menu.aboutToShow.emit()
    assert len(menu.actions()) == 2
    menu.actions()[1].trigger()  # the first save
    assert window.session.diagram.node("seo").owner != "张伟" and window.session.modified


def test_autosave_copy_is_removed_by_a_clean_close(qtbot, window, dialogs, tmp_path):
    saver = window.safeguards.autosaver
    window.session.execute(UpdateNode("seo", {"owner": "张伟"}))
    saver.write_now()
    saver.flush()
    assert saver.recovery_path.exists()
    window.close()  # the patched question answers Discard
    assert not saver.recovery_path.exists() and not saver.sidecar_path.exists()
