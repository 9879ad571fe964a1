"""QA regressions of `funnelflow check`: the shape of the JSON with several files."""

from __future__ import annotations

import json

from app import cli
from tests.conftest import FIXTURES

GOOD = FIXTURES / "v1" / "handwritten.yaml"
BAD = FIXTURES / "bad" / "unknown_lane.yaml"


def test_several_files_give_a_list_even_when_only_one_could_be_read(capsys):
    code = cli.main(["check", "--format", "json", str(GOOD), str(BAD)])
    out, err = capsys.readouterr()
    assert code == 2 and str(BAD) in err
    payload = json.loads(out)
    assert isinstance(payload, list) and [o["file"] for o in payload] == [str(GOOD)]


def test_one_file_gives_one_object(capsys):
    assert cli.main(["check", "--format", "json", str(GOOD)]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), dict)
