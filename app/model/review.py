"""The review's edits (SPEC §6): set measured actuals, and close a period into `history`.

Pure commands like those in `commands`: old snapshot in, new snapshot and change set out, so
the designer applies an import as one undo step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.model.commands import EVERYTHING, ChangeSet, _evolve
from app.model.diagram import Diagram, Edge, Node
from app.model.history import EdgeActuals, HistoryEntry, NodeActuals

NODE_MEASURES = ("volume", "duration")
EDGE_MEASURES = ("conversion", "duration")


@dataclass(frozen=True)
class ActualChange:
    """One measured value to set: `item` is a node id or an edge id (`from->to`); `measure`
    is volume, duration, conversion, or `kpi:NAME`."""

    item: str
    measure: str
    old: float | None
    new: float

    @property
    def is_edge(self) -> bool:
        return "->" in self.item

    @property
    def kpi(self) -> str | None:
        return self.measure[4:] if self.measure.startswith("kpi:") else None


@dataclass(frozen=True)
class SetActuals:
    """Set many actuals at once (an import of measured values): one undo step."""

    changes: tuple[ActualChange, ...]
    text: str = "Import actuals"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        by_item: dict[str, list[ActualChange]] = {}
        for change in self.changes:
            by_item.setdefault(change.item, []).append(change)
        nodes = tuple(_node_with(n, by_item[n.id]) if n.id in by_item else n
                      for n in diagram.nodes)
        edges = tuple(_edge_with(e, by_item[e.id]) if e.id in by_item else e
                      for e in diagram.edges)
        new = _evolve(diagram, nodes=nodes, edges=edges)
        return new, ChangeSet(frozenset(i for i in by_item if "->" not in i),
                              frozenset(i for i in by_item if "->" in i))


def _with_actual(measure: object, value: float) -> dict[str, float | None]:
    target = getattr(measure, "target", None) if measure is not None else None
    return {"target": target, "actual": value}


def _node_with(node: Node, changes: Iterable[ActualChange]) -> Node:
    update: dict[str, object] = {}
    kpis = {k.name: k for k in node.kpis}
    for change in changes:
        if change.kpi is not None:
            kpis[change.kpi] = kpis[change.kpi].model_copy(update={"actual": change.new})
        else:
            current = update.get(change.measure, getattr(node, change.measure))
            update[change.measure] = _with_actual(current, change.new)
    data = node.model_dump(by_alias=True, exclude_none=True)
    data.update(update)
    data["kpis"] = [k.model_dump() for k in kpis.values()]
    return Node.model_validate(data)


def _edge_with(edge: Edge, changes: Iterable[ActualChange]) -> Edge:
    data = edge.model_dump(by_alias=True, exclude_none=True)
    for change in changes:
        data[change.measure] = _with_actual(getattr(edge, change.measure), change.new)
    return Edge.model_validate(data)


def current_actuals(diagram: Diagram, label: str) -> HistoryEntry:
    """Today's actuals of every node, edge and KPI, as the history entry `label`."""
    nodes = {}
    for node in diagram.nodes:
        values = {key: getattr(node, key).actual for key in NODE_MEASURES
                  if getattr(node, key) is not None and getattr(node, key).actual is not None}
        kpis = {k.name: k.actual for k in node.kpis if k.actual is not None}
        if values or kpis:
            nodes[node.id] = NodeActuals(**values, kpis=kpis)
    edges = {}
    for edge in diagram.edges:
        values = {key: getattr(edge, key).actual for key in EDGE_MEASURES
                  if getattr(edge, key) is not None and getattr(edge, key).actual is not None}
        if values:
            edges[edge.id] = EdgeActuals(**values)
    return HistoryEntry(period=label, nodes=nodes, edges=edges)


@dataclass(frozen=True)
class ClosePeriod:
    """File today's actuals into `history` under `label`. Closing a label again replaces its
    entry in place (a corrected month), so re-running a close changes nothing."""

    label: str
    text: str = "Close period"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        entry = current_actuals(diagram, self.label.strip())
        history = list(diagram.history)
        where = next((i for i, e in enumerate(history) if e.period == entry.period), None)
        if where is None:
            history.append(entry)
        else:
            history[where] = entry
        return _evolve(diagram, history=tuple(history)), EVERYTHING


def replaces_period(diagram: Diagram, label: str) -> bool:
    """Whether closing `label` would replace an entry already in the history."""
    return any(entry.period == label.strip() for entry in diagram.history)
