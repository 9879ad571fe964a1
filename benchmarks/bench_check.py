"""`funnelflow check` end to end, as the user runs it: a fresh process per run.

Floors:
- a big file: `python -c "import yaml; yaml.load(open(f), CSafeLoader)"` — a process that only
  parses the same file with libyaml (goal: check <= 1.6x at 5,000 nodes);
- loops that tie the whole diagram into one strongly connected component (issue 17), beside
  the same bare parse of that file (goal: <= 2x at 5,000 nodes, <= 10x at 20,000);
- a small file: `python -c "import pydantic, yaml"` — the start-up of the libraries
  the check needs (goal: <= 1.5x), since on a small file start-up is everything.
Also verified: the check never imports Qt (PySide6 costs ~0.1 s and a display library).
"""

from __future__ import annotations

import json

from benchmarks.fixtures import SMALL_FILE, Fixtures
from benchmarks.harness import Goal, Row, child_output, interleaved, python, skipped

CHECK = "check (CLI)"
CHECK_SMALL = "check small file (CLI)"
CHECK_LOOPS = "check, loops in one component (CLI)"
ANALYZE = "checklist (analyze)"
NO_QT = "check imports no Qt"
ROWS = (CHECK, CHECK_SMALL, CHECK_LOOPS, ANALYZE, NO_QT)

CHECK_GOAL = Goal("check of 5,000 nodes <= 1.6x the bare parse", "ratio", 1.6, size=5000)
SMALL_GOAL = Goal("check of a small file <= 1.5x importing pydantic, yaml",
                  "ratio", 1.5)
LOOP_GOALS = (
    Goal("check of 5,000 nodes whose loops form one component <= 2x the bare parse", "ratio",
         2.0, size=5000),
    Goal("check of 20,000 nodes whose loops form one component <= 10x the bare parse",
         "ratio", 10.0, size=20000),
)
NO_QT_GOAL = Goal("no Qt import on the command line's analysis paths", "flag", 0)

_PARSE = ("import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8').read(), "
          "Loader=yaml.CSafeLoader)")
_IMPORTS = "import pydantic, yaml"
_QT_PROBE = ("import sys, io, contextlib, json; from app.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()): main(['check', sys.argv[1]])\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith('PySide6'))))")


def run(fixtures: Fixtures, sizes: list[int], repeat: int) -> list[Row]:
    """Rows for the command-line check at every size, the small file and the Qt probe."""
    try:
        import app.cli  # noqa: F401 - only to know whether the command line exists yet
    except ImportError as error:
        return [skipped(name, None, f"not available yet ({error})") for name in ROWS]
    rows = []
    for n in sizes:
        path = str(fixtures.path(n))
        subject, floor = interleaved(python("-m", "app", "check", path, "--format", "json"),
                                     python("-c", _PARSE, path), repeat)
        rows.append(Row(CHECK, n, subject, floor, "python: yaml.load(CSafeLoader)", CHECK_GOAL,
                        runs=repeat))
    for n in sizes:  # issue 17: one solve per off-target edge made this quadratic
        path = str(fixtures.loop_path(n))
        goal = next((g for g in LOOP_GOALS if g.applies(n)), None)
        runs = repeat if n < 20000 else 1  # a run of each side takes ~10 s at 20,000
        subject, floor = interleaved(python("-m", "app", "check", path, "--format", "json"),
                                     python("-c", _PARSE, path), runs, warmup=n < 20000)
        rows.append(Row(CHECK_LOOPS, n, subject, floor, "python: yaml.load(CSafeLoader)", goal,
                        note="benchmarks.generate.loop_heavy_diagram", runs=runs))
    subject, floor = interleaved(python("-m", "app", "check", str(SMALL_FILE)),
                                 python("-c", _IMPORTS), max(repeat, 5))
    rows.append(Row(CHECK_SMALL, None, subject, floor, "python: import pydantic, yaml",
                    SMALL_GOAL, note=SMALL_FILE.name, runs=max(repeat, 5)))
    rows.extend(_analyze_rows(fixtures, sizes, repeat))
    found = child_output("-c", _QT_PROBE, str(SMALL_FILE))
    qt = json.loads(found) if found else None
    row = Row(NO_QT, None, goal=NO_QT_GOAL, floor_name="sys.modules after `check`")
    if qt is None:
        row.note = "the probe failed"
    else:
        row.extra["ok"] = "no" if qt else "yes"
        row.note = "PySide6 not loaded" if not qt else "loaded: " + ", ".join(qt[:3])
    rows.append(row)
    return rows


def _analyze_rows(fixtures: Fixtures, sizes: list[int], repeat: int) -> list[Row]:
    """The checklist alone, in-process, beside the bare parse of the same file: its share."""
    try:
        from app.analysis import analyze
    except ImportError as error:
        return [skipped(ANALYZE, None, f"not available yet ({error})")]
    from benchmarks.bench_io import _bare_parse

    rows = []
    for n in sizes:
        diagram, path = fixtures.diagram(n), fixtures.path(n)
        subject, floor = interleaved(lambda d=diagram: analyze(d, "en"),
                                     lambda p=path: _bare_parse(p), repeat)
        rows.append(Row(ANALYZE, n, subject, floor, "yaml.load(CSafeLoader)", runs=repeat))
    return rows
