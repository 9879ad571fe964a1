"""What makes a big canvas quick to build and to zoom, pinned by what it shows:
- an edge label's words are placed when it is first drawn (the scene indexes the label by
  where it can be), and then sit exactly where the exports put them;
- a conversion edit keeps the layout and still shows the new rate;
- the overview's picture is drawn anew after an edit, a selection or a zoom step."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage

from app.model.commands import UpdateEdge
from app.render.labels import edge_text
from app.render.texts import place_label
from app.ui.canvas.overview import SETTLE_MS


def view_image(view) -> QImage:
    image = QImage(view.viewport().size(), QImage.Format_ARGB32)
    image.fill(QColor("white"))
    view.viewport().render(image)
    return image


def test_a_label_is_placed_when_first_drawn_where_the_exports_place_it(view, scene, session):
    item = scene.edges["ads->landing"]
    look = item.look
    edge = session.diagram.edge("ads", "landing")
    # Built, not drawn: nothing measured yet, but the label is indexed where it can be.
    scene2 = type(scene)(session, "en")
    fresh = scene2.edges["ads->landing"].look
    assert "place" not in fresh.__dict__ and "text" not in fresh.__dict__
    tile = scene2.labels.tile_of("ads->landing")
    assert tile.isVisible() and tile.boundingRect().contains(fresh.label_reach)
    assert "place" not in fresh.__dict__
    # Drawn (the view painted it): the words are where the exports put them.
    view.centerOn(look.label_reach.center())
    view_image(view)
    assert "place" in look.__dict__
    assert look.text == edge_text(edge, "en") == "3.2% / 5%"
    expected = place_label(look.geometry, look.text, look.handoff).plate
    assert (look.pill.x(), look.pill.y(), look.pill.width()) == (expected.x, expected.y,
                                                                  expected.w)
    reach = look.label_reach
    assert reach.contains(look.label_bounds)
    # A click finds the plate, not the room around it; the tile's picks its edge.
    tile = scene.labels.tile_of("ads->landing")
    centre = look.label_bounds.center()
    assert tile.contains(centre) and tile.edge_at(centre) is item
    corner = QPointF(reach.right() - 0.5, reach.bottom() - 0.5)
    assert not look.label_bounds.contains(corner) and not tile.contains(corner)
    assert [i for i in scene.items(centre) if i is tile] == [tile]
    assert [i for i in scene.items(corner) if i is tile] == []


def test_a_cut_label_tells_its_whole_text(scene, session):
    long = "A very long label that cannot fit in three lines of an edge plate at all " * 3
    session.execute(UpdateEdge("ads", "landing", {"label": long}))
    item = scene.edges["ads->landing"]
    assert item.look.place.cut
    tile = scene.labels.tile_of("ads->landing")
    assert tile.tooltip_at(item.look.label_bounds.center()) == item.look.text
    other = scene.edges["landing->demo"].look
    assert scene.labels.tile_of("landing->demo").tooltip_at(other.label_bounds.center()) == ""


def test_a_conversion_edit_keeps_the_layout_and_shows_the_new_rate(scene, session):
    before = scene.layout
    session.execute(UpdateEdge("ads", "landing",
                               {"conversion": {"target": 0.05, "actual": 0.041}}))
    assert scene.layout is before  # "4.1% / 5%" takes the plate "3.2% / 5%" took
    assert scene.edges["ads->landing"].look.text == "4.1% / 5%"


def test_the_overview_picture_follows_edits_selections_and_zoom(qtbot, view, scene, session):
    scene.overview_min_nodes = 0  # the small diagram stands in for a big one
    view.set_zoom(0.3)
    view.centerOn(scene.layout.bounds.cx, scene.layout.bounds.cy)
    assert scene.overview_on
    first = view_image(view)
    assert view_image(view) == first  # drawn again from the picture: the same pixels

    def fresh() -> QImage:
        scene.overview.invalidate()
        return view_image(view)

    # An edit: the edge turns from off target (red) to on target (green), nothing moves.
    layout = scene.layout
    session.execute(UpdateEdge("ads", "landing",
                               {"conversion": {"target": 0.05, "actual": 0.061}}))
    assert scene.layout is layout
    moved = view_image(view)
    assert moved != first
    assert moved == fresh()
    # A selection: the selected node draws itself above the picture, which leaves it out.
    scene.select_ids(["deal"])
    selected = view_image(view)
    assert selected != moved
    assert selected == fresh()
    # A zoom step shows the picture scaled; once the scale has rested, drawn sharp again.
    view.set_zoom(0.28)
    view_image(view)
    qtbot.wait(SETTLE_MS + 150)
    settled = view_image(view)
    picture = scene.overview._pictures.get(id(view.viewport()))
    assert picture is not None and picture.same_scale(view.viewportTransform())
    assert settled == fresh()
    box = scene.layout.nodes["deal"]
    assert QRectF(picture.scene).intersects(QRectF(box.x, box.y, box.w, box.h))


def test_a_repaint_of_a_very_long_edge_strokes_the_same_pieces_as_a_full_search(fonts):
    import random

    from app.model import Edge
    from app.render.layout import Rect
    from app.render.route import quick_route
    from app.ui.paint import edge_look

    # a loop-back across a huge diagram: hundreds of pieces
    look = edge_look(Edge(source="a", target="b"),
                     quick_route(Rect(90000, 500, 176, 76), Rect(0, 3000, 176, 76)),
                     handoff=True)
    assert len(look.pieces) > 100
    rng = random.Random(3)
    for _ in range(200):
        x, y = rng.uniform(-500, 95000), rng.uniform(-500, 4000)
        area = QRectF(x, y, rng.uniform(1, 3000), rng.uniform(1, 2000))
        brute = [p for p in look.pieces if p[1].intersects(area)]
        assert look.pieces_in(area) == brute

