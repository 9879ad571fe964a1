"""The what-if slider: moving it changes the projected goal volume, revenue and checklist
live; the document changes only on Apply, as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.io.templates import load_template
from app.ui.present.whatif import WhatIfPanel
from app.ui.session import Session


@pytest.fixture
def funnel_session(qtbot, fonts):
    return Session(load_template("full-funnel", "zh"))


@pytest.fixture
def panel(qtbot, funnel_session):
    panel = WhatIfPanel(funnel_session, "zh", large=True)
    qtbot.addWidget(panel)
    panel.resize(500, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_sliding_a_bottleneck_projects_the_gain_without_touching_the_document(
        panel, funnel_session):
    from app.analysis import analyze

    before = funnel_session.diagram
    panel.set_target("ads->landing")
    assert panel.subject.text() == "付费广告 → 官网落地页"
    assert panel.value.text() == "1.8%"
    assert panel.projection.gain == pytest.approx(0.0)
    panel.slider.setFocus()
    # Fine steps for a small rate: PgUp adds 1% (1.8% → 2.8%), ← takes 0.1% off, to 2.5%.
    QTest.keyClick(panel.slider, Qt.Key_PageUp)
    for _ in range(3):
        QTest.keyClick(panel.slider, Qt.Key_Left)
    assert panel.slider_value() == pytest.approx(0.025)
    assert panel.value.text() == "2.5%"
    p = panel.projection
    report = analyze(before, "zh")
    assert p.goals_today == pytest.approx(report.goals["actual"])
    impact = next(f.impact for f in report.bottlenecks if f.target == "ads->landing")
    assert p.goals_new == pytest.approx(p.goals_today + impact)  # as the checklist said
    assert panel.goals.text() == "Customers: today 141 → with this change 154"
    assert panel.gain.text() == "+13/月 (+9.3%)"  # whole people from 10 up
    assert p.revenue_new > p.revenue_today
    assert "ads->landing" not in [f.target for f in p.bottlenecks]
    # Nothing happened to the document while sliding.
    assert funnel_session.diagram is before
    assert funnel_session.undo_stack.count() == 0


def test_apply_is_one_undo_step_and_undo_brings_today_back(panel, funnel_session):
    before = funnel_session.diagram
    panel.set_target("ads->landing")
    panel.set_value(0.025)
    panel.slider.setFocus()
    QTest.keyClick(panel.slider, Qt.Key_Return)
    assert funnel_session.undo_stack.count() == 1
    edge = funnel_session.diagram.edge("ads", "landing")
    assert (edge.conversion.target, edge.conversion.actual) == (0.025, 0.025)
    # The panel starts again from the new today.
    assert panel.value.text() == "2.5%" and not panel.is_previewing
    assert panel.projection.gain == pytest.approx(0.0)
    funnel_session.undo_stack.undo()
    assert funnel_session.diagram == before
    assert panel.value.text() == "1.8%"


def test_reset_returns_the_slider_and_escape_resets_too(panel, funnel_session):
    panel.set_target("ads->landing")
    panel.set_value(0.05)
    assert panel.is_previewing
    panel.reset_button.click()
    assert panel.value.text() == "1.8%" and not panel.is_previewing
    panel.set_value(0.04)
    panel.slider.setFocus()
    QTest.keyClick(panel.slider, Qt.Key_Escape)
    assert panel.value.text() == "1.8%"
    assert funnel_session.undo_stack.count() == 0


@pytest.mark.parametrize(("edge_id", "end"), [
    ("member->repeat", 0.75),  # member->review takes 25%: at most 75% can repeat
    ("decide->first_order", 0.28),  # offer 30% and lost 42% leave exactly today's 28%
])
def test_the_slider_cannot_pass_what_the_siblings_leave(panel, funnel_session, edge_id, end):
    from app.analysis import analyze

    panel.set_target(edge_id)
    panel.slider.setFocus()
    for _ in range(40):  # drive it to the end, as a user leaning on PgUp would
        QTest.keyClick(panel.slider, Qt.Key_PageUp)
    QTest.keyClick(panel.slider, Qt.Key_End)
    assert panel.slider_value() == pytest.approx(end)
    projected = panel.projection.goals_new
    panel.apply()
    after = analyze(funnel_session.diagram, "zh")
    assert not any(f.rule == "conversion-overflow" for f in after.findings)
    assert after.goals["actual"] == pytest.approx(projected)  # the preview told the truth


def test_an_entry_volume_lever(panel, funnel_session):
    panel.set_target("ads")
    assert panel.lever.kind == "entry" and panel.value.text() == "150,000"
    panel.set_value(300000)
    assert panel.projection.goals_new > panel.projection.goals_today
    assert funnel_session.undo_stack.count() == 0
    assert panel.apply()
    node = funnel_session.diagram.node("ads")
    assert (node.volume.target, node.volume.actual) == (150000, 300000)
    assert funnel_session.undo_stack.count() == 1


def test_a_step_node_uses_its_biggest_bottleneck_and_nothing_selected_disables(panel):
    panel.set_target("decide")
    assert panel.lever.target_id == "decide->first_order"
    panel.set_target(None)
    assert panel.lever is None and not panel.slider.isEnabled()
    assert not panel.apply_button.isEnabled()
    assert panel.subject.text()  # says what to select


def test_controls_have_accessible_names(panel):
    for widget in (panel.slider, panel.apply_button, panel.reset_button, panel):
        assert widget.accessibleName()
