"""Automatic layout: funnel order left to right, inside lane and phase, no overlaps."""

from hypothesis import given
from hypothesis import strategies as st

from app.model import Diagram
from app.model.order import funnel_ranks, loop_closing_edges
from app.render.labels import elide, format_rate, text_width
from app.render.layout import layout
from app.render.shapes import path_to_svg

FUNNEL = {
    "funnelflow": 1,
    "lanes": [{"id": "marketing"}, {"id": "sales"}],
    "phases": [{"id": "awareness"}, {"id": "decision"}],
    "nodes": [
        {"id": "ads", "kind": "entry", "lane": "marketing", "phase": "awareness"},
        {"id": "seo", "kind": "entry", "lane": "marketing", "phase": "awareness"},
        {"id": "landing", "lane": "marketing", "phase": "awareness"},
        {"id": "call", "lane": "sales", "phase": "decision"},
        {"id": "deal", "kind": "goal", "lane": "sales", "phase": "decision"},
        {"id": "referral", "lane": "marketing"},
    ],
    "edges": [
        {"from": "ads", "to": "landing"},
        {"from": "seo", "to": "landing"},
        {"from": "landing", "to": "call"},
        {"from": "call", "to": "deal"},
        {"from": "deal", "to": "referral"},
        {"from": "referral", "to": "ads"},
    ],
}


def test_loop_closing_edge_is_the_one_back_to_the_path():
    diagram = Diagram.model_validate(FUNNEL)
    assert loop_closing_edges(diagram) == {("referral", "ads")}
    ranks = funnel_ranks(diagram)
    assert ranks["ads"] == 0 and ranks["landing"] == 1 and ranks["call"] == 2
    assert ranks["deal"] == 3 and ranks["referral"] == 4


def test_nodes_sit_in_their_lane_and_phase_in_funnel_order():
    diagram = Diagram.model_validate(FUNNEL)
    geometry = layout(diagram)
    for node in diagram.nodes:
        rect = geometry.nodes[node.id]
        assert geometry.lane_at(rect.cy) == node.lane
        if node.phase:
            assert geometry.phase_at(rect.cx) == node.phase
    assert geometry.nodes["ads"].right < geometry.nodes["landing"].x
    assert geometry.nodes["call"].right < geometry.nodes["deal"].x
    assert geometry.nodes["ads"].x == geometry.nodes["seo"].x  # same rank: stacked
    assert geometry.nodes["ads"].y != geometry.nodes["seo"].y


def test_explicit_positions_are_kept_and_auto_nodes_avoid_them():
    data = {**FUNNEL, "nodes": [dict(n) for n in FUNNEL["nodes"]]}
    ads = geometry_of(data).nodes["ads"]
    data["nodes"][1] |= {"x": ads.x, "y": ads.y}  # seo placed exactly where ads would go
    geometry = geometry_of(data)
    assert (geometry.nodes["seo"].x, geometry.nodes["seo"].y) == (ads.x, ads.y)
    assert not geometry.nodes["ads"].intersects(geometry.nodes["seo"])


def geometry_of(data):
    return layout(Diagram.model_validate(data))


@given(st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=30),
       st.lists(st.integers(0, 2), min_size=12, max_size=12))
def test_auto_layout_never_overlaps(pairs, lanes):
    nodes = [{"id": f"n{i}", "lane": f"l{lanes[i]}"} for i in range(12)]
    edges = [{"from": f"n{a}", "to": f"n{b}"} for a, b in dict.fromkeys(pairs)]
    diagram = Diagram.model_validate({
        "funnelflow": 1, "lanes": [{"id": "l0"}, {"id": "l1"}, {"id": "l2"}],
        "nodes": nodes, "edges": edges})
    rects = list(layout(diagram).nodes.values())
    for i, first in enumerate(rects):
        for second in rects[i + 1:]:
            assert not first.intersects(second)


def test_edge_routes_and_svg_path():
    diagram = Diagram.model_validate(FUNNEL)
    geometry = layout(diagram)
    ads = geometry.nodes["ads"]
    forward = geometry.routes["ads->landing"]
    assert forward.path[0][0] == "M" and forward.path[0][1] == ads.right  # leaves on the right
    assert ads.y < forward.path[0][2] < ads.bottom
    back = geometry.routes["referral->ads"]
    # a loop runs left along a corridor under the boxes, and enters its target from the left
    assert min(y for _, y in back.points) >= min(ads.y, geometry.nodes["referral"].y)
    assert max(y for _, y in back.points) > max(ads.bottom, geometry.nodes["referral"].bottom)
    assert back.points[-1][0] == ads.x
    assert path_to_svg([("M", 1.0, 2.5), ("L", 3.333, -0.0), ("Z",)]) == "M1 2.5 L3.33 0 Z"


def test_labels_fit_and_rates_read_naturally():
    assert format_rate(0.032) == "3.2%" and format_rate(0.2) == "20%"
    assert format_rate(0.0035) == "0.35%"
    assert text_width("线索", 10) == 20
    cut = elide("客户触达与教育阶段的内容营销", 60, 12)
    assert cut.endswith("…") and text_width(cut, 12) <= 60
