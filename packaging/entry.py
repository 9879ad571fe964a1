"""The script PyInstaller freezes: the same as `funnelflow` / `python -m app`."""

import os
import sys

# A windowed Windows/macOS program has no console, so sys.stdout and sys.stderr are None and
# the first print() or logging call would crash it; send them nowhere instead.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115

from app.__main__ import run  # noqa: E402  (after the streams exist)

sys.exit(run())
