"""Zoomed far out, one overview item draws the diagram: the node and edge items stay in the
scene (clickable, selectable) but Qt no longer calls their paint; zoomed back in, they draw
again. What the user sees does not change."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from app.analysis import analyze
from app.model.commands import UpdateNode
from app.ui import paint

NO_CONTENTS = QGraphicsItem.ItemHasNoContents


def drawn_by_items(scene) -> set[str]:
    """The ids of nodes and edges whose own item paints them now."""
    return ({i for i, item in scene.nodes.items() if not item.flags() & NO_CONTENTS}
            | {i for i, item in scene.edges.items() if not item.flags() & NO_CONTENTS})


def view_image(view) -> QImage:
    image = QImage(view.viewport().size(), QImage.Format_ARGB32)
    image.fill(QColor("white"))
    view.viewport().render(image)
    return image


def differing(a: QImage, b: QImage) -> float:
    """The share of pixels that differ noticeably between two same-sized images."""
    count = total = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            total += 1
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            if max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green()),
                   abs(ca.blue() - cb.blue())) > 40:
                count += 1
    return count / total


def test_far_out_the_overview_draws_and_the_items_rest(view, scene, session):
    scene.overview_min_nodes = 0  # the small diagram stands in for a big one
    scene.set_report(analyze(session.diagram, "en"))
    view.set_zoom(0.2)
    assert scene.overview_on and scene.overview.isVisible()
    assert drawn_by_items(scene) == set()
    # The items are still there to click: hit-testing finds the node under the pointer.
    box = scene.layout.nodes["demo"]
    assert scene.node_at(QPointF(box.cx, box.cy)).node_id == "demo"
    overview = view_image(view)
    scene.set_overview(False)  # the same zoom drawn item by item
    items = view_image(view)
    assert differing(overview, items) < 0.002
    view.set_zoom(1.0)
    assert not scene.overview_on and not scene.overview.isVisible()
    assert drawn_by_items(scene) == set(scene.nodes) | set(scene.edges)


def test_small_diagrams_keep_their_items_at_every_zoom(view, scene):
    view.set_zoom(0.1)
    assert not scene.overview_on
    assert drawn_by_items(scene) == set(scene.nodes) | set(scene.edges)


def test_selected_nodes_draw_themselves_and_stay_selected_across_zooms(view, scene, session):
    scene.overview_min_nodes = 0
    scene.select_ids(["demo"], [])
    view.set_zoom(0.2)
    assert scene.overview_on
    # The selected node and its edges are drawn by their items (a drag shows them moving);
    # the overview leaves them out.
    assert drawn_by_items(scene) == {"demo", "landing->demo", "demo->deal", "demo->lost"}
    tiles = scene.overview.tiles().values()
    assert "demo" not in {i for t in tiles for i in t.nodes}
    scene.select_ids(["ads"], [])
    assert drawn_by_items(scene) == {"ads", "ads->landing"}
    view.set_zoom(1.0)
    assert scene.selected_ids() == (["ads"], [])


def test_an_edit_while_zoomed_out_shows_in_the_overview(view, scene, session):
    scene.overview_min_nodes = 0
    view.set_zoom(0.2)
    before = scene.overview.tiles()
    session.execute(UpdateNode("lost", {"kind": "step"}))
    after = scene.overview.tiles()
    assert after is not before
    kinds = {k for t in after.values() for k in t.outlines}
    assert "exit" not in kinds  # the only exit became a step
    assert drawn_by_items(scene) == set()


def test_another_view_zoomed_in_still_sees_everything(view, scene, session, qtbot):
    """The presentation shows the same scene at its own zoom: the overview then draws the
    items' full looks, texts included."""
    scene.overview_min_nodes = 0
    view.set_zoom(0.2)
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format_ARGB32)
    image.fill(QColor("white"))
    for key in paint.text_draws:
        paint.text_draws[key] = 0
    painter = QPainter(image)
    scene.render(painter, image.rect(), rect)
    painter.end()
    assert paint.text_draws["node"] >= len(scene.nodes)
