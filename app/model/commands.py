"""Edits of a diagram as pure commands: old snapshot in, new snapshot and change set out.

The designer wraps each command in one undo step; nothing here knows about Qt. A command that
would break a rule of the format raises `EditRefused` with a message for the user, and the
document stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from app.model.diagram import Diagram, Edge, Lane, Node, Phase, edge_id, validation_problems
from app.model.history import carried_history


class EditRefused(ValueError):
    """An edit that would make the document invalid; the message says why."""


@dataclass(frozen=True)
class ChangeSet:
    """What an edit touched, so views update only that (`structure`: redo everything)."""

    nodes: frozenset[str] = frozenset()
    edges: frozenset[str] = frozenset()
    structure: bool = False

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(self.nodes | other.nodes, self.edges | other.edges,
                         self.structure or other.structure)


EVERYTHING = ChangeSet(structure=True)


def _evolve(diagram: Diagram, renamed: dict[str, str] | None = None, **changes: Any) -> Diagram:
    if diagram.history and ("nodes" in changes or "edges" in changes):
        changes.setdefault("history", _history_after(diagram, changes, renamed))
    try:
        return diagram.evolve(**changes)
    except ValidationError as error:
        messages = [message for _, message in validation_problems(error)]
        raise EditRefused("; ".join(dict.fromkeys(messages))) from None


def _history_after(diagram: Diagram, changes: dict[str, Any],
                   renamed: dict[str, str] | None) -> Any:
    """The history that follows the edit's nodes and edges (validated as models first)."""
    try:
        probe = diagram.evolve(**changes, history=())
    except ValidationError:
        return diagram.history  # the edit is refused anyway; let _evolve say why
    return carried_history(diagram.history, probe.nodes, probe.edges, renamed)


def _edges_touching(diagram: Diagram, node_ids: set[str]) -> frozenset[str]:
    return frozenset(e.id for e in diagram.edges if e.source in node_ids or e.target in node_ids)


def fresh_id(base: str, taken: Iterable[str]) -> str:
    """`base` made unique among `taken` by a numeric suffix: lead, lead-2, lead-3…"""
    taken = set(taken)
    base = re.sub(r"[^A-Za-z0-9_.-]+", "-", base).strip("-") or "node"
    if base not in taken:
        return base
    stem = re.sub(r"-\d+$", "", base)
    number = 2
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


@dataclass(frozen=True)
class AddItems:
    """Add nodes and edges at once (create from the palette, connect, paste, duplicate)."""

    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    text: str = "Add"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        new = _evolve(diagram, nodes=diagram.nodes + self.nodes, edges=diagram.edges + self.edges)
        return new, ChangeSet(frozenset(n.id for n in self.nodes),
                              frozenset(e.id for e in self.edges))


@dataclass(frozen=True)
class DeleteItems:
    """Delete nodes (each takes its edges along) and edges."""

    node_ids: frozenset[str] = frozenset()
    edge_ids: frozenset[str] = frozenset()
    text: str = "Delete"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        gone_edges = set(self.edge_ids) | _edges_touching(diagram, set(self.node_ids))
        new = _evolve(diagram,
                      nodes=tuple(n for n in diagram.nodes if n.id not in self.node_ids),
                      edges=tuple(e for e in diagram.edges if e.id not in gone_edges))
        return new, ChangeSet(frozenset(self.node_ids), frozenset(gone_edges))


@dataclass(frozen=True)
class Placement:
    """Where a node goes: position, and the lane and phase under that position."""

    x: float
    y: float
    lane: str
    phase: str | None


