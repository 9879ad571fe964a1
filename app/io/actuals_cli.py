"""`funnelflow actuals` (SPEC §5): import measured actuals, close a period, print the changes."""

from __future__ import annotations

import sys
from typing import TextIO

from app.io.actuals import read_actuals
from app.io.actuals_table import ActualsError
from app.io.escape import terminal, terminal_block
from app.io.yaml_load import load_diagram
from app.io.yaml_save import save_diagram
from app.io.yaml_scalars import number, percent
from app.model import Diagram, default_period_label
from app.model.commands import EditRefused
from app.model.review import ActualChange, ClosePeriod, SetActuals, replaces_period

EXIT_OK, EXIT_INVALID = 0, 2


def run_actuals(path: str, data: str | None, close: str | None, out: str | None,
                dry_run: bool, stdout: TextIO) -> int:
    """Close (if asked), then import `data` into the diagram at `path`; write it unless
    `dry_run`. Any problem in the table: every one printed, exit 2, nothing written."""
    if data is None and close is None:
        print(f"{path}: give --from DATA.csv|DATA.xlsx, --close PERIOD, or both",
              file=sys.stderr)
        return EXIT_INVALID
    if out is None and not dry_run and path.lower().endswith(".png"):
        print(f"{path}: a PNG is a picture of the diagram; write the result to a diagram "
              "file with -o plan.yaml", file=sys.stderr)
        return EXIT_INVALID
    diagram = load_diagram(path)
    changes: list[ActualChange] = []
    if data is not None:
        try:
            changes = read_actuals(diagram, data)
        except ActualsError as error:
            print(terminal_block(error.located()), file=sys.stderr)
            return EXIT_INVALID
    try:
        if close is not None:
            label = close.strip() or default_period_label(diagram.period.value)
            verb = "replaced" if replaces_period(diagram, label) else "closed"
            diagram, _ = ClosePeriod(label).apply(diagram)
            print(f"{verb} period {label}: today's actuals filed into the history", file=stdout)
        if changes:
            diagram, _ = SetActuals(tuple(changes)).apply(diagram)
    except EditRefused as error:
        print(terminal(f"{data or path}: {error}"), file=sys.stderr)
        return EXIT_INVALID
    for line in describe_changes(diagram, changes):
        print(terminal(line), file=stdout)  # ids and KPI names come from the table
    if data is not None:
        print(f"{len(changes)} change(s)" if changes else "no changes: every actual in the "
              "table is what the diagram already has", file=stdout)
    target = out or path
    if dry_run:
        print("dry run: nothing written", file=stdout)
    else:
        save_diagram(diagram, target)
        print(f"wrote {target}", file=stdout)
    return EXIT_OK


def describe_changes(diagram: Diagram, changes: list[ActualChange]) -> list[str]:
    """`ads: volume 20000 → 21000`, one line per change, in the table's order."""
    return [f"{change.item}: {measure_name(change)} {shown(diagram, change, change.old)} → "
            f"{shown(diagram, change, change.new)}" for change in changes]


def measure_name(change: ActualChange) -> str:
    return change.kpi if change.kpi is not None else change.measure


def shown(diagram: Diagram, change: ActualChange, value: float | None) -> str:
    """A value as the file writes it: 3.21% for rates and percent KPIs, else the number."""
    if value is None:
        return "(none)"
    rate = change.measure == "conversion"
    if change.kpi is not None:
        node = diagram.node(change.item)
        assert node is not None  # the import only changes nodes the diagram has
        rate = any(k.is_percent for k in node.kpis if k.name == change.kpi)
    return percent(value) if rate else number(value)
