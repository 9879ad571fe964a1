"""Shared test helpers: where fixture files are, and a minimal valid document."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Tests never open real windows: without this, a machine with no display aborts at the first
# QApplication, and one with a display flashes windows during the run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"

# Property tests: a short search in the default run (`uv run pytest` stays under two minutes
# on a 2-core machine), the old counts in CI (`.ci/run` runs `-m hypothesis` again with "ci"),
# a long hunt on demand: FUNNELFLOW_HYPOTHESIS=long uv run pytest -m hypothesis.
# Failing examples are kept in .hypothesis/ and replayed first, whatever the profile.
settings.register_profile("quick", max_examples=25, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("long", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("FUNNELFLOW_HYPOTHESIS", "quick"))


# Two lanes, two phases, one node of every kind, a handoff edge between lanes: the canvas,
# window and outline tests share it.
SMALL_DIAGRAM = {
    "funnelflow": 1,
    "title": "Small funnel",
    "lanes": [{"id": "marketing", "name": "Marketing"}, {"id": "sales", "name": "销售部"}],
    "phases": [{"id": "awareness", "name": "Awareness"}, {"id": "decision", "name": "决策期"}],
    "nodes": [
        {"id": "ads", "label": "Paid ads", "kind": "entry", "lane": "marketing",
         "phase": "awareness", "owner": "Ana", "volume": 10000},
        {"id": "landing", "label": "落地页", "lane": "marketing", "phase": "awareness",
         "owner": "Wei", "kpis": [{"name": "CTR", "target": "5%", "actual": "3%"}]},
        {"id": "demo", "label": "Demo", "kind": "decision", "lane": "sales",
         "phase": "decision"},
        {"id": "deal", "label": "Deal", "kind": "goal", "lane": "sales", "phase": "decision",
         "owner": "Li", "value": 1000},
        {"id": "lost", "label": "Lost", "kind": "exit", "lane": "sales", "phase": "decision"},
    ],
    "edges": [
        {"from": "ads", "to": "landing", "conversion": {"target": "5%", "actual": "3.2%"}},
        {"from": "landing", "to": "demo", "conversion": "40%"},
        {"from": "demo", "to": "deal", "conversion": {"target": "30%", "actual": "35%"}},
        {"from": "demo", "to": "lost"},
    ],
}


def minimal_document(**changes: Any) -> dict[str, Any]:
    """The smallest valid raw document (one lane, entry -> goal), with `changes` applied."""
    document: dict[str, Any] = {
        "funnelflow": 1,
        "title": "t",
        "lanes": [{"id": "marketing"}],
        "nodes": [
            {"id": "ads", "kind": "entry", "lane": "marketing", "volume": 100},
            {"id": "deal", "kind": "goal", "lane": "marketing"},
        ],
        "edges": [{"from": "ads", "to": "deal", "conversion": "10%"}],
    }
    document.update(changes)
    return document


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp):
    """Create the QApplication before any test can make a bare QGuiApplication.

    Headless exports create a QGuiApplication when none exists; a later widget test would then
    abort the whole interpreter, so the whole session shares one QApplication from the start.
    """
    yield qapp