@dataclass(frozen=True)
class MoveNodes:
    """Move nodes; dropping into another lane or phase changes it."""

    moves: Mapping[str, Placement] = field(default_factory=dict)
    text: str = "Move"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        missing = sorted(i for i in self.moves if diagram.node(i) is None)
        if missing:
            raise EditRefused(f"there is no node {missing[0]!r}")
        # Moved nodes go in as data, so that validation sees their new positions (model_copy
        # would let a position beyond the canvas through).
        nodes = tuple(
            _updated(n, {"x": p.x, "y": p.y, "lane": p.lane, "phase": p.phase})
            if (p := self.moves.get(n.id)) else n
            for n in diagram.nodes
        )
        moved = set(self.moves)
        index = diagram.node_index()
        relaned = any(index[i].lane != p.lane or index[i].phase != p.phase
                      for i, p in self.moves.items())
        new = _evolve(diagram, nodes=nodes)
        return new, ChangeSet(frozenset(moved), _edges_touching(diagram, moved), relaned)


@dataclass(frozen=True)
class UpdateNode:
    """Change fields of one node (label, kind, owner, volume, KPIs, …), or rename its id."""

    node_id: str
    changes: Mapping[str, Any] = field(default_factory=dict)
    text: str = "Edit node"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        if diagram.node(self.node_id) is None:
            raise EditRefused(f"there is no node {self.node_id!r}")
        new_id = self.changes.get("id", self.node_id)
        nodes = tuple(_updated(n, self.changes) if n.id == self.node_id else n
                      for n in diagram.nodes)
        edges = diagram.edges
        if new_id != self.node_id:  # an id rename carries the edges along
            edges = tuple(_updated(e, _renamed_ends(e, self.node_id, new_id)) for e in edges)
        new = _evolve(diagram, {self.node_id: new_id}, nodes=nodes, edges=edges)
        touched = {self.node_id, new_id}
        relaned = any(k in self.changes for k in ("lane", "phase", "id", "kind"))
        return new, ChangeSet(frozenset(touched), _edges_touching(diagram, touched), relaned)


@dataclass(frozen=True)
class UpdateEdge:
    """Change fields of one edge (label, conversion, duration)."""

    source: str
    target: str
    changes: Mapping[str, Any] = field(default_factory=dict)
    text: str = "Edit connection"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        if diagram.edge(self.source, self.target) is None:
            raise EditRefused(f"there is no connection {edge_id(self.source, self.target)!r}")
        edges = tuple(_updated(e, self.changes)
                      if (e.source, e.target) == (self.source, self.target) else e
                      for e in diagram.edges)
        new = _evolve(diagram, edges=edges)
        ids = {edge_id(self.source, self.target)}
        ids.add(edge_id(self.changes.get("from", self.source), self.changes.get("to", self.target)))
        return new, ChangeSet(edges=frozenset(ids))


def Reconnect(source: str, target: str, new_source: str, new_target: str) -> UpdateEdge:
    """Move one or both ends of an edge, keeping its label and measures."""
    return UpdateEdge(source, target, {"from": new_source, "to": new_target},
                      text="Reconnect")


@dataclass(frozen=True)
class UpdateDiagram:
    """Change the diagram's own fields (title, period, currency, notes)."""

    changes: Mapping[str, Any] = field(default_factory=dict)
    text: str = "Edit diagram"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        return _evolve(diagram, **self.changes), EVERYTHING


@dataclass(frozen=True)
class SetLanes:
    """Replace the lanes (add, rename, recolour, reorder), moving nodes as told.

    `reassign` maps a deleted lane's id to the lane its nodes go to (None: they are deleted).
    """

    lanes: tuple[Lane, ...]
    reassign: Mapping[str, str | None] = field(default_factory=dict)
    text: str = "Edit lanes"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        return _set_bands(diagram, "lanes", self.lanes, self.reassign), EVERYTHING


@dataclass(frozen=True)
class SetPhases:
    """Replace the phases (add, rename, recolour, reorder), moving nodes as told.

    `reassign` maps a deleted phase's id to the phase its nodes go to (None: no phase).
    """

    phases: tuple[Phase, ...]
    reassign: Mapping[str, str | None] = field(default_factory=dict)
    text: str = "Edit phases"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        return _set_bands(diagram, "phases", self.phases, self.reassign), EVERYTHING


