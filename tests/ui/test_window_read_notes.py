"""Issue 17: a file whose value is read differently than FunnelFlow 0.1 read it opens, and the
designer says where (the same located note `funnelflow check` prints)."""

from __future__ import annotations

from test_window_helpers import dialogs, settings_store, window  # noqa: F401 (fixtures)


def test_opening_a_file_with_an_old_octal_value_shows_its_line(qtbot, window, tmp_path):  # noqa: F811
    path = tmp_path / "old.yaml"
    path.write_text("funnelflow: 1\nlanes: [{id: m}]\nnodes:\n"
                    "  - {id: a, lane: m, kind: entry, volume: 010}\n", encoding="utf-8")
    assert window.files.open(path)
    assert window.session.diagram.nodes[0].volume.target == 10.0
    message = window.statusBar().currentMessage()
    assert message.startswith("Read with 1 note(s); line 4: note: `010` is read as 10")
