"""YAML comments that saving would drop, and where each one belongs in the diagram.

PyYAML reads no comments and the canonical writer writes none, so a comment a user typed in
a text editor disappears on the first save from the designer. This module finds every
comment in the text a diagram was loaded from, maps it to the node whose block holds or
directly follows it (else to the diagram), and can carry the comments into `notes` so that
nothing the user wrote is lost. Pure Python, no Qt.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import yaml

from app.model import Diagram
from app.model.commands import AppendNotes

# The header the canonical writer emits itself; carrying it into notes would be noise.
_HEADER = "yaml-language-server:"
# Top-level lists whose entries a comment can belong to, and how an entry is named.
_SECTIONS = ("nodes", "edges", "lanes", "phases", "stages")


@dataclass(frozen=True)
class Comment:
    """One comment: 1-based line and column of the `#`, its text without `#`, and its owner.

    `node` is the id of the node it belongs to, or None for the diagram; `context` names the
    edge, lane or phase it sat in when that is not a node (e.g. `ads->landing`).
    """

    line: int
    col: int
    text: str
    node: str | None = None
    context: str | None = None


@dataclass(frozen=True)
class _Entry:
    """One list entry of a section: the lines it spans and the column of its content."""

    kind: str
    key: str
    first: int
    last: int
    col: int


def find_comments(text: str) -> list[Comment]:
    """Every meaningful comment in `text`, in file order, each mapped to its node or None.

    Comments of punctuation only (`# -----`) and the yaml-language-server header are skipped.
    Returns [] for text that is not YAML (nothing could have been loaded from it anyway).
    """
    if "#" not in text:
        return []
    try:
        spans, content_lines = _scalar_spans(text)
        entries = _entries(text)
    except yaml.YAMLError:
        return []
    raw = _raw_comments(text, spans)
    return [_place(c, entries, content_lines) for c in raw]


def carry_comments(diagram: Diagram, text: str) -> tuple[Diagram, int]:
    """`diagram` with every comment of `text` appended to the notes of its node or diagram.

    Returns the new diagram and how many comments were carried. Comments whose node no
    longer exists go to the diagram's notes, so none is dropped.
    """
    command, count = comments_as_notes(diagram, text)
    return (command.apply(diagram)[0] if count else diagram), count


def comments_as_notes(diagram: Diagram, text: str) -> tuple[AppendNotes, int]:
    """The edit that carries the comments of `text` into `diagram`'s notes, and how many."""
    comments = find_comments(text)
    by_node: dict[str, list[str]] = {}
    for_diagram: list[str] = []
    known = diagram.node_index()
    for comment in comments:
        if comment.node is not None and comment.node in known:
            by_node.setdefault(comment.node, []).append(comment.text)
        else:
            prefix = comment.context or comment.node
            for_diagram.append(f"{prefix}: {comment.text}" if prefix else comment.text)
    notes = {node_id: tuple(lines) for node_id, lines in by_node.items()}
    return AppendNotes(notes, tuple(for_diagram)), len(comments)


def _scalar_spans(text: str) -> tuple[list[tuple[tuple[int, int], tuple[int, int]]], list[int]]:
    """Where scalars (quoted, plain or block) lie, and the sorted lines holding any token.

    A `#` inside a scalar is text, not a comment: `color: "#2E86DE"`, a `|` block of notes.
    """
    spans = []
    lines = set()
    for token in yaml.scan(text, Loader=_loader()):
        start, end = token.start_mark, token.end_mark
        if isinstance(token, yaml.ScalarToken):
            spans.append(((start.line, start.column), (end.line, end.column)))
        if not isinstance(token, (yaml.StreamStartToken, yaml.StreamEndToken,
                                  yaml.BlockEndToken)):
            lines.add(start.line)
    spans.sort()
    return spans, sorted(lines)


def _raw_comments(text: str, spans: list[Any]) -> list[Comment]:
    starts = [span[0] for span in spans]
    found = []
    for number, line in enumerate(text.splitlines()):
        at = line.find("#")
        while at >= 0:
            if (at == 0 or line[at - 1] in " \t") and not _inside(starts, spans, (number, at)):
                body = line[at + 1:].strip()
                if any(ch.isalnum() for ch in body) and not body.startswith(_HEADER):
                    found.append(Comment(number + 1, at + 1, body))
                break  # the rest of the line is the comment
            at = line.find("#", at + 1)
    return found


def _inside(starts: list[Any], spans: list[Any], point: tuple[int, int]) -> bool:
    index = bisect.bisect_right(starts, point) - 1
    if index < 0:
        return False
    start, end = spans[index]
    return bool(start <= point < end)


def _entries(text: str) -> list[_Entry]:
    """The entries of the node, edge, lane and phase lists, with their line spans (0-based)."""
    root = yaml.compose(text, Loader=_loader())
    entries: list[_Entry] = []
    if not isinstance(root, yaml.MappingNode):
        return entries
    for key, value in root.value:
        if key.value not in _SECTIONS or not isinstance(value, yaml.SequenceNode):
            continue
        for item in value.value:
            name = _entry_name(key.value, item)
            if name is not None:
                entries.append(_Entry(key.value, name, item.start_mark.line,
                                      _last_line(item), item.start_mark.column))
    entries.sort(key=lambda e: e.first)
    return entries


def _entry_name(section: str, item: yaml.Node) -> str | None:
    if not isinstance(item, yaml.MappingNode):
        return None
    fields = {k.value: v.value for k, v in item.value
              if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)}
    if section == "edges":
        if "from" in fields and "to" in fields:
            return f"{fields['from']}->{fields['to']}"
        return None
    return fields.get("id")


def _last_line(node: yaml.Node) -> int:
    """The last line holding content of `node` (a block mapping's end mark is the next item)."""
    if isinstance(node, yaml.ScalarNode):
        end = node.end_mark
        # A block scalar ends at the start of the line after its text.
        return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    if isinstance(node, yaml.MappingNode) and node.flow_style:
        return node.end_mark.line
    if isinstance(node, yaml.SequenceNode) and node.flow_style:
        return node.end_mark.line
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            children += [key, value]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    return max((_last_line(child) for child in children), default=node.start_mark.line)


def _place(comment: Comment, entries: list[_Entry], content_lines: list[int]) -> Comment:
    """Give `comment` its owner: the entry holding it, the one it is indented under, or the
    entry starting right after it (a comment above a node describes that node)."""
    line = comment.line - 1
    firsts = [e.first for e in entries]
    index = bisect.bisect_right(firsts, line) - 1
    holder = entries[index] if index >= 0 else None
    if holder is not None and holder.first <= line <= holder.last:
        return _owned(comment, holder)
    position = bisect.bisect_left(content_lines, line)
    if position < len(content_lines) and content_lines[position] == line:
        return comment  # a comment after a top-level key (`title: x  # ...`)
    before = content_lines[position - 1] if position > 0 else None
    after = content_lines[position] if position < len(content_lines) else None
    if (holder is not None and before is not None and holder.first <= before <= holder.last
            and comment.col - 1 >= holder.col):
        return _owned(comment, holder)
    following = next((e for e in entries if e.first == after), None)
    if following is not None:
        return _owned(comment, following)
    return comment


def _owned(comment: Comment, entry: _Entry) -> Comment:
    if entry.kind == "nodes":
        return Comment(comment.line, comment.col, comment.text, node=entry.key)
    return Comment(comment.line, comment.col, comment.text, context=entry.key)


def _loader() -> type:
    # The C scanner is ~10x faster on big files; the pure one is always there.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)
