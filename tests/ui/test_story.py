"""A marketing manager draws the five-stage funnel of article 002 from an empty diagram.

Lanes and phases from the Diagram menu, nodes dropped from the palette, connections made on
the canvas, names, owners, volumes, KPIs and conversions typed in the inspector; the
checklist follows; the file is saved, read back and compared.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from test_window_helpers import make_window, type_into

from app.io import load_diagram
from app.model import Diagram, Lane
from app.ui.panels.palette import kind_mime

pytest_plugins = ["test_window_helpers"]

LANES = [("marketing", "市场部"), ("sales", "销售部"), ("service", "客服部")]
PHASES = ["客户引流", "触达与教育", "潜客转化", "留存与复购", "口碑推荐"]
# id, kind, lane, phase index, label, owner
NODES = [
    ("ads", "entry", "marketing", 0, "付费广告", "投放经理"),
    ("educate", "step", "marketing", 1, "内容与邮件培育", "内容运营"),
    ("consult", "decision", "sales", 2, "顾问咨询", "销售经理"),
    ("order", "goal", "sales", 3, "首单成交", "销售经理"),
    ("lost", "exit", "sales", 4, "流失", "销售经理"),
    ("member", "step", "service", 3, "会员计划", "会员运营"),
    ("refer", "step", "service", 4, "口碑推荐", "会员运营"),
]
# from, to, target, actual
EDGES = [
    ("ads", "educate", "5%", "3.2%"),
    ("educate", "consult", "30%", "0.28"),
    ("consult", "order", "35%", "28%"),
    ("consult", "lost", "", ""),
    ("order", "member", "70%", "60%"),
    ("member", "refer", "25%", "20%"),
    ("refer", "educate", "10%", "8%"),
]


def drop(window, kind: str, lane_id: str, phase_index: int, nudge: float = 0.0) -> str:
    """Drag `kind` from the palette and drop it in a lane and phase; returns the new id."""
    scene, view = window.scene, window.view
    lane = next(b for b in scene.layout.lanes if b.id == lane_id).rect
    phase = scene.layout.phases[phase_index].rect
    scene_point = QPointF(phase.x + phase.w / 2, lane.y + lane.h / 2 + nudge)
    view.centerOn(scene_point)
    where = QPointF(view.mapFromScene(scene_point))
    before = {n.id for n in window.session.diagram.nodes}
    mime = kind_mime(kind)  # kept alive here: the events only point at it
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Qt delivers a drop only to the widget that accepted the drag when it entered.
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    event = QDropEvent(where, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), event)
    (created,) = {n.id for n in window.session.diagram.nodes} - before
    return created


def select(window, node_ids, edge_ids=()) -> None:
    """Select on the canvas, and let the inspector follow (it does so after the event)."""
    window.scene.select_ids(node_ids, edge_ids)
    window.sync_selection()


def findings(window, rule: str) -> set:
    window.live.run_now()
    return {f.target for f in window.live.report.findings if f.rule == rule}


def test_build_the_five_stage_funnel_save_and_reopen(qtbot, settings_store, dialogs, tmp_path):
    empty = Diagram(funnelflow=1, lanes=(Lane(id="marketing"),))
    window = make_window(qtbot, empty)
    session, inspector = window.session, window.inspector
    assert findings(window, "no-entry") == {None}

    # lanes and phases, named in the inspector
    type_into(qtbot, inspector.diagram_form.title, "全链路营销流程")
    inspector.show_lane("marketing")
    type_into(qtbot, inspector.band_form.name, "市场部")
    for _lane_id, name in LANES[1:]:
        window.actions.add_lane.trigger()
        type_into(qtbot, inspector.band_form.name, name)
    for name in PHASES:
        window.actions.add_phase.trigger()
        type_into(qtbot, inspector.band_form.name, name)
    assert [lane.title for lane in session.diagram.lanes] == [n for _, n in LANES]
    assert [p.title for p in session.diagram.phases] == PHASES
    lane_ids = [lane.id for lane in session.diagram.lanes]

    # nodes from the palette, renamed and owned in the inspector
    for index, (node_id, kind, lane, phase, label, owner) in enumerate(NODES):
        lane_index = [key for key, _ in LANES].index(lane)
        created = drop(window, kind, lane_ids[lane_index], phase, nudge=-20 + 40 * (index % 2))
        assert window.scene.selected_ids()[0] == [created]
        window.sync_selection()
        assert inspector.subject == ("node", created)
        form = inspector.node_form
        type_into(qtbot, form.id_field, node_id)
        type_into(qtbot, form.label, label)
        if node_id != "refer":  # one step left without an owner, for the checklist
            type_into(qtbot, form.owner, owner)
    assert [n.id for n in session.diagram.nodes] == [n[0] for n in NODES]
    assert findings(window, "missing-owner") == {"refer"}

    # the numbers of the entry and the goal, and a KPI
    select(window, ["ads"])
    form = inspector.node_form
    type_into(qtbot, form.volume.target, "20000")
    type_into(qtbot, form.cost, "30000")
    qtbot.mouseClick(form.kpis.add_button, Qt.MouseButton.LeftButton)
    table = form.kpis.table
    table.item(0, 0).setText("点击率")
    table.item(0, 1).setText("2%")
    table.item(0, 2).setText("1.4%")
    select(window, ["order"])
    type_into(qtbot, inspector.node_form.value, "1200")
    assert "ads" in findings(window, "kpi-off-target")

    # connections on the canvas, conversions typed on each edge
    for source, target, planned, actual in EDGES:
        window.scene.select_ids([source], [])
        assert window.view.connect_selected(target)
        select(window, [], [f"{source}->{target}"])
        assert inspector.subject == ("edge", (source, target))
        if planned:
            type_into(qtbot, inspector.edge_form.conversion.target, planned)
            type_into(qtbot, inspector.edge_form.conversion.actual, actual)
    assert findings(window, "no-entry") == set()
    assert "consult->order" in findings(window, "conversion-off-target")
    assert window.checklist_dock.windowTitle().startswith("Checklist (errors: 0,")
    assert window.status.goal.text().startswith("Goal: ")

    # the checklist follows a fix
    select(window, ["refer"])
    type_into(qtbot, inspector.node_form.owner, "会员运营")
    assert findings(window, "missing-owner") == set()

    # an illegal edit is refused and changes nothing
    window.scene.select_ids(["lost"], [])
    before = session.diagram
    assert not window.view.connect_selected("ads")  # nothing leaves an exit
    assert session.diagram == before

    # save, reopen, compare
    path = tmp_path / "funnel.yaml"
    assert window.files.save_to(path)
    assert load_diagram(path) == session.diagram
    edge = load_diagram(path).edge("educate", "consult")
    assert (edge.conversion.target, edge.conversion.actual) == (0.3, 0.28)

    # and every step of the story can be undone, back to the empty diagram
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.diagram == empty
