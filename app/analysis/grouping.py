"""The checklist as people read it (SPEC §4): top bottlenecks, errors, then each lane's to-do.

Text, Markdown, the checklist dock and the PDF pages all lay the findings out from here, so
they agree: a finding among the top bottlenecks is not repeated below them, errors come
first, warnings and infos are grouped by lane (department) and inside a lane by the node or
edge they are about, and a node's fallback plan is given once. JSON and CSV stay flat.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis import messages
from app.analysis.report import Checklist, Finding
from app.model import Edge, Lane, Node
from app.model.order import funnel_ranks

#: rules whose target is a lane id, an owner's name, or nothing: not a node or an edge
_LANE_RULES = ("empty-lane",)
_DIAGRAM_RULES = ("owner-overload",)


@dataclass(frozen=True)
class Item:
    """One finding as a grouped checklist shows it: `text` without what the group says."""

    finding: Finding
    text: str


@dataclass(frozen=True)
class Group:
    """The findings about one node or edge (or the lane itself: `target` None)."""

    target: str | None
    title: str
    items: tuple[Item, ...]
    #: the fallback plan sentence, given here once ("" when the node has none or it was
    #: already given with an earlier group)
    plan: str = ""


@dataclass(frozen=True)
class Section:
    """One lane's to-do list (`lane` None: findings about the whole diagram)."""

    lane: str | None
    title: str
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Layout:
    """The whole checklist for people, in reading order."""

    bottlenecks: tuple[Item, ...]
    errors: tuple[Item, ...]
    sections: tuple[Section, ...]

    def items(self) -> list[Item]:
        """Every item in reading order (each finding exactly once)."""
        found = [*self.bottlenecks, *self.errors]
        for section in self.sections:
            for group in section.groups:
                found.extend(group.items)
        return found


WHOLE = {"en": "Whole funnel", "zh": "整体"}


def by_department(report: Checklist) -> Layout:
    """`report`'s findings laid out for people: bottlenecks, errors, lanes, nodes and edges."""
    diagram, lang = report.diagram, report.lang
    top = {id(f) for f in report.bottlenecks}
    errors = [f for f in report.findings if f.severity == "error" and id(f) not in top]
    rest = [f for f in report.findings if f.severity != "error" and id(f) not in top]

    lanes = {lane.id: lane for lane in diagram.lanes}
    nodes = diagram.node_index()
    edges = {edge.id: edge for edge in diagram.edges}
    # section -> group target -> findings, in the order first met (findings are sorted)
    sections: dict[str | None, dict[str | None, list[Finding]]] = {None: {}}
    sections.update({lane.id: {} for lane in diagram.lanes})
    for finding in rest:
        lane, target = _place(finding, nodes, edges, lanes)
        sections[lane].setdefault(target, []).append(finding)

    # Inside a lane, groups follow the funnel (a department walks its own steps in order),
    # each edge right after the step it leaves.
    rank = funnel_ranks(diagram)
    order = {node.id: i for i, node in enumerate(diagram.nodes)}

    def funnel_place(target: str | None) -> tuple[int, int, int]:
        node = _plan_node(target, nodes, edges)
        if node is None:
            return (-1, -1, 0)
        return (rank[node], order[node], 0 if target == node else 1)

    for lane_id in list(sections):
        if lane_id is not None:
            met = sections[lane_id]
            sections[lane_id] = {t: met[t] for t in sorted(met, key=funnel_place)}

    # A node's plan goes with the node's own group when it has one, else with the first
    # group about an edge leaving it.
    plan_of: dict[str, str] = {}
    holder: dict[str, str] = {}
    for groups in sections.values():
        for target, found in groups.items():
            node = _plan_node(target, nodes, edges)
            plan = next((f.plan.strip() for f in found if f.plan), "")
            if node is not None and plan:
                plan_of.setdefault(node, plan)
                holder.setdefault(node, target)  # type: ignore[arg-type]
    for groups in sections.values():
        for target in groups:
            if target in plan_of:
                holder[target] = target
    plans_given = set(holder)
    built = []
    for lane_id, groups in sections.items():
        if not groups:
            continue
        made = []
        for target, found in groups.items():
            node = _plan_node(target, nodes, edges)
            given_here = node is not None and target is not None and holder.get(node) == target
            plan = plan_of[node] if given_here else ""  # type: ignore[index]
            items = tuple(Item(f, f.detail if target is not None else _without_plan(f))
                          for f in found)
            made.append(Group(target, _group_title(nodes, edges, lang, target), items, plan))
        title = WHOLE.get(lang, WHOLE["en"]) if lane_id is None else lanes[lane_id].title
        built.append(Section(lane_id, " ".join(title.split()), tuple(made)))

    def flat(finding: Finding) -> Item:
        # A plan not given with any group is given here, with its one line.
        node = _plan_node(finding.target, nodes, edges)
        text = finding.message if node not in plans_given else _without_plan(finding)
        if finding.plan and node is not None:
            plans_given.add(node)
        return Item(finding, text)

    return Layout(
        bottlenecks=tuple(flat(f) for f in report.bottlenecks),
        errors=tuple(flat(f) for f in errors),
        sections=tuple(built),
    )


