"""What keeps a big canvas fast without changing the picture: long curves stroked piece by
piece, only where the screen is repainted, and their dashes continuing across the pieces."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from app.render.layout import Rect
from app.render.shapes import _bezier_point, split_cubic
from app.ui.paint import edge_look


def test_a_piece_of_a_curve_is_exactly_that_part_of_it():
    curve = ((0.0, 0.0), (100.0, 0.0), (200.0, 300.0), (400.0, 50.0))
    piece = split_cubic(*curve, 0.3, 0.7)
    for u in (0.0, 0.25, 0.5, 1.0):
        a, b = _bezier_point(*piece, u), _bezier_point(*curve, 0.3 + 0.4 * u)
        assert abs(a[0] - b[0]) < 1e-9 and abs(a[1] - b[1]) < 1e-9


def test_a_long_handoff_is_cut_in_pieces_whose_dashes_continue(fonts):
    src, dst = Rect(0, 0, 176, 76), Rect(6000, 900, 176, 76)
    look = edge_look_between(src, dst, handoff=True)
    pieces = look.pieces
    assert pieces is not None and len(pieces) >= 3
    # The pieces join up into the whole curve...
    assert pieces[0][0].pointAtPercent(0) == look.curve.pointAtPercent(0)
    for (a, *_), (b, *_) in zip(pieces, pieces[1:], strict=False):
        gap = a.pointAtPercent(1) - b.pointAtPercent(0)
        assert abs(gap.x()) < 1e-6 and abs(gap.y()) < 1e-6
    end = pieces[-1][0].pointAtPercent(1) - look.curve.pointAtPercent(1)
    assert abs(end.x()) < 1e-6 and abs(end.y()) < 1e-6
    # ...and each goes on with the dash pattern where the one before stopped.
    offsets = [pen.dashOffset() for _, _, pen, _ in pieces]
    assert offsets[0] == 0 and offsets == sorted(offsets)
    total = sum(path.length() for path, *_ in pieces)
    assert abs(total - look.curve.length()) < 1.0
    # A repaint of a small area strokes only the pieces there.
    middle = look.curve.pointAtPercent(0.5)
    area = QRectF(middle - QPointF(50, 50), middle + QPointF(50, 50))
    assert 1 <= sum(1 for _, bounds, *_ in pieces if bounds.intersects(area)) <= 2


def test_short_edges_are_drawn_whole(fonts):
    look = edge_look_between(Rect(0, 0, 176, 76), Rect(312, 0, 176, 76))
    assert look.pieces is None


def edge_look_between(src: Rect, dst: Rect, handoff: bool = False):
    from app.model import Edge
    from app.render.route import quick_route

    return edge_look(Edge(source="a", target="b"), quick_route(src, dst), handoff=handoff)


def test_moves_by_hand_match_a_full_layout_and_edits_of_words_keep_it():
    import random

    from app.model.commands import MoveNodes, Placement, UpdateNode
    from app.render.layout import layout, relayout
    from benchmarks.fixtures import Fixtures

    diagram = Fixtures(None).diagram(300)
    geometry = layout(diagram)
    rng = random.Random(8)
    handled = [n.id for n in rng.sample(diagram.nodes, 8)]  # moved again and again
    kept = 0
    for step in range(40):
        node = diagram.node(rng.choice(handled))
        box = geometry.nodes[node.id]
        dx, dy = rng.choice([(8, 0), (-8, 8), (0, 104), (312, 0), (-40, -16), (900, 300)])
        command = MoveNodes({node.id: Placement(box.x + dx, box.y + dy, node.lane,
                                                node.phase)})
        if step % 4 == 3:  # now and then an edit of words that sizes nothing
            command = UpdateNode(node.id, {"owner": f"owner {step}"})
        after, _ = command.apply(diagram)
        result = relayout(geometry, diagram, after)
        assert result == layout(after), step
        kept += result is geometry  # reused, not laid out again
        diagram, geometry = after, result
    assert kept == 10  # every edit of words


def test_a_move_redraws_only_what_it_changed(scene, session):
    from app.model.commands import MoveNodes, Placement

    box = scene.layout.nodes["deal"]
    session.execute(MoveNodes({"deal": Placement(box.x, box.y, "sales", "decision")}))
    box = scene.layout.nodes["deal"]
    nodes = {i: item.look for i, item in scene.nodes.items()}
    edges = {i: item.look for i, item in scene.edges.items()}
    layout_before = scene.layout
    session.execute(MoveNodes({"deal": Placement(box.x + 8, box.y + 8, "sales", "decision")}))
    assert scene.nodes["deal"].pos() == QPointF(box.x + 8, box.y + 8)
    rerouted = {i for i, route in scene.layout.routes.items()
                if route != layout_before.routes[i]}
    assert "demo->deal" in rerouted
    assert {i for i, item in scene.edges.items() if item.look is not edges[i]} == rerouted
    assert {i for i, item in scene.nodes.items() if item.look is not nodes[i]} <= {"deal"}
