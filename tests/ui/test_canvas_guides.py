"""Alignment guides while dragging: a node close to another's centre line snaps onto it, a
guide line shows it, and moving several nodes is one undo step."""

from __future__ import annotations

from conftest import _send, to_viewport
from PySide6.QtCore import QEvent, QPointF, Qt

from app.render.layout import Layout, Rect
from app.ui.canvas.guides import Guides


def center(scene, node_id) -> QPointF:
    box = scene.layout.nodes[node_id]
    return QPointF(box.cx, box.cy)


def test_guides_snap_a_box_to_a_nearby_centre_and_edge():
    deal = Rect(100, 100, 176, 76)
    layout = Layout({"deal": deal, "moving": Rect(600, 400, 176, 76)}, (), (),
                    Rect(0, 0, 1000, 1000))
    guides = Guides(layout, {"moving"})
    snap = guides.snap(Rect(600, deal.y + 3, 176, 76), zoom=1.0)  # 3 units below deal's row
    assert snap.dy == -3 and snap.snapped_y and not snap.snapped_x
    assert [(y1, y2) for _, y1, _, y2 in snap.lines] == [(deal.y, deal.y)]
    assert not guides.snap(Rect(600, deal.y + 30, 176, 76), zoom=1.0).lines
    # Zoomed out, the same screen distance is more scene units: it snaps from further away.
    assert guides.snap(Rect(600, deal.y + 12, 176, 76), zoom=0.4).snapped_y
    # The centre lines count too: a box whose middle is 2 units right of deal's middle.
    snap = guides.snap(Rect(deal.x + 2, 600, 176, 76), zoom=1.0)
    assert snap.dx == -2 and snap.snapped_x


def test_dragging_shows_a_guide_and_lands_lined_up(view, scene, session):
    deal, lost = scene.layout.nodes["deal"], scene.layout.nodes["lost"]
    start = center(scene, "landing")
    # Aim the landing node's centre 4 units off deal's centre line, far to the right.
    target_cy = deal.cy + 4
    end = QPointF(deal.right + 400, target_cy)
    a, b = to_viewport(view, start), to_viewport(view, end)
    _send(view, QEvent.MouseButtonPress, a, Qt.LeftButton, Qt.LeftButton)
    for i in range(1, 7):
        _send(view, QEvent.MouseMove, a + (b - a) * i / 6, Qt.NoButton, Qt.LeftButton)
    lines = [i for i in scene.items() if type(i).__name__ == "GuideLines"]
    assert len(lines) == 1 and lines[0].lines  # a guide is shown while dragging
    horizontal = [line.y1() for line in lines[0].lines if line.y1() == line.y2()]
    _send(view, QEvent.MouseButtonRelease, b, Qt.LeftButton, Qt.NoButton)
    assert not [i for i in scene.items() if type(i).__name__ == "GuideLines"]
    moved = scene.layout.nodes["landing"]
    # Lined up exactly with what the guide showed (not on the grid next to it).
    others = [r for i, r in scene.layout.nodes.items() if i != "landing"]
    features = {v for r in others for v in (r.y, r.cy, r.bottom)}
    assert horizontal and horizontal[0] in features
    assert horizontal[0] in (moved.y, moved.cy, moved.bottom)
    assert abs(moved.cy - target_cy) <= 6 + 4
    assert lost is not None


def test_moving_several_nodes_is_one_undo_step(view, scene, session):
    before = session.diagram
    scene.select_ids(["demo", "deal", "lost"], [])
    start = center(scene, "deal")
    a, b = to_viewport(view, start), to_viewport(view, start + QPointF(64, 0))
    _send(view, QEvent.MouseButtonPress, a, Qt.LeftButton, Qt.LeftButton)
    for i in range(1, 5):
        _send(view, QEvent.MouseMove, a + (b - a) * i / 4, Qt.NoButton, Qt.LeftButton)
    _send(view, QEvent.MouseButtonRelease, b, Qt.LeftButton, Qt.NoButton)
    assert session.undo_stack.count() == 1
    assert all(session.diagram.node(n).x is not None for n in ("demo", "deal", "lost"))
    session.undo_stack.undo()
    assert session.diagram == before
