"""A conversion edit keeps the layout when every label keeps its plate size (the canvas then
redraws only the edge), and lays out again when a plate grows or shrinks; either way the
result is exactly the full layout of the edited diagram."""

from __future__ import annotations

from app.io.templates import load_template
from app.model.commands import UpdateEdge
from app.render.layout import layout, relayout
from app.render.sizes import label_size


def _edit(diagram, edge, actual):
    command = UpdateEdge(edge.source, edge.target,
                         {"conversion": {"target": edge.conversion.target, "actual": actual}})
    after, _ = command.apply(diagram)
    return after


def _measured_edge(diagram):
    return next(e for e in diagram.edges if e.conversion is not None
                and e.conversion.actual is not None)


def test_a_rate_of_the_same_width_keeps_the_layout():
    diagram = load_template("full-funnel", "en")
    edge = _measured_edge(diagram)
    index = diagram.edges.index(edge)
    diagram = _edit(diagram, edge, round(edge.conversion.target + 0.02, 2))  # "a% / b%"
    edge = diagram.edges[index]
    geometry = layout(diagram)
    # digits are all one width: some other rate gives the same plate
    after = next(a for a in (_edit(diagram, edge, r / 100) for r in range(11, 99))
                 if a.edges[index].conversion.actual != edge.conversion.actual
                 and label_size(a.edges[index]) == label_size(edge))
    result = relayout(geometry, diagram, after)
    assert result is geometry  # kept, not laid out again
    assert result == layout(after)


def test_a_wider_rate_lays_out_again_and_matches_the_full_layout():
    diagram = load_template("full-funnel", "en")
    geometry = layout(diagram)
    edge = _measured_edge(diagram)
    index = diagram.edges.index(edge)
    after = _edit(diagram, edge, 0.12345)  # more digits: a wider plate
    assert label_size(after.edges[index]) != label_size(edge)
    result = relayout(geometry, diagram, after)
    assert result is not geometry
    assert result == layout(after)


def test_a_new_rate_changes_the_shared_remainder_of_its_siblings():
    from app.render.labels import shared_rate

    diagram = load_template("full-funnel", "en")
    by_source: dict[str, list] = {}
    for e in diagram.edges:
        by_source.setdefault(e.source, []).append(e)
    measured, sibling = next((a, b) for edges in by_source.values() for a in edges
                             for b in edges if a is not b and a.conversion is not None)
    # the sibling loses its own rate: it shows what `measured` leaves ("≈x% (shared)")
    diagram, _ = UpdateEdge(sibling.source, sibling.target,
                            {"conversion": None, "label": ""}).apply(diagram)

    def plates(d):
        own = d.edge(measured.source, measured.target)
        other = d.edge(sibling.source, sibling.target)
        return label_size(own), label_size(other, shared_rate(by_source_of(d, other.source),
                                                               other))

    # two rates of the same width whose remainders differ in width ("99.5%" leaves "0.5%",
    # "50.5%" leaves "49.5%"): its own plate keeps its size, the sibling's does not
    base = diagram
    diagram = _edit(base, base.edge(measured.source, measured.target), 0.995)
    after = _edit(base, base.edge(measured.source, measured.target), 0.505)
    (own_before, other_before), (own_after, other_after) = plates(diagram), plates(after)
    assert own_before == own_after and other_before != other_after
    geometry = layout(diagram)
    result = relayout(geometry, diagram, after)
    assert result is not geometry
    assert result == layout(after)


def by_source_of(diagram, source):
    return [e for e in diagram.edges if e.source == source]
