"""What every checklist rule may read: the diagram, the solved scenarios, and how to say things."""

from __future__ import annotations

import os
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
    _goal_word: str | None = None
    index: dict[str, Node] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lanes = {lane.id: _one_line(lane.title) for lane in self.graph.diagram.lanes}
        self._period = messages.period_word(self.lang, self.graph.diagram.period.value)
        self.index = self.graph.diagram.node_index()

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
        """An edge as source→target titles."""
        return messages.text(
            self.lang,
            "edge",
            source=_one_line(self.index[edge.source].title),
            target=_one_line(self.index[edge.target].title),
        )

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

    def goal_word(self) -> str:
        """What a goal arrival is called: the goal's label when there is only one goal, or
        the word all goal labels share (首单成交, 复购成交 → 成交); else goals in general."""
        if self._goal_word is None:
            titles = [_one_line(n.title) for n in self.graph.nodes if n.kind is NodeKind.goal]
            shared = shared_name(titles)
            if shared:
                self._goal_word = self.say("goals_one", goal=shared)
            else:
                self._goal_word = self.say("goals_many")
        return self._goal_word

    def impact_share(self, impact: float) -> str:
        """" (+27%)": an impact relative to today's actual goal volume."""
        if self.actual.goals < GOALS_FOR_SHARE:
            return ""  # a share of (almost) nothing is no information
        return self.say("share", pct=messages.percent(impact / self.actual.goals))

    # -- findings --------------------------------------------------------------------------
    def finding(
        self, rule: str, severity: str, target: str | None, message: str,
        impact: float | None = None,
    ) -> Finding:
        """A Finding (exists so rules read the same everywhere)."""
        return Finding(rule, severity, target, message, impact)


#: a shared Chinese ending names the goals only when it is at least this long (成交, 注册)
SHARED_CJK_CHARS = 2


def shared_name(titles: list[str]) -> str | None:
    """The name several goal labels share: the label itself, their common last word
    ("First order", "Repeat order" → "order") or their common Chinese ending of at least two
    characters (线上成交, 门店成交 → 成交); None when they share nothing."""
    if not titles:
        return None
    if len(set(titles)) == 1:
        return titles[0] or None
    last = {title.split()[-1].lower() if title.split() else "" for title in titles}
    if len(last) == 1 and all(len(title.split()) > 1 for title in titles):
        return titles[0].split()[-1]
    ending = os.path.commonprefix([title[::-1] for title in titles])[::-1].strip()
    if len(ending) >= SHARED_CJK_CHARS and all(_is_cjk(ch) for ch in ending):
        return ending
    return None


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _one_line(value: str) -> str:
    return " ".join(value.split())
