"""Measured periods (SPEC §6): earlier periods' actuals kept in the file, oldest first.

A history entry holds, for one closed period, the actuals of nodes (volume, duration, KPIs by
name) and of edges (conversion, duration) by id. Pure pydantic; the labels that `close`
suggests come from `default_period_label`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema

from app.model.values import Amount, Frozen, KpiValue, Rate

EDGE_ID_PATTERN = r"^[A-Za-z0-9_.-]+->[A-Za-z0-9_.-]+$"


def _label(value: Any) -> Any:
    # `period: 2026` is a number to YAML; a year is a fine label, so take it as text.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


PeriodLabel = Annotated[
    str,
    BeforeValidator(_label),
    StringConstraints(strip_whitespace=True, min_length=1),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "integer"}],
                    "description": "the period's label, e.g. 2026-11, 2026-W49, 2026-Q4"}),
]
EdgeKey = Annotated[str, StringConstraints(pattern=EDGE_ID_PATTERN)]
NodeKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+$")]


class NodeActuals(Frozen):
    """A node's actuals in one closed period."""

    volume: Amount | None = None
    duration: Amount | None = None
    kpis: dict[Annotated[str, StringConstraints(min_length=1)], KpiValue] = Field(
        default_factory=dict)


class EdgeActuals(Frozen):
    """An edge's actuals in one closed period."""

    conversion: Rate | None = None
    duration: Amount | None = None


class HistoryEntry(Frozen):
    """One closed period: its label, and the actuals measured in it."""

    period: PeriodLabel
    # additionalProperties: a key that is not an id is refused by the schema as by the loader
    nodes: dict[NodeKey, NodeActuals] = Field(
        default_factory=dict, json_schema_extra={"additionalProperties": False})
    edges: dict[EdgeKey, EdgeActuals] = Field(
        default_factory=dict, json_schema_extra={"additionalProperties": False})


def default_period_label(period: str, today: dt.date | None = None) -> str:
    """The label of the period holding `today`: 2026-W49, 2026-12, 2026-Q4, 2026-12-06, 2026."""
    day = today or dt.date.today()
    if period == "day":
        return day.isoformat()
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if period == "year":
        return str(day.year)
    return f"{day.year}-{day.month:02d}"


def history_problems(diagram: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """Unique labels, and only nodes, edges and KPIs that the diagram has."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    nodes = {n.id: n for n in diagram.nodes}
    edges = {e.id for e in diagram.edges}
    seen: set[str] = set()
    for index, entry in enumerate(diagram.history):
        where: tuple[str | int, ...] = ("history", index)
        if entry.period in seen:
            problems.append((where + ("period",),
                             f"period {entry.period!r} is listed twice; each closed period "
                             "has one entry"))
        seen.add(entry.period)
        for node_id, actuals in entry.nodes.items():
            node = nodes.get(node_id)
            if node is None:
                problems.append((where + ("nodes", node_id),
                                 f"no node has the id {node_id!r}{_hint(node_id, nodes)}"))
                continue
            names = {k.name for k in node.kpis}
            for name in actuals.kpis:
                if name not in names:
                    problems.append((where + ("nodes", node_id, "kpis", name),
                                     f"node {node_id!r} has no KPI named {name!r}"
                                     f"{_hint(name, names)}"))
        for key in entry.edges:
            if key not in edges:
                problems.append((where + ("edges", key),
                                 f"no edge {key!r} in this diagram{_hint(key, edges)}"))
    return problems


def _hint(word: str, known: Any) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def carried_history(history: tuple[HistoryEntry, ...], nodes: Any, edges: Any,
                    renamed: dict[str, str] | None = None) -> tuple[HistoryEntry, ...]:
    """`history` after an edit: renamed ids carried along, deleted nodes, edges and KPIs
    dropped (their past numbers go with them, as their current ones do)."""
    renamed = renamed or {}
    kpis = {n.id: {k.name for k in n.kpis} for n in nodes}
    edge_ids = {e.id for e in edges}

    def new_edge_key(key: str) -> str:
        source, _, target = key.partition("->")
        return f"{renamed.get(source, source)}->{renamed.get(target, target)}"

    carried = []
    for entry in history:
        entry_nodes = {}
        for node_id, actuals in entry.nodes.items():
            node_id = renamed.get(node_id, node_id)
            if node_id not in kpis:
                continue
            kept = {name: v for name, v in actuals.kpis.items() if name in kpis[node_id]}
            entry_nodes[node_id] = (actuals if kept == actuals.kpis
                                    else actuals.model_copy(update={"kpis": kept}))
        entry_edges = {new_edge_key(key): actuals for key, actuals in entry.edges.items()
                       if new_edge_key(key) in edge_ids}
        carried.append(entry.model_copy(update={"nodes": entry_nodes, "edges": entry_edges}))
    return tuple(carried)
