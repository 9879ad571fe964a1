"""A freshly opened diagram is readable: whole (titles drawn large, see semantic.py) down to
OPEN_WHOLE_ZOOM; a diagram wider than that opens at its start at a readable zoom."""

from app.io import load_diagram
from app.model import Diagram
from app.resources import resource_path
from app.ui.canvas.scene import DiagramScene
from app.ui.canvas.view import OPEN_WHOLE_ZOOM, READABLE_ZOOM, DiagramView
from app.ui.session import Session


def make_view(qtbot, diagram):
    view = DiagramView(DiagramScene(Session(diagram)))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_wide_sample_opens_whole(qtbot):
    view = make_view(qtbot, load_diagram(resource_path("templates", "zh", "full-funnel.yaml")))
    view.show_start()
    assert OPEN_WHOLE_ZOOM <= view.zoom() < READABLE_ZOOM
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    b = view.scene().layout.bounds
    assert visible.contains(b.x + 140, b.y + 40) and visible.contains(b.right, b.bottom)


def test_a_funnel_too_wide_to_read_whole_opens_at_its_start_at_a_readable_zoom(qtbot):
    view = make_view(qtbot, load_diagram(resource_path("templates", "zh", "full-funnel.yaml")))
    view.resize(420, 700)  # a narrow window: whole, the titles could not be read
    view.show_start()
    assert view.zoom() == READABLE_ZOOM
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    geometry = view.scene().layout
    # the entries show, beside the lane names in the ruler
    assert visible.left() <= geometry.lanes[0].header.right
    assert visible.top() <= geometry.phases[0].header.bottom
    assert view.rulers.lanes.isVisible() and view.rulers.phases.isVisible()
    assert view.scene().layout.bounds.w > visible.width()  # the rest is a scroll away


def test_a_small_diagram_opens_whole(qtbot):
    small = Diagram.model_validate({"funnelflow": 1, "lanes": [{"id": "m"}],
                                    "nodes": [{"id": "a", "kind": "entry", "lane": "m"}]})
    view = make_view(qtbot, small)
    view.show_start()
    assert view.zoom() > READABLE_ZOOM
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    bounds = view.scene().layout.bounds
    assert visible.contains(bounds.x + bounds.w / 2, bounds.y + bounds.h / 2)
