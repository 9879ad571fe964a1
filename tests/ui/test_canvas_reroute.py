"""Dragging a node reroutes its edges live, and only its edges; on release the layout's
routes come back (one MoveNodes, then the full layout)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt

from tests.ui.conftest import _send, to_viewport


def test_dragging_a_node_reroutes_only_its_edges_while_it_moves(view, scene, session):
    box = scene.layout.nodes["demo"]
    others = {i: item.look for i, item in scene.edges.items()
              if "demo" not in (item.source, item.target)}
    start = to_viewport(view, QPointF(box.cx, box.cy))
    _send(view, QEvent.MouseButtonPress, start, Qt.LeftButton, Qt.LeftButton, Qt.NoModifier)
    for step in range(1, 6):
        _send(view, QEvent.MouseMove, start + QPoint(0, 12 * step), Qt.NoButton,
              Qt.LeftButton, Qt.NoModifier)
    moved = scene.nodes["demo"].box
    assert moved.y > box.y + 30  # the node follows the hand...
    out = scene.edges["demo->deal"].look.geometry.points
    assert out[0] == (moved.right, moved.cy)  # ...its edges leave it where it is now...
    into = scene.edges["landing->demo"].look.geometry.points
    assert into[-1] == (moved.x, moved.cy)
    assert all(scene.edges[i].look is look for i, look in others.items())  # ...others stay
    _send(view, QEvent.MouseButtonRelease, start + QPoint(0, 60), Qt.LeftButton, Qt.NoButton,
          Qt.NoModifier)
    assert session.undo_stack.count() == 1
    for edge_id, item in scene.edges.items():  # after the drop: the layout's own routes
        assert item.look.geometry == scene.layout.routes[edge_id]


def test_a_title_cut_after_its_lines_shows_whole_in_the_tooltip(view, scene, session):
    from app.model.commands import UpdateNode

    long = "Qualified enterprise lead from the partner webinar series " * 3
    session.execute(UpdateNode("demo", {"label": long}))
    assert scene.nodes["demo"].toolTip() == long
    assert scene.nodes["landing"].toolTip() == ""  # a title shown whole needs none
    box = scene.layout.nodes["demo"]
    assert box.w > scene.layout.nodes["landing"].w  # it grew wider before being cut
