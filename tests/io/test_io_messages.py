"""Every loader and model refusal reads in Chinese from the one bilingual table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.io import DiagramFileError, load_diagram, loads_diagram
from app.io.messages import MESSAGES, ZH, is_known, localize, pairs
from app.model import Diagram, Edge, Lane, Node
from app.model.commands import AddItems, EditRefused, UpdateEdge, UpdateNode

BAD = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "bad").iterdir())
#: English left in a Chinese message is only what the user wrote or must type literally:
#: quoted values, `code`, ids, file formats and brand names
# (U+202E (RLO) first: Unicode's name of a character is a code, not a word)
_LITERAL = re.compile(r"U\+[0-9A-F]+ \([A-Z0-9 -]+\)|'[^']*'|`[^`]*`|\"[^\"]*\"|"
                      r"\b(?:YAML|UTF-\d+|GBK|FunnelFlow|ISO|CNY|USD|"
                      r"Tab|Windows|id|KPI|true|false|lanes|phases|x|y|MB|U\+[0-9A-F]+|"
                      r"0x[0-9A-F]+)\b")


def english_words(text: str, source: str = "") -> list[str]:
    """Words of three or more Latin letters outside the literal parts and not written by the
    user in `source` (ids, tags and values come from the file)."""
    return [w for w in re.findall(r"[A-Za-z]{3,}", _LITERAL.sub("", text)) if w not in source]


def _problems(path: Path) -> list[str]:
    try:
        load_diagram(path)
    except DiagramFileError as error:
        return [p.message for p in error.problems]
    raise AssertionError(f"{path.name} was accepted")


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_every_refusal_of_a_bad_file_is_in_the_table_and_reads_in_chinese(path):
    for message in _problems(path):
        assert is_known(message), message
        chinese = localize(message, "zh")
        source = path.read_bytes().decode("utf-8", errors="replace")
        assert not english_words(chinese, source), (message, chinese)
        assert localize(message, "en") == message


MORE_FILES = [
    "funnelflow: 1\nlanes: [{id: m}]\nnodes: [{id: a, lane: m, volume: -5}]\n",
    "funnelflow: 1\nlanes: [{id: m}]\nnodes: [{id: a, lane: m, volume: 1e20}]\n",
    "funnelflow: 1\nlanes: [{id: m}]\nnodes: [{id: a, lane: m, phase: p}]\n",
    "funnelflow: 1\nlanes: []\n",
    "funnelflow: 1\nlanes: [{id: m, color: red}]\n",
    "funnelflow: 1\ncurrency: yuan\nlanes: [{id: m}]\n",
    "funnelflow: 1\nlanes: [{id: m}]\nnodes: [{id: a, lane: m, x: 9e9}]\n",
    "funnelflow: 1\nlanes: [{id: m}]\nnodes: [{id: a, lane: m}, {id: a, lane: m}]\n",
    "funnelflow: 1\nlanes: [{id: m}]\nnodes: [{id: a, lane: m}]\nedges: [{from: a, to: b}]\n",
    "funnelflow: 1\ntitle: true\nlanes: [{id: m}]\n",
    "funnelflow: 1\ntitle:\nlanes: [{id: m}]\n",
    "funnelflow: 1\nlanes: m\n",
    "funnelflow: 1\nlanes: [m]\n",
    "funnelflow: 1\nlanes: [{id: m}]\nnodes: [{id: a, lane: m, volume: 5%}]\n",
    "funnelflow: 1\nlanes: [{id: m}]\nnodes: [{id: a, lane: m, volume: true}]\n",
    "funnelflow: 1\nlanes: [{id: m}]\nnodes: [{id: a, lane: m, volume: {}}]\n",
    "funnelflow: 1\nlanes: [{id: m}\n",
    "funnelflow: 1\nlanes:\n  - id: m\n   name: x\n",
    "funnelflow: 1\ntitle: \"a\\q\"\nlanes: [{id: m}]\n",
]


@pytest.mark.parametrize("text", MORE_FILES)
def test_more_refusals_read_in_chinese(text):
    with pytest.raises(DiagramFileError) as caught:
        loads_diagram(text, "x.yaml")
    for problem in caught.value.problems:
        chinese = localize(problem.message, "zh")
        assert not english_words(chinese, text), (problem.message, chinese)


def test_model_refusals_of_edits_read_in_chinese():
    diagram = Diagram(funnelflow=1, lanes=(Lane(id="m"),),
                      nodes=(Node(id="a", lane="m", kind="exit"), Node(id="b", lane="m")))
    edits = [AddItems(nodes=(Node(id="b", lane="m"),)),
             AddItems(edges=(Edge(source="a", target="b"),)),
             UpdateNode("b", {"id": "bad id"}), UpdateNode("zz", {"label": "x"}),
             UpdateEdge("a", "zz", {"label": "x"})]
    for edit in edits:
        with pytest.raises(EditRefused) as caught:
            edit.apply(diagram)
        chinese = localize(str(caught.value), "zh")
        assert not english_words(chinese), (str(caught.value), chinese)


def test_the_table_is_well_formed():
    assert set(MESSAGES) == set(ZH)  # every keyed message has its Chinese
    for english, chinese in pairs():
        names_en = set(re.findall(r"(?<!\{)\{(\w+)\}", english))
        names_zh = set(re.findall(r"(?<!\{)\{(\w+)\}", chinese))
        assert names_en == names_zh, english
    assert len({en for en, _ in pairs()}) == len(pairs())


def test_an_unknown_message_stays_english_and_known_parts_are_translated():
    assert localize("something new happened", "zh") == "something new happened"
    mixed = "required key 'lane' is missing; add it; something new"
    assert localize(mixed, "zh") == "缺少必需的键 'lane'；请添加；something new"


def test_check_prints_file_problems_in_the_checklist_language(capsys):
    from app.cli import main

    path = BAD[0]
    assert main(["check", str(path), "--lang", "zh"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines and all(line.startswith(f"{path}:") for line in lines)
    for line in lines:
        assert not english_words(line.split(": ", 1)[1], path.read_text("utf-8", "replace"))
    assert main(["check", str(path)]) == 2
    assert "not allowed" in capsys.readouterr().err


def test_save_refusals_read_in_chinese(tmp_path):
    import os

    from app.io import SaveError, refuse_foreign, write_atomic

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(SaveError) as caught:
        refuse_foreign(fifo)
    chinese = localize(str(caught.value), "zh")
    assert chinese.startswith(f"{fifo}：是命名管道（FIFO），不是普通文件"), chinese
    with pytest.raises(SaveError) as caught:
        write_atomic(tmp_path / "no" / "x.yaml", b"x")
    assert "不存在" in localize(str(caught.value), "zh")
    assert is_known("input should be a valid number, unable to parse string as a number")


@pytest.mark.parametrize("data", [
    "funnelflow: 1\n".encode("utf-16"), "funnelflow: 1\n".encode("utf-16-be"),
    "funnelflow: 1\n".encode("utf-32"), b"funnelflow: 1\ntitle: 010\nlanes: [{id: m}]\n"
, b"funnelflow: 1\ntitle: \"a\\u202Eb\"\nlanes: [{id: m}]\n",
])
def test_keyed_loader_messages_read_in_chinese(tmp_path, data):
    path = tmp_path / "x.yaml"
    path.write_bytes(data)
    try:
        load_diagram(path)
    except DiagramFileError as error:
        for problem in error.problems:
            chinese = localize(problem.message, "zh")
            assert not english_words(chinese, data.decode("utf-8", "replace")), chinese
