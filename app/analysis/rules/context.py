"""What every checklist rule may read: the diagram, the solved scenarios, and how to say things."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.analysis import messages
from app.analysis.graph import FunnelGraph
from app.analysis.metrics import Channel, CyclePath
from app.analysis.report import Finding
from app.analysis.solve import Solution
from app.model import Edge, Node, NodeKind

#: below this many goals today, an impact is not shown as a percentage of them
GOALS_FOR_SHARE = 1e-6


@dataclass
class Context:
    """One diagram's analysis as the rules see it, plus message helpers in one language."""

    graph: FunnelGraph
    target: Solution
    actual: Solution
    channels: list[Channel]
    cycle: dict[str, CyclePath | None]
    impacts: dict[int, float | None]
    lang: str = "en"
    _lanes: dict[str, str] = field(default_factory=dict)
    # Memos: a 10,000-node checklist names the same nodes tens of thousands of times.
    _names: dict[str, str] = field(default_factory=dict)
    _where: dict[str, str] = field(default_factory=dict)
    _plans: dict[str, str] = field(default_factory=dict)
    _period: str = ""
    _goal_name: str | None = None
    index: dict[str, Node] = field(default_factory=dict)
    _edges: dict[str, Edge] = field(default_factory=dict)
    _edge_names: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lanes = {lane.id: _one_line(lane.title) for lane in self.graph.diagram.lanes}
        self._period = messages.period_word(self.lang, self.graph.diagram.period.value)
        self.index = self.graph.diagram.node_index()
        self._edges = {edge.id: edge for edge in self.graph.diagram.edges}

    # -- words ---------------------------------------------------------------------------
    def say(self, key: str, **params: object) -> str:
        """Message `key` in this context's language."""
        params.setdefault("period", self._period)
        return messages.text(self.lang, key, **params)

    @property
    def period(self) -> str:
        """How this diagram's period is said: "month" / "每月"."""
        return self._period

    def lane(self, lane_id: str) -> str:
        """A lane's title, as the user named it."""
        return self._lanes.get(lane_id, lane_id)

    def node_name(self, node: Node) -> str:
        """A node as a message names it: its label (or id)."""
        name = self._names.get(node.id)
        if name is None:
            name = messages.text(self.lang, "node", name=_one_line(node.title))
            self._names[node.id] = name
        return name

    def edge_name(self, edge: Edge) -> str:
        """An edge as "source -> target" titles (Chinese: source→target)."""
        key = edge.id
        name = self._edge_names.get(key)
        if name is None:
            name = self._edge_names[key] = messages.text(
                self.lang,
                "edge",
                source=_one_line(self.index[edge.source].title),
                target=_one_line(self.index[edge.target].title),
            )
        return name

    def where(self, node: Node) -> str:
        """" (owner, lane)": who is responsible for a node and in which department."""
        where = self._where.get(node.id)
        if where is None:
            owner = (node.owner or "").strip()
            if owner:
                where = self.say("where", owner=owner, lane=self.lane(node.lane))
            else:
                where = self.say("where_no_owner", lane=self.lane(node.lane))
            self._where[node.id] = where
        return where

    def contingency(self, node: Node) -> str:
        """" Fallback plan: …" when the node has a 预案, else nothing."""
        said = self._plans.get(node.id)
        if said is None:
            plan = _one_line(node.contingency or "")
            if plan and plan[-1] not in ".。!！?？":
                plan += "." if self.lang != "zh" else "。"
            said = self.say("contingency", text=plan) if plan else ""
            self._plans[node.id] = said
        return said

    def goal_name(self) -> str | None:
        """The goal's own name when the diagram has one goal (or all goals share one
        label); None when there are several, which messages call customers / 人."""
        if self._goal_name is None:
            titles = {_one_line(n.title) for n in self.graph.nodes if n.kind is NodeKind.goal}
            self._goal_name = titles.pop() if len(titles) == 1 else ""
        return self._goal_name or None

    def gain(self, impact: float) -> str:
        """"reaching the target brings 25 more people per month to "Purchase" (+17.6%)"."""
        gain = messages.number(impact)
        share = self.impact_share(impact)
        goal = self.goal_name()
        if goal is not None:
            return self.say("impact_goal", gain=gain, goal=goal, share=share,
                            people=messages.people(self.lang, gain))
        return self.say("impact_people", gain=gain, share=share,
                        customers=messages.customers(self.lang, gain))

    def people(self, count: str) -> str:
        """"person" or "people" after the number `count` as said."""
        return messages.people(self.lang, count)

    def impact_share(self, impact: float) -> str:
        """" (+27%)": an impact relative to today's actual goal volume."""
        if self.actual.goals < GOALS_FOR_SHARE:
            return ""  # a share of (almost) nothing is no information
        return self.say("share", pct=messages.percent(impact / self.actual.goals))

    # -- findings --------------------------------------------------------------------------
    def finding(
        self, rule: str, severity: str, target: str | None, message: str,
        impact: float | None = None, plan: str = "",
    ) -> Finding:
        """A Finding; `plan` is the fallback-plan sentence the message ends with, if any."""
        return Finding(rule, severity, target, message, impact, plan,
                       self._subject(target, message))

    def _subject(self, target: str | None, message: str) -> str:
        """The start of `message` that names its node or edge and who owns it."""
        if target is None:
            return ""
        node = self.index.get(target)
        if node is not None:
            prefix = self.node_name(node) + self.where(node)
        else:
            edge = self._edges.get(target)
            if edge is None:
                return ""
            prefix = self.edge_name(edge) + self.where(self.index[edge.source])
        if not message.startswith(prefix):
            return ""
        for joint in (": ", "的"):
            if message.startswith(joint, len(prefix)):
                return prefix + joint
        return prefix


def _one_line(value: str) -> str:
    return " ".join(value.split())
