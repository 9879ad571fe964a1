"""Turning YAML text into plain Python data, refusing everything unsafe, with positions.

One iterative pass over the parser's events (the C parser when libyaml is present) builds
dicts, lists and scalars. Walking events instead of composing nodes keeps deep nesting from
crashing the C composer (it recurses and segfaults near 30,000 levels) and lets every refusal
name its line: tags, anchors and aliases, nesting deeper than MAX_DEPTH, duplicate keys,
non-scalar keys and more than one document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from app.io.errors import Problem
from app.io.escape import CONTROL, control_name
from app.io.messages import say, shown_number
from app.io.yaml_core import LineIndex, TooBig, old_octal, resolve

MAX_DEPTH = 64

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
#: how build_data reports a problem at a yaml mark
Refuse = Callable[[Any, str], None]

#: Characters YAML does not allow in a file (the same set libyaml's reader refuses), and those
#: a diagram may not hold: C1 controls (U+0085 too), DEL and the bidi overrides; and raw line
#: and paragraph separators, which end a line for YAML 1.1 parsers but not for editors.
_FORBIDDEN = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202f-\u2065\u206a-\ud7ff"
                        "\ue000-\ufffd\U00010000-\U0010ffff]")  # one class: one fast scan
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)  # a tab among the leading spaces


def plain_tag(value: str) -> str | None:
    """The tag YAML 1.1 (PyYAML) gives an unquoted scalar (None when it stays a string)."""
    for tag, regexp in _RESOLVERS.get(value[:1], ()):
        if regexp.match(value):
            return str(tag)
    return None


@dataclass
class Located:
    """Where a key and its value start (1-based line and column)."""

    key_line: int
    key_col: int
    line: int
    col: int


_DISCARD = object()  # the key of an entry whose (refused) key was not a scalar


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: tuple[str | int, ...]
    start: Any
    key: Any = None
    key_mark: Any = None
    have_key: bool = False
    key_lines: dict[str, int] = field(default_factory=dict)
    track: bool = False


def check_text(text: str, filename: str) -> list[Problem]:
    """Problems visible without parsing: control characters and tab indentation."""
    problems = []
    lines: LineIndex | None = None
    bad = _FORBIDDEN.search(text)
    if bad:
        lines = LineIndex(text)
        line, col = lines.position(bad.start())
        name = control_name(bad.group())
        key = ("bidi" if _BIDI.match(bad.group()) else
               "separator" if bad.group() in "\u2028\u2029" else "control")
        problems.append(Problem(filename, line, col, say(key, name=name)))
    tab = _TAB_INDENT.search(text)
    if tab:
        line, col = (lines or LineIndex(text)).position(tab.end() - 1)
        problems.append(Problem(
            filename, line, col,
            "this line is indented with a tab; YAML indents with spaces only: "
            "replace the tab with spaces"))
    return problems


class _Marks:
    """Editor positions of parser marks; the line table is built on the first question."""

    def __init__(self, text: str):
        self._text = text
        self._lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self._text)
        return self._lines

    def at(self, mark: Any) -> tuple[int, int]:
        # The parser also ends a line at U+0085, U+2028 and U+2029; an editor does not.
        return self.lines.position(mark.index)


def build_data(
    text: str, filename: str, positions: dict[tuple[Any, ...], Located | None] | None = None,
    notes: list[Problem] | None = None,
) -> tuple[Any, list[Problem]]:
    """The document as plain data, and the problems that make it unusable.

    With `positions`, also records where each key and value starts for every path
    (`("nodes", 0, "lane")`) that is already a key of `positions`: the loader asks only
    for the paths of the errors it has to report, which keeps that second pass cheap.
    With `notes`, adds a located note for each value read differently than before SPEC §2.
    """
    problems: list[Problem] = []
    said: set[str] = set()
    marks = _Marks(text)

    def refuse(mark: Any, message: str) -> None:
        # An alias bomb has hundreds of aliases: name each kind of refusal once.
        kind = message.split(" ", 1)[0]
        if kind in ("anchors", "aliases", "tags") and kind in said:
            return
        said.add(kind)
        problems.append(Problem(filename, *marks.at(mark), message))

    stack: list[_Frame] = []
    root: Any = None
    documents = 0
    event: Any  # one of the yaml event classes, dispatched on its exact type below
    try:
        for event in yaml.parse(text, Loader=_Parser):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    _refuse_decoration(event, refuse)
                mark = event.start_mark
                # Quoted scalars stay text; when only positions are asked for, values don't matter.
                if not event.implicit[0] or positions is not None:
                    value = event.value
                    if event.style == '"' and CONTROL.search(value):
                        _refuse_control(event, text, marks, filename, problems)
                else:
                    value = resolve(event.value)
                    if type(value) is TooBig:
                        refuse(mark, say("too_big", shown=shown_number(value.text)))
                        value = None
                    elif notes is not None and type(value) is int and event.value[0] in "0+-":
                        old = old_octal(event.value, value)
                        if old is not None:
                            notes.append(Problem(filename, *marks.at(mark), say(
                                "octal_note", text=event.value, new=value, old=old)))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = stack.pop()
                value, mark = done.container, done.start
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    _refuse_decoration(event, refuse)
                if len(stack) >= MAX_DEPTH:
                    refuse(event.start_mark, f"the data is nested more than {MAX_DEPTH} levels "
                           "deep; a diagram needs only a few levels: check the indentation")
                    return None, problems
                container: Any = {} if kind is yaml.MappingStartEvent else []
                path = _child_path(stack)
                track = positions is not None and path in positions
                stack.append(_Frame(container, path, event.start_mark, track=track))
                continue
            elif kind is yaml.AliasEvent:
                refuse(event.start_mark, f"aliases (*{event.anchor}) are not allowed in a "
                       "diagram file; write the value out in full")
                value, mark = None, event.start_mark
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    refuse(event.start_mark, "a diagram file holds one YAML document; "
                           "remove the second `---` and what follows, or split the file")
                    break
                continue
            else:
                continue
            if stack:
                _attach(stack[-1], value, mark, event, refuse, positions, marks)
            else:
                root = value
    except yaml.YAMLError as error:
        problems.append(_syntax_problem(error, marks, filename))
        return None, problems
    if positions is not None:
        positions[()] = Located(1, 1, 1, 1)
    return root, problems


def _refuse_control(event: Any, text: str, marks: _Marks, filename: str,
                    problems: list[Problem]) -> None:
    """A double-quoted scalar whose escapes make a control character: refused at the escape."""
    found_char = CONTROL.search(event.value)
    if found_char is None:
        return
    bad = found_char.group()
    source = text[event.start_mark.index:event.end_mark.index]
    code = ord(bad)
    hex_forms = "|".join(re.escape(form) for form in
                         (f"\\x{code:02x}", f"\\u{code:04x}", f"\\U{code:08x}"))
    named = {"\x1b": "e", "\x07": "a", "\x08": "b", "\x00": "0", "\x0b": "v", "\x0c": "f",
             "\r": "r", "\x85": "N"}.get(bad)
    found = [m.start() for m in (re.search(hex_forms, source, re.IGNORECASE),
                                 re.search(re.escape("\\" + named), source) if named else None)
             if m]
    index = event.start_mark.index + (min(found) if found else 0)
    line, col = marks.lines.position(index)
    problems.append(Problem(filename, line, col, say("control_escaped", name=control_name(bad))))


def _child_path(stack: list[_Frame]) -> tuple[Any, ...]:
    if not stack:
        return ()
    top = stack[-1]
    if isinstance(top.container, list):
        return top.path + (len(top.container),)
    return top.path + (top.key,) if top.have_key else top.path + (_DISCARD,)


def _attach(top: _Frame, value: Any, mark: Any, event: Any, refuse: Refuse,
            positions: dict[tuple[Any, ...], Located | None] | None, marks: _Marks) -> None:
    container = top.container
    if isinstance(container, list):
        if top.track and positions is not None and top.path + (len(container),) in positions:
            line, col = marks.at(mark)
            positions[top.path + (len(container),)] = Located(line, col, line, col)
        container.append(value)
        return
    if not top.have_key:
        top.key_mark, top.have_key = mark, True
        if type(event) is yaml.ScalarEvent:
            top.key = event.value  # keys are the text as written: `on:` stays "on"
        elif type(event) is yaml.AliasEvent:
            top.key = _DISCARD  # the alias itself is already refused
        else:
            refuse(mark, "a key must be plain text, not a list, a mapping or an alias; "
                   "write `name: value`")
            top.key = _DISCARD
        return
    key, key_mark = top.key, top.key_mark
    top.have_key = False
    if key is _DISCARD:
        return
    first = top.key_lines.get(key)
    if first is not None:
        line = marks.lines.position(first)[0]
        refuse(key_mark, f"duplicate key {key!r} (first written on line {line}); a key may "
               "appear only once in a mapping: merge the two or remove one")
        return
    top.key_lines[key] = key_mark.index
    if top.track and positions is not None and top.path + (key,) in positions:
        positions[top.path + (key,)] = Located(*marks.at(key_mark), *marks.at(mark))
    container[key] = value


def _refuse_decoration(event: Any, refuse: Refuse) -> None:
    if event.anchor is not None:
        refuse(event.start_mark, f"anchors (&{event.anchor}) are not allowed in a diagram "
               "file; write each value out in full")
    if event.tag is not None:
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        refuse(event.start_mark, f"tags such as {tag} are not allowed in a diagram "
               "file (they can run code or hide data); remove the tag")


def _syntax_problem(error: yaml.YAMLError, marks: _Marks, filename: str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, col = marks.at(mark) if mark is not None else (1, 1)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"YAML syntax error: {problem}"
    if context:
        message += f" ({context})"
    here = marks.lines.line_text(line)
    if "\t" in here:
        message += "; this line holds a tab: YAML indents with spaces only"
    elif "found character" in problem and "cannot start any token" in problem:
        message += "; put the value in double quotes"
    else:
        message += "; check the indentation and that every `key: value` has a space after ':'"
    return Problem(filename, line, col, message)
