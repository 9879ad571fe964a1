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


def test_sliding_the_top_bottleneck_projects_the_gain_without_touching_the_document(
        panel, funnel_session):
    before = funnel_session.diagram
    panel.set_target("decide->first_order")
    assert panel.subject.text() == "购买决策 → 首单成交"
    assert panel.value.text() == "28%"
    assert panel.projection.gain == pytest.approx(0.0)
    panel.slider.setFocus()
    # Coarse steps with PgUp: 28% → 33% → 38%, then back to the 35% target with ← (0.5% each).
    QTest.keyClick(panel.slider, Qt.Key_PageUp)
    QTest.keyClick(panel.slider, Qt.Key_PageUp)
    for _ in range(6):
        QTest.keyClick(panel.slider, Qt.Key_Left)
    assert panel.slider_value() == pytest.approx(0.35)
    assert panel.value.text() == "35%"
    p = panel.projection
    assert p.goals_today == pytest.approx(141.03, abs=0.01)
    assert p.goals_new == pytest.approx(165.81, abs=0.01)
    assert panel.goals.text() == "Goals reached: today 141 → with this change 166"
    assert panel.gain.text() == "+24.8/月 (+17.6%)"
    assert p.revenue_new > p.revenue_today
    # The checklist with the change no longer lists the fixed edge first.
    assert [f.target for f in p.bottlenecks][0] == "ads->landing"
    assert panel.checklist.text().splitlines()[0].startswith("1. 付费广告 → 官网落地页")
    # Nothing happened to the document while sliding.
    assert funnel_session.diagram is before
    assert funnel_session.undo_stack.count() == 0


def test_apply_is_one_undo_step_and_undo_brings_today_back(panel, funnel_session):
    before = funnel_session.diagram
    panel.set_target("decide->first_order")
    panel.set_value(0.35)
    panel.slider.setFocus()
    QTest.keyClick(panel.slider, Qt.Key_Return)
    assert funnel_session.undo_stack.count() == 1
    edge = funnel_session.diagram.edge("decide", "first_order")
    assert (edge.conversion.target, edge.conversion.actual) == (0.35, 0.35)
    # The panel starts again from the new today.
    assert panel.value.text() == "35%" and not panel.is_previewing
    assert panel.projection.gain == pytest.approx(0.0)
    funnel_session.undo_stack.undo()
    assert funnel_session.diagram == before
    assert panel.value.text() == "28%"


def test_reset_returns_the_slider_and_escape_resets_too(panel, funnel_session):
    panel.set_target("decide->first_order")
    panel.set_value(0.5)
    assert panel.is_previewing
    panel.reset_button.click()
    assert panel.value.text() == "28%" and not panel.is_previewing
    panel.set_value(0.4)
    panel.slider.setFocus()
    QTest.keyClick(panel.slider, Qt.Key_Escape)
    assert panel.value.text() == "28%"
    assert funnel_session.undo_stack.count() == 0


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
