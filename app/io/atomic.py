"""Writing a file so that a crash or a full disk never destroys the old one.

The data goes to a temporary file in the same folder (so the final rename stays on one
file system), is flushed to disk, takes the old file's permissions, and then replaces the
target in one `os.replace`. A symlink is followed so the link itself survives.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import time

# A temporary file older than this whose writer we cannot ask about is a crash's leftover.
STALE_TEMP_SECONDS = 3600


class SaveError(OSError):
    """A file could not be written; the message says which file and why. The old file is intact."""


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at `path` with `data` atomically; raises SaveError on failure."""
    target = os.path.realpath(os.fspath(path))
    folder = os.path.dirname(target) or "."
    if os.path.isdir(target):
        raise SaveError(f"{os.fspath(path)}: is a folder; choose a file name to save to")
    if not os.path.isdir(folder):
        raise SaveError(f"{os.fspath(path)}: the folder {folder} does not exist")
    _remove_stale_temps(folder, os.path.basename(target))
    temp = None
    try:
        temp = os.path.join(
            folder, f".{os.path.basename(target)}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        # Mode 0o666 lets the umask decide, as for any new file (mkstemp would make it 0600).
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o666)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if os.path.exists(target):
            shutil.copymode(target, temp)
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


def _remove_stale_temps(folder: str, name: str) -> None:
    """Delete temporary files that a killed save of `name` left beside it."""
    for temp in glob.glob(os.path.join(glob.escape(folder), f".{glob.escape(name)}.*.*.tmp")):
        pid = temp[len(os.path.join(folder, f".{name}.")):].split(".")[0]
        if pid.isdigit() and not _writer_gone(int(pid), temp):
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
