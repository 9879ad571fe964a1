"""The kill test: a process saving a big diagram over and over is killed at random moments;
after every kill the file is exactly the complete old or the complete new version.

A `python -c` zygote imports everything once and forks one saving worker per round, so that
50+ kills per writer fit in seconds; the test SIGKILLs the worker after a random delay and the
zygote reports when it is reaped (only then is the file's state final). Two writers: the
command line's `save_diagram` and the designer's QSaveFile `save_document`, each with the text
serialised once so that the rounds spend their time writing (where a kill matters).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.io import dumps_diagram, loads_diagram
from app.model import Diagram
from benchmarks.generate import synthetic_diagram

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50
NODES = 1500

ZYGOTE = textwrap.dedent("""
    import os, sys
    import app.io.yaml_save
    from app.io import dumps_diagram, save_diagram
    from app.model import Diagram
    from benchmarks.generate import synthetic_diagram
    path, writer, nodes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    a = Diagram.model_validate(synthetic_diagram(nodes))
    b = a.evolve(title="version B")
    # Serialise once: the rounds then spend their time writing, where a kill matters most.
    texts = {id(a): dumps_diagram(a), id(b): dumps_diagram(b)}
    cached = lambda diagram: texts[id(diagram)]
    app.io.yaml_save.dumps_diagram = cached
    if writer == "qsavefile":
        import app.ui.files.safe_save
        app.ui.files.safe_save.dumps_diagram = cached
        save = app.ui.files.safe_save.save_document
    else:
        save = save_diagram
    save(a, path)
    print("ready", flush=True)
    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            turn = 0
            while True:
                save(b if turn % 2 == 0 else a, path)
                turn += 1
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)
""")


@pytest.fixture(scope="module")
def versions() -> tuple[bytes, bytes]:
    a = Diagram.model_validate(synthetic_diagram(NODES))
    return dumps_diagram(a).encode(), dumps_diagram(a.evolve(title="version B")).encode()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
@pytest.mark.parametrize("writer", ["save_diagram", "qsavefile"])
def test_killed_saves_leave_the_old_or_the_new_file_never_a_mix(tmp_path, versions, writer):
    path = tmp_path / "plan.yaml"
    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(path), writer, str(NODES)], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    rng = random.Random(f"kill-{writer}")
    seen, mid_write = set(), 0
    started = time.monotonic()
    try:
        assert zygote.stdout.readline().strip() == "ready"
        for _ in range(KILLS):
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            worker = int(zygote.stdout.readline())
            time.sleep(rng.uniform(0.005, 0.15))
            os.kill(worker, signal.SIGKILL)
            assert zygote.stdout.readline().strip() == "reaped"
            data = path.read_bytes()
            assert data in versions, f"after a kill the file is neither version ({len(data)} B)"
            seen.add(versions.index(data))
            # A temporary file left behind means the kill landed while writing.
            leftovers = [p for p in tmp_path.iterdir() if p.name != "plan.yaml"]
            mid_write += bool(leftovers)
            for leftover in leftovers:
                leftover.unlink()
    finally:
        zygote.kill()
        zygote.wait(10)
    assert seen == {0, 1}, "the kills should land in both versions' turns"
    if writer == "save_diagram":
        # QSaveFile on Linux writes to an unnamed O_TMPFILE, so it leaves nothing to count.
        assert mid_write >= 5, "too few kills landed mid-write to prove anything"
    assert all(loads_diagram(v) for v in versions)  # both states are valid diagrams
    print(f"{writer}: {KILLS} kills, {mid_write} mid-write, "
          f"{time.monotonic() - started:.1f} s")
