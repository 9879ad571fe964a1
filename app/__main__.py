"""`python -m app` and the `funnelflow` command (pyproject's script calls `run`)."""

import gc
import sys


def run() -> int:
    """Load the command line with the collector paused, then run it."""
    # Start-up builds thousands of pydantic schema objects and no garbage: the collector would
    # only walk them again and again (~4% of a small `check`). It is on again before any command
    # runs (the designer included).
    gc.disable()
    try:
        from app.cli import main
    finally:
        gc.enable()
    return main()


if __name__ == "__main__":
    sys.exit(run())
