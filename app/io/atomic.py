"""Writing a file so that a crash or a full disk never destroys the old one.

The data goes to a temporary file in the same folder (so the final rename stays on one
file system), is flushed to disk, takes the old file's permissions, and then replaces the
target in one `os.replace`. A symlink is followed so the link itself survives.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Iterator

# A temporary file older than this whose writer we cannot ask about is a crash's leftover.
STALE_TEMP_SECONDS = 3600
#: what marks a temporary file as ours: `.NAME.` + this + `-PID-` + 16 hex digits + `.tmp`
TEMP_MARK = "funnelflow-save"

_replace_read_only = contextvars.ContextVar("replace_read_only", default=False)


class SaveError(OSError):
    """A file could not be written; the message says which file and why. The old file is intact."""


class NotARegularFile(SaveError):
    """The target is a device, FIFO, socket (or other non-file): never replaced by a file."""


class ReadOnlyFile(SaveError):
    """The target is a read-only file; replaced only inside `replacing_read_only()`."""


@contextlib.contextmanager
def replacing_read_only() -> Iterator[None]:
    """Within this block, writes may replace read-only files (`export --force`)."""
    token = _replace_read_only.set(True)
    try:
        yield
    finally:
        _replace_read_only.reset(token)


def refuse_foreign(path: str | os.PathLike[str], *, force: bool = False) -> None:
    """Raise unless `path` is absent or a regular file we may write (or `force` for read-only).

    A device, FIFO or socket is somebody else's (as root, replacing /dev/null by a file
    would break the system); a read-only file says "do not change me".
    """
    shown = os.fspath(path)
    try:
        info = os.stat(path)  # follows a symlink: the link's file is what gets written
    except FileNotFoundError:
        return
    except OSError:
        return  # unknown: let the write itself say why it fails
    if stat.S_ISDIR(info.st_mode):
        raise SaveError(f"{shown}: is a folder; choose a file name to save to")
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(f"{shown}: is a {_kind(info.st_mode)}, not a regular file; "
                              "FunnelFlow writes only to regular files, so choose a file name")
    read_only = not info.st_mode & 0o222 or not os.access(path, os.W_OK)
    if read_only and not (force or _replace_read_only.get()):
        raise ReadOnlyFile(f"{shown}: is read-only; remove its read-only mark, choose another "
                           "name, or add --force to replace it")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at `path` with `data` atomically; raises SaveError on failure."""
    target = os.path.realpath(os.fspath(path))
    folder = os.path.dirname(target) or "."
    refuse_foreign(path)
    if not os.path.isdir(folder):
        raise SaveError(f"{os.fspath(path)}: the folder {folder} does not exist")
    _remove_stale_temps(folder, os.path.basename(target))
    temp = None
    try:
        temp = os.path.join(folder, _temp_name(os.path.basename(target)))
        # Mode 0o666 lets the umask decide, as for any new file (mkstemp would make it 0600).
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o666)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if os.path.exists(target):
            shutil.copymode(target, temp)
        refuse_foreign(path)  # again: it may have become a FIFO while we wrote
        os.replace(temp, target)
        temp = None
        _sync_folder(folder)
    except OSError as error:
        reason = error.strerror or str(error)
        raise SaveError(f"{os.fspath(path)}: could not be saved ({reason}); "
                        "the previous version is unchanged") from error
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _temp_name(name: str) -> str:
    return f".{name}.{TEMP_MARK}-{os.getpid()}-{secrets.token_hex(8)}.tmp"


def _remove_stale_temps(folder: str, name: str) -> None:
    """Delete temporary files that a killed save of `name` left beside it.

    Only names this module makes (`_temp_name`) are touched, and only regular files: a
    user's `.plan.yaml.backup.monday.tmp` is not ours.
    """
    ours = re.compile(rf"\.{re.escape(name)}\.{TEMP_MARK}-(\d+)-[0-9a-f]{{16}}\.tmp")
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    for entry in entries:
        match = ours.fullmatch(entry)
        if match is None:
            continue
        temp = os.path.join(folder, entry)
        try:
            if not stat.S_ISREG(os.lstat(temp).st_mode):
                continue
        except OSError:
            continue
        if not _writer_gone(int(match.group(1)), temp):
            continue
        try:
            os.unlink(temp)
        except OSError:
            pass


def _writer_gone(pid: int, temp: str) -> bool:
    if pid == os.getpid():
        return False  # another thread of ours may be writing it right now
    if os.name == "posix":
        try:
            os.kill(pid, 0)  # signal 0 only asks whether the process exists
        except ProcessLookupError:
            return True
        except OSError:
            pass
        return False
    try:  # elsewhere (os.kill would end the process on Windows): judge by age
        return time.time() - os.path.getmtime(temp) > STALE_TEMP_SECONDS
    except OSError:
        return False


def _sync_folder(folder: str) -> None:
    # Makes the rename itself durable; not possible on Windows, where it is not needed.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
