"""The registry of export formats: a format by its extension (or --format), YAML always there,
an unknown one refused with the list of those that exist."""

from __future__ import annotations

import pytest

from app.export.registry import EXPORTERS, UnknownFormat, export, export_format
from app.model import Diagram
from tests.conftest import minimal_document


def test_export_registry_has_yaml_and_refuses_unknown_formats(tmp_path):
    assert ".yaml" in EXPORTERS
    d = Diagram.model_validate(minimal_document(title="导出"))
    out = tmp_path / "out.yaml"
    export(d, out)
    assert "title: 导出\n" in out.read_text("utf-8")
    assert export_format(tmp_path / "x.txt", "yaml") == ".yaml"
    with pytest.raises(UnknownFormat, match=r"cannot export to format '\.docx'; use one of"):
        export(d, tmp_path / "out.docx")
    with pytest.raises(UnknownFormat, match="without an extension"):
        export_format(tmp_path / "out")
