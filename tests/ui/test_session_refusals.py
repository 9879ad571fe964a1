"""QA: an edit refused by the model is explained in the interface's words, not the file's.

Connecting two nodes that are already connected, renaming a node to an id another node has,
typing an id with a space: the reason reached the status bar (and the field) in the model's
English file-format wording ("duplicate edge 'a->b'; merge the two edges into one"), even in
the Chinese interface. These reasons now go through the translation catalogue.
"""

from __future__ import annotations

from test_window_helpers import type_into

from app.ui.refusals import translate_refusal

pytest_plugins = ["test_window_helpers"]


def test_connecting_connected_nodes_says_they_are_connected(qtbot, window):
    edge = window.session.diagram.edges[0]
    before = window.session.diagram
    window.scene.select_ids([edge.source], [])
    assert not window.view.connect_selected(edge.target)
    assert window.session.diagram == before
    message = window.status.currentMessage()
    assert message == f"These two nodes are already connected ({edge.source}->{edge.target})."


def test_renaming_a_node_to_a_taken_or_invalid_id_says_why_once(qtbot, window):
    first, other = window.session.diagram.nodes[0], window.session.diagram.nodes[2]
    window.scene.select_ids([first.id], [])
    window.sync_selection()
    form = window.inspector.node_form
    before = window.session.diagram
    type_into(qtbot, form.id_field, other.id)
    assert window.session.diagram == before
    assert form.error_text("id") == \
        f"Another node already has the id “{other.id}”; choose another."
    type_into(qtbot, form.id_field, "has space")
    assert form.error_text("id") == "“has space” is not a valid id: use letters, digits, _ . and -."
    assert window.status.currentMessage() == form.error_text("id")


def test_an_unrecognised_reason_is_shown_whole():
    message = "node 'x' is in lane 'y', which does not exist; use one of: a"
    assert translate_refusal(message) == message
    mixed = "duplicate edge 'a->b'; merge the two edges into one; something new"
    assert translate_refusal(mixed) == mixed
