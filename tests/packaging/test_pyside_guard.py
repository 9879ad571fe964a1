"""Guard against PySide6 releases that leak references to None (6.12.0 on Python 3.11).

PySide6 6.12.0 drops one reference to `None` on every call of a Qt method that returns
nothing; Python 3.11 then aborts with "Fatal Python error: none_dealloc" once the count
reaches zero - at exit after a test run, or in the middle of a long designer session.
"""

from __future__ import annotations

import sys

import pytest

CALLS = 5000


def test_void_qt_calls_do_not_leak_none(qapp):
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QGraphicsRectItem

    item = QGraphicsRectItem(0, 0, 10, 10)
    item.setPos(0, 0)  # warm up any one-time caches
    before = sys.getrefcount(None)
    for index in range(CALLS):
        item.setPos(index, index)
    lost = before - sys.getrefcount(None)
    if lost > CALLS // 2:
        pytest.fail(
            f"PySide6 {pyside_version} leaks a reference to None on every void Qt call "
            f"({lost} lost over {CALLS} setPos calls); Python {sys.version_info[0]}."
            f"{sys.version_info[1]} will abort with 'Fatal Python error: none_dealloc'. "
            "Pin PySide6-Essentials below the leaking release in pyproject.toml "
            "(6.12.0 leaks; 6.11.3 does not).")
