"""The shipped JSON Schema and the loader accept exactly the same files (SPEC §2).

A real JSON Schema validator (`jsonschema`) judges each document; the loader judges the same
document as file text. Documents are the shipped templates with small mutations, and values
generated for any place in them. Cross-references and uniqueness, which JSON Schema cannot
say, are set aside by switching the model's reference check off for the comparison.

Nothing here names the keys of the format: mutations walk whatever the templates hold, so
keys added to the format later (with their schema) are exercised as they come.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import app.model.diagram as diagram_module
from app.io import DiagramFileError, loads_diagram
from app.io.templates import LANGUAGES
from app.resources import resource_path

# -- the validator -------------------------------------------------------------------------


def _ecma_pattern(validator, pattern, instance, schema):
    # JSON Schema patterns are ECMA-262 regexes, as VS Code runs them: `$` ends the text.
    # Python's `$` also matches before a final newline, which would accept "id\n" as an id.
    if validator.is_type(instance, "string") and not _ecma(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.cache
def _ecma(pattern: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                         {"pattern": _ecma_pattern})
# The file as shipped (test_io_schema keeps it equal to what the model generates).
SCHEMA = json.loads(resource_path("schema", "funnelflow-1.schema.json").read_text("utf-8"))
Validator.check_schema(SCHEMA)
VALIDATOR = Validator(SCHEMA)


def schema_accepts(data: Any) -> bool:
    """What an editor says: JSON data only (no NaN or infinity), valid by the schema."""
    return _is_json(data) and VALIDATOR.is_valid(data)


def _is_json(data: Any) -> bool:
    if isinstance(data, float):
        return math.isfinite(data)
    if isinstance(data, dict):
        return all(isinstance(k, str) and _is_json(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_is_json(v) for v in data)
    return data is None or isinstance(data, bool | int | str)


# -- the loader ----------------------------------------------------------------------------

# Characters a YAML file may not hold raw: written as escapes, as an editor would keep them.
_UNPRINTABLE = re.compile("[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufeff\uff00-\ufffd"
                          "\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]")


def as_yaml(data: Any) -> str:
    """`data` as YAML file text: JSON is YAML 1.2, and every string double-quoted."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def loader_accepts(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[bool, str]:
    """Whether the loader reads the file, cross-references aside; and why not."""
    with monkeypatch.context() as patch:
        patch.setattr(diagram_module, "_reference_problems", lambda *sections: [])
        # the history's too: its node, edge and KPI names and its unique periods
        patch.setattr(diagram_module, "history_problems", lambda diagram: [])
        try:
            loads_diagram(text)
        except DiagramFileError as error:
            return False, str(error)
    return True, ""


def is_legacy(data: Any) -> bool:
    """Files of an older format version are migrated: the schema is the current version's."""
    version = data.get("funnelflow") if isinstance(data, dict) else None
    return (isinstance(version, int | float) and not isinstance(version, bool)
            and 0 <= version < 1 and version == int(version))


# -- what is generated ---------------------------------------------------------------------


def _template_files(lang: str) -> list[Any]:
    return sorted(resource_path("templates", lang).glob("*.yaml"))


def _template_data() -> list[Any]:
    from app.io.yaml_tree import build_data

    found = []
    for lang in LANGUAGES:
        for path in _template_files(lang):
            data, problems = build_data(path.read_text("utf-8"), str(path))
            assert not problems
            found.append(data)
    return found


TEMPLATES = _template_data()
#: every key of SPEC §2's example that no template writes (positions, a currency...), so the
#: places below include them too
COMPLETE = {
    "funnelflow": 1, "title": "t", "period": "week", "currency": "CNY", "notes": "n",
    "lanes": [{"id": "m", "name": "M", "color": "#2E86DE"}],
    "phases": [{"id": "p", "name": "P"}],
    "nodes": [{"id": "a", "label": "A", "kind": "entry", "lane": "m", "phase": "p",
               "owner": "o", "volume": {"target": 5, "actual": 4}, "capacity": 9,
               "duration": {"target": 1, "actual": 2}, "cost": 3, "value": 4,
               "kpis": [{"name": "k", "target": "2%", "actual": 0.5, "unit": "%",
                         "better": "lower"}],
               "notes": "n", "contingency": "c", "x": 1, "y": 2},
              {"id": "b", "lane": "m", "kind": "goal"}],
    "edges": [{"from": "a", "to": "b", "label": "l",
               "conversion": {"target": "5%", "actual": 0.03},
               "duration": {"target": 1, "actual": 3}}],
}

