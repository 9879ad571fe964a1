"""Measuring along an axis: lanes follow each other downwards, phases to the right."""

from app.model import Diagram
from app.model.axes import LANE, PHASE
from app.render.bands import along, band_at, bands, span
from app.render.layout import layout
from app.render.rect import Rect

DIAGRAM = Diagram.model_validate({
    "funnelflow": 1,
    "lanes": [{"id": "marketing"}, {"id": "sales"}],
    "phases": [{"id": "aware"}, {"id": "buy"}],
    "nodes": [{"id": "ads", "kind": "entry", "lane": "marketing", "phase": "aware",
               "volume": 100},
              {"id": "deal", "kind": "goal", "lane": "sales", "phase": "buy"}],
    "edges": [{"from": "ads", "to": "deal"}],
})


def test_span_and_along_follow_the_axis():
    rect = Rect(10, 20, 30, 40)
    assert span(LANE, rect) == (20, 60) and span(PHASE, rect) == (10, 40)
    assert along(LANE, 1.0, 2.0) == 2.0 and along(PHASE, 1.0, 2.0) == 1.0


def test_band_at_finds_the_lane_by_height_and_the_phase_by_x():
    geometry = layout(DIAGRAM)
    assert [b.id for b in bands(geometry, LANE)] == ["marketing", "sales"]
    assert [b.id for b in bands(geometry, PHASE)] == ["aware", "buy"]
    sales, buy = geometry.lanes[1].rect, geometry.phases[1].rect
    # the other coordinate does not matter: a ruler maps only the one along its axis
    assert band_at(geometry, LANE, -1e6, sales.cy).id == "sales"
    assert band_at(geometry, PHASE, buy.cx, -1e6).id == "buy"
    assert band_at(geometry, LANE, sales.cx, sales.bottom + 1e6) is None
    assert band_at(geometry, PHASE, geometry.phases[0].rect.x - 1, 0) is None
