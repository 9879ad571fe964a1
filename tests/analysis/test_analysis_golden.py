"""Golden checklists of the shipped templates, in every format and language.

Regenerate after an intended change with `FUNNELFLOW_UPDATE_GOLDEN=1 uv run pytest
tests/analysis/test_analysis_golden.py`, then read the diff: it is what users will see.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.analysis import analyze
from app.export.check_formats import format_reports

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "resources" / "templates"
GOLDEN = Path(__file__).parents[1] / "golden" / "check"
FORMATS = ("text", "md", "json", "csv")
UPDATE = os.environ.get("FUNNELFLOW_UPDATE_GOLDEN") == "1"


def _load(path: Path):
    try:
        from app.io import load_diagram
    except ImportError:  # the file layer is written concurrently; the model suffices
        import yaml

        from app.model import Diagram

        return Diagram.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    return load_diagram(path)


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for lang in ("en", "zh"):
        for template in sorted((TEMPLATES / lang).glob("*.yaml")):
            cases += [(lang, template.stem, fmt) for fmt in FORMATS]
    return cases


@pytest.mark.parametrize(("lang", "name", "fmt"), _cases())
def test_template_checklist_matches_golden(lang: str, name: str, fmt: str):
    source = TEMPLATES / lang / f"{name}.yaml"
    report = analyze(_load(source), lang)
    # the file name as a user would type it, so the golden does not depend on the checkout
    output = format_reports([(f"{name}.yaml", report)], fmt, lang, color=False)
    golden = GOLDEN / lang / f"{name}.{fmt}"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    if not golden.exists():
        pytest.skip(f"no golden yet for {lang}/{name}.{fmt}; run with FUNNELFLOW_UPDATE_GOLDEN=1")
    assert output == golden.read_text(encoding="utf-8")


def test_every_template_has_its_goldens():
    missing = [
        f"{lang}/{name}.{fmt}" for lang, name, fmt in _cases()
        if not (GOLDEN / lang / f"{name}.{fmt}").exists()
    ]
    assert not missing, f"missing goldens (FUNNELFLOW_UPDATE_GOLDEN=1): {missing}"


def _fixed_point(diagram, scenario: str, rounds: int = 3000) -> dict[str, float]:
    """Volumes by plain iteration of SPEC §3's equations: an independent check of the solver."""
    report = analyze(diagram)
    rates = report.conversions[scenario]
    entry = {n.id: (n.volume.value(scenario) or 0.0) if n.volume else 0.0 for n in diagram.nodes}
    volume = dict(entry)
    for _ in range(rounds):
        nxt = dict(entry)
        for e in diagram.edges:
            nxt[e.target] += volume[e.source] * rates[e.id]
        volume = nxt
    return volume


@pytest.mark.parametrize("name", sorted(p.stem for p in (TEMPLATES / "en").glob("*.yaml")))
def test_template_numbers_agree_with_iteration_and_with_full_reanalysis(name: str):
    diagram = _load(TEMPLATES / "en" / f"{name}.yaml")
    report = analyze(diagram)
    for scenario in ("target", "actual"):
        iterated = _fixed_point(diagram, scenario)
        for node_id, volume in report.volumes[scenario].items():
            assert volume == pytest.approx(iterated[node_id], rel=1e-6, abs=1e-6)
    # every impact equals the goal volume of the diagram re-analysed with that edge at target
    for finding in report.findings:
        if finding.rule != "conversion-off-target":
            continue
        edges = tuple(
            e.model_copy(update={"conversion": e.conversion.model_copy(
                update={"actual": e.conversion.target})}) if e.id == finding.target else e
            for e in diagram.edges
        )
        raised = analyze(diagram.evolve(edges=edges))
        expected = raised.goals["actual"] - report.goals["actual"]
        assert finding.impact == pytest.approx(expected, rel=1e-6, abs=1e-6)
