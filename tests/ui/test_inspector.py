"""The inspector: type into a field, the model changes in one undo step; undo puts it back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_window_helpers import type_into, type_text

from app.model import Better

# the shared fixtures (window, dialogs, settings_store) live in test_window_helpers
pytest_plugins = ["test_window_helpers"]


def test_typing_a_label_is_one_undo_step(qtbot, window):
    inspector = window.inspector
    inspector.show_node("landing")
    form = inspector.node_form
    assert form.label.text() == "Landing page"
    before = window.session.diagram
    type_into(qtbot, form.label, "官网落地页")
    assert window.session.diagram.node("landing").label == "官网落地页"
    assert window.session.undo_stack.count() == 1
    assert "官网落地页" in form.heading.text()
    window.session.undo_stack.undo()
    assert window.session.diagram == before
    assert form.label.text() == "Landing page"
    window.session.undo_stack.redo()
    assert form.label.text() == "官网落地页"


def test_measures_owner_and_money_fields(qtbot, window):
    window.inspector.show_node("seo")
    form = window.inspector.node_form
    type_into(qtbot, form.volume.target, "70,000")
    type_into(qtbot, form.duration.actual, "4.5")
    type_into(qtbot, form.cost, "16000")
    type_into(qtbot, form.owner, "张伟")
    node = window.session.diagram.node("seo")
    assert node.volume.target == 70000 and node.volume.actual == 50000
    assert node.duration.actual == 4.5 and node.duration.target is None
    assert node.cost == 16000 and node.owner == "张伟"
    assert window.session.undo_stack.count() == 4
    type_into(qtbot, form.owner, "")
    assert window.session.diagram.node("seo").owner is None


def test_kind_lane_and_phase_combos(qtbot, window):
    window.inspector.show_node("landing")
    form = window.inspector.node_form
    form.kind.setCurrentIndex(form.kind.findData("decision"))
    form.kind.activated.emit(form.kind.currentIndex())
    form.lane.setCurrentIndex(form.lane.findData("sales"))
    form.lane.activated.emit(form.lane.currentIndex())
    form.phase.setCurrentIndex(0)
    form.phase.activated.emit(0)
    node = window.session.diagram.node("landing")
    assert (node.kind.value, node.lane, node.phase) == ("decision", "sales", None)
    assert window.session.undo_stack.count() == 3
    for _ in range(3):
        window.session.undo_stack.undo()
    assert form.lane.currentData() == "marketing"


def test_a_rate_over_100_percent_is_refused_inline_and_changes_nothing(qtbot, window):
    window.inspector.show_edge("ads", "landing")
    form = window.inspector.edge_form
    before = window.session.diagram
    type_into(qtbot, form.conversion.actual, "150%")
    assert window.session.diagram == before
    assert window.session.undo_stack.count() == 0
    assert "between 0% and 100%" in form.error_text("conversion")
    assert form.conversion.actual.text() == "1.8%"  # reverted to the model's value
    assert "between 0% and 100%" in window.status.currentMessage()
    type_into(qtbot, form.conversion.actual, "abc")
    assert "is not a number" in form.error_text("conversion")
    # a good value clears the error
    type_into(qtbot, form.conversion.actual, "0.02")
    assert window.session.diagram.edge("ads", "landing").conversion.actual == 0.02
    assert form.error_text("conversion") == ""


def test_rates_typed_as_percent_or_fraction_are_the_same(qtbot, window):
    window.inspector.show_edge("ads", "landing")
    form = window.inspector.edge_form
    type_into(qtbot, form.conversion.target, "3.2%")
    assert window.session.diagram.edge("ads", "landing").conversion.target == 0.032
    type_into(qtbot, form.conversion.target, "0.032")  # the same rate: no new undo step
    assert window.session.undo_stack.count() == 1
    assert form.conversion.target.text() == "3.2%"
    type_into(qtbot, form.label, "点击")
    type_into(qtbot, form.duration.target, "2")
    edge = window.session.diagram.edge("ads", "landing")
    assert edge.label == "点击" and edge.duration.target == 2


def test_kpi_table_add_edit_remove_each_undoable(qtbot, window):
    window.inspector.show_node("landing")
    table = window.inspector.node_form.kpis
    kpis_before = window.session.diagram.node("landing").kpis
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    row = len(kpis_before)
    assert window.session.diagram.node("landing").kpis[row].name == "New KPI"
    table.table.item(row, 0).setText("跳出率")
    table.table.item(row, 1).setText("40%")
    table.table.item(row, 2).setText("52%")
    combo = table.table.cellWidget(row, 4)
    combo.setCurrentIndex(combo.findData("lower"))
    combo.activated.emit(combo.currentIndex())
    kpi = window.session.diagram.node("landing").kpis[row]
    assert (kpi.name, kpi.target, kpi.actual, kpi.unit, kpi.better) == (
        "跳出率", 0.4, 0.52, "%", Better.lower)
    assert table.table.item(row, 1).text() == "40%"
    assert window.session.undo_stack.count() == 5
    table.table.selectRow(row)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert window.session.diagram.node("landing").kpis == kpis_before
    for _ in range(6):
        window.session.undo_stack.undo()
    assert window.session.diagram.node("landing").kpis == kpis_before
    assert table.table.rowCount() == len(kpis_before)


def test_kpi_bad_value_is_refused(qtbot, window):
    window.inspector.show_node("ads")
    table = window.inspector.node_form.kpis
    before = window.session.diagram
    table.table.item(0, 1).setText("lots")
    assert window.session.diagram == before
    assert not table.error.isHidden() and "is not a number" in table.error.text()
    assert table.table.item(0, 1).text() == "200"  # cost per lead, as it was


def test_renaming_the_id_keeps_the_node_shown_and_carries_edges(qtbot, window):
    window.inspector.show_node("landing")
    form = window.inspector.node_form
    type_into(qtbot, form.id_field, "lp")
    diagram = window.session.diagram
    assert diagram.node("lp") is not None and diagram.edge("ads", "lp") is not None
    assert window.inspector.subject == ("node", "lp")
    type_into(qtbot, form.id_field, "seo")  # taken: refused
    assert "already has the id" in form.error_text("id")
    window.session.undo_stack.undo()
    assert window.inspector.subject == ("node", "landing")


def test_diagram_fields_when_nothing_is_selected(qtbot, window):
    window.inspector.show_selection([], [])
    form = window.inspector.diagram_form
    type_into(qtbot, form.title, "Q3 campaign")
    form.period.setCurrentIndex(form.period.findData("quarter"))
    form.period.activated.emit(form.period.currentIndex())
    type_into(qtbot, form.currency, "usd")
    diagram = window.session.diagram
    assert (diagram.title, diagram.period.value, diagram.currency) == (
        "Q3 campaign", "quarter", "USD")
    type_into(qtbot, form.currency, "dollars")
    assert "three-letter" in form.error_text("currency")


def test_rules_not_reported_are_shown_and_edited_with_the_diagram(qtbot, window):
    from app.model.commands import DisableRule

    window.session.execute(DisableRule("missing-owner"))
    window.inspector.show_selection([], [])
    form = window.inspector.diagram_form
    assert form.disabled_rules.text() == "missing-owner"
    type_into(qtbot, form.disabled_rules, "missing-owner, slow-step")
    assert window.session.diagram.checklist.disable == ("missing-owner", "slow-step")
    type_into(qtbot, form.disabled_rules, "no-such-rule")
    assert "unknown rule 'no-such-rule'" in form.error_text("checklist")
    assert window.session.diagram.checklist.disable == ("missing-owner", "slow-step")
    type_into(qtbot, form.disabled_rules, "")  # every rule reported again
    assert window.session.diagram.checklist.disable == ()


def test_notes_and_contingency_commit_when_leaving_the_field(qtbot, window):
    window.inspector.show_node("landing")
    form = window.inspector.node_form
    form.contingency.setFocus()
    form.contingency.selectAll()
    type_text(qtbot, form.contingency, "页面故障时切换到备用落地页")
    form.label.setFocus()  # leaving the field commits it
    assert window.session.diagram.node("landing").contingency == "页面故障时切换到备用落地页"
    assert window.session.undo_stack.count() == 1


def test_a_deleted_node_returns_the_inspector_to_the_diagram(qtbot, window):
    from app.model.commands import DeleteItems

    window.inspector.show_node("landing")
    window.session.execute(DeleteItems(frozenset({"landing"})))
    assert window.inspector.subject == ("diagram", None)
