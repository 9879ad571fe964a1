"""Seeing the whole funnel: a template opens whole with every title readable (semantic zoom),
and lane and phase titles stay pinned at the view's edges while scrolling (frozen panes)."""

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from app.io.templates import load_template, template_names
from app.model.axes import LANE
from app.render import theme
from app.ui.canvas import semantic
from app.ui.canvas.scene import DiagramScene
from app.ui.canvas.view import DiagramView
from app.ui.session import Session

#: about the canvas of the designer's main window at 1440x900, between its docks
VIEW_SIZE = (880, 780)
TEMPLATES = [(lang, name) for lang in ("en", "zh") for name in template_names(lang)]


def make_view(qtbot, diagram, size=VIEW_SIZE):
    from app.ui.fonts import register_fonts

    register_fonts()
    scene = DiagramScene(Session(diagram))
    view = DiagramView(scene)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view


def render(view) -> QImage:
    image = QImage(view.viewport().size(), QImage.Format_RGB32)
    image.fill(QColor("white"))
    view.viewport().render(image)
    return image


@pytest.mark.parametrize(("lang", "name"), TEMPLATES)
def test_a_template_opens_whole_with_every_title_readable(qtbot, lang, name):
    view = make_view(qtbot, load_template(name, lang))
    view.show_start()
    scene, zoom = view.scene(), view.zoom()
    viewport = view.viewport().rect()
    for node_id, box in scene.layout.nodes.items():
        corner = view.mapFromScene(QPointF(box.x, box.y))
        far = view.mapFromScene(QPointF(box.right, box.bottom))
        # inside the viewport (the lane and phase rulers are beside it)
        assert viewport.contains(corner) and viewport.contains(far), node_id
        title = scene.nodes[node_id].node.title
        if semantic.active(zoom):
            room = scene.title_room(node_id)
            px, lines = semantic.title_block(title, zoom, (room[0], room[1] + room[2]))
            # readable; smaller only where the longest word needs it to stay whole
            least = semantic.MIN_TITLE_PX if semantic._widest_word(
                title, round(semantic.MIN_TITLE_PX / zoom)) <= room[0] - semantic.GAP_PX / zoom \
                else semantic.WORD_MIN_PX
            assert px * zoom >= least - 0.5, (node_id, px * zoom)
            assert "".join(line for line, _ in lines).replace("…", "") != "", node_id
        else:
            assert zoom * theme.FONT_LABEL_PX >= 9.0
    before = semantic.title_draws["count"]
    render(view)
    if semantic.active(zoom):  # the titles are really drawn, one line or two per node
        assert semantic.title_draws["count"] - before >= len(scene.layout.nodes)


def test_fit_titles_are_drawn_whole_in_the_wide_sample(qtbot):
    view = make_view(qtbot, load_template("full-funnel", "en"))
    view.show_start()
    zoom, scene = view.zoom(), view.scene()
    assert semantic.active(zoom)
    cut = []
    for node_id in scene.layout.nodes:
        room = scene.title_room(node_id)
        _, lines = semantic.title_block(scene.nodes[node_id].node.title, zoom,
                                        (room[0], room[1] + room[2]))
        if lines[-1][0].endswith("…"):
            cut.append(node_id)
    assert cut == []


def test_semantic_level_drops_the_secondary_lines(qtbot):
    from app.ui import paint

    view = make_view(qtbot, load_template("aarrr", "en"))
    view.set_zoom(semantic.SEMANTIC_ZOOM * 0.8)
    before_nodes, before_titles = paint.text_draws["node"], semantic.title_draws["count"]
    render(view)
    assert paint.text_draws["node"] == before_nodes  # no owner, volume or mark glyphs
    assert semantic.title_draws["count"] > before_titles
    view.set_zoom(1.0)
    render(view)
    assert paint.text_draws["node"] > before_nodes  # at 100% the node draws all its lines


def _dark_pixels(image: QImage, x0: int, x1: int, y0: int, y1: int) -> int:
    count = 0
    for y in range(max(0, y0), min(image.height(), y1)):
        for x in range(max(0, x0), min(image.width(), x1)):
            if QColor(image.pixel(x, y)).lightness() < 140:
                count += 1
    return count


def test_lane_titles_stay_visible_after_scrolling_right(qtbot):
    view = make_view(qtbot, load_template("full-funnel", "zh"))
    view.zoom_reset()
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    geometry = view.scene().layout
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.left() > geometry.lanes[0].header.right + 500  # scrolled well past them
    ruler = view.rulers.lanes
    assert ruler.isVisible() and ruler.width() >= 100
    image = view.grab().toImage()
    shown = 0
    for band in geometry.lanes:
        rect = view.rulers.lane_title_rect(band)
        if rect is None:
            continue
        middle = rect.center().y()
        # the lane's own tint in the ruler, and dark title ink on it
        assert QColor(image.pixel(rect.x() + 60, middle)).name().upper() != "#FFFFFF"
        assert _dark_pixels(image, rect.x() + 8, rect.right(), rect.top(), rect.bottom()) > 10
        shown += 1
    assert shown >= 1


def test_phase_titles_stay_visible_after_scrolling_down_and_when_zoomed_out(qtbot):
    view = make_view(qtbot, load_template("lifecycle", "en"), size=(700, 300))
    view.zoom_reset()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    ruler = view.rulers.phases
    assert ruler.isVisible()
    image = view.grab().toImage()
    assert _dark_pixels(image, ruler.x(), ruler.x() + ruler.width(), ruler.y(),
                        ruler.y() + ruler.height()) > 10
    view.zoom_to_fit()  # zoomed out, the diagram's own headers would be unreadable
    assert view.zoom() * theme.FONT_HEADER_PX < 11
    image = view.grab().toImage()
    assert _dark_pixels(image, ruler.x(), ruler.x() + ruler.width(), ruler.y(),
                        ruler.y() + ruler.height()) > 10
    assert view.rulers.lanes.isVisible()


def test_a_click_on_a_lane_title_in_the_ruler_selects_the_lane(qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    view = make_view(qtbot, load_template("aarrr", "en"))
    view.show_start()
    seen = []
    view.scene().band_clicked.connect(lambda kind, band: seen.append((kind, band)))
    lane = view.scene().layout.lanes[1]
    rect = view.rulers.lane_title_rect(lane)
    point = view.rulers.lanes.mapFrom(view, rect.center())
    QTest.mouseClick(view.rulers.lanes, Qt.LeftButton, Qt.NoModifier, QPoint(point))
    assert seen == [(LANE, lane.id)]
