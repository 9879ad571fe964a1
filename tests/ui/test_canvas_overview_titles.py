"""Zoomed out on a big diagram (the overview draws it, 400+ nodes) but not so far that titles
cannot be read (semantic zoom, 0.15 and up): the overview draws each node's title as the
node itself would, so zooming into part of a big funnel shows its steps, not empty boxes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.model import Diagram
from app.ui.canvas import semantic
from app.ui.canvas.overview import SETTLE_MS
from app.ui.session import Session
from benchmarks.generate import synthetic_diagram


@pytest.fixture(scope="module")
def big_diagram() -> Diagram:
    return Diagram.model_validate(synthetic_diagram(480))


def _shot(qtbot, diagram, zoom: float, overview: bool) -> tuple[QImage, int, bool]:
    """The view at `zoom` over the diagram's middle: its pixels, the title lines drawn, and
    whether the overview was on."""
    from app.ui.canvas.scene import DiagramScene
    from app.ui.canvas.view import DiagramView

    scene = DiagramScene(Session(diagram))
    if not overview:
        scene.overview_min_nodes = 10**9  # every item draws itself
    view = DiagramView(scene)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(zoom)
    view.centerOn(scene.sceneRect().center())
    QApplication.processEvents()
    qtbot.wait(SETTLE_MS + 100)  # the overview's picture drawn sharp at this zoom
    semantic.title_draws["count"] = 0
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    return image, semantic.title_draws["count"], scene.overview_on


@pytest.mark.parametrize("zoom", [0.18, 0.3])
def test_titles_show_when_the_overview_draws_a_big_diagram(qtbot, fonts, big_diagram, zoom):
    assert semantic.active(zoom)
    image, _, on = _shot(qtbot, big_diagram, zoom, overview=True)
    assert on  # the overview draws it...
    own, own_titles, own_on = _shot(qtbot, big_diagram, zoom, overview=False)
    assert not own_on
    assert own_titles > 20  # the items alone would draw many titles here...
    # ...and so does the overview: as much dark title text, near enough (edges and
    # outlines are light; without the titles the overview has next to none)
    words, own_words = _dark(image), _dark(own)
    assert own_words > 500
    assert abs(words - own_words) < own_words * 0.1, (words, own_words)


def _dark(image: QImage) -> int:
    """How many pixels are as dark as text."""
    return sum(QColor(image.pixel(x, y)).lightness() < 110
               for x in range(image.width()) for y in range(image.height()))