def _place(finding: Finding, nodes: dict[str, Node], edges: dict[str, Edge],
           lanes: dict[str, Lane]) -> tuple[str | None,
                                                                              str | None]:
    """(lane id or None, node/edge id or None) a finding is listed under."""
    target = finding.target
    if target is None or finding.rule in _DIAGRAM_RULES:
        return None, None
    if finding.rule in _LANE_RULES:
        return (target, None) if target in lanes else (None, None)
    if target in nodes:
        return nodes[target].lane, target
    if target in edges:
        return nodes[edges[target].source].lane, target
    return None, None


def _plan_node(target: str | None, nodes: dict[str, Node], edges: dict[str, Edge]) -> str | None:
    """The node whose fallback plan a finding about `target` carries."""
    if target in nodes:
        return target
    if target in edges:
        return edges[target].source
    return None


def _without_plan(finding: Finding) -> str:
    text = finding.message
    if finding.plan and text.endswith(finding.plan):
        text = text[: len(text) - len(finding.plan)]
    return text.strip()


def _group_title(nodes: dict[str, Node], edges: dict[str, Edge], lang: str,
                 target: str | None) -> str:
    """"Paid ads (Ann)" / "「付费广告」（负责人：张伟）" / "Paid ads -> Landing page (Ann)":
    what a group is about and who answers for it (an edge: its source's owner)."""
    if target is None:
        return ""
    node = nodes.get(target)
    if node is not None:
        name = messages.text(lang, "node", name=_one_line(node.title))
    else:
        edge = edges[target]
        node = nodes[edge.source]
        name = messages.text(lang, "edge", source=_one_line(node.title),
                             target=_one_line(nodes[edge.target].title))
    owner = _one_line(node.owner or "")
    if not owner:
        return name
    return f"{name} ({owner})" if lang != "zh" else f"{name}（负责人：{owner}）"


def _one_line(value: str) -> str:
    return " ".join(value.split())


def plural_counts(summary: dict[str, int], lang: str) -> str:
    """"1 error, 36 warnings, 5 info" / "错误 1 个，警告 36 个，提示 5 个"."""
    if lang == "zh":
        return "错误 {error} 个，警告 {warning} 个，提示 {info} 个".format(**summary)
    return ", ".join((messages.plural(summary["error"], "error", "errors"),
                      messages.plural(summary["warning"], "warning", "warnings"),
                      f"{summary['info']} info"))


def goal_line(report: Checklist) -> str:
    """"Customers per month: 141 actual against 245 target" named by what the goal is."""
    diagram, lang = report.diagram, report.lang
    titles = {_one_line(n.title) for n in diagram.nodes if n.kind.value == "goal"}
    actual = messages.number(report.goals["actual"])
    target = messages.number(report.goals["target"])
    period = messages.period_word(lang, diagram.period.value)
    if lang == "zh":
        if len(titles) == 1:
            return f"{period}到达「{titles.pop()}」：实际 {actual} 人，目标 {target} 人"
        return f"{period}转化：实际 {actual} 人，目标 {target} 人"
    if len(titles) == 1:
        return (f"People reaching \"{titles.pop()}\" per {period}: {actual} actual against "
                f"{target} target")
    return f"Customers per {period}: {actual} actual against {target} target"
