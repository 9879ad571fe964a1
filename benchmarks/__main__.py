"""`uv run python -m benchmarks`: every measurement of issue 8 beside its floor, one table.

    uv run python -m benchmarks                 # 100, 1,000 and 5,000 nodes -> docs/performance.md
    uv run python -m benchmarks --sizes 100,1000,5000,20000   # 20,000: files, check, SVG only
    uv run python -m benchmarks --quick         # CI: 100 nodes, 2 runs, asserts nothing on time

Whatever does not exist yet (a module still being written) becomes a "not available yet" row,
so the command always runs to the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import bench_check, bench_export, bench_io  # noqa: E402
from benchmarks.fixtures import ROOT, Fixtures  # noqa: E402
from benchmarks.harness import Row, skipped  # noqa: E402
from benchmarks.report import machine, markdown, text_table  # noqa: E402

GROUPS = ("io", "check", "export", "layout", "canvas")
NOTES = Path(__file__).with_name("notes.md")
DEFAULT_OUT = ROOT / "docs" / "performance.md"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split(
        "\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="CI mode: 100 nodes only, 2 runs; writes no file unless --out")
    parser.add_argument("--sizes", default="100,1000,5000",
                        help="diagram sizes in nodes, comma-separated (default 100,1000,5000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per side (median; default 5)")
    parser.add_argument("--canvas-max", type=int, default=5000,
                        help="largest size for the canvas group (default 5000)")
    parser.add_argument("--groups", default=",".join(GROUPS),
                        help=f"which groups to run (default {','.join(GROUPS)})")
    parser.add_argument("--out", type=Path, default=None,
                        help="markdown results file (default docs/performance.md; none in "
                        "--quick mode)")
    args = parser.parse_args(argv)
    args.sizes = [100] if args.quick else sorted({int(s.replace("_", "")) for s in
                                                  args.sizes.split(",") if s.strip()})
    if args.quick:
        args.repeat = min(args.repeat, 2)
    args.groups = [g.strip() for g in args.groups.split(",") if g.strip()]
    unknown = set(args.groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}; use {', '.join(GROUPS)}")
    if args.out is None and not args.quick:
        args.out = DEFAULT_OUT
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rows: list[Row] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="funnelflow-bench-") as folder:
        fixtures = Fixtures(Path(folder))
        for group in args.groups:
            print(f"# {group} ...", file=sys.stderr, flush=True)
            rows.extend(_run_group(group, fixtures, args))
    table = text_table(rows)
    print(table)
    elapsed = time.perf_counter() - started
    print(f"\n{len(rows)} rows in {elapsed:.0f} s", file=sys.stderr)
    if args.out is not None:
        command = "uv run python -m benchmarks" + _flags(argv)
        notes = NOTES.read_text(encoding="utf-8") if NOTES.exists() else ""
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(markdown(rows, machine(), command, notes), encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _run_group(group: str, fixtures: Fixtures, args: argparse.Namespace) -> list[Row]:
    sizes, repeat = args.sizes, args.repeat
    canvas_sizes = [n for n in sizes if n <= args.canvas_max]
    try:
        if group == "io":
            return bench_io.run(fixtures, sizes, repeat)
        if group == "check":
            return bench_check.run(fixtures, sizes, repeat)
        if group == "export":
            return bench_export.run(fixtures, sizes, repeat)
        if group == "layout":
            from benchmarks import bench_layout

            return bench_layout.run(min(repeat, 3), quick=args.quick)
        from benchmarks import bench_canvas

        edit_size = 1000 if any(n >= 1000 for n in canvas_sizes) else max(canvas_sizes or [100])
        return bench_canvas.run(fixtures, canvas_sizes, repeat, edit_size)
    except ImportError as error:  # Qt itself missing, say: the rest of the table still counts
        return [skipped(group, None, f"not available ({error})")]
    except Exception as error:  # noqa: BLE001 - one broken group must not lose the others
        traceback.print_exc()
        return [skipped(group, None, f"FAILED: {type(error).__name__}: {error}")]


def _flags(argv: list[str] | None) -> str:
    """The options the table was made with, without where it was written."""
    given = list(sys.argv[1:] if argv is None else argv)
    kept, skip = [], False
    for arg in given:
        if skip:
            skip = False
        elif arg == "--out":
            skip = True
        elif not arg.startswith("--out="):
            kept.append(arg)
    return "".join(f" {a}" for a in kept)


if __name__ == "__main__":
    sys.exit(main())
