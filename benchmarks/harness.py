"""Timing primitives: interleaved subject/floor runs, medians, and result rows with goals.

Every figure is a ratio to a floor measured in the same run: the machine is shared and noisy,
so a floor timed an hour earlier says nothing. Subject and floor alternate run by run (and
swap who goes first), and each side reports its median.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

#: bound on any one child process, so the benchmark always ends by itself
CHILD_TIMEOUT_S = 300


@dataclass(frozen=True)
class Goal:
    """A target from issue 8: `kind` "ratio" (subject / floor <= limit), "ms" or "flag"."""

    text: str
    kind: str
    limit: float
    size: int | None = None  # the diagram size the goal is about; None: every size measured
    miss_reason: str = ""  # why it is missed, when it is (found by profiling; see docs)

    def applies(self, size: int | None) -> bool:
        return self.size is None or self.size == size

    def met(self, row: Row) -> bool | None:
        if self.kind == "flag":  # a yes/no fact measured by the row (e.g. "no Qt imported")
            return row.extra.get("ok") == "yes" if "ok" in row.extra else None
        if row.subject is None:
            return None
        if self.kind == "ms":
            return row.subject * 1000 <= self.limit
        if row.floor is None or row.floor <= 0:
            return None
        return row.subject / row.floor <= self.limit


@dataclass
class Row:
    """One measured line of the results table (times in seconds, medians)."""

    name: str
    size: int | None
    subject: float | None = None
    floor: float | None = None
    floor_name: str = ""
    goal: Goal | None = None
    note: str = ""
    runs: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.subject is None or not self.floor:
            return None
        return self.subject / self.floor

    @property
    def verdict(self) -> str:
        """"met", "missed", "n/a" (skipped) or "" (no goal for this row)."""
        if self.goal is None or not self.goal.applies(self.size):
            return ""
        met = self.goal.met(self)
        if met is None:
            return "n/a"
        return "met" if met else "missed"


def skipped(name: str, size: int | None, why: str, goal: Goal | None = None) -> Row:
    """A row for something that could not be measured in this run, saying why."""
    return Row(name, size, goal=goal, note=why)


def interleaved(subject: Callable[[], object], floor: Callable[[], object] | None,
                repeat: int, *, setup: Callable[[], None] | None = None,
                warmup: bool = True) -> tuple[float, float | None]:
    """Median seconds of `subject` and of `floor`, run alternately `repeat` times each."""
    if warmup:
        for fn in (floor, subject):
            if fn is not None:
                _once(fn, setup)
    times: dict[str, list[float]] = {"subject": [], "floor": []}
    for i in range(repeat):
        order = [("floor", floor), ("subject", subject)]
        if i % 2:
            order.reverse()
        for key, fn in order:
            if fn is not None:
                times[key].append(_once(fn, setup))
    floor_median = statistics.median(times["floor"]) if times["floor"] else None
    return statistics.median(times["subject"]), floor_median


def _once(fn: Callable[[], object], setup: Callable[[], None] | None) -> float:
    if setup is not None:
        setup()
    gc.collect()  # garbage left by the previous run is not this run's cost
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    del result  # freeing what the run built (a whole scene, say) is not part of its time
    return elapsed


def python(*args: str, env: dict[str, str] | None = None) -> Callable[[], None]:
    """A callable that runs this Python with `args` (output discarded) and checks it ended."""
    argv = [sys.executable, *args]
    child_env = {**os.environ, **(env or {})}

    def run() -> None:
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env=child_env, timeout=CHILD_TIMEOUT_S, check=False)
        if done.returncode not in (0, 1):  # 1 = `check` found error findings: still a run
            raise RuntimeError(f"{' '.join(argv[1:])} exited {done.returncode}: "
                               f"{done.stderr.decode(errors='replace')[-400:]}")

    return run


def child_output(*args: str, env: dict[str, str] | None = None) -> str:
    """Run this Python with `args` and return its stdout (for one-off facts, not timing)."""
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=CHILD_TIMEOUT_S,
                          check=False)
    return done.stdout.strip() if done.returncode == 0 else ""


def fmt_seconds(value: float | None) -> str:
    """A duration for the table: ms below a second, s above."""
    if value is None:
        return "—"
    if value < 1:
        return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def sizes_label(sizes: Sequence[int]) -> str:
    return ", ".join(f"{n:,}" for n in sizes)
