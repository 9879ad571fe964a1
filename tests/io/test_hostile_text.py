"""Issue 17: control characters are refused with their line, and no output lies to its reader
(terminal, Markdown, CSV, Mermaid); line numbers are the editor's; UTF-16 is named."""

from __future__ import annotations

import csv
import io
import re

import pytest

from app import cli
from app.analysis import analyze
from app.export.check_formats import format_reports
from app.export.markdown_export import render_markdown
from app.export.mermaid_export import render_mermaid
from app.io import DiagramFileError, loads_diagram
from app.io.escape import CONTROL, TEXT_PATTERN, csv_cell, markdown, mermaid, terminal
from app.model import Diagram
from app.model.values import CONTROL_CLASS

OWNED = "\\e[2J\\e]0;owned\\a\\e[32mALL CHECKS PASSED\\e[0m"  # as written in YAML


def file_with(line: str) -> str:
    return ("funnelflow: 1\nlanes: [{id: m}]\nnodes:\n  - id: a\n    lane: m\n"
            f"    kind: entry\n{line}\n")


def problems(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(DiagramFileError) as caught:
        loads_diagram(text)
    return [(p.line, p.col, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("field", ["label", "owner", "notes", "contingency"])
def test_escaped_terminal_codes_are_refused_at_the_escape(field):
    found = problems(file_with(f'    {field}: "ok {OWNED}"'))
    col = len(f'    {field}: "ok ') + 1
    assert found == [(7, col, found[0][2])]
    assert "U+001B (ESC)" in found[0][2] and "delete the escape" in found[0][2]


@pytest.mark.parametrize("escape,name", [("\\x07", "U+0007"), ("\\u009b", "U+009B (CSI)"),
                                         ("\\N", "U+0085 (NEL)"), ("\\r", "U+000D"),
                                         ("\\u202e", "U+202E (RLO)"), ("\\u2066", "U+2066")])
def test_every_kind_of_control_escape_is_refused(escape, name):
    [(line, col, message)] = problems(file_with(f'    label: "a{escape}b"'))
    assert (line, col) == (7, 14) and name in message


@pytest.mark.parametrize("char,words", [("\u202e", "text-direction"), ("\u2067", "text-direction"),
                                        ("\x85", "control character U+0085"),
                                        ("\x9b", "control character U+009B"),
                                        ("\x7f", "control character U+007F")])
def test_raw_controls_and_bidi_overrides_are_refused_where_they_are(char, words):
    [(line, col, message)] = problems(file_with(f"    label: ab{char}cd"))
    assert (line, col) == (7, 14) and words in message


def test_a_control_in_a_key_is_refused_too():
    [(line, _, message)] = problems(file_with('    "x\\e": 1'))
    assert line == 7 and "U+001B" in message


def test_tabs_and_line_breaks_stay_allowed_in_text():
    diagram = loads_diagram(file_with('    notes: "one\\ttab\\nline two"'))
    assert diagram.nodes[0].notes == "one\ttab\nline two"


def test_text_from_elsewhere_loses_its_controls_so_every_save_opens_again():
    diagram = Diagram.model_validate({"funnelflow": 1, "title": "a\x1b[2Jb\u202ec\r\nd",
                                      "lanes": [{"id": "m", "name": "x\x07"}]})
    assert (diagram.title, diagram.lanes[0].name) == ("a[2Jbc\nd", "x")


def test_the_schema_and_the_model_name_the_same_controls():
    every = [chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000]
    by_schema = {ch for ch in every if re.fullmatch(TEXT_PATTERN, ch) is None}
    by_model = {ch for ch in every if re.fullmatch(f"[{CONTROL_CLASS}]", ch)}
    assert by_schema == by_model and "\x1b" in by_model and "\t" not in by_model


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_a_line_separator_is_refused_on_the_line_an_editor_shows(separator):
    # YAML 1.1 parsers end a line there (and then misread what follows); editors do not.
    text = "# a comment" + separator + "\n" + file_with(f"    label: a{separator}b")
    [(line, col, message)] = problems(text)
    assert (line, col) == (1, 12) and f"U+{ord(separator):04X}" in message
    [(line, col, message)] = problems(file_with(f"    label: a{separator}b"))
    assert (line, col) == (7, 13) and "write it as an escape" in message


def test_an_escaped_line_separator_is_text_and_lines_after_it_stay_right():
    text = file_with('    label: "a\\u2028b"') + "    lane: x\n"  # duplicate key, line 8
    [(line, col, message)] = problems(text)
    assert (line, col) == (8, 5) and "duplicate key 'lane'" in message
    assert loads_diagram(file_with('    label: "a\\u2028b"')).nodes[0].label == "a\u2028b"


def test_a_next_line_character_is_refused_on_the_line_an_editor_shows():
    [(line, col, _)] = problems("funnelflow: 1\ntitle: a\x85b\nlanes: [{id: m}]\n")
    assert (line, col) == (2, 9)


@pytest.mark.parametrize("encoding,words", [
    ("utf-16", "UTF-16 (little-endian)"), ("utf-16-be", "UTF-16 (big-endian, without"),
    ("utf-16-le", "UTF-16 (little-endian, without"), ("utf-32", "UTF-32")])
def test_utf16_and_utf32_are_named(encoding, words):
    data = "funnelflow: 1\ntitle: 你好\nlanes: [{id: m}]\n".encode(encoding)
    [(_, _, message)] = problems(data)
    assert words in message and "GBK" not in message and "iconv -f UTF-" in message


# -- outputs -------------------------------------------------------------------------------

ATTACK = "![t](http://evil.example/p.png) [x](javascript:alert(1)) **b** `c` <img src=x> a|b &lt;"


def hostile_diagram() -> Diagram:
    return Diagram.model_validate({
        "funnelflow": 1, "title": ATTACK, "lanes": [{"id": "m", "name": ATTACK}],
        "nodes": [{"id": "a", "kind": "entry", "lane": "m", "label": ATTACK, "volume": 10,
                   "owner": "=HYPERLINK(\"http://x\")", "kpis": [{"name": ATTACK}]},
                  {"id": "b", "lane": "m", "label": ATTACK}],
        "edges": [{"from": "a", "to": "b", "label": ATTACK}]})


def test_markdown_shows_links_images_emphasis_and_html_as_written():
    for text in (render_markdown(hostile_diagram(), lang="en"),
                 format_reports([("f.yaml", analyze(hostile_diagram(), "en"))], "md", "en",
                                False)):
        assert "](" not in text.replace("\\](", "")  # no link or image is formed
        assert "<img" not in text.replace("\\<img", "") and "\\*\\*b\\*\\*" in text
        assert "`c`" not in text.replace("\\`c\\`", "")
        assert "&lt;" not in text.replace("\\&lt;", "")
        assert "\\!" not in text and "!\\[t\\](http://evil.example/p.png)" in text


def test_terminal_output_of_check_holds_no_escape_code(tmp_path, capsys):
    # Past the model's guard (as a future bug might let them): the output still holds none.
    diagram = hostile_diagram().model_copy(update={"title": "\x1b]0;owned\x07\x1b[2J"})
    text = format_reports([("f\x1b[2J.yaml", analyze(hostile_diagram(), "en"))], "text", "en",
                          False)
    text += format_reports([("f.yaml", analyze(diagram, "en"))], "text", "en", False)
    assert not CONTROL.search(text.replace("\n", ""))
    assert "␛]0;owned␇␛[2J" in text


def test_the_hostile_file_of_the_issue_is_refused_and_the_terminal_stays_clean(tmp_path,
                                                                                capsys):
    path = tmp_path / "owned\x1b[2J.yaml"
    path.write_text(file_with(f'    label: "{OWNED}"'), "utf-8")
    assert cli.main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "\x1b" not in err and ":7:13: " in err and "owned␛[2J.yaml" in err


def test_csv_cells_keep_formula_escaping_and_lose_controls():
    assert csv_cell("=1+2") == "'=1+2" and csv_cell("-5%") == "-5%"
    assert csv_cell("a\x1b[2Jb") == "a␛[2Jb" and csv_cell("a\nb") == "a\nb"
    rows = list(csv.reader(io.StringIO(format_reports(
        [("f.yaml", analyze(hostile_diagram(), "en"))], "csv", "en", False))))
    assert all(not cell.startswith(("=", "@")) for row in rows for cell in row)


def test_mermaid_labels_cannot_break_out_of_their_quotes():
    text = render_mermaid(hostile_diagram(), lang="en")
    # (the front matter's title is YAML text, which Mermaid shows as text)
    labels = [line for line in text.splitlines() if "evil" in line and "title:" not in line]
    assert labels and all("<img" not in line and "`" not in line for line in labels)
    assert mermaid('a"]-->x') == "a#quot;]--#gt;x" and mermaid("a\x1b\nb") == "a␛ b"


def test_the_escapers_show_controls_as_pictures():
    assert terminal("a\x1b[31mb\x07\u202e\x85") == "a␛[31mb␇<U+202E><U+0085>"
    assert markdown("[x](y) _a_ b_c") == "\\[x\\](y) \\_a\\_ b_c"
