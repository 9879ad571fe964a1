"""The canvas shows the model: items match the snapshot and its layout, statuses follow the
report, text is skipped when too small to read, bands report clicks."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from app.analysis import analyze
from app.model.axes import LANE
from app.model.commands import UpdateEdge, UpdateNode
from app.render.layout import layout
from app.ui import paint
from app.ui.canvas.items import BandItem, EdgeItem, NodeItem


def assert_scene_matches(scene) -> None:
    """One item per node and edge of the snapshot, each node where the layout puts it."""
    diagram = scene.session.diagram
    geometry = layout(diagram)
    assert set(scene.nodes) == {n.id for n in diagram.nodes}
    assert set(scene.edges) == {e.id for e in diagram.edges}
    node_items = [i for i in scene.items() if isinstance(i, NodeItem)]
    edge_items = [i for i in scene.items() if isinstance(i, EdgeItem)]
    assert len(node_items) == len(diagram.nodes) and len(edge_items) == len(diagram.edges)
    for node in diagram.nodes:
        rect = geometry.nodes[node.id]
        item = scene.nodes[node.id]
        assert (item.x(), item.y()) == (rect.x, rect.y), node.id
        assert item.node == node
    for edge in diagram.edges:
        item = scene.edges[edge.id]
        start, end = item.look.ends
        src, dst = geometry.nodes[edge.source], geometry.nodes[edge.target]
        # Each end of the curve touches its node's box.
        assert QRectF(src.x - 1, src.y - 1, src.w + 2, src.h + 2).contains(start)
        assert QRectF(dst.x - 1, dst.y - 1, dst.w + 2, dst.h + 2).contains(end)
    bands = [i for i in scene.items() if isinstance(i, BandItem)]
    assert len(bands) == len(diagram.lanes) + len(diagram.phases)


def render(scene, scale: float = 1.0) -> QImage:
    """The whole scene painted at `scale`, as a user would see it."""
    rect = scene.sceneRect()
    image = QImage(int(rect.width() * scale) + 1, int(rect.height() * scale) + 1,
                   QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def test_scene_builds_one_item_per_node_and_edge_where_the_layout_says(scene):
    assert_scene_matches(scene)
    assert scene.sceneRect().contains(QRectF(0, 0, scene.layout.bounds.w,
                                             scene.layout.bounds.h))


def test_statuses_follow_the_report_and_work_without_one(scene, session):
    # No report yet: statuses are judged on the snapshot itself.
    assert scene.edges["ads->landing"].facts.status == "off"  # 3.2% against 5%
    assert scene.edges["demo->deal"].facts.status == "on"
    assert scene.edges["demo->lost"].facts.status == "unmeasured"
    assert scene.nodes["landing"].facts.status == "off"  # its KPI is below target
    assert scene.nodes["ads"].facts.volume == ""  # volumes come from the analysis
    scene.set_report(analyze(session.diagram, "en"))
    ads = scene.nodes["ads"]
    assert ads.facts.volume == "10,000/mo"
    assert ads.look.status == "off"
    assert scene.nodes["deal"].facts.severity is None or scene.nodes["deal"].facts.severity
    assert scene.nodes["demo"].facts.severity == "warning"  # no owner
    assert any(t[2] == "10,000/mo" for t in ads.look.texts)
    # An edit that fixes the conversion turns the edge green before the next analysis.
    session.execute(UpdateEdge("ads", "landing", {"conversion": "6%"}))
    assert scene.edges["ads->landing"].facts.status == "on"
    assert_scene_matches(scene)


def test_no_owner_is_shown_and_language_switches(scene, session):
    demo = scene.nodes["demo"]
    assert ("no owner", "no-owner") in [(t[2], t[3]) for t in demo.look.texts]
    scene.set_lang("zh")
    assert "未指定负责人" in [t[2] for t in scene.nodes["demo"].look.texts]


def test_handoffs_are_dashed_and_flow_thickness_toggles(scene, session):
    handoff = scene.edges["landing->demo"].look
    same_lane = scene.edges["demo->deal"].look
    assert handoff.handoff and handoff.badge is not None
    assert handoff.pen.style() == Qt.CustomDashLine
    assert not same_lane.handoff and same_lane.pen.style() == Qt.SolidLine
    scene.set_report(analyze(session.diagram, "en"))
    thin = scene.edges["ads->landing"].look.pen.widthF()
    scene.set_flow_thickness(True)
    widths = {i: e.look.pen.widthF() for i, e in scene.edges.items()}
    assert widths["ads->landing"] > thin  # the biggest flow is drawn widest
    assert widths["ads->landing"] > widths["demo->lost"]
    scene.set_flow_thickness(False)
    assert scene.edges["ads->landing"].look.pen.widthF() == thin


def test_only_the_items_an_edit_names_are_redrawn(scene, session):
    before = {i: item.look for i, item in scene.nodes.items()}
    edges_before = {i: item.look for i, item in scene.edges.items()}
    session.execute(UpdateNode("deal", {"owner": "Zhang"}))
    changed = {i for i, item in scene.nodes.items() if item.look is not before[i]}
    assert changed == {"deal"}
    assert all(scene.edges[i].look is look for i, look in edges_before.items()
               if "deal" not in i)
    assert "Zhang" in [t[2] for t in scene.nodes["deal"].look.texts]


def test_no_text_is_painted_when_too_small_to_read(scene):
    def texts_painted(scale):
        for key in paint.text_draws:
            paint.text_draws[key] = 0
        render(scene, scale)
        return sum(paint.text_draws.values())

    assert texts_painted(1.0) > 20
    assert texts_painted(0.1) == 0


def test_the_scene_looks_right(scene, session, tmp_path):
    scene.set_report(analyze(session.diagram, "en"))
    image = render(scene)
    path = tmp_path / "canvas.png"
    image.save(str(path))
    # The lane band under a node is tinted in the lane colour, the canvas around it white.
    left, top = -scene.sceneRect().x(), -scene.sceneRect().y()  # the image starts at the frame
    lane = scene.layout.lanes[0]
    tinted = image.pixelColor(int(lane.rect.x + left + 200), int(lane.rect.bottom + top - 6))
    assert tinted != QColor("white")
    # A node's box is filled with its kind's colour.
    rect = scene.layout.nodes["deal"]
    inside = image.pixelColor(int(rect.x + left + 30), int(rect.bottom + top - 8))
    assert inside.name().upper() == "#E6F7EF"


def test_selection_api_and_item_rects(scene):
    scene.select_ids(["ads", "nope"], ["demo->deal"])
    assert scene.selected_ids() == (["ads"], ["demo->deal"])
    rect = scene.item_rect("ads")
    box = scene.layout.nodes["ads"]
    assert rect == QRectF(box.x, box.y, box.w, box.h)
    assert scene.item_rect("demo->deal").intersects(QRectF(rect)) is False
    assert scene.item_rect("missing") is None


def test_band_headers_report_clicks_and_context_menus(scene, qtbot):
    lane = scene.layout.lanes[1]
    seen = []
    scene.band_clicked.connect(lambda kind, band: seen.append((kind, band)))
    item = scene.band_under(QPointF(lane.header.cx, lane.header.cy))
    assert item is not None and item.axis is LANE and item.band_id == "sales"
    phase = scene.layout.phases[1]
    assert scene.band_under(QPointF(phase.header.cx, phase.header.cy)).band_id == "decision"
    # The band body is not a click target: a press there starts a rubber band instead.
    assert scene.band_under(QPointF(lane.rect.right - 5, lane.rect.cy)) is None


def test_kind_icons_are_drawn(qapp):
    for kind in ("entry", "step", "decision", "goal", "exit"):
        image = paint.kind_icon(kind, 32).pixmap(32, 32).toImage()
        assert image.pixelColor(16, 16).alpha() > 0, kind


def test_status_and_severity_marks_sit_inside_every_kind_of_outline(qapp):
    from app.render.canvas_geometry import MARK_RADIUS, severity_marker_center, status_mark_center
    from app.render.layout import Rect
    from app.render.theme import NODE_HEIGHT, NODE_WIDTH

    box = Rect(0.0, 0.0, NODE_WIDTH, NODE_HEIGHT)
    for kind in ("entry", "step", "decision", "goal", "exit"):
        outline = paint.outline_paths(kind, box.w, box.h)[0]
        for cx, cy in (status_mark_center(box, kind), severity_marker_center(box, kind)):
            mark = QRectF(cx - MARK_RADIUS, cy - MARK_RADIUS, 2 * MARK_RADIUS, 2 * MARK_RADIUS)
            # Every point of the mark's disc (its four extremes and the corners of the
            # square marker, trimmed a little) lies inside the outline.
            inner = mark.adjusted(1.5, 1.5, -1.5, -1.5)
            for x, y in ((mark.left(), cy), (mark.right(), cy), (cx, mark.top()),
                         (cx, mark.bottom()), (inner.left(), inner.top()),
                         (inner.right(), inner.top()), (inner.left(), inner.bottom()),
                         (inner.right(), inner.bottom())):
                assert outline.contains(QPointF(x, y)), (kind, x, y)
