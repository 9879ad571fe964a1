"""Presentation mode as a facilitator uses it: F5 in, arrows through the phases, Tab through
the steps with the spotlight following, B for the top bottleneck, Esc back exactly to where
the designer was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest

from app.model import Diagram
from app.model.axes import LANE, PHASE
from app.ui.present import theme
from app.ui.present.presentation import PresentationController
from app.ui.present.stage import READABLE_ZOOM
from tests.ui.conftest import SMALL_DIAGRAM


@pytest.fixture
def controller(qtbot, scene, session, view):
    from app.analysis import analyze

    scene.set_report(analyze(session.diagram, "en"))
    controller = PresentationController(scene, session, view, "en")
    yield controller
    controller.leave()


def enter(controller, qtbot):
    window = controller.enter(full_screen=False, size=QSize(1600, 900))
    qtbot.waitExposed(window)
    return window


def press(window, key, modifiers=Qt.NoModifier):
    QTest.keyClick(window.focusWidget() or window, key, modifiers)


def test_enter_and_leave_restores_the_designer_exactly(controller, qtbot, scene, view,
                                                       session):
    from app.ui import paint

    view.set_zoom(0.8)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 37)
    scene.select_ids(["demo"], ["ads->landing"])
    transform, scroll = view.transform(), (view.horizontalScrollBar().value(),
                                           view.verticalScrollBar().value())
    pen_width = paint.styles().node_pen["step"].widthF()
    window = enter(controller, qtbot)
    assert controller.active and window.isVisible()
    assert paint.styles().node_pen["step"].widthF() >= 3.0  # the bolder projector theme
    press(window, Qt.Key_Tab)
    press(window, Qt.Key_B)
    assert scene.selected_ids() != (["demo"], ["ads->landing"])
    press(window, Qt.Key_Escape)
    assert not controller.active and not window.isVisible()
    assert scene.selected_ids() == (["demo"], ["ads->landing"])
    assert view.transform() == transform
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == scroll
    assert paint.styles().node_pen["step"].widthF() == pen_width
    assert session.undo_stack.count() == 0


def test_arrows_reveal_phase_by_phase_and_lanes_with_up_down(controller, qtbot, scene):
    window = enter(controller, qtbot)
    geometry = scene.layout
    assert (controller.mode, controller.step) == (PHASE, 1)
    assert window.stage_label.text() == "Phase 1/2: Awareness"
    # The second phase is veiled, and the view shows the first.
    assert window.view.hidden is not None
    assert window.view.hidden.x == pytest.approx(geometry.phases[0].rect.right)
    press(window, Qt.Key_Right)
    assert controller.step == 2 and window.stage_label.text() == "Phase 2/2: 决策期"
    assert window.view.hidden is None
    press(window, Qt.Key_Right)  # no further than the last phase
    assert controller.step == 2
    press(window, Qt.Key_Left)
    assert controller.step == 1
    press(window, Qt.Key_End)
    assert controller.step == 2
    press(window, Qt.Key_Down)  # lanes, top first
    assert (controller.mode, controller.step) == (LANE, 1)
    assert window.stage_label.text() == "Lane 1/2: Marketing"
    assert window.view.hidden.y == pytest.approx(geometry.lanes[0].rect.bottom)
    press(window, Qt.Key_Down)
    assert controller.step == 2 and window.view.hidden is None


def test_the_stage_is_zoomed_for_the_back_of_the_room(controller, qtbot):
    window = enter(controller, qtbot)
    assert window.view.zoom() >= READABLE_ZOOM
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    first = controller.scene.layout.phases[0].rect
    assert visible.left() <= first.x + 1 and visible.right() >= first.right - 1


def test_tab_walks_the_funnel_and_the_spotlight_follows(controller, qtbot, scene):
    window = enter(controller, qtbot)
    press(window, Qt.Key_Tab)
    assert scene.selected_ids() == (["ads"], [])
    assert window.spotlight.title.text() == "Paid ads"
    assert window.spotlight.owner.text() == "Owner: Ana"
    assert window.spotlight.row_texts() == ["People 10,000/month / 10,000/month ✓ on target"]
    press(window, Qt.Key_Tab)
    assert scene.selected_ids() == (["landing"], [])
    assert "CTR 3% / 5% ✗ off target" in window.spotlight.row_texts()
    press(window, Qt.Key_Tab)  # demo is in the veiled phase: the reveal moves on to show it
    assert scene.selected_ids() == (["demo"], []) and controller.step == 2
    assert window.spotlight.owner.text() == "No owner"
    press(window, Qt.Key_Backtab)
    assert scene.selected_ids() == (["landing"], [])
    # The what-if panel turned to the selected step's main outgoing connection.
    assert window.whatif.lever.target_id == "landing->demo"


def test_b_selects_the_top_bottleneck_and_its_path_is_highlighted(controller, qtbot, scene):
    window = enter(controller, qtbot)
    assert controller.bottleneck == "ads->landing"
    assert window.view.path.edges == ("ads->landing", "landing->demo", "demo->deal")
    press(window, Qt.Key_B)
    assert scene.selected_ids() == ([], ["ads->landing"])
    assert window.spotlight.title.text() == "Paid ads → 落地页"
    assert window.whatif.lever.target_id == "ads->landing"


def test_w_puts_the_keys_on_the_slider_and_esc_comes_back_before_leaving(
        controller, qtbot, session):
    window = enter(controller, qtbot)
    before = session.diagram
    press(window, Qt.Key_W)  # nothing selected: the top bottleneck is taken
    slider = window.whatif.slider
    assert window.focusWidget() is slider
    for _ in range(18):  # 3.2% → 5% in 0.1% steps
        press(window, Qt.Key_Right)
    assert window.whatif.value.text() == "5%"
    assert controller.step == 1  # the arrows moved the slider, not the reveal
    assert window.whatif.projection.goals_new > window.whatif.projection.goals_today
    assert session.diagram is before and session.undo_stack.count() == 0
    press(window, Qt.Key_Return)  # apply: one undo step
    assert session.undo_stack.count() == 1
    assert session.diagram.edge("ads", "landing").conversion.actual == pytest.approx(0.05)
    press(window, Qt.Key_Escape)  # off the slider, still presenting
    assert controller.active and window.focusWidget() is not slider
    press(window, Qt.Key_Escape)
    assert not controller.active


def test_a_diagram_without_phases_reveals_lane_by_lane(qtbot, fonts):
    from app.ui.canvas.scene import DiagramScene
    from app.ui.session import Session

    document = {k: v for k, v in SMALL_DIAGRAM.items() if k != "phases"}
    document["nodes"] = [{k: v for k, v in n.items() if k != "phase"}
                         for n in SMALL_DIAGRAM["nodes"]]
    session = Session(Diagram.model_validate(document))
    controller = PresentationController(DiagramScene(session, "en"), session)
    window = enter(controller, qtbot)
    assert controller.mode is LANE and window.stage_label.text() == "Lane 1/2: Marketing"
    press(window, Qt.Key_Right)
    assert controller.step == 2
    controller.leave()


def test_presentation_type_is_large(controller, qtbot):
    window = enter(controller, qtbot)
    press(window, Qt.Key_Tab)
    assert window.spotlight.title.font().pixelSize() == theme.TITLE_PX >= 30
    assert window.whatif.gain.font().pixelSize() >= 40
    for widget in (window, window.spotlight, window.whatif, window.whatif.slider):
        assert widget.accessibleName()
