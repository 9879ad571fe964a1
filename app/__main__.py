"""`python -m app` is the same as the `funnelflow` command."""

import gc
import sys

# Start-up builds thousands of pydantic schema objects and no garbage: the collector would
# only walk them again and again (~4% of a small `check`). It is on again before any command
# runs (the designer included).
gc.disable()
from app.cli import main  # noqa: E402

gc.enable()

if __name__ == "__main__":
    sys.exit(main())
