"""The JSON Schema of the file format, generated from the model (SPEC §2).

Shipped as resources/schema/funnelflow-1.schema.json and printed by `funnelflow schema`;
every saved file names it on its first line so editors validate as the user types.
"""

from __future__ import annotations

import json
from typing import Any

from app.io.escape import TEXT_PATTERN
from app.model import FORMAT_VERSION, Diagram

SCHEMA_FILE = f"funnelflow-{FORMAT_VERSION}.schema.json"
SCHEMA_URL = (
    "https://raw.githubusercontent.com/funnelflow/funnelflow/main/resources/schema/"
    + SCHEMA_FILE
)


def diagram_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a diagram file."""
    schema = _text_without_controls(Diagram.model_json_schema(by_alias=True, mode="validation"))
    # The loader reads this version (older ones are migrated, with a note): `funnelflow: 2`
    # is refused, and JSON has one number 1, so `1.0` is this version too.
    schema["properties"]["funnelflow"] = {
        "const": FORMAT_VERSION, "description": "file format version", "title": "Funnelflow"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        "title": f"FunnelFlow diagram (format version {FORMAT_VERSION})",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def _text_without_controls(schema: Any) -> Any:
    """Every free-text string refuses control characters and bidi overrides, as the loader
    does (app/io/escape.py); strings with a pattern or a fixed set of values already do."""
    if isinstance(schema, list):
        return [_text_without_controls(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: _text_without_controls(value) for key, value in schema.items()}
    if schema.get("type") == "string" and not {"pattern", "enum", "const"} & schema.keys():
        schema["pattern"] = TEXT_PATTERN
    return schema


def schema_text() -> str:
    """The schema as the shipped file holds it: sorted keys, indented, one final newline."""
    return json.dumps(diagram_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