INTERESTING_TEXT = [
    "", " ", "3.2%", "0%", "100%", "100.0%", "100.5%", "150%", ".5%", "5.%", "-5%", "+5%",
    " 3.2 % ", "3.2 %", "3,2%", "20,000", "20.000", "20_000", "20000", "0.5", "1:30", "yes",
    "no", "on", "off", "true", "null", "~", "abc", "marketing", "ads", "entry", "step",
    "decision", "goal", "exit", "month", "week", "higher", "lower", "#2E86DE", "#2e86de",
    "#12345", "CNY", "cny", "USD ", "a b", "a\nb", "ab\n", "a\tb", "a\x1b[2Jb", "a\u202eb",
    "x\u2066y", "\x85", "a\x7fb", "a\u2028b", "ids-ok_1.2", "付费广告", "３.２％", "1e5", "%",
    "5%\n", "5% \n", "\n5%", "ab\n", "#2E86DE\n", "CNY\n", "entry\n",
    "1" + "0" * 20 + "%", "9" * 17 + "%", "1" + "0" * 17 + "%", "-0%", "0x1F", "1.0", "1",
]
INTERESTING_NUMBERS = [
    0, 1, 2, -1, 0.5, 1.0, 1.5, 0.032, 10**15, 10**15 + 1, 1e15, 1.0000000000000002e15,
    -10**15, -1e15 - 1, 10**6, -10**6, 10**6 + 1, 10**400, -(10**400), 5e-324, 1e300,
    -0.0, 100, 800, 20000,
]
KEYS = ["id", "name", "label", "kind", "lane", "phase", "owner", "volume", "capacity",
        "duration", "cost", "value", "kpis", "notes", "contingency", "x", "y", "from", "to",
        "conversion", "target", "actual", "unit", "better", "color", "title", "period",
        "currency", "lanes", "phases", "nodes", "edges", "funnelflow", "stages", "colour",
        "checklist", "history", "disable", "severity", "on", "1"]

scalars = st.one_of(
    st.sampled_from(INTERESTING_TEXT),
    st.sampled_from(INTERESTING_NUMBERS),
    st.sampled_from([None, True, False]),
    st.integers(min_value=-(10**16), max_value=10**16),
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=0, max_value=1),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.text(st.sampled_from("0123456789.,%-+_ :eE"), max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    ),
    max_leaves=6,
)


def _paths(data: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, path + (index,))
    return found


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def mutated_templates(draw) -> Any:
    """A template with one to three small changes: a value replaced, a key removed or added,
    a list item removed or added."""
    data = json.loads(json.dumps(draw(st.sampled_from(SMALL_TEMPLATES))))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)))
        action = draw(st.sampled_from(["replace", "replace", "replace", "remove", "add"]))
        if not path:
            action = "add"
        if action == "replace":
            parent = _get(data, path[:-1])
            parent[path[-1]] = draw(values)
        elif action == "remove":
            parent = _get(data, path[:-1])
            del parent[path[-1]]
        else:
            target = _get(data, path)
            if isinstance(target, dict):
                target[draw(st.sampled_from(KEYS))] = draw(values)
            elif isinstance(target, list):
                target.append(draw(values) if not target or draw(st.booleans())
                              else json.loads(json.dumps(target[0])))
    return data


# -- the properties ------------------------------------------------------------------------

# The count follows the hypothesis profile (tests/conftest.py); FUNNELFLOW_AGREEMENT_EXAMPLES=5000
# searches longer here alone (the values-as-written test runs half).
EXAMPLES = int(os.environ.get("FUNNELFLOW_AGREEMENT_EXAMPLES", settings.default.max_examples))
AGREEMENT = settings(max_examples=EXAMPLES,
                     suppress_health_check=[HealthCheck.function_scoped_fixture,
                                            HealthCheck.too_slow])


def _shapes() -> dict[tuple, tuple[Any, tuple]]:
    """Every place a value is written in some template (list positions as '*'), with one
    document and path that hold it, pruned to the list items on that path."""
    found: dict[tuple, tuple[Any, tuple]] = {}
    for data in [COMPLETE, *TEMPLATES]:
        for path in _paths(data):
            shape = tuple("*" if isinstance(p, int) else p for p in path)
            if path and shape not in found:
                found[shape] = _pruned(data, path)
    return found


