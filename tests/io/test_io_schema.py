"""The shipped JSON Schema is the one the model generates, and names the format's keys."""

from __future__ import annotations

import json

from app.io.schema import SCHEMA_URL, diagram_schema, schema_text
from app.resources import resource_path


def test_shipped_schema_is_in_sync_with_the_model():
    shipped = resource_path("schema", "funnelflow-1.schema.json").read_text("utf-8")
    assert shipped == schema_text(), (
        "resources/schema/funnelflow-1.schema.json is out of date; regenerate it with\n"
        "    uv run funnelflow schema > resources/schema/funnelflow-1.schema.json")


def test_schema_describes_the_format():
    schema = diagram_schema()
    assert schema["$id"] == SCHEMA_URL and SCHEMA_URL.endswith("/funnelflow-1.schema.json")
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"funnelflow", "lanes"}
    assert list(schema["properties"]) == [
        "funnelflow", "title", "period", "currency", "notes", "lanes", "phases", "nodes",
        "edges", "checklist", "history"]
    edge = schema["$defs"]["Edge"]
    assert {"from", "to"} <= set(edge["properties"]) and set(edge["required"]) == {"from", "to"}
    assert json.loads(schema_text()) == schema
