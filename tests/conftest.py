"""Shared test helpers: where fixture files are, and a minimal valid document."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

# Tests never open real windows: without this, a machine with no display aborts at the first
# QApplication, and one with a display flashes windows during the run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


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
