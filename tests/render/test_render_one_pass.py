"""The one routing pass of a grid layout (app.render.layout._layout_grid) sizes the heights from
the grid, then the widths from the ports: the routes it draws must be exactly what the router
finds on those final boxes, finding the columns and rows from the boxes themselves, with
nothing squeezed. Checked over every template in both languages and 200 generated funnels."""

from __future__ import annotations

import pytest

from app.model import Diagram
from app.render import theme
from app.render.labels import shared_rate
from app.render.layout import layout
from app.render.routes import route_edges
from app.render.sizes import label_size
from benchmarks.legibility_cases import generated, templates

CASES = {name: diagram for name, diagram, _ in templates()}


def _rerouted(diagram: Diagram):
    """The routes on `diagram`'s laid-out boxes, columns and rows found from the boxes."""
    geometry = layout(diagram)
    lane_index = {lane.id: i for i, lane in enumerate(diagram.lanes)}
    outgoing: dict[str, list] = {}
    for edge in diagram.edges:
        outgoing.setdefault(edge.source, []).append(edge)
    labels = {}
    for edge in diagram.edges:
        size = label_size(edge, shared_rate(outgoing[edge.source], edge))
        if size is not None:
            labels[edge.id] = size
    lane = {n.id: n.lane for n in diagram.nodes}
    handoffs = {e.id for e in diagram.edges if lane[e.source] != lane[e.target]}
    routes, needs = route_edges(
        [(e.id, e.source, e.target) for e in diagram.edges], geometry.nodes,
        {n.id: lane_index[n.lane] for n in diagram.nodes},
        [(b.rect.y, b.rect.bottom) for b in geometry.lanes], theme.LANE_HEADER_WIDTH,
        geometry.bounds.right, labels, handoffs, kinds={n.id: n.kind for n in diagram.nodes})
    return geometry, routes, needs


def _check(diagram: Diagram) -> None:
    assert all(n.x is None and n.y is None for n in diagram.nodes)  # (the one-pass case)
    geometry, routes, needs = _rerouted(diagram)
    assert not needs.squeezed
    assert routes == geometry.routes


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_pass_routes_are_what_the_final_boxes_give_on_every_template(name):
    _check(CASES[name])


def test_one_pass_routes_are_what_the_final_boxes_give_on_generated_funnels():
    for seed in range(200):
        _check(generated(seed))
