"""Diagrams for the legibility tests and benchmark: the templates and random funnels."""

from __future__ import annotations

import random

from app.io.templates import load_template, template_names
from app.model import Diagram

TEMPLATES = tuple(template_names("en"))  # every shipped template
LANGS = ("en", "zh")

_EN_WORDS = ("qualified", "lead", "webinar", "nurture", "email", "sequence", "demo", "request",
             "trial", "onboarding", "renewal", "referral", "partner", "campaign", "enterprise",
             "pricing", "page", "visit", "call", "proposal", "signed", "contract", "re-engage")
_ZH_WORDS = ("线索", "培育", "邮件", "序列", "演示", "申请", "试用", "上手", "续约",
             "转介绍", "合作伙伴", "活动", "企业客户", "定价页", "访问", "电话", "方案", "签约",
             "合同", "唤醒")


def _text(rng: random.Random, zh: bool, lo: int, hi: int) -> str:
    words = _ZH_WORDS if zh else _EN_WORDS
    joined = ("" if zh else " ").join(rng.choice(words) for _ in range(rng.randint(lo, hi)))
    return joined[:1].upper() + joined[1:]


def generated(seed: int) -> Diagram:
    """A random funnel: lanes, phases, fan-in, fan-out, loop-backs, long en/zh labels."""
    rng = random.Random(seed)
    zh = seed % 2 == 1
    lanes = [{"id": f"l{i}", "name": _text(rng, zh, 1, 2)} for i in range(rng.randint(1, 4))]
    phase_count = rng.randint(0, 5)
    phases = [{"id": f"p{i}", "name": _text(rng, zh, 1, 2)} for i in range(phase_count)]
    count = rng.randint(3, 18)
    nodes = []
    for i in range(count):
        node = {"id": f"n{i}", "lane": rng.choice(lanes)["id"],
                "label": _text(rng, zh, 1, 6 if rng.random() < 0.3 else 3)}
        if i == 0:
            node["kind"] = "entry"
        elif i == count - 1:
            node["kind"] = "goal"
        elif rng.random() < 0.15:
            node["kind"] = "decision"
        if phases:
            node["phase"] = phases[min(phase_count - 1, i * phase_count // count)]["id"]
        nodes.append(node)
    edges: dict[tuple[int, int], dict] = {}

    def add(a: int, b: int) -> None:
        if a != b and (a, b) not in edges:
            edge: dict = {"from": f"n{a}", "to": f"n{b}"}
            roll = rng.random()
            if roll < 0.5:
                edge["conversion"] = f"{rng.randint(1, 95)}%"
            if roll < 0.2:
                edge["conversion"] = {"target": f"{rng.randint(1, 95)}%",
                                      "actual": f"{rng.uniform(0.1, 95):.1f}%"}
            if rng.random() < 0.4:
                edge["label"] = _text(rng, zh, 1, 5)
            edges[(a, b)] = edge

    for i in range(1, count):  # a chain with fan-in and fan-out
        add(rng.randrange(max(0, i - 3), i), i)
        if rng.random() < 0.3:
            add(rng.randrange(0, i), i)
    for _ in range(rng.randint(0, 3)):  # loop-backs
        a = rng.randrange(1, count)
        add(a, rng.randrange(0, a))
    return Diagram.model_validate({"funnelflow": 1, "title": f"generated {seed}",
                                   "lanes": lanes, "phases": phases, "nodes": nodes,
                                   "edges": list(edges.values())})


def templates():
    for lang in LANGS:
        for name in TEMPLATES:
            yield f"{lang}/{name}", load_template(name, lang), lang
