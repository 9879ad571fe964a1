"""Every command either gives a new snapshot or raises EditRefused, whatever it is given.

Random commands with random ids (some existing, most not) and random field values: the
session handles EditRefused as "say why, change nothing"; anything else would escape it.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.model import Diagram, Lane, Node, Phase
from app.model.commands import (
    AddItems,
    AppendNotes,
    ChangeSet,
    DeleteItems,
    EditRefused,
    MoveNodes,
    Placement,
    Reconnect,
    ReplaceDocument,
    SetLanes,
    SetPhases,
    TidyUp,
    UpdateDiagram,
    UpdateEdge,
    UpdateNode,
)
from app.model.diagram import Edge
from tests.conftest import SMALL_DIAGRAM

DIAGRAM = Diagram.model_validate(SMALL_DIAGRAM)
KNOWN = [n.id for n in DIAGRAM.nodes] + [b.id for b in (*DIAGRAM.lanes, *DIAGRAM.phases)]

ids = st.one_of(st.sampled_from(KNOWN), st.text(max_size=6))
values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=6),
              st.sampled_from(["10%", "5", "-1", "1e400", "nan", "entry", "goal", "week"])),
    lambda inner: st.one_of(st.lists(inner, max_size=2),
                            st.dictionaries(st.text(max_size=6), inner, max_size=2)),
    max_leaves=4)
node_fields = st.sampled_from(["id", "label", "kind", "lane", "phase", "owner", "volume",
                               "capacity", "duration", "cost", "value", "kpis", "notes", "x",
                               "y", "bogus"])
edge_fields = st.sampled_from(["from", "to", "label", "conversion", "duration", "bogus"])
diagram_fields = st.sampled_from(["title", "period", "currency", "notes", "lanes", "nodes",
                                  "bogus"])
positions = st.floats(allow_nan=True, allow_infinity=True)


@st.composite
def nodes(draw):
    return Node(id=draw(st.sampled_from(KNOWN + ["n1", "n2"])),
                lane=draw(st.sampled_from(["marketing", "sales", "nowhere"])),
                phase=draw(st.sampled_from([None, "awareness", "nowhere"])))


@st.composite
def edges(draw):
    return Edge.model_validate({"from": draw(st.sampled_from(KNOWN + ["n1"])),
                                "to": draw(st.sampled_from(KNOWN + ["n1"]))})


lanes = st.builds(lambda i: Lane(id=i), st.sampled_from(["marketing", "sales", "ops"]))
phases = st.builds(lambda i: Phase(id=i), st.sampled_from(["awareness", "decision", "x"]))

commands = st.one_of(
    st.builds(AddItems, st.lists(nodes(), max_size=3).map(tuple),
              st.lists(edges(), max_size=3).map(tuple)),
    st.builds(DeleteItems, st.frozensets(ids, max_size=3), st.frozensets(ids, max_size=3)),
    st.builds(MoveNodes, st.dictionaries(ids, st.builds(
        Placement, positions, positions, ids, st.one_of(st.none(), ids)), max_size=3)),
    st.builds(UpdateNode, ids, st.dictionaries(node_fields, values, max_size=3)),
    st.builds(UpdateEdge, ids, ids, st.dictionaries(edge_fields, values, max_size=3)),
    st.builds(Reconnect, ids, ids, ids, ids),
    st.builds(UpdateDiagram, st.dictionaries(diagram_fields, values, max_size=2)),
    st.builds(SetLanes, st.lists(lanes, max_size=3).map(tuple),
              st.dictionaries(ids, st.one_of(st.none(), ids), max_size=2)),
    st.builds(SetPhases, st.lists(phases, max_size=3).map(tuple),
              st.dictionaries(ids, st.one_of(st.none(), ids), max_size=2)),
    st.just(TidyUp()),
    st.builds(ReplaceDocument, st.one_of(st.just(DIAGRAM), values)),
    st.builds(AppendNotes, st.dictionaries(ids, st.lists(st.text(max_size=4), max_size=2)
                                           .map(tuple), max_size=2),
              st.lists(st.text(max_size=4), max_size=2).map(tuple)),
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(commands)
def test_a_command_gives_a_valid_snapshot_or_refuses(command):
    try:
        after, changes = command.apply(DIAGRAM)
    except EditRefused as refusal:
        assert str(refusal)  # the user is told why
        return
    assert isinstance(after, Diagram) and isinstance(changes, ChangeSet)
    assert Diagram.model_validate(after.model_dump(by_alias=True)) == after
    assert all(math.isfinite(n.x) for n in after.nodes if n.x is not None)


def test_moving_an_unknown_node_is_refused_not_a_crash():
    move = MoveNodes({"ghost": Placement(1.0, 2.0, "marketing", None)})
    try:
        move.apply(DIAGRAM)
    except EditRefused as refusal:
        assert "ghost" in str(refusal)
    else:
        raise AssertionError("moving a node that does not exist must be refused")
