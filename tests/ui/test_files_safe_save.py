"""Saving from the designer: the old file survives every failure and the user is told why."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSaveFile

from app.io import dumps_diagram, load_diagram
from app.model import Diagram
from app.ui.files import safe_save
from app.ui.files.backups import Backups
from app.ui.files.file_watch import stamp_file
from app.ui.files.safe_save import FileChangedOnDisk, SaveFailed, save_document
from benchmarks.generate import synthetic_diagram

ROOT = Path(__file__).resolve().parents[2]
SMALL = Diagram.model_validate({
    "funnelflow": 1, "title": "旧版本", "lanes": [{"id": "marketing"}],
    "nodes": [{"id": "ads", "kind": "entry", "lane": "marketing", "volume": 100}]})
NEW = SMALL.evolve(title="新版本")


def saved(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    save_document(SMALL, path)
    return path


def test_save_writes_the_canonical_text_and_returns_its_stamp(tmp_path):
    path = tmp_path / "plan.yaml"
    stamp = save_document(NEW, path)
    assert path.read_text("utf-8") == dumps_diagram(NEW)
    assert stamp == stamp_file(path)
    assert load_diagram(path) == NEW


def test_permissions_are_kept(tmp_path):
    path = saved(tmp_path)
    os.chmod(path, 0o640)
    save_document(NEW, path)
    assert (path.stat().st_mode & 0o777) == 0o640 and load_diagram(path) == NEW


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path):
    real = saved(tmp_path)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    save_document(NEW, link)
    assert link.is_symlink() and load_diagram(real) == NEW


def test_no_temporary_file_is_left_beside_the_users_file(tmp_path):
    path = saved(tmp_path)
    save_document(NEW, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


class CommitFails(QSaveFile):
    """The final rename fails, as when a sync client holds the file on Windows."""

    def commit(self) -> bool:
        self.cancelWriting()
        super().commit()
        return False


class WriteFails(QSaveFile):
    """The disk fills up half way through writing."""

    def write(self, data) -> int:
        return -1

    def errorString(self) -> str:
        return "No space left on device"


def test_failing_replace_leaves_the_old_file_and_says_it_is_locked(tmp_path, monkeypatch):
    path = saved(tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(safe_save, "QSaveFile", CommitFails)
    with pytest.raises(SaveFailed) as caught:
        save_document(NEW, path)
    assert path.read_bytes() == before
    assert "locked or busy" in caught.value.reason and caught.value.path == path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_failing_write_says_disk_full_and_keeps_the_old_file(tmp_path, monkeypatch):
    path = saved(tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(safe_save, "QSaveFile", WriteFails)
    with pytest.raises(SaveFailed) as caught:
        save_document(NEW, path)
    assert path.read_bytes() == before and "disk is full" in caught.value.reason
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(SaveFailed) as caught:
        save_document(NEW, tmp_path / "gone" / "plan.yaml")
    assert "does not exist" in caught.value.reason and str(tmp_path / "gone") in caught.value.reason


def test_a_folder_is_not_a_file_name(tmp_path):
    with pytest.raises(SaveFailed) as caught:
        save_document(NEW, tmp_path)
    assert "is a folder" in caught.value.reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores modes")
def test_read_only_folder_as_a_normal_user(tmp_path):
    path = saved(tmp_path)
    os.chmod(tmp_path, 0o555)
    try:
        with pytest.raises(SaveFailed) as caught:
            save_document(NEW, path)
    finally:
        os.chmod(tmp_path, 0o755)
    assert "permission denied" in caught.value.reason and load_diagram(path) == SMALL


# Real failures of a real file system, in a private mount namespace: a read-only folder and a
# tiny full disk. Runs where `unshare` may create namespaces (Linux); skipped elsewhere.
CHILD = textwrap.dedent("""
    import json, os, subprocess, sys
    from app.model import Diagram
    from app.ui.files.safe_save import SaveFailed, save_document
    from benchmarks.generate import synthetic_diagram
    folder, case = sys.argv[1], sys.argv[2]
    small = Diagram.model_validate({"funnelflow": 1, "title": "old", "lanes": [{"id": "m"}]})
    path = os.path.join(folder, "plan.yaml")
    save_document(small, path)
    old = open(path, "rb").read()
    if case == "read-only":
        subprocess.run(["mount", "-o", "remount,ro", folder], check=True)
        new = small.evolve(title="new")
    else:
        with open(os.path.join(folder, "filler"), "wb") as f:
            try:
                f.write(b"x" * (1 << 20))
            except OSError:
                pass
        new = Diagram.model_validate(synthetic_diagram(300))
    try:
        save_document(new, path)
        reason = None
    except SaveFailed as error:
        reason = error.reason
    print(json.dumps({"reason": reason, "intact": open(path, "rb").read() == old,
                      "files": sorted(os.listdir(folder))}))
""")


def run_in_namespace(tmp_path: Path, case: str) -> dict:
    if sys.platform != "linux" or not shutil.which("unshare"):
        pytest.skip("needs Linux mount namespaces")
    folder = tmp_path / "mnt"
    folder.mkdir()
    script = (f"mount -t tmpfs -o size=256k tmpfs {folder} && "
              f"exec {sys.executable} -c \"$CHILD\" {folder} {case}")
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], cwd=ROOT, timeout=60,
                            capture_output=True, text=True,
                            env={**os.environ, "CHILD": CHILD, "QT_QPA_PLATFORM": "offscreen"})
    if result.returncode != 0 and "unshare" in result.stderr:
        pytest.skip(f"namespaces not allowed here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_read_only_disk_keeps_the_old_file_and_says_read_only(tmp_path):
    outcome = run_in_namespace(tmp_path, "read-only")
    assert outcome["intact"] and "read-only" in outcome["reason"]


def test_full_disk_keeps_the_old_file_and_says_disk_full(tmp_path):
    outcome = run_in_namespace(tmp_path, "full")
    assert outcome["intact"] and "disk is full" in outcome["reason"]
    assert outcome["files"] == ["filler", "plan.yaml"]  # no temporary file left behind


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path):
    path = saved(tmp_path)
    stamp = stamp_file(path)
    path.write_text(path.read_text("utf-8").replace("旧版本", "同事的版本"), "utf-8")
    with pytest.raises(FileChangedOnDisk):
        save_document(NEW, path, expected=stamp)
    assert "同事的版本" in path.read_text("utf-8")
    # Unchanged content with a new time (`touch`, a checkout of the same commit) is no change.
    stamp = stamp_file(path)
    os.utime(path, ns=(stamp.mtime_ns + 10**9, stamp.mtime_ns + 10**9))
    new_stamp = save_document(NEW, path, expected=stamp)
    assert load_diagram(path) == NEW and new_stamp == stamp_file(path)


def test_each_save_keeps_a_backup_in_the_data_folder_not_beside_the_file(tmp_path):
    backups = Backups(tmp_path / "data")
    work = tmp_path / "work"
    work.mkdir()
    path = work / "plan.yaml"
    save_document(SMALL, path, backups=backups)
    save_document(NEW, path, backups=backups)
    versions = backups.versions(path)
    assert [load_diagram(v.path).title for v in versions] == ["新版本", "旧版本"]
    assert sorted(p.name for p in work.iterdir()) == ["plan.yaml"]


def test_a_large_diagram_saves_and_loads_equal(tmp_path):
    big = Diagram.model_validate(synthetic_diagram(1000))
    path = tmp_path / "big.yaml"
    save_document(big, path)
    assert load_diagram(path) == big
