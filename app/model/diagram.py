"""The diagram document (file format version 1, SPEC §2): lanes, phases, nodes and edges.

Every model is frozen; a change is a new snapshot made by `Diagram.evolve`, which validates
the whole document again so that no snapshot can break a rule of the format.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from types import SimpleNamespace
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    model_validator,
)

from app.model.checklist import ChecklistSettings
from app.model.history import HistoryEntry, history_problems
from app.model.reading import plain_number
from app.model.values import (
    KPI,
    Amount,
    Frozen,
    MeasureField,
    OptionalText,
    RateMeasureField,
    Text,
)

FORMAT_VERSION = 1
ID_PATTERN = r"^[A-Za-z0-9_.-]+$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1)]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
#: Scene units: a million is far beyond any real diagram, and keeps exports a sane size.
MAX_POSITION = 1_000_000.0
Position = Annotated[float, Field(ge=-MAX_POSITION, le=MAX_POSITION, allow_inf_nan=False),
                     BeforeValidator(plain_number)]  # a number, never text such as "5"


class Period(StrEnum):
    """The period that volumes, capacities and costs are counted per."""

    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class NodeKind(StrEnum):
    """What a node is in the funnel."""

    entry = "entry"
    step = "step"
    decision = "decision"
    goal = "goal"
    exit = "exit"


class Lane(Frozen):
    """A swimlane: one department or team, drawn as a horizontal band."""

    id: Id
    name: Text = ""
    color: Color | None = None

    @property
    def title(self) -> str:
        return self.name or self.id


class Phase(Frozen):
    """A column of the diagram: a stage of the journey (认知期, 考虑期, …)."""

    id: Id
    name: Text = ""

    @property
    def title(self) -> str:
        return self.name or self.id


class Node(Frozen):
    """One step of the funnel, in one lane and optionally one phase."""

    id: Id
    label: Text = ""
    kind: NodeKind = NodeKind.step
    lane: Id
    phase: Id | None = None
    owner: OptionalText = None
    volume: MeasureField | None = None
    capacity: Amount | None = None
    duration: MeasureField | None = None
    cost: Amount | None = None
    value: Amount | None = None
    kpis: tuple[KPI, ...] = ()
    notes: OptionalText = None
    contingency: OptionalText = None
    x: Position | None = None
    y: Position | None = None

    @property
    def title(self) -> str:
        return self.label or self.id


class Edge(Frozen):
    """A move of people from one node to another; its id is `from->to`."""

    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    label: OptionalText = None
    conversion: RateMeasureField | None = None
    duration: MeasureField | None = None

    @property
    def id(self) -> str:
        return edge_id(self.source, self.target)


def edge_id(source: str, target: str) -> str:
    """The id of the edge from `source` to `target`."""
    return f"{source}->{target}"


Loc = tuple[str | int, ...]


class DiagramRuleError(ValueError):
    """Cross-reference rules broken by a document, each with the path of the offending key."""

    def __init__(self, problems: list[tuple[Loc, str]]):
        self.problems = problems
        super().__init__("; ".join(message for _, message in problems))


class Diagram(Frozen):
    """A whole FunnelFlow document (format version 1)."""

    funnelflow: int = Field(description="file format version")
    title: Text = ""
    period: Period = Period.month
    currency: Currency | None = None
    notes: OptionalText = None
    lanes: tuple[Lane, ...] = Field(min_length=1)
    phases: tuple[Phase, ...] = ()
    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    checklist: ChecklistSettings = Field(default_factory=ChecklistSettings)
    history: tuple[HistoryEntry, ...] = ()

    _node_index: dict[str, Node] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _references_with_field_errors(cls, data: Any, handler: Any) -> Diagram:
        """Report broken references together with field errors, not a round later.

        Pydantic skips `_references` while any field is invalid, so a file with a typo in a
        value and an edge to a missing node would be refused twice in a row; here the same
        checks run on the raw data and join the field errors.
        """
        try:
            result: Diagram = handler(data)
            return result
        except ValidationError as error:
            items = error.errors()
            if any(isinstance((i.get("ctx") or {}).get("error"), DiagramRuleError)
                   for i in items):
                raise
            located = {tuple(i["loc"]) for i in items}
            problems = [(loc, message) for loc, message in raw_reference_problems(data)
                        if loc not in located]
            if not problems:
                raise
            details: list[Any] = [
                {key: item[key] for key in ("type", "loc", "input", "ctx") if key in item}
                for item in items
            ]
            details.append({"type": "value_error", "loc": (), "input": data,
                             "ctx": {"error": DiagramRuleError(problems)}})
            raise ValidationError.from_exception_data(error.title, details) from None

    @model_validator(mode="after")
    def _references(self) -> Diagram:
        problems = reference_problems(self)
        if not problems and self.history:
            problems = history_problems(self)
        if problems:
            raise DiagramRuleError(problems)
        self._node_index = {n.id: n for n in self.nodes}
        return self

    # -- lookups ---------------------------------------------------------------------------
    def node(self, node_id: str) -> Node | None:
        return self.node_index().get(node_id)

    def node_index(self) -> dict[str, Node]:
        """Nodes by id (built once: a snapshot never changes)."""
        return self._node_index

    def lane(self, lane_id: str) -> Lane | None:
        return next((lane for lane in self.lanes if lane.id == lane_id), None)

    def phase(self, phase_id: str) -> Phase | None:
        return next((phase for phase in self.phases if phase.id == phase_id), None)

    def edge(self, source: str, target: str) -> Edge | None:
        return next((e for e in self.edges if e.source == source and e.target == target), None)

    # -- change ----------------------------------------------------------------------------
    def evolve(self, **changes: Any) -> Diagram:
        """A new, fully validated snapshot with `changes` applied (model instances or dicts).

        Raises `pydantic.ValidationError` if the result would break a rule of the format.
        """
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data.update(changes)
        return type(self).model_validate(data)


def raw_reference_problems(data: Any) -> list[tuple[Loc, str]]:
    """`reference_problems` of document data that failed validation (dicts, or models).

    Items or ids that are not even of the right type are left to the field errors.
    """
    if not isinstance(data, dict):
        return []

    def section(name: str, keys: tuple[tuple[str, str], ...]) -> list[SimpleNamespace]:
        value = data.get(name)
        if not isinstance(value, list | tuple):
            return []
        return [SimpleNamespace(**{attr: _raw_id(item, attr, key) for attr, key in keys})
                for item in value]

    return _reference_problems(
        section("lanes", (("id", "id"),)),
        section("phases", (("id", "id"),)),
        section("nodes", (("id", "id"), ("lane", "lane"), ("phase", "phase"),
                          ("kind", "kind"))),
        section("edges", (("source", "from"), ("target", "to"))),
    )


def _raw_id(item: Any, attr: str, key: str) -> Any:
    """The text at `key` of a raw item (a dict, or a model with attribute `attr`), or None."""
    if isinstance(item, dict):
        value = item.get(key, item.get(attr))
    else:
        value = getattr(item, attr, None)
    if attr == "kind":
        return value if isinstance(value, str) else NodeKind.step
    return value if isinstance(value, str) else None


def reference_problems(diagram: Diagram) -> list[tuple[Loc, str]]:
    """Unique ids, references that exist, no duplicate edge, nothing leaving an exit."""
    return _reference_problems(diagram.lanes, diagram.phases, diagram.nodes, diagram.edges)


def _reference_problems(
    lanes: Sequence[Any], phases: Sequence[Any], nodes: Sequence[Any], edges: Sequence[Any]
) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []

    def unique(items: Sequence[Any], section: str, what: str) -> set[str]:
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.id is None:
                continue
            if item.id in seen:
                problems.append(
                    ((section, index, "id"),
                     f"duplicate {what} id {item.id!r}; every {what} needs its own id")
                )
            seen.add(item.id)
        return seen

    lane_ids = unique(lanes, "lanes", "lane")
    phase_ids = unique(phases, "phases", "phase")
    node_ids = unique(nodes, "nodes", "node")
    exits = {n.id for n in nodes if n.kind == NodeKind.exit}

    for index, node in enumerate(nodes):
        if node.lane is not None and node.lane not in lane_ids:
            problems.append(
                (("nodes", index, "lane"),
                 f"node {node.id!r} is in lane {node.lane!r}, which does not exist; "
                 f"use one of: {_listing(lane_ids)}")
            )
        if node.phase is not None and node.phase not in phase_ids:
            hint = f"use one of: {_listing(phase_ids)}" if phase_ids else "add it under phases:"
            problems.append(
                (("nodes", index, "phase"),
                 f"node {node.id!r} is in phase {node.phase!r}, which does not exist; {hint}")
            )

    seen_edges: set[tuple[str, str]] = set()
    for index, edge in enumerate(edges):
        if edge.source is None or edge.target is None:
            continue
        name = edge_id(edge.source, edge.target)
        for key, end in (("from", edge.source), ("to", edge.target)):
            if end not in node_ids:
                problems.append(
                    ((("edges", index, key)),
                     f"edge {name!r}: no node has the id {end!r}; "
                     "check the spelling or add the node")
                )
        if (edge.source, edge.target) in seen_edges:
            problems.append(
                (("edges", index),
                 f"duplicate edge {name!r}; merge the two edges into one")
            )
        seen_edges.add((edge.source, edge.target))
        if edge.source in exits:
            problems.append(
                (("edges", index, "from"),
                 f"edge {name!r} leaves exit node {edge.source!r}; an exit ends a path "
                 "(people who leave the funnel), so make it a step or remove the edge")
            )
    return problems


def _listing(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) or "(none)"


def validation_problems(error: ValidationError) -> list[tuple[Loc, str]]:
    """Every problem in a validation error as (path in the document, message)."""
    problems: list[tuple[Loc, str]] = []
    for item in error.errors(include_url=False):
        cause = (item.get("ctx") or {}).get("error")
        if isinstance(cause, DiagramRuleError):
            prefix = tuple(item["loc"])
            problems.extend((prefix + loc, message) for loc, message in cause.problems)
        else:
            problems.append((tuple(item["loc"]), describe_error(dict(item))))
    return problems


def describe_error(item: dict[str, Any]) -> str:
    """A user-facing message for one pydantic error."""
    kind = item.get("type", "")
    loc = item.get("loc", ())
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        return f"unknown key {field!r}; remove it or check its spelling (see `funnelflow schema`)"
    if kind == "missing":
        return f"required key {field!r} is missing; add it"
    if kind == "string_pattern_mismatch":
        if field == "color":
            return "a colour is written like \"#2E86DE\""
        if field == "currency":
            return "a currency is a three-letter ISO 4217 code such as CNY or USD"
        return (f"{item.get('input')!r} is not a valid id; ids use only letters, digits, "
                "'_', '.' and '-'")
    if kind in ("less_than_equal", "greater_than_equal") and field in ("x", "y"):
        return (f"position {item.get('input')!r} is off the canvas; a position is within "
                f"±{MAX_POSITION:,.0f} (delete x and y to let the layout place the node)")
    if kind == "too_short" and field == "lanes":
        return "a diagram needs at least one lane; add one under lanes:"
    if kind == "too_short":
        return f"{field!r} must not be empty"
    if kind == "enum":
        expected = (item.get("ctx") or {}).get("expected", "")
        return f"{as_written(item.get('input'))} is not allowed here; use one of {expected}"
    if kind in ("tuple_type", "list_type"):
        return (f"{field!r} must be a list: one item per line starting with '- ', "
                "or [a, b] on one line")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        what = f"each item of {field!r}" if loc and isinstance(loc[-1], int) else repr(field)
        keys = {"edges": "`from: a, to: b`", "kpis": "`name: ...`"}.get(field, "`id: ...`")
        return (f"{what} must be a mapping of keys such as {keys}, "
                f"got {as_written(item.get('input'))}")
    if kind == "value_error":
        cause = (item.get("ctx") or {}).get("error")
        return str(cause) if cause is not None else item.get("msg", "invalid value")
    message = item.get("msg", "invalid value")
    return message[0].lower() + message[1:] if message else "invalid value"


def as_written(value: Any) -> str:
    """A value as the user wrote it in YAML, for messages: 'text', true, an empty value."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)
