"""The live checklist: debounced re-analysis after edits, the dock's groups, clicks go there."""

from __future__ import annotations

from test_window_helpers import analysed, full_funnel

from app.model.axes import LANE
from app.model.commands import UpdateEdge, UpdateNode
from app.ui.panels.checklist import gain_count, impact_text
from app.ui.panels.live_check import LiveChecklist
from app.ui.session import Session

pytest_plugins = ["test_window_helpers"]


def test_a_burst_of_edits_is_analysed_once_after_a_quiet_moment(qtbot):
    session = Session(full_funnel())
    live = LiveChecklist(session, "en", debounce_ms=50)
    reports = []
    live.report_ready.connect(reports.append)
    for owner in ("a", "b", "c"):
        session.execute(UpdateNode("seo", {"owner": owner}))
    assert reports == []  # never on the typing path
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=2000)
    qtbot.wait(120)
    assert len(reports) == 1 and reports[0].diagram.node("seo").owner == "c"


def test_big_diagrams_are_analysed_in_a_worker_and_stale_results_dropped(qtbot):
    session = Session(full_funnel())
    live = LiveChecklist(session, "zh", debounce_ms=10, worker_threshold=0)
    reports = []
    live.report_ready.connect(reports.append)
    live.run_now()  # goes to the worker: its snapshot is about to be outdated
    session.execute(UpdateNode("seo", {"owner": "张伟"}))
    qtbot.waitUntil(lambda: bool(reports) and reports[-1].diagram.node("seo").owner == "张伟",
                    timeout=5000)
    qtbot.wait(100)
    assert all(r.diagram.node("seo").owner == "张伟" for r in reports)
    assert reports[-1].lang == "zh"


def test_dock_lists_bottlenecks_then_findings_by_severity(window):
    report = analysed(window)
    tree = window.checklist
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups[0] == f"Top bottlenecks ({len(report.bottlenecks)})"
    assert groups[1:] == [f"Warnings ({report.summary['warning']})",
                          f"Info ({report.summary['info']})"]
    first = tree.topLevelItem(0).child(0).text(0)
    assert first.startswith("1. +25 per month\n")
    assert "goals" not in first
    assert window.checklist_dock.windowTitle() == (
        f"Checklist (errors: 0, warnings: {report.summary['warning']}, "
        f"info: {report.summary['info']})")


def test_checklist_follows_an_edit(qtbot, window):
    report = analysed(window)
    assert any(f.target == "decide->first_order" for f in report.bottlenecks)
    window.session.execute(UpdateEdge("decide", "first_order", {"conversion": "35%"}))
    qtbot.waitUntil(lambda: not any(f.target == "decide->first_order"
                                    for f in window.live.report.bottlenecks), timeout=2000)
    texts = [item.text(0) for item in window.checklist.finding_items()]
    assert not any("Purchase decision -> First purchase" in t for t in texts)


def test_clicking_a_finding_selects_and_centres_its_target(qtbot, window, monkeypatch):
    centred = []
    monkeypatch.setattr(window.view, "center_on_target", centred.append)
    analysed(window)
    item = window.checklist.finding_items()[0]
    window.checklist.itemClicked.emit(item, 0)
    assert centred == ["decide->first_order"]
    assert window.scene.selected_ids()[1] == ["decide->first_order"]


def test_clicking_a_lane_finding_shows_the_lane(qtbot, window):
    from app.ui.panels import band_dialogs

    band_dialogs.add_band(window.session, LANE)
    report = analysed(window)
    empty = next(f for f in report.findings if f.rule == "empty-lane")
    item = next(i for i in window.checklist.finding_items()
                if i.data(0, 256) == empty)
    window.checklist.itemClicked.emit(item, 0)
    assert window.inspector.subject == (LANE, empty.target)


def test_collapsed_groups_stay_collapsed_across_updates(qtbot, window):
    analysed(window)
    window.checklist.topLevelItem(1).setExpanded(False)
    window.session.execute(UpdateNode("seo", {"owner": "x"}))
    analysed(window)
    assert not window.checklist.topLevelItem(1).isExpanded()
    assert window.checklist.topLevelItem(0).isExpanded()


def test_impact_numbers_read_like_people():
    assert gain_count(24.77) == "25" and gain_count(5.306) == "5.3"
    report = analysed_report()
    assert impact_text(report.bottlenecks[0], report) == "+25 per month"


def analysed_report():
    from app.analysis import analyze

    return analyze(full_funnel(), "en")


def test_a_lone_edit_is_analysed_at_once_and_a_burst_waits_for_quiet(qtbot):
    from app.ui.panels.live_check import LONE_EDIT_MS

    session = Session(full_funnel())
    live = LiveChecklist(session, "en", debounce_ms=150)
    session.execute(UpdateNode("seo", {"owner": "a"}))
    assert live._timer.interval() == LONE_EDIT_MS  # a drop or a committed field
    session.execute(UpdateNode("seo", {"owner": "b"}))
    assert live._timer.interval() == 150  # the second edit in a row: a burst
    reports = []
    live.report_ready.connect(reports.append)
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=2000)
    assert reports[0].diagram.node("seo").owner == "b"


def test_by_department_lists_each_lane_with_its_nodes_and_edges(qtbot, window, monkeypatch):
    report = analysed(window)
    dock = window.checklist_dock
    dock.by_department.click()
    tree = window.checklist
    assert tree.mode == "department"
    tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert tops[0] == f"Top bottlenecks ({len(report.bottlenecks)})"
    assert [t.rsplit(" (", 1)[0] for t in tops[1:]] == [
        "Whole funnel", "Marketing", "Sales", "Customer service"]
    # every finding once, the bottlenecks not again below them
    rows = [item.data(0, 256) for item in tree.finding_items()]
    assert len(rows) == len(report.findings) and len({id(f) for f in rows}) == len(rows)
    marketing = tree.topLevelItem(2)
    ads = next(marketing.child(i) for i in range(marketing.childCount())
               if marketing.child(i).text(0) == "Paid ads (Paid media manager)")
    texts = [ads.child(i).text(0) for i in range(ads.childCount())]
    assert texts[-1].startswith("Fallback plan:") and sum("Fallback plan" in t for t in texts) == 1
    # a click on a finding or on its heading still selects and centres it
    centred = []
    monkeypatch.setattr(window.view, "center_on_target", centred.append)
    tree.itemClicked.emit(ads.child(0), 0)
    tree.itemClicked.emit(ads, 0)
    assert centred == ["ads", "ads"]
    assert window.scene.selected_ids()[0] == ["ads"]
    dock.by_impact.click()
    assert tree.mode == "impact" and tree.topLevelItem(1).text(0).startswith("Warnings")


def test_dont_report_this_rule_is_one_undoable_step(qtbot, window):
    report = analysed(window)
    item = next(i for i in window.checklist.finding_items()
                if i.data(0, 256).rule == "slow-step")
    menu = window.checklist.disable_menu(item)
    (action,) = menu.actions()
    assert action.text() == "Don't report this rule in this diagram"
    steps = window.session.undo_stack.count()
    action.trigger()
    assert window.session.undo_stack.count() == steps + 1
    assert window.session.diagram.checklist.disable == ("slow-step",)
    after = analysed(window)
    assert not any(f.rule == "slow-step" for f in after.findings)
    assert after.summary["warning"] < report.summary["warning"]
    window.session.undo_stack.undo()
    assert window.session.diagram.checklist.disable == ()
    assert any(f.rule == "slow-step" for f in analysed(window).findings)
