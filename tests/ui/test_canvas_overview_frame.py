"""Zoomed far out the canvas paints its frame itself (app/ui/canvas/overview_frame.py): only
the lanes, phases, the overview and the items being worked on draw there, so it skips Qt's
walk over every item in view. The user sees the same pixels as Qt's own frame, and clicks,
drags and the rubber band act on the items as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage, QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.model import Diagram
from app.ui.canvas import overview_frame
from app.ui.canvas import view as view_module
from app.ui.canvas.items import NodeItem
from app.ui.session import Session
from benchmarks.generate import synthetic_diagram
from tests.ui.conftest import drag, to_viewport


@pytest.fixture(scope="module")
def big_diagram() -> Diagram:
    """Past the size at which zooming out switches to the overview (400 nodes)."""
    return Diagram.model_validate(synthetic_diagram(480))


@pytest.fixture
def far_view(qtbot, fonts, big_diagram):
    """The canvas zoomed to fit a 480-node diagram: the overview draws it."""
    from app.ui.canvas.scene import DiagramScene
    from app.ui.canvas.view import DiagramView

    view = DiagramView(DiagramScene(Session(big_diagram)))
    qtbot.addWidget(view)
    view.resize(1000, 640)
    view.show()
    qtbot.waitExposed(view)
    # A button an earlier test pressed with QTest and never let go counts as still down.
    for button in (Qt.LeftButton, Qt.MiddleButton, Qt.RightButton):
        if QGuiApplication.mouseButtons() & button:
            QTest.mouseRelease(view.viewport(), button, Qt.NoModifier, QPoint(1, 1))
    assert QGuiApplication.mouseButtons() == Qt.NoButton
    view.zoom_to_fit()
    QApplication.processEvents()
    assert view.scene().overview_on
    return view


@pytest.fixture
def frames(monkeypatch):
    """Counts the frames the view painted itself; `frames.qt = True` lets Qt paint all."""

    class Frames:
        own = 0
        qt = False

    def paint_frame(view, event):
        if Frames.qt:
            return False
        painted = overview_frame.paint_frame(view, event)
        Frames.own += painted
        return painted

    monkeypatch.setattr(view_module, "paint_frame", paint_frame)
    return Frames


def rendered(view, region: QRegion | None = None) -> QImage:
    """The viewport painted anew (all of it, or `region`) into an image."""
    viewport = view.viewport()
    image = QImage(viewport.size(), QImage.Format_ARGB32_Premultiplied)
    image.fill(0)
    if region is None:
        viewport.render(image)
    else:
        viewport.render(image, QPoint(), region)
    return image


def on_screen(view) -> QImage:
    """What the window shows now (its backing store, with every partial repaint in it)."""
    QApplication.processEvents()
    window = view.window()
    image = window.screen().grabWindow(window.winId()).toImage()
    corner = view.viewport().mapTo(window, QPoint(0, 0))
    return image.copy(QRect(corner, view.viewport().size()))


def middle_node(scene) -> NodeItem:
    """A node in the middle of the diagram (the view can centre it)."""
    return list(scene.nodes.values())[len(scene.nodes) // 2]


def select_some(scene) -> None:
    """Some nodes (their edges become active too) and some edges of others."""
    scene.select_ids(list(scene.nodes)[::37], list(scene.edges)[5::41])
    QApplication.processEvents()


def test_far_out_the_frame_has_the_pixels_qt_would_paint(far_view, frames):
    scene = far_view.scene()
    select_some(scene)
    drawn_by_items = [i for i in [*scene.nodes.values(), *scene.edges.values()]
                      if not i.flags() & i.GraphicsItemFlag.ItemHasNoContents]
    assert len(drawn_by_items) > 20  # the selection draws itself above the overview
    own = rendered(far_view)
    assert frames.own == 1
    frames.qt = True
    assert rendered(far_view) == own
    # A part of the view (what a pan brings in): the same pixels there too.
    strip = QRegion(QRect(0, 100, 90, 300)) + QRegion(QRect(400, 0, 200, 40))
    frames.qt = False
    own = rendered(far_view, strip)
    frames.qt = True
    assert rendered(far_view, strip) == own
    assert frames.own == 2


def test_a_pan_far_out_shows_what_qt_shows(far_view, frames):
    far_view.set_zoom(far_view.zoom() * 3)  # still the overview, and room to pan
    assert far_view.scene().overview_on
    select_some(far_view.scene())
    bar = far_view.horizontalScrollBar()
    assert bar.maximum() - bar.minimum() > 200
    start = bar.value()

    def pan() -> QImage:
        bar.setValue(start)
        far_view.viewport().repaint()
        bar.setValue(start + 40)  # Qt moves the pixels; the strip that came in is painted
        return on_screen(far_view)

    own = pan()
    assert frames.own >= 2
    frames.qt = True
    assert pan() == own


def test_while_a_button_is_down_qt_paints_and_a_moved_item_leaves_no_trace(far_view, frames):
    scene = far_view.scene()
    node = middle_node(scene)
    far_view.set_zoom(0.25)  # still the overview; a node is a few pixels wide
    far_view.centerOn(node)
    scene.select_ids([node.node_id], [])  # selected without a click: drawn by the view
    QApplication.processEvents()
    assert frames.own > 0
    viewport = far_view.viewport()
    # A middle-button press (a pan) changes nothing in the scene; Qt paints from now on.
    QTest.mousePress(viewport, Qt.MiddleButton, Qt.NoModifier, QPoint(5, 5))
    QApplication.processEvents()
    own = frames.own
    node.moveBy(200, 100)  # as a drag moves it: Qt repaints where it was and where it is
    moved = on_screen(far_view)
    assert frames.own == own
    viewport.repaint()  # all of it anew: its old place must look the same
    assert on_screen(far_view) == moved
    QTest.mouseRelease(viewport, Qt.MiddleButton, Qt.NoModifier, QPoint(5, 5))
    scene.restore_positions([node.node_id])
    back = on_screen(far_view)
    assert frames.own > own  # the view paints again once the button is up
    viewport.repaint()
    assert on_screen(far_view) == back


def test_a_drag_far_out_moves_the_node_and_leaves_no_trace(far_view, frames):
    scene = far_view.scene()
    node = middle_node(scene)
    far_view.set_zoom(0.25)
    far_view.centerOn(node)
    QApplication.processEvents()
    viewport = far_view.viewport()
    before = (node.x(), node.y())
    start = to_viewport(far_view, node.sceneBoundingRect().center())
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start)
    own = frames.own
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + QPoint(12 * step, 7 * step))
        QApplication.processEvents()
    assert frames.own == own  # Qt painted every frame of the drag
    dragging = on_screen(far_view)
    viewport.repaint()
    assert on_screen(far_view) == dragging
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, start + QPoint(60, 35))
    after = on_screen(far_view)
    assert frames.own > own
    box = scene.layout.nodes[node.node_id]
    assert (box.x, box.y) == (node.x(), node.y()) != before  # moved, and laid out there
    assert scene.session.undo_stack.count() == 1  # one move, one undo step
    viewport.repaint()
    assert on_screen(far_view) == after


def test_far_out_a_click_and_the_rubber_band_select_the_items_under_them(far_view, frames):
    scene = far_view.scene()
    target = list(scene.nodes.values())[10]
    drag(far_view, target.sceneBoundingRect().center(), target.sceneBoundingRect().center(),
         steps=1)
    assert scene.selected_ids() == ([target.node_id], [])
    # The selected node draws itself now: the view's frame shows it, as Qt's would.
    own = rendered(far_view)
    frames.qt = True
    assert rendered(far_view) == own
    frames.qt = False
    # A rubber band around the left third of the diagram selects what lies in it.
    b = scene.layout.bounds
    corner = scene.sceneRect().topLeft() + QPointF(1, 1)
    band_end = QPointF(b.x + b.w / 3, b.bottom - 1)
    scene.clearSelection()
    drag(far_view, corner, band_end, steps=4)
    nodes, edges = scene.selected_ids()
    area = QRect(to_viewport(far_view, corner), to_viewport(far_view, band_end))
    expected = {i.node_id for i in scene.nodes.values()
                if far_view.mapFromScene(i.sceneBoundingRect()).boundingRect().intersects(area)
                and area.contains(to_viewport(far_view, i.sceneBoundingRect().center()))}
    assert expected and expected <= set(nodes)
    assert all(isinstance(scene.nodes[n], NodeItem) for n in nodes)
    assert len(nodes) < len(scene.nodes) and edges
