"""The diagrams every benchmark group shares: generated once per size, saved as real files."""

from __future__ import annotations

import gc
from functools import cache
from pathlib import Path

from benchmarks.generate import loop_heavy_diagram, synthetic_diagram

ROOT = Path(__file__).resolve().parent.parent
#: a hand-written template: the "small file" of the start-up goal
SMALL_FILE = ROOT / "resources" / "templates" / "en" / "full-funnel.yaml"


class Fixtures:
    """Synthetic diagrams of each size as raw documents, validated Diagrams and YAML files."""

    def __init__(self, folder: Path):
        self.folder = folder

    @cache  # noqa: B019 - one Fixtures per run; the cache dies with it
    def raw(self, n: int) -> dict:
        return synthetic_diagram(n)

    @cache  # noqa: B019
    def diagram(self, n: int):  # noqa: ANN201 - app.model.Diagram
        from app.model import Diagram

        gc.disable()  # building is set-up, not measured: no need to pay for collections
        try:
            return Diagram.model_validate(self.raw(n))
        finally:
            gc.enable()

    @cache  # noqa: B019
    def path(self, n: int) -> Path:
        """The diagram saved in the canonical format, as a user's file would be."""
        from app.io import dumps_diagram

        target = self.folder / f"synthetic-{n}.yaml"
        target.write_text(dumps_diagram(self.diagram(n)), encoding="utf-8")
        return target

    def text(self, n: int) -> str:
        return self.path(n).read_text(encoding="utf-8")

    @cache  # noqa: B019
    def loop_path(self, n: int) -> Path:
        """A diagram whose loops tie nearly every node into one component, saved (issue 17)."""
        from app.io import dumps_diagram
        from app.model import Diagram

        target = self.folder / f"looped-{n}.yaml"
        diagram = Diagram.model_validate(loop_heavy_diagram(n))
        target.write_text(dumps_diagram(diagram), encoding="utf-8")
        return target
