"""Autosave and crash recovery: a killed designer's unsaved edits come back on the next start."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from app.io import dumps_diagram, loads_diagram
from app.model import Diagram
from app.model.commands import UpdateDiagram, UpdateNode
from app.ui.files.recovery import Autosaver, find_orphans, restore_orphan
from app.ui.files.recovery_dialog import RecoveryDialog
from app.ui.session import Session

ROOT = Path(__file__).resolve().parents[2]
PLAN = Diagram.model_validate({
    "funnelflow": 1, "title": "计划", "lanes": [{"id": "m"}],
    "nodes": [{"id": "ads", "kind": "entry", "lane": "m", "volume": 100}]})


def autosaving(tmp_path: Path, path: Path | None = None, delay_ms: int = 30):
    session = Session(PLAN, path)
    return session, Autosaver(session, tmp_path / "recovery", delay_ms=delay_ms)


def test_edits_are_written_once_shortly_after_the_last_one(qtbot, tmp_path):
    session, saver = autosaving(tmp_path, tmp_path / "plan.yaml", delay_ms=200)
    writes = []
    saver.written.connect(writes.append)
    for label in ("广", "广告", "广告投放"):
        session.execute(UpdateNode("ads", {"label": label}))
    assert not saver.recovery_path.exists()  # debounced: nothing yet
    qtbot.waitUntil(lambda: len(writes) == 1, timeout=3000)
    qtbot.wait(300)
    assert len(writes) == 1
    assert loads_diagram(saver.recovery_path.read_bytes()) == session.diagram
    info = json.loads(saver.sidecar_path.read_text("utf-8"))
    assert info["original"] == str(tmp_path / "plan.yaml") and info["title"] == "计划"
    saver.close()


def test_a_save_or_undo_to_the_saved_state_removes_the_copy(qtbot, tmp_path):
    session, saver = autosaving(tmp_path)
    session.execute(UpdateNode("ads", {"label": "a"}))
    saver.write_now()
    saver.flush()
    assert saver.recovery_path.exists()
    session.mark_saved(tmp_path / "plan.yaml")
    saver.flush()
    assert not saver.recovery_path.exists() and not saver.sidecar_path.exists()
    session.execute(UpdateNode("ads", {"label": "b"}))
    saver.write_now()
    session.undo_stack.undo()
    saver.flush()
    assert not saver.recovery_path.exists()
    saver.close()


def test_a_running_session_is_not_an_orphan_and_a_clean_close_leaves_nothing(qtbot, tmp_path):
    session, saver = autosaving(tmp_path)
    session.execute(UpdateNode("ads", {"label": "a"}))
    saver.write_now()
    saver.flush()
    assert find_orphans(saver.folder) == []
    saver.close()
    assert list(saver.folder.iterdir()) == []


CRASH = textwrap.dedent("""
    import os, signal, sys
    from PySide6.QtWidgets import QApplication
    from app.model import Diagram
    from app.model.commands import UpdateDiagram, UpdateNode
    from app.ui.files.recovery import Autosaver
    from app.ui.session import Session
    from tests.ui.test_files_recovery import PLAN
    app = QApplication([])
    folder, original = sys.argv[1], sys.argv[2] or None
    session = Session(PLAN, original)
    saver = Autosaver(session, folder, delay_ms=0)
    session.execute(UpdateNode("ads", {"label": "没保存的标签", "owner": "张伟"}))
    session.execute(UpdateDiagram({"title": "崩溃前"}))
    saver.write_now()
    saver.flush()
    os.kill(os.getpid(), signal.SIGKILL)  # the crash: no cleanup of any kind
""")


def crash_a_session(tmp_path: Path, original: str) -> Path:
    folder = tmp_path / "recovery"
    result = subprocess.run([sys.executable, "-c", CRASH, str(folder), original], cwd=ROOT,
                            timeout=60, capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                 "HOME": str(tmp_path)})
    assert result.returncode == -9, result.stderr
    return folder


def unsaved_edits() -> Diagram:
    edited, _ = UpdateNode("ads", {"label": "没保存的标签", "owner": "张伟"}).apply(PLAN)
    return UpdateDiagram({"title": "崩溃前"}).apply(edited)[0]


def test_after_a_crash_the_unsaved_edits_are_offered_and_restored(qtbot, tmp_path):
    original = tmp_path / "plan.yaml"
    original.write_text(dumps_diagram(PLAN), "utf-8")
    folder = crash_a_session(tmp_path, str(original))
    assert sorted(p.suffix for p in folder.iterdir()) == [".json", ".lock", ".yaml"]
    orphans = find_orphans(folder)
    assert len(orphans) == 1
    orphan = orphans[0]
    assert orphan.original == original and orphan.title == "崩溃前"
    # The next session restores them as unsaved changes of the original file.
    session = Session(Diagram.model_validate({"funnelflow": 1, "lanes": [{"id": "x"}]}))
    saver = Autosaver(session, folder, delay_ms=30)
    restore_orphan(orphan, session, saver)
    assert session.diagram == unsaved_edits()
    assert session.path == original and session.modified
    assert not orphan.recovery_path.exists()
    assert loads_diagram(saver.recovery_path.read_bytes()) == unsaved_edits()
    assert find_orphans(folder) == []  # the new copy belongs to a live session
    saver.close()


def test_an_untitled_diagram_is_recovered_too_through_the_dialog(qtbot, tmp_path):
    folder = crash_a_session(tmp_path, "")
    orphans = find_orphans(folder)
    assert [o.original for o in orphans] == [None]
    restored = []
    dialog = RecoveryDialog(orphans, lambda o: restored.append(o.load()))
    qtbot.addWidget(dialog)
    assert "untitled" in dialog.list.item(0).text() and "崩溃前" in dialog.list.item(0).text()
    dialog.restore_button.click()
    assert restored == [unsaved_edits()]


def test_save_as_from_the_dialog_writes_the_file_and_forgets_the_copy(qtbot, tmp_path):
    folder = crash_a_session(tmp_path, "")
    target = tmp_path / "rescued.yaml"
    dialog = RecoveryDialog(find_orphans(folder), lambda o: None, ask_path=lambda o: str(target))
    qtbot.addWidget(dialog)
    dialog.save_as_button.click()
    assert loads_diagram(target.read_bytes()) == unsaved_edits()
    assert list(folder.glob("*.recovery.*")) == [] and dialog.list.count() == 0


def test_discard_asks_first_and_decide_later_keeps_everything(qtbot, tmp_path):
    folder = crash_a_session(tmp_path, "")
    dialog = RecoveryDialog(find_orphans(folder), lambda o: None, confirm=lambda text: False)
    qtbot.addWidget(dialog)
    dialog.discard_button.click()  # the user said No
    assert dialog.list.count() == 1
    dialog.reject()  # "Decide later"
    again = find_orphans(folder)
    assert len(again) == 1  # offered again next time
    dialog = RecoveryDialog(again, lambda o: None, confirm=lambda text: True)
    qtbot.addWidget(dialog)
    dialog.discard_button.click()
    assert list(folder.glob("*.recovery.*")) == []


def test_a_lost_sidecar_still_offers_the_edits(qtbot, tmp_path):
    folder = crash_a_session(tmp_path, "")
    for sidecar in folder.glob("*.json"):
        sidecar.write_text("{not json", "utf-8")
    orphans = find_orphans(folder)
    assert len(orphans) == 1 and orphans[0].original is None
    assert orphans[0].load() == unsaved_edits()
