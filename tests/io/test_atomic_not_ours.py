"""Writes go only to regular files we may write (issue 17, "files that aren't ours")."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from app.io import NotARegularFile, ReadOnlyFile, replacing_read_only, write_atomic
from app.io import atomic as atomic_module


def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "out.svg"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile, match="named pipe"):
        write_atomic(fifo, b"<svg/>")
    assert fifo.is_fifo()


def test_a_device_is_refused_and_stays_a_device():
    before = os.stat("/dev/null")
    with pytest.raises(NotARegularFile, match="device"):
        write_atomic("/dev/null", b"funnelflow: 1\n")
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "out.csv"
    link.symlink_to("/dev/null")
    with pytest.raises(NotARegularFile):
        write_atomic(link, b"a,b\n")
    assert link.is_symlink()


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(NotARegularFile, match="socket"):
            write_atomic(path, b"# plan\n")
    finally:
        server.close()


def test_a_read_only_file_is_kept_unless_replacing_read_only_is_asked(tmp_path):
    target = tmp_path / "plan.md"
    target.write_bytes(b"mine")
    target.chmod(0o444)
    with pytest.raises(ReadOnlyFile, match="read-only"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"mine"
    with replacing_read_only():
        write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o444  # still marked read-only


def test_the_cleanup_leaves_a_users_own_tmp_files_alone(tmp_path):
    """Reproducer: `.plan.yaml.backup.monday.tmp` was deleted by the next export."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    users = [tmp_path / ".plan.yaml.backup.monday.tmp",
             tmp_path / f".plan.yaml.{dead}.abcd1234.tmp",  # the old scheme's shape
             tmp_path / f".plan.yaml.{atomic_module.TEMP_MARK}-{dead}-zz.tmp"]
    for path in users:
        path.write_bytes(b"the user's")
    ours = tmp_path / f".plan.yaml.{atomic_module.TEMP_MARK}-{dead}-00112233445566ff.tmp"
    ours.write_bytes(b"half a diagr")
    write_atomic(tmp_path / "plan.yaml", b"funnelflow: 1\n")
    assert [p.read_bytes() for p in users] == [b"the user's"] * 3
    assert not ours.exists()


def test_a_temp_name_is_recognised_by_the_cleanup(tmp_path):
    name = atomic_module._temp_name("plan.yaml")
    assert name.startswith(f".plan.yaml.{atomic_module.TEMP_MARK}-{os.getpid()}-")
    assert name != atomic_module._temp_name("plan.yaml")  # a random part
