"""A file changed on disk by someone else is noticed; our own saves and `touch` are not."""

from __future__ import annotations

import os

from app.io import dumps_diagram
from app.model import Diagram
from app.ui.files.file_watch import ChangedOnDiskBar, FileWatcher, changed_since, stamp_file
from app.ui.files.safe_save import save_document

PLAN = Diagram.model_validate({"funnelflow": 1, "title": "ours", "lanes": [{"id": "m"}]})


def test_stamp_tells_content_changes_from_time_changes(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("a", "utf-8")
    stamp = stamp_file(path)
    os.utime(path, ns=(stamp.mtime_ns + 5 * 10**9,) * 2)
    assert not changed_since(path, stamp)
    path.write_text("b", "utf-8")
    assert changed_since(path, stamp)
    path.unlink()
    assert changed_since(path, stamp)
    assert not changed_since(path, None)


def test_an_atomic_replace_by_another_program_is_reported_once(qtbot, tmp_path):
    path = tmp_path / "plan.yaml"
    stamp = save_document(PLAN, path)
    watcher = FileWatcher()
    watcher.watch(path, stamp)
    # What git does on pull: write a new file and rename it over the old one.
    theirs = tmp_path / ".plan.tmp"
    theirs.write_text(dumps_diagram(PLAN.evolve(title="theirs")), "utf-8")
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=5000) as seen:
        os.replace(theirs, path)
    assert seen.args == [str(path)]
    assert not watcher.check_now()  # already told; no second alarm for the same change
    # And the watch survived the new inode: a second change is seen too.
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=5000):
        path.write_text(dumps_diagram(PLAN.evolve(title="again")), "utf-8")


def test_our_own_save_raises_no_alarm(qtbot, tmp_path):
    path = tmp_path / "plan.yaml"
    watcher = FileWatcher()
    watcher.watch(path, save_document(PLAN, path))
    seen = []
    watcher.changed_on_disk.connect(seen.append)
    watcher.accept(save_document(PLAN.evolve(title="ours, edited"), path))
    qtbot.wait(600)
    assert seen == [] and not watcher.check_now()


def test_the_bar_offers_reload_and_keep_mine(qtbot):
    bar = ChangedOnDiskBar()
    qtbot.addWidget(bar)
    bar.show_change("/work/plan.yaml", modified=True)
    assert not bar.isHidden()
    assert "plan.yaml" in bar.message() and "Undo" in bar.message()
    with qtbot.waitSignal(bar.reload_requested):
        bar.reload_button.click()
    assert bar.isHidden()
    bar.show_change("/work/plan.yaml", modified=False)
    with qtbot.waitSignal(bar.keep_requested):
        bar.keep_button.click()
