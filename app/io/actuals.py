"""Measured actuals from a table (SPEC §6): what they change in a diagram, or every problem.

Two layouts: the KPI table that `export .csv/.xlsx` writes (its `actual` column filled in,
rows found by their `id` and `metric`), and a long table `id,measure,actual`. Nothing is
changed unless the whole table is right: `read_actuals` returns the changes, or raises
ActualsError listing every problem as `DATA:LINE: message` with a did-you-mean.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from collections.abc import Iterable

from app.io.actuals_table import ActualsError, Cell, Formula, Row, read_table
from app.io.kpi_columns import CONVERSION, HEADERS, VOLUME
from app.model import Diagram, parse_number
from app.model.reading import MAX_AMOUNT
from app.model.review import ActualChange
from app.render.labels import format_rate

LONG_HEADER = ("id", "measure", "actual")
MEASURES = ("volume", "duration", "conversion")
_FORMULA_START = ("=", "+", "-", "@")
_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?%?$")


def read_actuals(diagram: Diagram, path: str | os.PathLike[str]) -> list[ActualChange]:
    """The changes the table at `path` makes to `diagram` (unchanged values left out)."""
    name = os.fspath(path)
    rows = [row for row in read_table(name) if any(c is not None for c in row.cells)]
    if not rows:
        raise ActualsError(name, [(1, "the table is empty; export the KPI table (.csv or "
                                   ".xlsx) and fill in its actual column")])
    return _Reader(diagram, name).changes(rows)


class _Reader:
    def __init__(self, diagram: Diagram, name: str):
        self.diagram = diagram
        self.name = name
        self.nodes = diagram.node_index()
        self.edges = {e.id: e for e in diagram.edges}
        self.problems: list[tuple[int, str]] = []
        self.seen: dict[tuple[str, str], int] = {}

    def changes(self, rows: list[Row]) -> list[ActualChange]:
        header, *body = rows
        columns = self._columns(header)
        found: list[ActualChange] = []
        for row in body:
            change = self._row(row, columns)
            if change is not None and change.new != change.old:
                found.append(change)
        if self.problems:
            raise ActualsError(self.name, self.problems)
        return found

    # -- the header says the layout -------------------------------------------------------
    def _columns(self, header: Row) -> dict[str, int]:
        names = [_text(c).lower() if isinstance(c, str) else "" for c in header.cells]
        names = [n.lstrip("\ufeff") for n in names]
        if all(key in names for key in LONG_HEADER):
            return {key: names.index(key) for key in LONG_HEADER} | {"long": 1}
        for headers in HEADERS.values():
            wanted = {"id": headers[-1], "metric": headers[4], "actual": headers[6]}
            if all(word.lower() in names for word in wanted.values()):
                return {key: names.index(word.lower()) for key, word in wanted.items()}
        raise ActualsError(self.name, [(header.line, (
            "the first row is not a header this import knows; use the KPI table that "
            "`funnelflow export … -o kpis.csv` (or .xlsx) writes, with its id, metric and "
            "actual columns, or a table with the header id,measure,actual"))])

    # -- one row ---------------------------------------------------------------------------
    def _row(self, row: Row, columns: dict[str, int]) -> ActualChange | None:
        def cell(key: str) -> Cell:
            index = columns[key]
            return row.cells[index] if index < len(row.cells) else None

        item, measure_cell, actual = cell("id"), cell("measure" if "long" in columns
                                                      else "metric"), cell("actual")
        if isinstance(item, Formula) or isinstance(measure_cell, Formula):
            self._fail(row, "a formula in the id or metric column; type the text")
            return None
        if item is None:
            self._fail(row, "the id is empty; write a node id or an edge id `from->to`")
            return None
        item = _text(_number_text(item))
        if measure_cell is None:
            what = "measure" if "long" in columns else "metric"
            self._fail(row, f"the {what} is empty; write volume, duration, conversion "
                       "or kpi:NAME")
            return None
        measure = self._measure(row, item, _text(_number_text(measure_cell)),
                                long="long" in columns)
        if measure is None:
            return None
        old = self._current(item, measure)
        if actual is None:
            if old is None and "long" not in columns:
                return None  # still unmeasured, as exported
            self._fail(row, f"the actual of {item} {_said(measure)} is empty; write "
                       "the measured value, or delete the row to keep the one the "
                       "diagram has")
            return None
        first = self.seen.setdefault((item, measure), row.line)
        if first != row.line:
            self._fail(row, f"{item} {_said(measure)} is already given on line "
                       f"{first}; keep one of the two rows")
            return None
        new = self._value(row, item, measure, actual)
        if new is None:
            return None
        rate = measure == "conversion" or self._percent_kpi(item, measure)
        if old is not None and _shown(old, rate) == _shown(new, rate):
            new = old  # as the export wrote it: not a change, whatever the rounding
        return ActualChange(item, measure, old, new)

    def _measure(self, row: Row, item: str, word: str, *, long: bool) -> str | None:
        is_edge = "->" in item
        if is_edge and item not in self.edges:
            self._unknown(row, f"unknown edge {item!r}", item, self.edges)
            return None
        if not is_edge and item not in self.nodes:
            self._unknown(row, f"unknown node {item!r}", item, self.nodes)
            return None
        kpis = [] if is_edge else [k.name for k in self.nodes[item].kpis]
        allowed = ("conversion", "duration") if is_edge else ("volume", "duration")
        if long:
            if word.startswith("kpi:") and not is_edge:
                name = word[4:].strip()
                if name in kpis:
                    return f"kpi:{name}"
                self._unknown(row, f"node {item!r} has no KPI {name!r}", name, kpis)
                return None
            if word.lower() in allowed:
                return word.lower()
            choices = list(allowed) + [f"kpi:{k}" for k in kpis]
            self._unknown(row, f"unknown measure {word!r} for {item}", word, choices)
            return None
        if word in kpis:
            return f"kpi:{word}"
        words = {w: "volume" for w in VOLUME.values()} if not is_edge else {
            w: "conversion" for w in CONVERSION.values()}
        base = word.split(" (", 1)[0].strip().lower()  # "conversion (click)" names the edge
        if base in words:
            return words[base]
        self._unknown(row, f"unknown metric {word!r} for {item}", word,
                      kpis + list(words))
        return None

    def _value(self, row: Row, item: str, measure: str, cell: Cell) -> float | None:
        if isinstance(cell, Formula):
            self._fail(row, f"the actual of {item} {_said(measure)} is a formula "
                       f"({cell.text}); type the value itself: FunnelFlow does not "
                       "compute spreadsheet formulas")
            return None
        is_rate = measure == "conversion" or self._percent_kpi(item, measure)
        if isinstance(cell, float):
            number = cell
        else:
            text = _text(cell)
            if text.startswith(_FORMULA_START) and not _plain_number(text):
                self._fail(row, f"the actual of {item} {_said(measure)} is a formula "
                           f"({text}); type the value itself")
                return None
            if _GROUPED.match(text):
                # 52,000 as a spreadsheet shows (and saves to CSV) a formatted number; in the
                # en and zh locales the comma only ever groups thousands
                text = text.replace(",", "")
            elif "," in text or "，" in text:
                self._fail(row, f"{text!r} has a comma: write 20000 (no thousands "
                           "separator) and 3.2% (a decimal point, not a comma)")
                return None
            try:
                number = parse_number(text, allow_percent=is_rate or measure.startswith("kpi"))
            except ValueError as error:
                self._fail(row, f"{item} {_said(measure)}: {error}")
                return None
            if is_rate and not text.endswith("%") and measure != "conversion" and number > 1:
                self._fail(row, f"{item} {_said(measure)} is a percentage: write "
                           f"{text}% or {number / 100:g}")
                return None
        if not math.isfinite(number):
            self._fail(row, f"{item} {_said(measure)}: not a finite number")
            return None
        if measure == "conversion" and not 0 <= number <= 1:
            self._fail(row, f"{item} conversion must be between 0% and 100%, got "
                       f"{_written(cell)}; write it as 3.2% or 0.032")
            return None
        if measure in ("volume", "duration") and not 0 <= number <= MAX_AMOUNT:
            self._fail(row, f"{item} {measure} must be a number from 0 up, got "
                       f"{_written(cell)}")
            return None
        return number

    # -- helpers ---------------------------------------------------------------------------
    def _current(self, item: str, measure: str) -> float | None:
        if "->" in item:
            value = getattr(self.edges[item], measure)
            return None if value is None else value.actual
        node = self.nodes[item]
        if measure.startswith("kpi:"):
            return next(k.actual for k in node.kpis if k.name == measure[4:])
        value = getattr(node, measure)
        return None if value is None else value.actual

    def _percent_kpi(self, item: str, measure: str) -> bool:
        if not measure.startswith("kpi:") or "->" in item:
            return False
        return next(k.is_percent for k in self.nodes[item].kpis if k.name == measure[4:])

    def _unknown(self, row: Row, message: str, word: str, known: Iterable[str]) -> None:
        close = difflib.get_close_matches(word, [str(k) for k in known], n=1, cutoff=0.6)
        hint = f" — did you mean {close[0]!r}?" if close else ""
        self._fail(row, message + hint)

    def _fail(self, row: Row, message: str) -> None:
        # recorded, not raised: the import reports every problem of the table at once
        self.problems.append((row.line, message))


def _shown(value: float, rate: bool) -> str:
    """How the CSV export shows a value: the import takes that as 'unchanged'."""
    return format_rate(value) if rate else f"{value:.6f}"


def _said(measure: str) -> str:
    return f"KPI {measure[4:]!r}" if measure.startswith("kpi:") else measure


def _text(cell: Cell) -> str:
    text = str(cell).strip()
    # the CSV export put an apostrophe before text a spreadsheet would run as a formula
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@", "\t"):
        text = text[1:]
    return text


def _number_text(cell: Cell) -> Cell:
    # an id typed as a number comes back from .xlsx as 12.0
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return cell


def _plain_number(text: str) -> bool:
    try:
        float(text.rstrip("%").strip())
    except ValueError:
        return False
    return True


def _written(cell: Cell) -> str:
    return f"{cell:g}" if isinstance(cell, float) else str(cell)
