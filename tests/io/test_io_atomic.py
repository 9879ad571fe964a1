"""Saving never harms the old file: temp file, fsync, replace; mode and symlinks kept."""

from __future__ import annotations

import os
import stat

import pytest

from app.io import SaveError, write_atomic
from app.io import atomic as atomic_module


def leftovers(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_writes_new_file(tmp_path):
    target = tmp_path / "new.yaml"
    write_atomic(target, "全链路\n".encode())
    assert target.read_text("utf-8") == "全链路\n"
    assert leftovers(tmp_path) == []


def test_replaces_and_keeps_the_mode(tmp_path):
    target = tmp_path / "d.yaml"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640


def test_follows_a_symlink_to_the_real_file(tmp_path):
    real = tmp_path / "real.yaml"
    real.write_bytes(b"old")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_failure_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "d.yaml"
    target.write_bytes(b"precious")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_module.os, "fsync", disk_full)
    with pytest.raises(SaveError) as caught:
        write_atomic(target, b"half")
    assert target.read_bytes() == b"precious"
    assert leftovers(tmp_path) == []
    assert "No space left on device" in str(caught.value)
    assert "previous version is unchanged" in str(caught.value)
    assert isinstance(caught.value, OSError)


def test_missing_folder_and_folder_target(tmp_path):
    with pytest.raises(SaveError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "d.yaml", b"x")
    with pytest.raises(SaveError, match="is a folder"):
        write_atomic(tmp_path, b"x")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "d.yaml").write_bytes(b"old")
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(SaveError, match="could not be saved"):
            write_atomic(folder / "d.yaml", b"new")
        assert (folder / "d.yaml").read_bytes() == b"old"
    finally:
        os.chmod(folder, 0o700)


def test_a_killed_saves_leftover_temp_file_is_removed_by_the_next_save(tmp_path):
    import subprocess
    import sys

    from app.io import write_atomic

    target = tmp_path / "plan.yaml"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    mark, token = atomic_module.TEMP_MARK, "0123456789abcdef"
    leftover = tmp_path / f".plan.yaml.{mark}-{dead.stdout.strip()}-{token}.tmp"
    leftover.write_bytes(b"half a diagr")
    alive = tmp_path / f".plan.yaml.{mark}-{os.getppid()}-{token}.tmp"  # a live writer's file
    alive.write_bytes(b"in progress")
    other = tmp_path / f".other.yaml.{mark}-1-{token}.tmp"
    other.write_bytes(b"not ours")
    write_atomic(target, b"funnelflow: 1\n")
    assert target.read_bytes() == b"funnelflow: 1\n"
    assert not leftover.exists() and alive.exists() and other.exists()
