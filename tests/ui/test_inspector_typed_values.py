"""QA: rates and amounts typed in the inspector the way a Chinese-speaking manager types them.

A Chinese input method in full-width mode types ３.２％ or 3。2%: that is 3.2%. "3,2%" is not
32%: a comma only separates thousands. "150%", "-5" and "abc" are refused with a message that
says what to type, the document stays as it was, and a later correct value clears the message.
"""

from __future__ import annotations

from test_window_helpers import type_into

pytest_plugins = ["test_window_helpers"]


def _show_edge(window, source: str, target: str):
    window.scene.select_ids([], [f"{source}->{target}"])
    window.sync_selection()
    return window.inspector.edge_form


def test_full_width_and_ime_punctuation_mean_the_ascii_rate(qtbot, window):
    edge = window.session.diagram.edges[0]
    form = _show_edge(window, edge.source, edge.target)
    for typed, expected in (("３.２％", 0.032), ("4。5%", 0.045), ("0.032", 0.032)):
        type_into(qtbot, form.conversion.actual, typed)
        assert window.session.diagram.edge(edge.source, edge.target).conversion.actual == \
            expected, typed
        assert form.error_text("conversion") == ""
    assert form.conversion.actual.text() == "3.2%"


def test_a_decimal_comma_is_refused_not_read_as_thousands(qtbot, window):
    edge = window.session.diagram.edges[0]
    form = _show_edge(window, edge.source, edge.target)
    before = window.session.diagram
    type_into(qtbot, form.conversion.actual, "3,2%")
    assert window.session.diagram == before
    assert "decimals take a point" in form.error_text("conversion")
    assert "3,2%" in window.status.currentMessage()


def test_out_of_range_rates_and_words_are_refused_with_what_to_type(qtbot, window):
    edge = window.session.diagram.edges[0]
    form = _show_edge(window, edge.source, edge.target)
    before, undo_steps = window.session.diagram, window.session.undo_stack.count()
    for typed, says in (("150%", "between 0% and 100%"), ("1.5", "between 0% and 100%"),
                        ("-5%", "between 0% and 100%"), ("abc", "like 3.2% or 0.032")):
        type_into(qtbot, form.conversion.target, typed)
        assert window.session.diagram == before, typed
        assert f"“{typed}”" in form.error_text("conversion"), typed
        assert says in form.error_text("conversion"), typed
    assert window.session.undo_stack.count() == undo_steps


def test_a_negative_amount_is_refused_and_thousands_are_fine(qtbot, window):
    entry = next(n for n in window.session.diagram.nodes if n.kind.value == "entry")
    window.scene.select_ids([entry.id], [])
    window.sync_selection()
    form = window.inspector.node_form
    type_into(qtbot, form.volume.target, "-5")
    assert "negative" in form.error_text("volume")
    type_into(qtbot, form.volume.target, "２0,000")
    assert window.session.diagram.node(entry.id).volume.target == 20000
    assert form.error_text("volume") == ""


def test_typing_the_current_value_again_clears_an_old_refusal(qtbot, window):
    edge = window.session.diagram.edges[0]
    form = _show_edge(window, edge.source, edge.target)
    current = form.conversion.actual.text()
    type_into(qtbot, form.conversion.actual, "abc")
    assert form.error_text("conversion")
    type_into(qtbot, form.conversion.actual, current.replace("%", " %"))  # same value
    assert form.error_text("conversion") == ""
