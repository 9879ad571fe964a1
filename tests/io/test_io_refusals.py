"""Every file the loader must refuse, each a fixture with its expected line and message."""

from __future__ import annotations

import pytest

from app.io import DiagramFileError, load_diagram, loads_diagram, yaml_load
from tests.conftest import FIXTURES

BAD = FIXTURES / "bad"

# fixture -> every (line, col, words the message must contain), in order
EXPECTED = {
    "syntax.yaml": [(8, 4, "YAML syntax error")],
    "tab.yaml": [(7, 1, "indented with a tab")],
    "python_tag.yaml": [(5, 8, "tags such as !!python/object/apply:os.system are not allowed")],
    "custom_tag.yaml": [(5, 9, "tags such as !Ref are not allowed")],
    "alias_bomb.yaml": [(2, 4, "anchors (&a) are not allowed"),
                        (3, 8, "aliases (*a) are not allowed")],
    "deep.yaml": [(2, 71, "nested more than 64 levels")],
    "duplicate_key.yaml": [(9, 5, "duplicate key 'label' (first written on line 8)")],
    "non_scalar_key.yaml": [(5, 3, "a key must be plain text")],
    "control_char.yaml": [(5, 14, "control character U+0008")],
    "gbk.yaml": [(2, 9, "the file is not UTF-8")],
    "empty.yaml": [(1, 1, "the file is empty")],
    "comments_only.yaml": [(1, 1, "holds no data")],
    "top_list.yaml": [(1, 1, "top level must be a mapping")],
    "top_scalar.yaml": [(1, 1, "top level must be a mapping")],
    "no_version.yaml": [(1, 1, "add `funnelflow: 1` as the first line")],
    "newer_version.yaml": [(1, 13, "this file is format version 3, but this FunnelFlow reads "
                                   "up to version 1; update FunnelFlow")],
    "bad_version.yaml": [(1, 13, "must be a whole number")],
    "unknown_key.yaml": [(8, 5, "unknown key 'colour'")],
    "missing_lane.yaml": [(6, 5, "required key 'lane' is missing")],
    "bad_rate.yaml": [(11, 38, "a rate must be between 0 and 1")],
    "unknown_lane.yaml": [(7, 11, "lane 'sales', which does not exist; use one of: marketing")],
    "duplicate_edge.yaml": [(10, 5, "duplicate edge 'ads->deal'")],
    "exit_edge.yaml": [(9, 11, "leaves exit node 'lost'")],
    "two_documents.yaml": [(5, 1, "one YAML document")],
    "many_problems.yaml": [(5, 9, "'fortnight' is not allowed here"),
                           (9, 13, "expected a number like 800, got 'lots'"),
                           (10, 9, "'bad id' is not a valid id")],
}


def test_every_bad_fixture_has_an_expectation():
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_refused_with_located_message(name):
    path = BAD / name
    with pytest.raises(DiagramFileError) as caught:
        load_diagram(path)
    found = [(p.line, p.col, p.message) for p in caught.value.problems]
    assert len(found) == len(EXPECTED[name]), found
    for (line, col, message), (want_line, want_col, words) in zip(found, EXPECTED[name],
                                                                 strict=True):
        assert (line, col) == (want_line, want_col), message
        assert words in message
    first = str(caught.value).splitlines()[0]
    assert first.startswith(f"{path}:{found[0][0]}:{found[0][1]}: ")


def test_gbk_message_says_how_to_resave():
    with pytest.raises(DiagramFileError) as caught:
        load_diagram(BAD / "gbk.yaml")
    message = caught.value.problems[0].message
    assert "GBK" in message and "iconv -f GBK -t UTF-8" in message and "Save as" in message


def test_utf8_bom_is_accepted():
    text = "\ufefffunnelflow: 1\ntitle: 带BOM\nlanes:\n  - {id: m}\n"
    assert loads_diagram(text.encode("utf-8")).title == "带BOM"


def test_size_limit_checked_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(yaml_load, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text("funnelflow: 1\n" + "# padding\n" * 20, encoding="utf-8")
    with pytest.raises(DiagramFileError) as caught:
        load_diagram(big)
    problem = caught.value.problems[0]
    assert (problem.line, problem.col) == (0, 0)
    assert "over the limit of" in problem.message
    assert str(caught.value).startswith(f"{big}: ")


def test_default_size_limit_is_20_megabytes():
    assert yaml_load.MAX_FILE_BYTES == 20 * 1024 * 1024
    with pytest.raises(DiagramFileError, match=r"over the limit of 20,971,520 bytes \(20 MB\)"):
        loads_diagram(b" " * (yaml_load.MAX_FILE_BYTES + 1))


def test_thirty_thousand_levels_do_not_crash_the_process(tmp_path):
    # The C composer segfaults near 30,000 levels; the event pre-scan stops at 64.
    deep = tmp_path / "deep.yaml"
    deep.write_text("funnelflow: 1\nnotes: " + "[" * 50_000 + "]" * 50_000 + "\n")
    with pytest.raises(DiagramFileError, match="nested more than 64"):
        load_diagram(deep)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DiagramFileError, match="no such file"):
        load_diagram(tmp_path / "nope.yaml")
    with pytest.raises(DiagramFileError, match="is a folder"):
        load_diagram(tmp_path)


def test_all_validation_problems_are_reported_sorted_by_line():
    text = (BAD / "many_problems.yaml").read_text("utf-8")
    problems = pytest.raises(DiagramFileError, loads_diagram, text).value.problems
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert [p.file for p in problems] == ["<string>"] * 3


def test_a_date_like_title_stays_text():
    text = "funnelflow: 1\ntitle: 2024-01-01\nlanes:\n  - {id: m}\n"
    assert loads_diagram(text).title == "2024-01-01"


def test_keys_keep_their_spelling():
    # YAML 1.1 would read the key `on` as true; here it is the (unknown) key "on".
    text = "funnelflow: 1\nlanes:\n  - {id: m}\non: 1\n"
    problem = pytest.raises(DiagramFileError, loads_diagram, text).value.problems[0]
    assert (problem.line, problem.col) == (4, 1)
    assert "unknown key 'on'" in problem.message


def test_windows_line_endings_load_and_locate():
    good = "funnelflow: 1\r\ntitle: 视窗\r\nlanes:\r\n  - {id: m}\r\n"
    assert loads_diagram(good.encode("utf-8")).title == "视窗"
    bad = good + "nodes:\r\n  - id: a\r\n    lane: x\r\n"
    problem = pytest.raises(DiagramFileError, loads_diagram, bad).value.problems[0]
    assert (problem.line, problem.col) == (7, 11)


@pytest.mark.parametrize("written,hint", [
    ("123", 'YAML reads this as a number: put it in double quotes'),
    ("true", "YAML reads true and false as a yes/no value"),
])
def test_text_fields_explain_yaml_typing(written, hint):
    text = f"funnelflow: 1\nlanes: [{{id: m}}]\nnodes:\n  - {{id: a, lane: m, owner: {written}}}\n"
    problem = pytest.raises(DiagramFileError, loads_diagram, text).value.problems[0]
    assert (problem.line, problem.col) == (4, 29)
    assert problem.message.startswith("input should be a valid string; ")
    assert hint in problem.message
    assert loads_diagram(text.replace(written, f'"{written}"')).nodes[0].owner == written
