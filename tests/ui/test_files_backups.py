"""The last five saved versions of a file, kept aside, listed in a menu, restored with Undo."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QMenu

from app.io import dumps_diagram
from app.model import Diagram
from app.ui.files.backups import Backups, fill_versions_menu, restore_version
from app.ui.session import Session

BASE = Diagram.model_validate({"funnelflow": 1, "title": "v0", "lanes": [{"id": "m"}]})


def version(n: int) -> bytes:
    return dumps_diagram(BASE.evolve(title=f"v{n}")).encode("utf-8")


def test_only_the_newest_five_versions_are_kept_newest_first(tmp_path):
    backups = Backups(tmp_path / "data")
    plan = tmp_path / "plan.yaml"
    start = datetime(2026, 5, 1, 9, 0)
    for n in range(8):
        backups.record(plan, version(n), when=start + timedelta(minutes=n))
    versions = backups.versions(plan)
    assert [v.path.read_bytes() for v in versions] == [version(n) for n in (7, 6, 5, 4, 3)]
    assert [v.saved_at.minute for v in versions] == [7, 6, 5, 4, 3]
    assert versions[0].size == len(version(7))
    assert (backups.folder_for(plan) / "origin.txt").read_text("utf-8") == str(plan)


def test_saving_the_same_bytes_again_keeps_no_duplicate(tmp_path):
    backups = Backups(tmp_path / "data")
    plan = tmp_path / "plan.yaml"
    start = datetime(2026, 5, 1, 9, 0)
    backups.record(plan, version(1), when=start)
    backups.record(plan, version(1), when=start + timedelta(minutes=1))
    assert len(backups.versions(plan)) == 1


def test_each_file_has_its_own_versions(tmp_path):
    backups = Backups(tmp_path / "data")
    backups.record(tmp_path / "a.yaml", version(1))
    assert backups.versions(tmp_path / "b.yaml") == []


def test_a_backup_that_cannot_be_written_does_not_fail(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    assert Backups(blocker).record(tmp_path / "plan.yaml", version(1)) is None


def test_menu_lists_versions_and_restoring_is_one_undoable_edit(qtbot, tmp_path):
    backups = Backups(tmp_path / "data")
    plan = tmp_path / "plan.yaml"
    backups.record(plan, version(1), when=datetime(2026, 5, 1, 9, 0))
    backups.record(plan, version(2), when=datetime(2026, 5, 1, 9, 5))
    session = Session(BASE.evolve(title="v3"), plan)
    menu = QMenu()
    picked = []
    fill_versions_menu(menu, backups, plan, picked.append)
    actions = menu.actions()
    assert len(actions) == 2 and all(a.isEnabled() for a in actions)
    actions[1].trigger()  # the older one
    restore_version(session, picked[0])
    assert session.diagram.title == "v1" and session.modified and session.path == plan
    session.undo_stack.undo()
    assert session.diagram.title == "v3"


def test_menu_says_when_there_is_nothing_yet(qtbot, tmp_path):
    menu = QMenu()
    fill_versions_menu(menu, Backups(tmp_path), None, lambda v: None)
    assert [a.isEnabled() for a in menu.actions()] == [False]
    assert "No previous versions" in menu.actions()[0].text()
