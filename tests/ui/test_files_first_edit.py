"""Edits are never lost (issue 17): the first edit is autosaved, a same-size same-time change
on disk is noticed, a second designer is told at open, and dead sessions' locks go away."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QFileDialog

from app.io import dumps_diagram, loads_diagram
from app.model import Diagram
from app.model.commands import UpdateDiagram
from app.ui.files import safeguards as safeguards_module
from app.ui.files.file_watch import FileWatcher, changed_since, stamp_file
from app.ui.files.open_lock import READ_ONLY, TAKE_OVER, DocumentLock
from app.ui.files.recovery import Autosaver, find_orphans, restore_orphan
from app.ui.session import Session
from tests.ui.test_window_helpers import dialogs, make_window, settings_store  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
PLAN = Diagram.model_validate({
    "funnelflow": 1, "title": "计划", "lanes": [{"id": "m"}],
    "nodes": [{"id": "ads", "kind": "entry", "lane": "m", "volume": 100}]})


def test_the_first_edit_after_opening_is_autosaved(qtbot, tmp_path):
    """Reproducer: QUndoStack.push runs redo before the stack counts as modified."""
    session = Session(PLAN)
    saver = Autosaver(session, tmp_path / "recovery", delay_ms=30)
    session.replace(PLAN, tmp_path / "plan.yaml")  # what File → Open does
    session.execute(UpdateDiagram({"title": "改一次"}))
    qtbot.waitUntil(saver.recovery_path.exists, timeout=3000)
    saver.flush()
    assert loads_diagram(saver.recovery_path.read_bytes()).title == "改一次"
    saver.close()


def test_the_first_edit_after_a_save_is_autosaved(qtbot, tmp_path):
    session = Session(PLAN, tmp_path / "plan.yaml")
    saver = Autosaver(session, tmp_path / "recovery", delay_ms=30)
    session.execute(UpdateDiagram({"title": "one"}))
    session.mark_saved()
    saver.flush()
    assert not saver.recovery_path.exists()
    session.execute(UpdateDiagram({"title": "two"}))
    qtbot.waitUntil(saver.recovery_path.exists, timeout=3000)
    saver.flush()
    assert loads_diagram(saver.recovery_path.read_bytes()).title == "two"
    saver.close()


ONE_EDIT_THEN_KILLED = textwrap.dedent("""
    import os, signal, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from app.io import load_diagram
    from app.model.commands import UpdateDiagram
    from app.ui.files.recovery import Autosaver
    from app.ui.session import Session
    app = QApplication([])
    folder, original = Path(sys.argv[1]), Path(sys.argv[2])
    session = Session(load_diagram(original), original)
    saver = Autosaver(session, folder, delay_ms=100)
    written = []
    saver.written.connect(written.append)  # the copy and its sidecar are both on disk
    session.execute(UpdateDiagram({"title": "只改了一次"}))  # one edit, nothing else
    deadline = time.monotonic() + 20
    while not written and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_one_edit_a_kill_and_a_restart_recovers_it(qtbot, tmp_path):
    original = tmp_path / "plan.yaml"
    original.write_text(dumps_diagram(PLAN), "utf-8")
    folder = tmp_path / "recovery"
    done = subprocess.run([sys.executable, "-c", ONE_EDIT_THEN_KILLED, str(folder),
                           str(original)], cwd=ROOT, timeout=90, capture_output=True, text=True,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "HOME": str(tmp_path)})
    assert done.returncode == -signal.SIGKILL, done.stderr
    orphans = find_orphans(folder)  # the restart
    assert [o.original for o in orphans] == [original]
    session = Session(PLAN)
    saver = Autosaver(session, folder, delay_ms=30)
    restore_orphan(orphans[0], session, saver)
    assert session.diagram.title == "只改了一次" and session.modified
    saver.close()


def test_a_change_with_the_same_size_and_time_is_noticed(qtbot, tmp_path):
    """Reproducer: `cp -p` of a colleague's file of the same size went unnoticed."""
    path = tmp_path / "plan.yaml"
    path.write_text("title: ours\n", "utf-8")
    stamp = stamp_file(path)
    watcher = FileWatcher()
    watcher.watch(path, stamp)
    theirs = tmp_path / "theirs.yaml"
    theirs.write_text("title: them\n", "utf-8")
    os.utime(theirs, ns=(stamp.mtime_ns, stamp.mtime_ns))
    subprocess.run(["cp", "-p", str(theirs), str(path)], check=True)
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns) == (stamp.size, stamp.mtime_ns)
    assert changed_since(path, stamp)
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=5000):
        watcher.check_now()


def test_a_second_window_on_the_same_file_is_told_at_open_and_cannot_save_over_it(
        qtbot, tmp_path, settings_store, dialogs, monkeypatch):  # noqa: F811
    path = tmp_path / "plan.yaml"
    path.write_text(dumps_diagram(PLAN), "utf-8")
    first = make_window(qtbot, PLAN, path)
    assert not first.safeguards.read_only
    second = make_window(qtbot, PLAN, path)
    assert any("already open in another FunnelFlow window" in text for text in dialogs["box"])
    assert second.safeguards.read_only  # the question's default: read-only
    assert "(read-only)" in second.windowTitle() and "read-only" not in first.windowTitle()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    second.session.execute(UpdateDiagram({"title": "second"}))
    assert not second.files.save()
    assert loads_diagram(path.read_bytes()).title == "计划"  # the first window's file intact
    # A third one takes it over: it may save.
    monkeypatch.setattr(safeguards_module, "ask_open_elsewhere",
                        lambda parent: lambda *args: TAKE_OVER)
    third = make_window(qtbot, PLAN, path)
    assert not third.safeguards.read_only
    third.session.execute(UpdateDiagram({"title": "third"}))
    assert third.files.save()
    assert loads_diagram(path.read_bytes()).title == "third"
    for window in (first, second, third):
        window.safeguards.close()