def _pruned(data: Any, path: tuple) -> tuple[Any, tuple]:
    """A copy of `data` whose lists keep only the item on `path` (so the document is small)."""
    if not path:
        return json.loads(json.dumps(data)), ()
    head, rest = path[0], path[1:]
    inner, inner_path = _pruned(data[head], rest)
    if isinstance(data, list):
        return [inner], (0, *inner_path)
    copy = {key: _small(value) for key, value in data.items()}
    copy[head] = inner
    return copy, (head, *inner_path)


def _small(value: Any, keep: int = 1) -> Any:
    """`value` with only the first `keep` items of every list: a small document is fast."""
    if isinstance(value, list):
        return [_small(item, keep) for item in value[:keep]]
    if isinstance(value, dict):
        return {key: _small(v, keep) for key, v in value.items()}
    return value


SMALL_TEMPLATES = [_small(data, keep=3) for data in TEMPLATES]


SHAPES = _shapes()
EVERY_VALUE = [*INTERESTING_TEXT, *INTERESTING_NUMBERS, None, True, False, [], {}, ["a"],
               {"target": 5}, {"target": "5%", "actual": None}, {"actual": None},
               {"target": None}, {"target": 1, "bogus": 2}, {"name": "k"}, {"id": "a"},
               {"target": 0.5, "actual": "50%"}, {"target": "20,000"}]


def test_the_templates_give_many_places_to_write_a_value():
    assert len(SHAPES) >= 30, sorted(SHAPES)


@pytest.mark.parametrize("shape", sorted(SHAPES, key=repr), ids=lambda s: ".".join(s))
def test_schema_and_loader_agree_on_every_value_in_every_place(shape, monkeypatch):
    document, path = SHAPES[shape]
    disagree = []
    for value in EVERY_VALUE:
        data = json.loads(json.dumps(document))
        _get(data, path[:-1])[path[-1]] = value
        if is_legacy(data):
            continue
        by_schema = schema_accepts(data)
        by_loader, why = loader_accepts(as_yaml(data), monkeypatch)
        if by_schema != by_loader:
            disagree.append((value, "schema" if by_schema else "loader", why[:200]))
    assert not disagree, disagree


@pytest.mark.parametrize("index", range(len(TEMPLATES) + 1))
def test_every_template_is_valid_by_the_schema(index):
    data = [COMPLETE, *TEMPLATES][index]
    assert schema_accepts(data), list(VALIDATOR.iter_errors(data))


@AGREEMENT
@given(data=mutated_templates())
def test_schema_and_loader_agree_on_mutated_templates(data, monkeypatch):
    assume(not is_legacy(data))
    by_schema = schema_accepts(data)
    by_loader, why = loader_accepts(as_yaml(data), monkeypatch)
    schema_errors = [e.message for e in VALIDATOR.iter_errors(data)] if _is_json(data) else []
    assert by_schema == by_loader, (
        f"schema {'accepts' if by_schema else 'refuses'}, loader "
        f"{'accepts' if by_loader else 'refuses'}\nloader: {why}\nschema: {schema_errors[:3]}")


@AGREEMENT
@given(slot=st.sampled_from(["volume", "capacity", "duration", "cost", "value", "x", "label",
                             "owner", "kind", "phase", "notes"]),
       value=values)
def test_schema_and_loader_agree_on_any_node_value(slot, value, monkeypatch):
    data = json.loads(json.dumps(SMALL_TEMPLATES[0]))
    data["nodes"][0][slot] = value
    by_schema = schema_accepts(data)
    by_loader, why = loader_accepts(as_yaml(data), monkeypatch)
    assert by_schema == by_loader, (slot, value, why)


@AGREEMENT
@given(where=st.sampled_from(["conversion", "kpi-target", "kpi-actual", "version", "title",
                              "color", "currency", "period", "measure"]),
       value=values)
def test_schema_and_loader_agree_on_rates_kpis_and_settings(where, value, monkeypatch):
    data = json.loads(json.dumps(SMALL_TEMPLATES[0]))
    if where == "conversion":
        data["edges"][0]["conversion"] = value
    elif where.startswith("kpi"):
        data["nodes"][0]["kpis"] = [{"name": "k", where.split("-")[1]: value}]
    elif where == "version":
        data["funnelflow"] = value
        assume(not is_legacy(data))
    elif where == "color":
        data["lanes"][0]["color"] = value
    elif where == "measure":
        data["nodes"][0]["volume"] = {"target": value, "actual": None}
    else:
        data[where] = value
    by_schema = schema_accepts(data)
    by_loader, why = loader_accepts(as_yaml(data), monkeypatch)
    assert by_schema == by_loader, (where, value, why)


