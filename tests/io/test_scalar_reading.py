"""Issue 17: every value is read as YAML 1.2 reads it, and what could be read two ways is
refused with its line and the fix (SPEC §2, docs/file-format.md). One test per reproducer."""

from __future__ import annotations

import pytest

from app import cli
from app.io import DiagramFileError, Problem, loads_diagram

HEAD = "funnelflow: 1\nlanes: [{id: m}]\nnodes:\n  - id: a\n    lane: m\n    kind: entry\n"
LINE = 7  # the line of `VALUE` in node()


def node(value: str) -> str:
    """A file whose node `a` has the line `value` (e.g. `volume: 010`) on line 7."""
    return HEAD + f"    {value}\n"


def refusal(text: str) -> Problem:
    with pytest.raises(DiagramFileError) as caught:
        loads_diagram(text)
    assert len(caught.value.problems) == 1, caught.value.problems
    return caught.value.problems[0]


def test_a_leading_zero_is_decimal_and_the_old_octal_reading_is_a_located_note():
    notes: list[Problem] = []
    diagram = loads_diagram(node("volume: 010"), notes=notes)
    assert diagram.nodes[0].volume.target == 10.0
    assert [(n.line, n.col) for n in notes] == [(LINE, 13)]
    assert "read as 10" in notes[0].message and "read it as 8 (octal)" in notes[0].message


def test_a_number_without_a_changed_reading_gives_no_note():
    notes: list[Problem] = []
    loads_diagram(node("volume: 100"), notes=notes)
    loads_diagram(node("volume: 07"), notes=notes)  # seven either way
    assert notes == []


def test_octal_and_hex_are_read_as_yaml_1_2_writes_them():
    assert loads_diagram(node("volume: 0o17")).nodes[0].volume.target == 15.0
    assert loads_diagram(node("volume: 0x1F")).nodes[0].volume.target == 31.0


def test_a_time_is_text_and_refused_as_a_duration_with_the_fix():
    problem = refusal(node("duration: 1:30"))
    assert (problem.line, problem.col) == (LINE, 15)
    assert "'1:30' is text" in problem.message and "e.g. 90" in problem.message


def test_a_time_is_text_in_a_label():
    assert loads_diagram(node("label: 1:30")).nodes[0].label == "1:30"


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "OFF", "y", "n"])
def test_yes_no_on_off_are_text(word):
    assert loads_diagram(node(f"label: {word}")).nodes[0].label == word
    assert loads_diagram(node(f"owner: {word}")).nodes[0].owner == word


def test_only_true_and_false_are_booleans():
    problem = refusal(node("label: true"))
    assert "yes/no value" in problem.message and '"true"' in problem.message


@pytest.mark.parametrize("written,fix", [
    ('"3,2%"', "write 3.2%"),
    ('"20,000"', "write 20000 for the whole number, or 20.000"),
    ("20_000", "without underscores: 20000"),
    ('"20000"', "without quotes: 20000"),
    ('"0.5"', "without quotes: 0.5"),
    ('"３.２％"', "write 3.2%"),
])
def test_a_value_that_could_be_read_two_ways_is_refused_with_the_fix(written, fix):
    key = "conversion" if "%" in written or written == '"0.5"' else "volume"
    text = HEAD + "  - {id: b, lane: m}\nedges:\n  - from: a\n    to: b\n" \
        f"    {key}: {written}\n" if key == "conversion" else node(f"volume: {written}")
    problem = refusal(text)
    assert fix in problem.message, problem.message
    assert problem.line == (11 if key == "conversion" else LINE)


def test_a_thousands_separator_in_a_kpi_is_refused_too():
    problem = refusal(node('kpis: [{name: k, target: "1,000%"}]'))
    assert problem.line == LINE and "thousands separator" in problem.message


def test_half_a_percent_may_be_written_without_the_leading_zero():
    text = HEAD + "  - {id: b, lane: m}\nedges:\n  - {from: a, to: b, conversion: .5%}\n"
    assert loads_diagram(text).edges[0].conversion.target == pytest.approx(0.005)


def test_a_rate_above_100_percent_is_refused():
    text = HEAD + "  - {id: b, lane: m}\nedges:\n  - {from: a, to: b, conversion: 150%}\n"
    assert "between 0 and 1" in refusal(text).message


def test_an_empty_actual_is_unmeasured_but_a_measure_of_nothing_is_refused():
    volume = loads_diagram(node("volume: {target: 5, actual: null}")).nodes[0].volume
    assert (volume.target, volume.actual) == (5.0, None)
    assert "needs a target, an actual" in refusal(node("volume: {actual: null}")).message


@pytest.mark.parametrize("version,accepted", [("1", True), ("1.0", True), ("2", False),
                                              ("1.5", False), ("true", False)])
def test_the_version_is_the_number_one(version, accepted):
    text = f"funnelflow: {version}\nlanes: [{{id: m}}]\n"
    if accepted:
        assert loads_diagram(text).funnelflow == 1
    else:
        assert refusal(text).line == 1


def test_a_number_too_big_for_a_float_is_refused_at_its_line():
    problem = refusal(node("volume: 1" + "0" * 400))
    assert (problem.line, problem.col) == (LINE, 13)
    assert "too big" in problem.message and "401 digits" in problem.message
    assert "FunnelFlow bug" not in problem.message


def test_a_5000_digit_version_is_refused_at_its_line():
    problem = refusal("funnelflow: " + "9" * 5000 + "\nlanes: [{id: m}]\n")
    assert (problem.line, problem.col) == (1, 13)
    assert "too big" in problem.message and "FunnelFlow bug" not in problem.message


def test_a_float_beyond_range_and_infinity_are_refused():
    assert "too big" in refusal(node("volume: 1e400")).message
    assert "finite" in refusal(node("volume: .inf")).message


def test_an_old_format_version_opens_with_a_note_on_line_one():
    notes: list[Problem] = []
    text = "funnelflow: 0\nstages: [{id: s}]\nlanes: [{id: m}]\n"
    assert loads_diagram(text, notes=notes).phases[0].id == "s"
    assert [(n.line, "format version 0" in n.message) for n in notes] == [(1, True)]


def test_check_prints_the_notes_and_still_checks_the_file(tmp_path, capsys):
    path = tmp_path / "old.yaml"
    path.write_text(node("volume: 010") + "  - {id: g, lane: m, kind: goal}\n"
                    "edges:\n  - {from: a, to: g}\n", "utf-8")
    code = cli.main(["check", str(path)])
    out, err = capsys.readouterr()
    assert code == 0 and f"{path}:{LINE}:13: note: `010` is read as 10" in err
    assert "per month: 10 actual" in out  # the octal reading would give 8


@pytest.mark.parametrize("written", ['"5"', "true"])
def test_a_position_is_a_number_not_text_or_true(written):
    problem = refusal(node(f"x: {written}"))
    assert (problem.line, problem.col) == (LINE, 8)
