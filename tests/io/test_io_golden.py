"""Golden files of every format version, kept forever: they must load, to these values,
and save to their canonical form byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.io import DiagramFileError, dumps_diagram, load_diagram, loads_diagram
from app.io.migrate import MIGRATIONS, VersionProblem, file_version, migrate
from app.model import FORMAT_VERSION, Better, NodeKind
from tests.conftest import FIXTURES


def golden_files() -> list[Path]:
    return sorted(p for version in ("v0", "v1") for p in (FIXTURES / version).glob("*.yaml")
                  if not p.name.endswith(".canonical.yaml"))


def canonical_of(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".yaml") + ".canonical.yaml")


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_file_saves_to_its_canonical_form(path):
    expected = canonical_of(path).read_text("utf-8")
    saved = dumps_diagram(load_diagram(path))
    assert saved == expected
    assert dumps_diagram(loads_diagram(saved)) == saved


def test_golden_files_exist_for_every_version():
    assert {p.parent.name for p in golden_files()} == {"v0", "v1"}


def test_handwritten_v1_values():
    d = load_diagram(FIXTURES / "v1" / "handwritten.yaml")
    assert d.title == "线索培育 Lead nurturing" and d.currency == "CNY"
    assert [lane.id for lane in d.lanes] == ["marketing", "sales", "service"]
    assert d.lanes[0].color == "#2E86DE"
    download = d.node("download")
    assert (download.volume.target, download.volume.actual) == (1500, 1200)
    assert (download.x, download.y, download.cost) == (12.5, -40, 30000)
    open_rate, cac = download.kpis
    assert (open_rate.target, open_rate.actual, open_rate.unit) == (0.25, 0.18, "%")
    assert (cac.name, cac.better, cac.unit) == ("获客成本 (CAC)", Better.lower, "CNY")
    mql = d.node("mql")
    assert mql.notes == '每周一复盘。\nReview on Mondays: "score ≥ 60" → MQL.\n'
    assert mql.duration.is_bare and mql.duration.target == 3
    assert d.node("deal").label == "yes" and d.node("deal").kind is NodeKind.goal
    assert d.node("lost").label == "流失: 未跟进 #1"
    assert d.edge("download", "mql").conversion.target == 0.4
    mql_deal = d.edge("mql", "deal")
    assert (mql_deal.conversion.target, mql_deal.conversion.actual) == (0.2, 0.12)
    assert mql_deal.duration.actual is None
    assert d.edge("mql", "lost").conversion is None


def test_version_0_is_migrated():
    d = load_diagram(FIXTURES / "v0" / "stages.yaml")
    assert [p.id for p in d.phases] == ["awareness"]
    assert d.node("ads").phase == "awareness"


def test_migration_steps_cover_every_older_version():
    assert sorted(MIGRATIONS) == list(range(FORMAT_VERSION))


def test_migrate_raw_v0_to_current():
    raw = {"funnelflow": 0, "stages": [{"id": "s"}], "lanes": [{"id": "m"}],
           "nodes": [{"id": "a", "lane": "m", "stage": "s"}]}
    upgraded = migrate(raw)
    assert upgraded == {"funnelflow": 1, "lanes": [{"id": "m"}], "phases": [{"id": "s"}],
                        "nodes": [{"id": "a", "lane": "m", "phase": "s"}]}
    assert raw["stages"] == [{"id": "s"}]  # the input is left alone


def test_current_version_passes_through_unchanged():
    raw = {"funnelflow": 1, "lanes": [{"id": "m"}]}
    assert migrate(raw) == raw


@pytest.mark.parametrize("version,words", [
    (2, "format version 2, but this FunnelFlow reads up to version 1"),
    ("1", "must be a whole number"), (True, "must be a whole number"),
    (-1, "must be a whole number"),
])
def test_unusable_versions(version, words):
    with pytest.raises(VersionProblem, match=words):
        file_version({"funnelflow": version})


def test_error_in_migrated_file_points_at_the_old_key():
    text = ("funnelflow: 0\nlanes: [{id: m}]\nstages:\n  - {id: 'bad id'}\n")
    problem = pytest.raises(DiagramFileError, loads_diagram, text).value.problems[0]
    assert (problem.line, problem.col) == (4, 10)
    assert "'bad id' is not a valid id" in problem.message


def test_readme_example_is_a_valid_canonical_file():
    readme = (FIXTURES.parent.parent / "README.md").read_text("utf-8")
    assert "uv run funnelflow\n" in readme and "uv run pytest\n" in readme
    example = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert dumps_diagram(loads_diagram(example, "README.md")) == example