def _set_bands(diagram: Diagram, field_name: str, bands: tuple[Lane, ...] | tuple[Phase, ...],
               reassign: Mapping[str, str | None]) -> Diagram:
    key = "lane" if field_name == "lanes" else "phase"
    nodes: list[Node] = []
    dropped: set[str] = set()
    for node in diagram.nodes:
        current = getattr(node, key)
        if current in reassign:
            target = reassign[current]
            if target is None and key == "lane":
                dropped.add(node.id)
                continue
            node = node.model_copy(update={key: target, "x": None, "y": None})
        nodes.append(node)
    edges = tuple(e for e in diagram.edges
                  if e.source not in dropped and e.target not in dropped)
    return _evolve(diagram, **{field_name: bands}, nodes=tuple(nodes), edges=edges)


@dataclass(frozen=True)
class TidyUp:
    """Forget hand-placed positions so the automatic layout places every node again."""

    text: str = "Tidy up"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        nodes = tuple(n.model_copy(update={"x": None, "y": None}) for n in diagram.nodes)
        return _evolve(diagram, nodes=nodes), EVERYTHING


@dataclass(frozen=True)
class ReplaceDocument:
    """The whole document becomes `diagram` (restore a version, reload from disk).

    As an undo step, so the document shown before is one Undo away: nothing is lost.
    """

    diagram: Diagram
    text: str = "Restore"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        if not isinstance(self.diagram, Diagram):
            raise EditRefused("only a diagram can replace the document")
        return self.diagram, EVERYTHING


@dataclass(frozen=True)
class AppendNotes:
    """Append lines to the notes of nodes and of the diagram (a file's YAML comments)."""

    nodes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    diagram: tuple[str, ...] = ()
    text: str = "Keep comments as notes"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        missing = sorted(i for i in self.nodes if diagram.node(i) is None)
        if missing:
            raise EditRefused(f"there is no node {missing[0]!r}")
        nodes = tuple(
            _updated(n, {"notes": appended_notes(n.notes, self.nodes[n.id])})
            if self.nodes.get(n.id) else n
            for n in diagram.nodes)
        changes: dict[str, Any] = {"nodes": nodes}
        if self.diagram:
            changes["notes"] = appended_notes(diagram.notes, self.diagram)
        return _evolve(diagram, **changes), EVERYTHING


def appended_notes(notes: str | None, lines: Iterable[str]) -> str:
    """`notes` with `lines` added below (each on its own line)."""
    added = "\n".join(lines)
    return f"{notes.rstrip()}\n{added}" if notes and notes.strip() else added


def _renamed_ends(edge: Edge, old: str, new: str) -> dict[str, str]:
    ends = {"from": edge.source, "to": edge.target}
    return {key: new for key, end in ends.items() if end == old}


def _updated(item: Node | Edge, changes: Mapping[str, Any]) -> Any:
    """`item` with `changes` (by field name or alias), validated again by the caller's evolve."""
    if not changes:
        return item
    data = item.model_dump(by_alias=True)
    data.update(changes)
    return data


@dataclass(frozen=True)
class DisableRule:
    """Stop reporting one checklist rule in this diagram (its `checklist.disable`)."""

    rule: str
    text: str = "Don't report a rule"

    def apply(self, diagram: Diagram) -> tuple[Diagram, ChangeSet]:
        settings = diagram.checklist
        if self.rule in settings.disable:
            raise EditRefused(f"the rule {self.rule!r} is already not reported")
        severity = {k: v for k, v in settings.severity.items() if k != self.rule}
        checklist = {"disable": (*settings.disable, self.rule), "severity": severity}
        # Node markers follow the checklist, so every view redraws.
        return _evolve(diagram, checklist=checklist), EVERYTHING
