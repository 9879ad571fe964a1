"""Opening and saving: `load_diagram` against the bare C-loader parse, save against a C writer.

Floors, and why they are honest:
- load + validate: `yaml.load(text, CSafeLoader)` of the same file — libyaml's parser and the
  C-accelerated constructor, with no checks, no positions and no validation. Nothing that
  reads the YAML can be faster.
- save: `json.dumps` (C) of the same document plus writing the bytes — the cheapest
  serialisation of the same data in the standard library; PyYAML's `CSafeDumper` is not a floor
  (it is 5-10x slower than json and than our hand-written writer).
"""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path

import yaml

from benchmarks.fixtures import Fixtures
from benchmarks.harness import Goal, Row, interleaved, skipped

LOAD = "load + validate"
LOAD_STRICT = "load + validate (gc-free floor)"
SAVE = "save"
ROWS = (LOAD, LOAD_STRICT, SAVE)
LOAD_GOAL = Goal("open 5,000 nodes in < 1 s (research)", "ms", 1000, size=5000)


def run(fixtures: Fixtures, sizes: list[int], repeat: int) -> list[Row]:
    """Rows for loading and saving at every size."""
    rows = []
    try:
        from app.io import dumps_diagram, load_diagram
    except ImportError as error:
        return [skipped(name, None, f"not available yet ({error})") for name in ROWS]
    for n in sizes:
        path = fixtures.path(n)
        subject, floor = interleaved(lambda p=path: load_diagram(p),
                                     lambda p=path: _bare_parse(p), repeat)
        rows.append(Row(LOAD, n, subject, floor, "yaml.load(CSafeLoader)", LOAD_GOAL,
                        runs=repeat))
        # The bare parse spends most of its time in the garbage collector (research: 2-3x);
        # the loader pauses it, so a parse with the collector paused is the stricter floor.
        subject, floor = interleaved(lambda p=path: load_diagram(p),
                                     lambda p=path: _bare_parse(p, gc_paused=True), repeat)
        rows.append(Row(LOAD_STRICT, n, subject, floor, "same, garbage collector paused",
                        runs=repeat))
    for n in sizes:
        diagram, raw = fixtures.diagram(n), fixtures.raw(n)
        out = fixtures.folder / f"saved-{n}.yaml"
        floor_out = fixtures.folder / f"floor-{n}.json"
        from app.io import save_diagram

        subject, floor = interleaved(lambda d=diagram, o=out: save_diagram(d, o),
                                     lambda r=raw, o=floor_out: _bare_write(r, o), repeat)
        size_note = f"{len(dumps_diagram(diagram).encode()) / 1e3:,.0f} kB"
        rows.append(Row(SAVE, n, subject, floor, "json.dumps + write", note=size_note,
                        runs=repeat))
    return rows


def _bare_parse(path: Path, gc_paused: bool = False) -> object:
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    if gc_paused:
        gc.disable()
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    finally:
        gc.enable()


def _bare_write(raw: dict, out: Path) -> None:
    data = json.dumps(raw, ensure_ascii=False, indent=1).encode("utf-8")
    with open(out, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())  # save_diagram is atomic and durable: the floor is too