# -- file text: the reading of unquoted scalars (YAML 1.2 core, independently of app/io) ----

_CORE = [  # YAML 1.2.2, 10.3.2: the core schema's tag resolution, verbatim
    (re.compile(r"null|Null|NULL|~|"), lambda s: None),
    (re.compile(r"true|True|TRUE"), lambda s: True),
    (re.compile(r"false|False|FALSE"), lambda s: False),
    (re.compile(r"[-+]?[0-9]+"), lambda s: _decimal(s)),
    (re.compile(r"0o[0-7]+"), lambda s: int(s[2:], 8)),
    (re.compile(r"0x[0-9a-fA-F]+"), lambda s: int(s[2:], 16)),
    (re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"), float),
    (re.compile(r"[-+]?(\.inf|\.Inf|\.INF)"), lambda s: -math.inf if s[0] == "-" else math.inf),
    (re.compile(r"\.nan|\.NaN|\.NAN"), lambda s: math.nan),
]


def _decimal(text: str) -> int:
    # Python converts at most 4,300 digits; any number that long is beyond every bound alike.
    if len(text) > 400:
        return -(10**400) if text.startswith("-") else 10**400
    return int(text, 10)


def core_data(text: str) -> Any:
    """The document as a YAML 1.2 reader (core schema) sees it; None when it is not YAML."""
    stack: list[Any] = []
    keys: list[Any] = []
    root = None
    try:
        events = list(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except yaml.YAMLError:
        return None
    for event in events:
        if isinstance(event, yaml.ScalarEvent):
            value = event.value
            if event.implicit[0]:
                for regexp, build in _CORE:
                    if regexp.fullmatch(value):
                        value = build(value)
                        break
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            stack.append({} if isinstance(event, yaml.MappingStartEvent) else [])
            keys.append(None)
            continue
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            value = stack.pop()
            keys.pop()
        else:
            continue
        if not stack:
            root = value
        elif isinstance(stack[-1], list):
            stack[-1].append(value)
        elif keys[-1] is None:
            keys[-1] = (event.value,) if isinstance(event, yaml.ScalarEvent) else ("?",)
        else:
            stack[-1][keys[-1][0]] = value
            keys[-1] = None
    return root


TOKENS = [
    "010", "0o17", "0x1F", "1:30", "yes", "no", "on", "20_000", '"20,000"', '"3,2%"',
    '".5%"', ".5%", "150%", "100%", "1e400", "1" + "0" * 400, "9" * 5000, ".inf", "-.inf",
    ".nan", '"\\e[2J"', '"\\u202e"', "1.0", "2", "0", "null", "~", '""', "1e5", "+5", "-0",
    "5.", '"20000"', "'3.2%'", "3.2%", "0.032", "-5", "1e15", "1e16", "true", "higher",
    "entry", "month", '"#2E86DE"', "CNY", "1_000.5", "0b101", "12:30:00", "2026-11-01",
]
_VALUE_LINE = re.compile(r"^( *(?:- )?[A-Za-z]+: )([^ {\[|>#\n].*)$", re.MULTILINE)


@st.composite
def retyped_templates(draw) -> tuple[str, str]:
    """Template text with one `key: value` line's value written another way; and that line."""
    lang = draw(st.sampled_from(LANGUAGES))
    path = draw(st.sampled_from(_template_files(lang)))
    text = path.read_text("utf-8")
    lines = list(_VALUE_LINE.finditer(text))
    match = draw(st.sampled_from(lines))
    token = draw(st.sampled_from(TOKENS))
    return text[:match.start(2)] + token + text[match.end(2):], match.group(1) + token


@settings(AGREEMENT, max_examples=max(1, EXAMPLES // 2))
@given(retyped=retyped_templates())
def test_schema_and_loader_agree_on_values_as_written(retyped, monkeypatch):
    text, line = retyped
    data = core_data(text)
    assume(not is_legacy(data))
    by_schema = data is not None and schema_accepts(data)
    by_loader, why = loader_accepts(text, monkeypatch)
    errors = [e.message[:200] for e in VALIDATOR.iter_errors(data)] if _is_json(data) else []
    assert by_schema == by_loader, (line[:80], why[:300], errors[:3])
