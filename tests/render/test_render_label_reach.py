"""The canvas indexes an edge label by where it *can* be (`label_reach`, from the route alone)
and places its words only when first drawn: that box must hold the placed label, whatever
the text, in both languages, on every template and on generated funnels with long labels."""

from __future__ import annotations

from app.render.labels import edge_text, shared_rate
from app.render.layout import layout
from app.render.texts import label_reach, place_label
from benchmarks.legibility_cases import generated, templates


def _inside(inner, outer) -> bool:
    return (inner.x >= outer.x - 1e-6 and inner.y >= outer.y - 1e-6
            and inner.right <= outer.right + 1e-6 and inner.bottom <= outer.bottom + 1e-6)


def _check(diagram) -> int:
    geometry = layout(diagram)
    lane = {n.id: n.lane for n in diagram.nodes}
    outgoing: dict[str, list] = {}
    for e in diagram.edges:
        outgoing.setdefault(e.source, []).append(e)
    checked = 0
    for edge in diagram.edges:
        route = geometry.routes[edge.id]
        handoff = lane[edge.source] != lane[edge.target]
        shared = shared_rate(outgoing[edge.source], edge) if edge.conversion is None else None
        for lang in ("en", "zh"):
            texts = (edge_text(edge, lang, shared), "", "W" * 400, "长" * 200,
                     "Qualified lead (shared budget across regions) 12.5% / 33.3%",
                     "WWWWWWW ≈99.9% (shared)", "≈99.9%（共享）")
            for text in texts:
                placed = place_label(route, text, handoff).bounds
                if placed is None:
                    continue
                reach = label_reach(route, handoff)
                assert _inside(placed, reach), (edge.id, text, placed, reach)
                checked += 1
    return checked


def test_every_placed_label_lies_inside_its_reach_on_the_templates():
    assert sum(_check(diagram) for _, diagram, _ in templates()) > 100


def test_every_placed_label_lies_inside_its_reach_on_generated_funnels():
    assert sum(_check(generated(seed)) for seed in range(40)) > 1000
