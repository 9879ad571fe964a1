"""Loading a diagram file: safe YAML only, every problem located as FILE:LINE:COL.

The steps: size check before reading, strict UTF-8, a text check (control characters,
tab indentation), one pass over the YAML events into plain data (see yaml_tree), migration
to the current format version, then pydantic validation whose errors are mapped back to
the line of the offending key. Nothing but DiagramFileError ever leaves this module.
"""

from __future__ import annotations

import gc
import os
import stat
from typing import Any

from pydantic import ValidationError

from app.io.errors import DiagramFileError, Problem
from app.io.messages import say
from app.io.migrate import LEGACY_KEYS, VERSION_KEY, VersionProblem, migrate
from app.io.png_source import PNG_SIGNATURE, PngSourceError, read_png_source
from app.io.yaml_tree import Located, build_data, check_text
from app.model import FORMAT_VERSION, Diagram, validation_problems

MAX_FILE_BYTES = 20 * 1024 * 1024
_BOM = "\ufeff"


def load_diagram(path: str | os.PathLike[str], notes: list[Problem] | None = None) -> Diagram:
    """Read and validate the diagram file at `path`; raises DiagramFileError.

    With `notes`, appends a located note for each value read differently than older
    FunnelFlow read it (SPEC §2), and for a file of an older format version.
    """
    name = os.fspath(path)
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise _file_error(name, "is a folder, not a diagram file")
        if not stat.S_ISREG(info.st_mode):
            raise _file_error(name, "is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise _file_error(name, _too_big(info.st_size))
        with open(name, "rb") as stream:
            # Read one byte past the limit: a file may grow between stat and read.
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _file_error(name, "no such file; check the name and the folder") from None
    except PermissionError:
        raise _file_error(name, "permission denied; check that you may read this file") from None
    except OSError as error:
        raise _file_error(name, f"cannot be read: {error.strerror or error}") from None
    if data.startswith(PNG_SIGNATURE):  # a PNG exported by FunnelFlow carries its diagram
        return load_png_diagram(name)
    return loads_diagram(data, filename=name, notes=notes)


def load_png_diagram(path: str | os.PathLike[str]) -> Diagram:
    """Load the diagram a FunnelFlow PNG carries; raises DiagramFileError like load_diagram.

    Errors in the embedded YAML are located in the PNG's name, since that is the file the
    user gave.
    """
    name = os.fspath(path)
    try:
        text = read_png_source(name)
    except FileNotFoundError:
        raise _file_error(name, "no such file; check the name and the folder") from None
    except PngSourceError as error:
        raise _file_error(name, str(error)) from None
    except OSError as error:
        raise _file_error(name, f"cannot be read: {error.strerror or error}") from None
    return loads_diagram(text, filename=name)


def loads_diagram(text_or_bytes: str | bytes, filename: str = "<string>",
                  notes: list[Problem] | None = None) -> Diagram:
    """Validate a diagram given as text or UTF-8 bytes; raises DiagramFileError.

    `notes` as for `load_diagram`; they are added only when the diagram loads.
    """
    was_enabled = gc.isenabled()
    # Loading allocates many small objects that all stay alive: collecting during the load
    # only costs time (2-3x on big files).
    gc.disable()
    try:
        found: list[Problem] = []
        diagram = _load(text_or_bytes, filename, found)
        if notes is not None:
            notes.extend(found)
        return diagram
    except DiagramFileError:
        raise
    except RecursionError:
        raise _file_error(filename, "the data is nested too deeply to read") from None
    except MemoryError:
        raise _file_error(filename, "not enough memory to read this file") from None
    except Exception as error:  # noqa: BLE001 - the promise is: only DiagramFileError escapes
        raise _file_error(
            filename, f"could not be read ({type(error).__name__}: {error}); "
            "please report this as a FunnelFlow bug") from None
    finally:
        if was_enabled:
            gc.enable()


def _load(text_or_bytes: str | bytes, filename: str, notes: list[Problem]) -> Diagram:
    text = _decode(text_or_bytes, filename)
    if not text.strip():
        raise DiagramFileError.single(
            filename, 1, 1, f"the file is empty; a diagram starts with `{VERSION_KEY}: "
            f"{FORMAT_VERSION}` followed by a title, lanes and nodes")
    problems = check_text(text, filename)
    if problems:
        raise DiagramFileError(problems)
    raw, problems = build_data(text, filename, notes=notes)
    if problems:
        raise DiagramFileError(problems)
    if raw is None:
        raise DiagramFileError.single(
            filename, 1, 1, f"the file holds no data (only comments?); a diagram starts with "
            f"`{VERSION_KEY}: {FORMAT_VERSION}`")
    if not isinstance(raw, dict):
        shape = "a list" if isinstance(raw, list) else f"the single value {raw!r}"
        raise DiagramFileError.single(
            filename, 1, 1, f"the top level must be a mapping of keys such as "
            f"`{VERSION_KEY}: {FORMAT_VERSION}`, `title:` and `lanes:`; found {shape}")
    try:
        data = migrate(raw)
    except VersionProblem as problem:
        if problem.missing:
            raise DiagramFileError.single(filename, 1, 1, str(problem)) from None
        version: list[tuple[tuple[Any, ...], str]] = [((VERSION_KEY,), str(problem))]
        raise DiagramFileError(_locate_all(text, filename, version, set())) from None
    if raw.get(VERSION_KEY) != data[VERSION_KEY]:
        notes.insert(0, Problem(filename, 1, 1, say(
            "old_version_note", old=raw.get(VERSION_KEY), new=data[VERSION_KEY])))
    try:
        return Diagram.model_validate(data)
    except ValidationError as error:
        items = error.errors()
        key_errors = {tuple(e["loc"]) for e in items if e["type"] == "extra_forbidden"}
        found = _specific(validation_problems(error),
                          {tuple(e["loc"]) for e in items if e["type"] == "too_short"})
        found = _quoting_hints(found, {tuple(e["loc"]): e.get("input") for e in items
                                       if e["type"] == "string_type"})
        raise DiagramFileError(_locate_all(text, filename, found, key_errors)) from None


def _specific(found: list[tuple[Any, str]], too_short: set[Any]) -> list[tuple[Any, str]]:
    """Without "needs at least one lane" when the one lane written is merely invalid."""
    deeper = {loc[:n] for loc, _ in found for n in range(len(loc))}
    return [(loc, message) for loc, message in found
            if not (loc in too_short and loc in deeper)]


def _quoting_hints(found: list[tuple[Any, str]], inputs: dict[Any, Any]) -> list[tuple[Any, str]]:
    """Where text was expected, say why YAML read something else and how to fix it."""
    hinted = []
    for loc, message in found:
        if loc in inputs:
            value = inputs[loc]
            if value is None:
                message += "; the value is empty: write the text or remove the key"
            elif isinstance(value, bool):
                message += ("; YAML reads true and false as a yes/no value, not text: put the "
                            'text in double quotes, e.g. "true"')
            elif isinstance(value, int | float):
                message += ('; YAML reads this as a number: put it in double quotes, '
                            'e.g. "123"')
        hinted.append((loc, message))
    return hinted


def _decode(text_or_bytes: str | bytes, filename: str) -> str:
    if isinstance(text_or_bytes, str):
        text = text_or_bytes
    else:
        if len(text_or_bytes) > MAX_FILE_BYTES:
            raise _file_error(filename, _too_big(len(text_or_bytes)))
        if b"\x00" in text_or_bytes[:200]:  # ASCII as UTF-16/32 decodes as UTF-8 with NULs
            wide = _wide_encoding(text_or_bytes)
            if wide:
                raise _file_error(filename, wide)
        try:
            text = text_or_bytes.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _not_utf8(text_or_bytes, error.start, filename) from None
    if len(text) > MAX_FILE_BYTES:
        raise _file_error(filename, _too_big(len(text)))
    return text[1:] if text.startswith(_BOM) else text


def _not_utf8(data: bytes, start: int, filename: str) -> DiagramFileError:
    wide = _wide_encoding(data)
    if wide:
        return DiagramFileError.single(filename, 0, 0, wide)
    line_start = data.rfind(b"\n", 0, start) + 1
    line = data.count(b"\n", 0, start) + 1
    col = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
    return DiagramFileError.single(
        filename, line, col,
        f"the file is not UTF-8 (byte 0x{data[start]:02X} here); it may be GBK (Chinese "
        "Windows): re-save it as UTF-8, e.g. in Notepad 'Save as' -> UTF-8, or "
        "`iconv -f GBK -t UTF-8 old.yaml > new.yaml`")


def _wide_encoding(data: bytes) -> str | None:
    """A message when the bytes are UTF-16 or UTF-32 (a BOM, or ASCII text every other byte)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return say("utf32")
    if data.startswith(b"\xff\xfe"):
        return say("utf16", order="little-endian")
    if data.startswith(b"\xfe\xff"):
        return say("utf16", order="big-endian")
    head = data[:200]
    if len(head) >= 4:
        if head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
            return say("utf16", order="little-endian, without a byte order mark")
        if head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
            return say("utf16", order="big-endian, without a byte order mark")
    return None


def _too_big(size: int) -> str:
    return (f"is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} bytes "
            f"({MAX_FILE_BYTES // 1024 // 1024} MB) for a diagram file; split the diagram")


def _file_error(filename: str, message: str) -> DiagramFileError:
    # Line 0: a problem with the file as a whole, printed as `FILE: message`.
    return DiagramFileError.single(filename, 0, 0, message)


def _locate_all(
    text: str, filename: str, found: list[tuple[Any, str]], key_errors: set[Any]
) -> list[Problem]:
    positions: dict[tuple[Any, ...], Located | None] = {
        prefix: None for loc, _ in found for path in (tuple(loc), _legacy(tuple(loc)))
        for prefix in (path[:n] for n in range(len(path) + 1))}
    build_data(text, filename, positions)
    problems = {_place(positions, loc, message, loc in key_errors, filename): None
                for loc, message in found}
    # A bare `volume: abc` fails as target and as actual: say it once.
    return sorted(problems, key=lambda p: (p.line, p.col))


def _place(
    positions: dict[tuple[Any, ...], Located | None], loc: tuple[Any, ...], message: str,
    at_key: bool, filename: str,
) -> Problem:
    """The problem at the position of the deepest part of `loc` written in the file."""
    path = tuple(loc)
    exact = True
    while path:
        where = positions.get(path) or positions.get(_legacy(path))
        if where is not None:
            if at_key and exact:
                return Problem(filename, where.key_line, where.key_col, message)
            return Problem(filename, where.line, where.col, message)
        path, exact = path[:-1], False
    return Problem(filename, 1, 1, message)


def _legacy(path: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(LEGACY_KEYS.get(p, p) if isinstance(p, str) else p for p in path)

