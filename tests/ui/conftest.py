"""Shared fixtures for the designer's tests: a small diagram, its session, the canvas, and
helpers that press, drag and release the mouse on a view like a user does."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from app.model import Diagram
from app.ui.session import Session
from tests.conftest import SMALL_DIAGRAM


@pytest.fixture(autouse=True)
def _qt_garbage_collected_between_tests():
    """Windows, views and scenes a test left in reference cycles are deleted here, by Python,
    right after qtbot closed them and before their deleteLater runs. Deleted the other way
    round (Qt first, a garbage collection later, maybe while another test paints) the
    test process crashed now and then."""
    yield
    gc.collect()


@pytest.fixture
def diagram() -> Diagram:
    """Two lanes, two phases, one node of every kind, a handoff edge between lanes."""
    return Diagram.model_validate(SMALL_DIAGRAM)


@pytest.fixture
def session(qtbot, diagram) -> Session:
    """A session on the small diagram."""
    return Session(diagram)


@pytest.fixture
def fonts(qapp):
    """The bundled CJK font, registered once the application exists."""
    from app.ui.fonts import register_fonts

    return register_fonts()


@pytest.fixture
def fit_view(qtbot, fonts):
    """Opens a diagram as the designer does (`show_start`) in a canvas of the size it has in
    a 1440x900 window; returns the view."""
    from app.ui.canvas.scene import DiagramScene
    from app.ui.canvas.view import DiagramView

    def open_view(diagram: Diagram):
        view = DiagramView(DiagramScene(Session(diagram)))
        qtbot.addWidget(view)
        view.resize(880, 780)  # the designer's canvas at 1440x900
        view.show()
        qtbot.waitExposed(view)
        view.show_start()
        return view

    return open_view


@pytest.fixture
def scene(session, fonts):
    from app.ui.canvas.scene import DiagramScene

    return DiagramScene(session, "en")


@pytest.fixture
def view(qtbot, scene):
    """The canvas at 100%, shown, with the whole small diagram in sight."""
    from app.ui.canvas.view import DiagramView

    view = DiagramView(scene)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitExposed(view)
    view.zoom_reset()
    view.centerOn(scene.layout.bounds.cx, scene.layout.bounds.cy)
    return view


def to_viewport(view, scene_pos) -> QPoint:
    """Where a scene point is on the view's viewport."""
    return view.mapFromScene(QPointF(*scene_pos) if isinstance(scene_pos, tuple) else scene_pos)


def _send(view, kind, local: QPoint, button, buttons, modifiers=Qt.NoModifier) -> None:
    viewport = view.viewport()
    event = QMouseEvent(kind, QPointF(local), QPointF(viewport.mapToGlobal(local)), button,
                        buttons, modifiers)
    QApplication.sendEvent(viewport, event)


def drag(view, start, end, *, button=Qt.LeftButton, modifiers=Qt.NoModifier,
         steps: int = 6) -> None:
    """Press at scene point `start`, move there in steps, release at `end`: a real drag."""
    a, b = to_viewport(view, start), to_viewport(view, end)
    _send(view, QEvent.MouseButtonPress, a, button, button, modifiers)
    for i in range(1, steps + 1):
        p = QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        _send(view, QEvent.MouseMove, p, Qt.NoButton, button, modifiers)
    _send(view, QEvent.MouseButtonRelease, b, button, Qt.NoButton, modifiers)


def click(view, at, *, modifiers=Qt.NoModifier) -> None:
    """Press and release the left button at scene point `at`."""
    p = to_viewport(view, at)
    _send(view, QEvent.MouseButtonPress, p, Qt.LeftButton, Qt.LeftButton, modifiers)
    _send(view, QEvent.MouseButtonRelease, p, Qt.LeftButton, Qt.NoButton, modifiers)
