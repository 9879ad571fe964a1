"""Refused files are explained line by line without touching the open document; comments are
offered into notes before the first save."""

from __future__ import annotations

from app.io import DiagramFileError, Problem, dumps_diagram, load_diagram, loads_diagram
from app.model import Diagram
from app.ui.files.comment_notice import CANCEL, CARRY, DROP, CommentNotice
from app.ui.files.error_dialog import LoadErrorDialog, source_context
from app.ui.session import Session

PLAN = Diagram.model_validate({
    "funnelflow": 1, "title": "plan", "lanes": [{"id": "m"}],
    "nodes": [{"id": "ads", "kind": "entry", "lane": "m"}]})

BROKEN = """\
funnelflow: 1
title: broken
lanes:
  - {id: m}
nodes:
  - id: ads
    lane: m
    kind: bogus
    colour: red
"""


def refusal(tmp_path, text: str):
    path = tmp_path / "broken.yaml"
    path.write_text(text, "utf-8")
    try:
        load_diagram(path)
    except DiagramFileError as error:
        return path, error
    raise AssertionError("the file was expected to be refused")


def test_the_dialog_lists_the_command_line_messages_and_shows_the_line(qtbot, tmp_path):
    path, error = refusal(tmp_path, BROKEN)
    session = Session(PLAN, tmp_path / "plan.yaml")
    dialog = LoadErrorDialog(path, error)
    qtbot.addWidget(dialog)
    rows = dialog.informativeText().splitlines()
    assert rows == [str(p) for p in error.problems] and len(rows) == 2
    assert rows[0].startswith(f"{path}:8:") and rows[1].startswith(f"{path}:9:")
    details = dialog.detailedText().split("\n\n")
    context = details[1].splitlines()
    assert context[0] == rows[1]
    assert context[1] == "  7 |     lane: m"
    assert context[3] == "> 9 |     colour: red"
    assert context[4].index("^") == len("> 9 | ") + error.problems[1].col - 1
    assert session.diagram == PLAN and not session.modified  # untouched


def test_whole_file_problems_show_no_context_and_many_are_capped(qtbot, tmp_path):
    error = DiagramFileError([Problem("gone.yaml", 0, 0, "no such file")])
    dialog = LoadErrorDialog(tmp_path / "gone.yaml", error)
    qtbot.addWidget(dialog)
    assert dialog.informativeText() == "gone.yaml: no such file" and dialog.detailedText() == ""
    many = DiagramFileError([Problem("f.yaml", n, 1, "bad") for n in range(1, 101)])
    dialog = LoadErrorDialog(tmp_path / "f.yaml", many, lines=["x: 1"] * 100)
    qtbot.addWidget(dialog)
    assert len(dialog.informativeText().splitlines()) == 31
    assert dialog.informativeText().endswith("and 70 more problems")


def test_context_is_cut_for_a_minified_line():
    text = source_context(["x" * 10_000], Problem("f", 1, 9_000, "bad"))
    assert len(text.splitlines()[0]) < 300 and text.splitlines()[1].endswith("^")


COMMENTED = dumps_diagram(PLAN).replace("  - id: ads\n", "  # the paid channel\n  - id: ads\n")


def notice_for(qtbot, answer: str):
    session = Session(loads_diagram(COMMENTED))
    asked = []
    notice = CommentNotice(session, ask=lambda parent, comments: asked.append(comments) or answer)
    assert notice.opened_text(COMMENTED) == 1
    assert "1 comment" in notice.summary()
    return session, notice, asked


def test_keep_as_notes_is_one_undoable_edit_and_is_asked_once(qtbot):
    session, notice, asked = notice_for(qtbot, CARRY)
    assert notice.before_save(None)
    assert session.diagram.node("ads").notes == "the paid channel" and session.modified
    assert notice.before_save(None) and len(asked) == 1
    session.undo_stack.undo()
    assert session.diagram.node("ads").notes is None


def test_save_without_them_and_cancel(qtbot):
    session, notice, _ = notice_for(qtbot, DROP)
    assert notice.before_save(None) and session.diagram.node("ads").notes is None
    session, notice, asked = notice_for(qtbot, CANCEL)
    assert not notice.before_save(None)  # the save is cancelled, the question comes again
    assert notice.before_save(None) is False and len(asked) == 2


def test_opening_another_document_forgets_the_comments(qtbot):
    session, notice, asked = notice_for(qtbot, CARRY)
    session.replace(PLAN, None)
    assert notice.before_save(None) and asked == [] and notice.summary() == ""
