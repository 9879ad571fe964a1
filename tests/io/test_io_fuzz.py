"""Fuzzing the loader: whatever the input, the only exception that escapes is ours."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.io import DiagramFileError, dumps_diagram, loads_diagram
from app.model import Diagram
from tests.conftest import FIXTURES

VALID = (FIXTURES / "v1" / "handwritten.yaml").read_text("utf-8")
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow])


def load_or_refuse(data: str | bytes) -> Diagram | None:
    try:
        diagram = loads_diagram(data, filename="fuzz.yaml")
    except DiagramFileError as error:
        for problem in error.problems:
            assert problem.file == "fuzz.yaml" and problem.message
            assert problem.line >= 0 and problem.col >= 0
            # The loader's last-resort catch-all must never be what answers.
            assert "FunnelFlow bug" not in problem.message, problem.message
        return None
    # Anything that loads must also save and load again to the same text.
    saved = dumps_diagram(diagram)
    assert dumps_diagram(loads_diagram(saved)) == saved
    return diagram


@given(st.text(max_size=300))
@FUZZ
def test_arbitrary_text(text):
    load_or_refuse(text)


@given(st.binary(max_size=300))
@FUZZ
def test_arbitrary_bytes(data):
    load_or_refuse(data)


yaml_bits = st.sampled_from([
    "\n", " ", "  ", ":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ",
    "'", '"', "#", "|", ">", "%", "---\n", "...\n", "\t", "~", "null", "1e9", "-1", "120%",
    "中文", "\\", "? ", "<<: ", "\ufeff", "\x85", "\u2028",
])


@given(st.data())
@FUZZ
def test_mutated_valid_document(data):
    text = VALID
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 8))
        text = text[:at] + data.draw(yaml_bits) + text[at + cut:]
    load_or_refuse(text)


@given(st.data())
@FUZZ
def test_line_swaps_and_deletions(data):
    lines = VALID.splitlines(keepends=True)
    i = data.draw(st.integers(0, len(lines) - 1))
    j = data.draw(st.integers(0, len(lines) - 1))
    lines[i], lines[j] = lines[j], lines[i]
    if data.draw(st.booleans()):
        del lines[data.draw(st.integers(0, len(lines) - 1))]
    load_or_refuse("".join(lines))
