"""Reading a table of measured actuals (SPEC §6) into rows of cells, each with its line.

CSV in UTF-8 (with or without BOM) or GB18030, as Excel on Chinese Windows saves it, and
`.xlsx` (openpyxl, imported only here). What the cells mean is `actuals`' job; this module
only makes sure that every cell is read exactly once and that a bad file is refused with the
line where it goes wrong. Pure Python: no Qt.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass

MAX_TABLE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 100_000
_ZIP = b"PK\x03\x04"
_BOM = b"\xef\xbb\xbf"


class ActualsError(Exception):
    """A table of actuals that cannot be imported: every problem as (line, message)."""

    def __init__(self, file: str, problems: list[tuple[int, str]]):
        self.file = file
        self.problems = sorted(problems, key=lambda p: p[0])
        super().__init__(self.located())

    def located(self) -> str:
        """One `DATA:LINE: message` per problem (SPEC §5)."""
        return "\n".join(f"{self.file}:{line}: {message}" for line, message in self.problems)


@dataclass(frozen=True)
class Formula:
    """A spreadsheet formula found in a cell: it is refused, never computed."""

    text: str


Cell = str | float | Formula | None


@dataclass(frozen=True)
class Row:
    """One row of the table: its line (CSV) or row number (.xlsx), and its cells."""

    line: int
    cells: tuple[Cell, ...]


def read_table(path: str | os.PathLike[str]) -> list[Row]:
    """The rows of the table at `path`; raises ActualsError with the line of the trouble."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > MAX_TABLE_BYTES:
            raise _error(name, 1, f"the file is {size:,} bytes, over the limit of "
                         f"{MAX_TABLE_BYTES // 1024 // 1024} MB for a table of actuals; a "
                         "month's actuals fit in a few kilobytes: is this the right file?")
        with open(name, "rb") as stream:
            data = stream.read(MAX_TABLE_BYTES + 1)
    except FileNotFoundError:
        raise _error(name, 1, "no such file; check the name and the folder") from None
    except IsADirectoryError:
        raise _error(name, 1, "is a folder, not a table") from None
    except OSError as error:
        raise _error(name, 1, f"cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_TABLE_BYTES:
        raise _error(name, 1, "the file grew over the size limit while being read")
    if data.startswith(_ZIP):
        return _xlsx_rows(data, name)
    if name.lower().endswith((".xlsx", ".xlsm")):
        raise _error(name, 1, "is not an .xlsx workbook (it does not start like one); save "
                     "it from the spreadsheet as .xlsx or .csv")
    return _csv_rows(decode_table(data, name), name)


def decode_table(data: bytes, name: str) -> str:
    """CSV bytes as text: UTF-8 (a BOM says so for sure), else GB18030; a file mixing the two
    is refused at the first line that is not in the file's encoding."""
    if data.startswith(_BOM):
        return _strict(data[3:], "utf-8", name, offset=3, full=data,
                       why="the file starts as UTF-8 (with a BOM) but this line is not "
                       "UTF-8 (GBK bytes?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    if _has_utf8_text(data[:first_bad]):
        raise _error(name, _line_of(data, first_bad),
                     "this line is not UTF-8 while the lines above are (GBK bytes pasted "
                     "into a UTF-8 file?); save the whole table in one encoding")
    return _strict(data, "gb18030", name, offset=0, full=data,
                   why="the file is neither UTF-8 nor GB18030 (GBK) here; save it from the "
                   "spreadsheet as 'CSV UTF-8'")


def _strict(data: bytes, encoding: str, name: str, *, offset: int, full: bytes,
            why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _error(name, _line_of(full, error.start + offset), why) from None


def _has_utf8_text(data: bytes) -> bool:
    """Whether `data` holds non-ASCII characters that decode as UTF-8."""
    text = data.decode("utf-8", errors="ignore")
    return any(ord(ch) > 127 for ch in text)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _csv_rows(text: str, name: str) -> list[Row]:
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)  # Excel in some locales writes ';'
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    start = 1
    try:
        for cells in reader:
            if len(rows) >= MAX_ROWS:
                raise _error(name, start, f"more than {MAX_ROWS:,} rows; a table of actuals "
                             "has one row per measure")
            rows.append(Row(start, tuple(cell if cell.strip() else None for cell in cells)))
            start = reader.line_num + 1
    except csv.Error as error:
        raise _error(name, start, f"this line is not valid CSV ({error}); check its quotes") \
            from None
    return rows


def _xlsx_rows(data: bytes, name: str) -> list[Row]:
    # Imported here: only .xlsx files pay for openpyxl.
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise _error(name, 1, f"cannot be read as an .xlsx workbook ({error}); save it "
                     "from the spreadsheet again as .xlsx or .csv") from None
    try:
        sheet = book.worksheets[0]
        rows: list[Row] = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            if number > MAX_ROWS:
                raise _error(name, number, f"more than {MAX_ROWS:,} rows; a table of actuals "
                             "has one row per measure")
            rows.append(Row(number, tuple(_xlsx_cell(cell) for cell in cells)))
        return rows
    finally:
        book.close()


def _xlsx_cell(cell: object) -> Cell:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f" or (isinstance(value, str)
                                                   and value.startswith("=")):
        return Formula(str(value))
    if value is None or isinstance(value, bool):
        return None if value is None else str(value).lower()
    if isinstance(value, int | float):
        return float(value)
    text = str(value)
    return text if text.strip() else None


def _error(name: str, line: int, message: str) -> ActualsError:
    return ActualsError(name, [(line, message)])