def _take_over(monkeypatch):
    monkeypatch.setattr(safeguards_module, "ask_open_elsewhere",
                        lambda parent: lambda *args: TAKE_OVER)


def test_the_window_that_lost_its_lock_leaves_the_new_holders_lock_when_it_closes(
        qtbot, tmp_path, settings_store, dialogs, monkeypatch):  # noqa: F811
    """Reproducer: A's unlock deleted B's lock file, so C opened without a warning."""
    path = tmp_path / "plan.yaml"
    path.write_text(dumps_diagram(PLAN), "utf-8")
    first = make_window(qtbot, PLAN, path)
    lock_file = Path(first.safeguards.document_lock._lock.fileName())
    with monkeypatch.context() as patch:
        _take_over(patch)
        second = make_window(qtbot, PLAN, path)
    assert not second.safeguards.read_only and len(dialogs["box"]) == 0
    holder = lock_file.read_bytes()
    first.safeguards.close()  # A closes
    assert lock_file.read_bytes() == holder  # B's lock, untouched
    third = make_window(qtbot, PLAN, path)
    assert [t for t in dialogs["box"] if "already open in another FunnelFlow window" in t]
    assert third.safeguards.read_only
    third.safeguards.close()  # a read-only window holds nothing: B's lock stays
    second.safeguards.close()  # B still owns it: freed for good
    assert not lock_file.exists()


def test_the_window_that_lost_its_lock_cannot_save_over_the_new_holders_work(
        qtbot, tmp_path, settings_store, dialogs, monkeypatch):  # noqa: F811
    path = tmp_path / "plan.yaml"
    path.write_text(dumps_diagram(PLAN), "utf-8")
    first = make_window(qtbot, PLAN, path)
    with monkeypatch.context() as patch:
        _take_over(patch)
        second = make_window(qtbot, PLAN, path)
    second.session.execute(UpdateDiagram({"title": "B's work"}))
    assert second.files.save()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    first.session.execute(UpdateDiagram({"title": "A's stale copy"}))
    assert not first.files.save()  # told, then offered Save As (cancelled here)
    assert loads_diagram(path.read_bytes()).title == "B's work"
    assert any("was taken over by another FunnelFlow window" in t for t in dialogs["warning"])
    assert first.safeguards.read_only and "(read-only)" in first.windowTitle()
    assert first.session.modified  # A's edits are still there to save elsewhere
    # Taken over before B saved anything: A still may not write the file.
    third_path = tmp_path / "other.yaml"
    third_path.write_text(dumps_diagram(PLAN), "utf-8")
    third = make_window(qtbot, PLAN, third_path)
    with monkeypatch.context() as patch:
        _take_over(patch)
        fourth = make_window(qtbot, PLAN, third_path)
    third.session.execute(UpdateDiagram({"title": "third"}))
    assert not third.files.save()
    assert loads_diagram(third_path.read_bytes()).title == "计划"
    for window in (first, second, third, fourth):
        window.safeguards.close()


KILLED_HOLDER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from app.model import Diagram
    from app.ui.files.open_lock import DocumentLock
    from app.ui.files.recovery import Autosaver
    from app.ui.session import Session
    app = QApplication([])
    folder, path = Path(sys.argv[1]), Path(sys.argv[2])
    DocumentLock(folder / "open").claim(path, lambda *a: "read-only")
    Autosaver(Session(Diagram.model_validate({"funnelflow": 1, "lanes": [{"id": "m"}]})),
              folder / "recovery")
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_locks_of_killed_designers_are_removed(qtbot, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(dumps_diagram(PLAN), "utf-8")
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", KILLED_HOLDER, str(tmp_path), str(path)],
                              cwd=ROOT, timeout=90, capture_output=True, text=True,
                              env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                   "HOME": str(tmp_path)})
        assert done.returncode == -signal.SIGKILL, done.stderr
    # Each start removed the lock the previous killed one left: they no longer pile up.
    assert len(list((tmp_path / "recovery").glob("*.lock"))) == 1
    asked = []
    lock = DocumentLock(tmp_path / "open")
    lock.claim(path, lambda *args: asked.append(args) or READ_ONLY)
    assert asked == [] and not lock.read_only  # a dead holder asks nothing
    probe = QLockFile(str(next((tmp_path / "open").glob("*.lock"))))
    assert not probe.tryLock(0)  # ours now
    saver = Autosaver(Session(PLAN), tmp_path / "recovery")
    assert [p.name for p in (tmp_path / "recovery").glob("*.lock")] == [
        f"{saver.session_id}.lock"]
    saver.close()
    lock.release()


def test_saving_from_the_designer_onto_a_fifo_is_refused_and_the_fifo_stays(qtbot, tmp_path):
    from app.ui.files.file_actions import write_document
    from app.ui.files.safe_save import SaveFailed, save_document

    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    with pytest.raises(SaveFailed, match="not a regular file"):
        save_document(PLAN, fifo)
    assert "not a regular file" in (write_document(Session(PLAN), fifo) or "")
    assert fifo.is_fifo()
