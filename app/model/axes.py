"""Lanes and phases: the diagram's two axes, and what differs between them.

A lane is a row (a department; lanes run top to bottom), a phase a column (a stage of the
journey; phases run left to right). Code that handles "a lane or a phase" takes an `Axis`,
LANE or PHASE, and asks it instead of comparing strings: which Diagram field holds them, which
Node field names one, whether every node needs one, whether they have a colour, and the
command that replaces them (one undo step).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar, cast

from app.model.commands import SetLanes, SetPhases, fresh_id
from app.model.diagram import Diagram, Lane, Node, Phase

T = TypeVar("T", bound=Lane | Phase)

#: where a deleted lane's (or phase's) nodes go: its id -> another id, or None (SetLanes)
Reassign = Mapping[str, str | None]


@dataclass(frozen=True)
class Axis(Generic[T]):
    """Lanes or phases: one of the diagram's two axes."""

    #: the SPEC's word for one of them; also the Node field that names one
    name: Literal["lane", "phase"]
    #: the Diagram field that holds them, in order
    field: Literal["lanes", "phases"]
    #: the model class of one (Lane or Phase)
    item: type[T]
    #: drawn as rows (lanes, top to bottom) rather than columns (phases, left to right)
    rows: bool
    #: every node is in one (a lane): a diagram keeps at least one, and the nodes of a deleted
    #: one are deleted unless moved; a phase is optional, its nodes just lose it
    required: bool
    #: each may have its own colour (lanes)
    coloured: bool
    #: the command that replaces the whole list (add, rename, recolour, reorder, delete)
    replace_with: Callable[[tuple[T, ...], Reassign, str], SetLanes | SetPhases]

    def items(self, diagram: Diagram) -> tuple[T, ...]:
        """The diagram's lanes (or phases), in order."""
        return cast("tuple[T, ...]", getattr(diagram, self.field))

    def find(self, diagram: Diagram, item_id: str) -> T | None:
        """The lane (or phase) with id `item_id`, if any."""
        return next((i for i in self.items(diagram) if i.id == item_id), None)

    def of(self, node: Node) -> str | None:
        """The id of the lane (or phase) `node` is in (a phase may be None)."""
        return cast("str | None", getattr(node, self.name))

    def holding(self, diagram: Diagram, item_id: str) -> tuple[Node, ...]:
        """The nodes in lane (or phase) `item_id`."""
        return tuple(n for n in diagram.nodes if self.of(n) == item_id)

    def new(self, diagram: Diagram, name: str) -> T:
        """A new lane (or phase) named `name`, with an id none of them has yet."""
        item_id = fresh_id(self.name, (i.id for i in self.items(diagram)))
        return self.item(id=item_id, name=name)

    def replace(self, items: Sequence[T], text: str,
                reassign: Reassign | None = None) -> SetLanes | SetPhases:
        """The command that makes `items` the diagram's lanes (or phases)."""
        return self.replace_with(tuple(items), reassign or {}, text)


def _set_lanes(lanes: tuple[Lane, ...], reassign: Reassign, text: str) -> SetLanes:
    return SetLanes(lanes, reassign, text=text)


def _set_phases(phases: tuple[Phase, ...], reassign: Reassign, text: str) -> SetPhases:
    return SetPhases(phases, reassign, text=text)


LANE: Axis[Lane] = Axis("lane", "lanes", Lane, rows=True, required=True, coloured=True,
                        replace_with=_set_lanes)
PHASE: Axis[Phase] = Axis("phase", "phases", Phase, rows=False, required=False,
                          coloured=False, replace_with=_set_phases)
#: either axis, for code that takes LANE or PHASE
AnyAxis = Axis[Lane] | Axis[Phase]
#: both axes, lanes first
AXES: tuple[AnyAxis, ...] = (LANE, PHASE)
