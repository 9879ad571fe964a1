"""Comments a user typed in the YAML file are found, placed on the right node, and carried."""

from __future__ import annotations

from app.io import dumps_diagram, loads_diagram
from app.io.comments import carry_comments, find_comments
from app.model.commands import DeleteItems

COMMENTED = """\
# yaml-language-server: $schema=https://example.com/schema.json
# Q3 plan, agreed with sales on Monday
funnelflow: 1
title: 获客  # the Chinese title stays
lanes:
  - {id: marketing, name: "市场 #1", color: "#2E86DE"}  # our team
  - {id: sales}
nodes:
  # paid ads start everything
  - id: ads
    kind: entry
    lane: marketing
    volume: 100  # from the May report
    notes: |
      # this is notes text, not a comment
      keep it
    # budget is not final
  # -------------------------
  - id: deal
    kind: goal
    lane: sales
    label: "won #deal"
edges:
  - from: ads
    to: deal
    conversion: 10%  # guessed, measure it
# closing remark
"""


def test_comments_are_found_with_lines_and_owners():
    found = [(c.line, c.text, c.node, c.context) for c in find_comments(COMMENTED)]
    assert found == [
        (2, "Q3 plan, agreed with sales on Monday", None, None),
        (4, "the Chinese title stays", None, None),
        (6, "our team", None, "marketing"),
        (9, "paid ads start everything", "ads", None),
        (13, "from the May report", "ads", None),
        (17, "budget is not final", "ads", None),
        (26, "guessed, measure it", None, "ads->deal"),
        (27, "closing remark", None, None),
    ]


def test_hash_inside_quotes_and_block_scalars_is_text():
    texts = [c.text for c in find_comments(COMMENTED)]
    assert not any("notes text" in t or "deal" == t or "#1" in t for t in texts)


def test_a_comment_above_a_node_belongs_to_it_and_indented_after_to_the_one_before():
    text = """\
funnelflow: 1
lanes: [{id: m}]
nodes:
  - id: a
    lane: m
    # about a, indented under it
  # about b, above it
  - id: b
    lane: m
"""
    assert [(c.text, c.node) for c in find_comments(text)] == [
        ("about a, indented under it", "a"), ("about b, above it", "b")]


def test_carry_moves_every_comment_into_notes_and_the_saved_file_keeps_them():
    diagram = loads_diagram(COMMENTED)
    carried, count = carry_comments(diagram, COMMENTED)
    assert count == 8
    ads = carried.node("ads")
    assert ads.notes == ("# this is notes text, not a comment\nkeep it\n"
                         "paid ads start everything\nfrom the May report\nbudget is not final")
    assert carried.notes == ("Q3 plan, agreed with sales on Monday\nthe Chinese title stays\n"
                             "marketing: our team\nads->deal: guessed, measure it\n"
                             "closing remark")
    assert carried.node("deal").notes is None
    # Round trip: the comment text is now part of the saved document.
    saved = dumps_diagram(carried)
    assert "guessed, measure it" in saved and loads_diagram(saved) == carried


def test_no_comments_means_the_same_diagram():
    diagram = loads_diagram(COMMENTED)
    plain = dumps_diagram(diagram)
    assert find_comments(plain) == []  # the canonical header is not a user comment
    assert carry_comments(diagram, plain) == (diagram, 0)


def test_a_comment_for_a_node_deleted_since_goes_to_the_diagram():
    without_ads, _ = DeleteItems(node_ids=frozenset({"ads"})).apply(loads_diagram(COMMENTED))
    carried, count = carry_comments(without_ads, COMMENTED)
    assert count == 8 and "ads: budget is not final" in carried.notes


def test_broken_yaml_yields_no_comments_rather_than_an_error():
    assert find_comments("a: [1, # x\n  b: {") == []
