"""Legibility of the shared geometry (canvas, SVG, PNG, PDF): over every template in both
languages and 200 generated funnels, no edge through a node, no label on a node, a label or
another edge, no label cut under two lines, every label nearer its own edge than any other."""

from __future__ import annotations

import pytest

from app.export.svg_measure import counts_of, drawing_of
from app.model import Diagram
from app.render.layout import layout
from app.render.measure import Drawing, DrawnEdge, DrawnLabel, measure
from app.render.rect import Rect
from benchmarks.legibility_cases import TEMPLATES, generated, templates

CASES = {name: (diagram, lang) for name, diagram, lang in templates()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_template_reads_cleanly(name):
    diagram, lang = CASES[name]
    counts = counts_of(diagram, lang)
    assert counts.problems() == {}, f"{name}: {counts}"
    drawing = drawing_of(diagram, lang)  # on the templates no text is cut at all
    assert [label.edge for label in drawing.labels if label.cut] == []
    assert [node for node, cut, _ in drawing.titles if cut] == []



def test_two_hundred_generated_funnels_read_cleanly():
    bad = {}
    for seed in range(200):
        counts = counts_of(generated(seed))
        if counts.problems():
            bad[seed] = counts.problems()
    assert bad == {}


def test_the_generated_funnels_have_what_they_should_test():
    """Lanes, phases, fan-in, fan-out, loop-backs, long English and Chinese labels."""
    seen = {"lanes>1": 0, "phases": 0, "fan-in": 0, "fan-out": 0, "loop": 0, "zh": 0,
            "long label": 0, "long title": 0}
    for seed in range(200):
        d = generated(seed)
        geometry = layout(d)
        seen["lanes>1"] += len(d.lanes) > 1
        seen["phases"] += bool(d.phases)
        sources = [e.source for e in d.edges]
        targets = [e.target for e in d.edges]
        seen["fan-out"] += len(sources) > len(set(sources))
        seen["fan-in"] += len(targets) > len(set(targets))
        seen["loop"] += any(geometry.nodes[e.target].x <= geometry.nodes[e.source].x
                            for e in d.edges)
        seen["zh"] += any("\u4e00" <= c <= "\u9fff" for n in d.nodes for c in n.title)
        seen["long label"] += any(len(e.label or "") > 25 for e in d.edges)
        seen["long title"] += any(len(n.title) > 30 for n in d.nodes)
    assert all(count >= 20 for count in seen.values()), seen


def test_edges_that_share_a_node_leave_and_arrive_at_distinct_ports():
    for _, diagram, _ in templates():
        geometry = layout(diagram)
        outs, ins = {}, {}
        for edge in diagram.edges:
            points = geometry.routes[edge.id].points
            outs.setdefault(edge.source, []).append(points[0])
            ins.setdefault(edge.target, []).append(points[-1])
        for ports in (*outs.values(), *ins.values()):
            assert len(set(ports)) == len(ports)


def test_routes_are_orthogonal_and_start_and_end_on_their_boxes():
    diagram = generated(7)
    geometry = layout(diagram)
    for edge in diagram.edges:
        points = geometry.routes[edge.id].points
        for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
            assert ax == bx or ay == by
        src, dst = geometry.nodes[edge.source], geometry.nodes[edge.target]
        # on the right side of the source's outline, the left side of the target's
        assert src.cx < points[0][0] <= src.right and src.y < points[0][1] < src.bottom
        assert dst.x <= points[-1][0] < dst.cx and dst.y < points[-1][1] < dst.bottom
        if diagram.node(edge.source).kind.value == "step":
            assert points[0][0] == src.right


def _chain(loop: bool) -> Diagram:
    nodes = [{"id": f"n{i}", "lane": "a" if i % 7 else "b"} for i in range(8)]
    edges = [{"from": f"n{i}", "to": f"n{i + 1}", "conversion": "50%"} for i in range(7)]
    if loop:
        edges.append({"from": "n7", "to": "n0"})
    return Diagram.model_validate({"funnelflow": 1, "lanes": [{"id": "a"}, {"id": "b"}],
                                   "nodes": nodes, "edges": edges})


def test_a_long_loop_back_runs_along_a_lane_and_does_not_widen_the_diagram():
    without, with_loop = layout(_chain(False)), layout(_chain(True))
    assert with_loop.bounds.w == without.bounds.w
    route = with_loop.routes["n7->n0"]
    xs = [x for x, _ in route.points]
    assert min(xs) < with_loop.nodes["n0"].x and max(xs) > with_loop.nodes["n7"].right
    assert counts_of(_chain(True)).problems() == {}


def test_long_titles_wrap_onto_a_second_line_and_only_then_are_cut():
    base = {"funnelflow": 1, "lanes": [{"id": "a"}],
            "nodes": [{"id": "x", "lane": "a", "label": "Short"}], "edges": []}
    short = layout(Diagram.model_validate(base)).nodes["x"]
    two = dict(base, nodes=[{"id": "x", "lane": "a",
                             "label": "Qualified lead from the partner webinar"}])
    wrapped = layout(Diagram.model_validate(two)).nodes["x"]
    assert wrapped.h > short.h  # grew for the second line
    drawing = drawing_of(Diagram.model_validate(two), "en")
    assert drawing.titles == [("x", False, 2)]
    huge = dict(base, nodes=[{"id": "x", "lane": "a", "label": "word " * 60}])
    drawing = drawing_of(Diagram.model_validate(huge), "en")
    assert drawing.titles == [("x", True, 3)]  # cut only beyond three lines, in a wider node
    from app.export.svg_export import render_svg

    svg = render_svg(Diagram.model_validate(huge), lang="en")
    assert "<title>" + "word " * 60 + "</title>" in svg  # the whole title


def test_the_measure_sees_each_problem():
    """Each count can fail: one drawing per problem."""
    a, b, c = Rect(0, 0, 100, 50), Rect(300, 0, 100, 50), Rect(150, 0, 100, 50)
    through = DrawnEdge("a->b", "a", "b", [("M", 100, 25), ("L", 300, 25)])
    counts = measure(Drawing({"a": a, "b": b, "c": c}, [through], []))
    assert counts.edges_through_nodes == 1
    on_node = DrawnLabel("a->b", Rect(90, 20, 30, 10))
    assert measure(Drawing({"a": a, "b": b}, [through], [on_node])).labels_on_nodes == 1
    one, two = DrawnLabel("a->b", Rect(150, 20, 40, 10)), DrawnLabel("b->a", Rect(170, 22, 40, 10))
    other = DrawnEdge("b->a", "b", "a", [("M", 300, 60), ("L", 100, 60)])
    counts = measure(Drawing({"a": a, "b": b}, [through, other], [one, two]))
    assert counts.labels_on_labels == 1
    crossing = DrawnEdge("x->y", "x", "y", [("M", 160, -40), ("L", 160, 90)])
    counts = measure(Drawing({"a": a, "b": b}, [through, crossing], [one]))
    assert counts.labels_crossed == 1 and counts.crossings == 1
    far = DrawnLabel("b->a", Rect(150, 20, 40, 10))  # on a->b, 35 px from its own edge
    counts = measure(Drawing({"a": a, "b": b}, [through, other], [far]))
    assert counts.labels_nearer_other == 1
    cut = DrawnLabel("a->b", Rect(150, 0, 40, 10), cut=True, lines=1)
    assert measure(Drawing({"a": a, "b": b}, [through], [cut])).cut_labels == 1
    assert measure(Drawing({"a": a}, [], [], [("a", True, 2)])).cut_labels == 0


def test_every_shipped_template_is_measured():
    from app.io.templates import template_names

    for lang in ("en", "zh"):
        assert set(template_names(lang)) == set(TEMPLATES)


def test_marks_never_cover_a_node_s_text():
    """The status mark and the severity marker sit clear of every line of a node's text."""
    from app.render.canvas_geometry import (
        MARK_RADIUS,
        severity_marker_center,
        status_mark_center,
    )
    from app.render.labels import elide, text_width
    from app.render.texts import node_lines

    diagrams = [d for _, d, _ in templates()] + [generated(seed) for seed in range(40)]
    checked = 0
    for diagram in diagrams:
        geometry = layout(diagram)
        for node in diagram.nodes:
            box = geometry.nodes[node.id]
            local = Rect(0.0, 0.0, box.w, box.h)
            kind = node.kind.value
            marks = [status_mark_center(local, kind), severity_marker_center(local, kind)]
            def cut(text: str, width: float, key: str) -> str:
                return elide(text, width, 11.5)

            for line in node_lines(node, box.w, box.h, "en", "20,000/mo", cut):
                w = text_width(line.text, line.font_px)
                text = Rect(line.cx - w / 2, line.top + 2, w, line.font_px * 1.2)
                for mx, my in marks:
                    mark = Rect(mx - MARK_RADIUS, my - MARK_RADIUS, 2 * MARK_RADIUS,
                                2 * MARK_RADIUS)
                    assert not mark.intersects(text), (node.id, line.text)
                checked += 1
    assert checked > 500
