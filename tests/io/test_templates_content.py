"""The shipped templates (resources/templates/{en,zh}/NAME.yaml): valid, sound and coherent.

They are the first diagram users see, the golden data of the checklist and the export
examples, so beyond validity they must be well-formed funnels with numbers that add up, and
the English and Chinese versions must describe the same funnel.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from app.model import Diagram, NodeKind

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"
NAMES = ["full-funnel", "lead-nurture", "lifecycle", "email-retention", "aarrr", "online-course"]
#: templates that carry closed periods (SPEC §6): the weekly or monthly review
WITH_HISTORY = {"online-course"}
LANGS = ["en", "zh"]
SCHEMA_LINE = (
    "# yaml-language-server: $schema=https://raw.githubusercontent.com/funnelflow/funnelflow/"
    "main/resources/schema/funnelflow-1.schema.json"
)
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
SCENARIOS = ("target", "actual")
EPS = 1e-9


def path(name: str, lang: str) -> Path:
    return TEMPLATES / lang / f"{name}.yaml"


def load(name: str, lang: str) -> Diagram:
    with path(name, lang).open(encoding="utf-8") as handle:
        return Diagram.model_validate(yaml.safe_load(handle))


ALL = [(name, lang) for name in NAMES for lang in LANGS]


# -- small independent funnel arithmetic (SPEC §3), enough to sanity-check the numbers ----------
def conversions(d: Diagram, scenario: str) -> dict[tuple[str, str], float]:
    out: dict[str, list] = defaultdict(list)
    for edge in d.edges:
        out[edge.source].append(edge)
    rates: dict[tuple[str, str], float] = {}
    for edges in out.values():
        known = {e.id: e.conversion.value(scenario) if e.conversion else None for e in edges}
        unknown = [e for e in edges if known[e.id] is None]
        left = max(0.0, 1.0 - sum(v for v in known.values() if v is not None))
        for e in edges:
            value = known[e.id]
            rates[(e.source, e.target)] = value if value is not None else left / len(unknown)
    return rates


def volumes(d: Diagram, scenario: str, only: str | None = None) -> dict[str, float]:
    entry = {
        n.id: (n.volume.value(scenario) or 0.0)
        if n.kind is NodeKind.entry and n.volume and only in (None, n.id) else 0.0
        for n in d.nodes
    }
    rates = conversions(d, scenario)
    vol = dict(entry)
    for _ in range(300):  # every template's loop gain is far below 1: this converges
        new = dict(entry)
        for (source, target), rate in rates.items():
            new[target] += vol[source] * rate
        vol = new
    return vol


def goal_volume(d: Diagram, vol: dict[str, float]) -> float:
    return sum(vol[n.id] for n in d.nodes if n.kind is NodeKind.goal)


def revenue(d: Diagram, vol: dict[str, float]) -> float:
    return sum(vol[n.id] * (n.value or 0.0) for n in d.nodes if n.kind is NodeKind.goal)


# -- files ----------------------------------------------------------------------------------------
def test_exactly_the_template_files_exist():
    for lang in LANGS:
        found = sorted(p.name for p in (TEMPLATES / lang).iterdir() if not p.name.startswith("."))
        assert found == sorted(f"{name}.yaml" for name in NAMES), lang


@pytest.mark.parametrize("name,lang", ALL)
def test_file_validates_and_is_in_canonical_layout(name, lang):
    text = path(name, lang).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == SCHEMA_LINE
    assert lines[1] == "funnelflow: 1"
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\r" not in text and "\t" not in text
    for number, line in enumerate(lines, 1):
        assert line == line.rstrip(), f"trailing space on line {number}"
        # only colours are quoted; no position is stored (automatic layout)
        if '"' in line:
            assert re.search(r'color: "#[0-9A-F]{6}"\}$', line), (
                f"unexpected quote on line {number}")
        assert not re.match(r"\s+[xy]: ", line), f"position on line {number}"
    top = [line.split(":")[0] for line in lines if line and not line.startswith((" ", "#"))]
    assert top == ["funnelflow", "title", "period", "currency", "notes", "lanes", "phases",
                   "nodes", "edges"] + (["history"] if name in WITH_HISTORY else [])
    d = load(name, lang)
    assert d.title and d.notes and "\n" not in d.notes


@pytest.mark.parametrize("name,lang", ALL)
def test_sizes_and_lanes(name, lang):
    d = load(name, lang)
    assert 8 <= len(d.nodes) <= 20
    assert all(lane.color for lane in d.lanes)
    assert d.phases and all(node.phase for node in d.nodes)
    used = {node.lane for node in d.nodes}
    assert used == {lane.id for lane in d.lanes}, "every lane holds a node"
    if name == "lifecycle":
        assert [lane.id for lane in d.lanes] == ["marketing", "sales", "service", "tech"]
        assert [p.id for p in d.phases] == ["awareness", "consideration", "decision", "loyalty"]
        assert {node.phase for node in d.nodes} == {p.id for p in d.phases}


# -- structure --------------------------------------------------------------------------------
@pytest.mark.parametrize("name,lang", ALL)
def test_structure_is_sound(name, lang):
    d = load(name, lang)
    out: dict[str, list[str]] = defaultdict(list)
    for edge in d.edges:
        out[edge.source].append(edge.target)
    kinds = {n.kind for n in d.nodes}
    assert {NodeKind.entry, NodeKind.step, NodeKind.goal, NodeKind.exit} <= kinds
    for node in d.nodes:
        if node.kind not in (NodeKind.goal, NodeKind.exit):
            assert out[node.id], f"{node.id} is a dead end"
        if node.kind is NodeKind.decision:
            assert len(out[node.id]) >= 2, f"decision {node.id} needs two branches"
    seen = [n.id for n in d.nodes if n.kind is NodeKind.entry]
    reached = set(seen)
    while seen:
        for target in out[seen.pop()]:
            if target not in reached:
                reached.add(target)
                seen.append(target)
    assert reached == {n.id for n in d.nodes}, "every node is reachable from an entry"


@pytest.mark.parametrize("name,lang", ALL)
def test_every_node_is_owned_and_measured(name, lang):
    d = load(name, lang)
    measured = (NodeKind.entry, NodeKind.step, NodeKind.decision, NodeKind.goal)
    for node in d.nodes:
        assert node.owner, f"{node.id} has no owner"
        assert node.label, f"{node.id} has no label"
        if node.kind in measured:
            # a KPI target, or a measured conversion out of it (a KPI restating it is noise)
            end = "target" if node.kind is NodeKind.goal else "source"
            edges = [e for e in d.edges if getattr(e, end) == node.id and e.conversion]
            assert any(k.target is not None for k in node.kpis) or edges, \
                f"{node.id} is not measured"
        if node.kind is NodeKind.entry:
            assert node.volume is not None and node.cost, f"entry {node.id} needs volume and cost"
        if node.kind is NodeKind.goal:
            assert node.value, f"goal {node.id} needs a value"
        else:
            assert node.value is None
    for edge in d.edges:
        assert edge.conversion is not None and edge.conversion.target is not None, edge.id


@pytest.mark.parametrize("name,lang", ALL)
def test_outgoing_conversions_sum_to_at_most_100_percent(name, lang):
    d = load(name, lang)
    for scenario in SCENARIOS:
        sums: dict[str, float] = defaultdict(float)
        for edge in d.edges:
            sums[edge.source] += edge.conversion.value(scenario)
        for node, total in sums.items():
            assert total <= 1 + EPS, f"{node} sends {total:.1%} on {scenario}"


# -- en / zh are the same funnel --------------------------------------------------------------
def numbers(d: Diagram) -> dict:
    def dump(model):
        return None if model is None else model.model_dump()

    return {
        "period": d.period,
        "currency": d.currency,
        "lanes": [(lane.id, lane.color) for lane in d.lanes],
        "phases": [phase.id for phase in d.phases],
        "nodes": [
            (n.id, n.kind, n.lane, n.phase, dump(n.volume), n.capacity, dump(n.duration), n.cost,
             n.value, [(k.target, k.actual, k.better, k.is_percent) for k in n.kpis],
             n.notes is None, n.contingency is None)
            for n in d.nodes
        ],
        "edges": [
            (e.source, e.target, e.label is None, dump(e.conversion), dump(e.duration))
            for e in d.edges
        ],
    }


@pytest.mark.parametrize("name", NAMES)
def test_en_and_zh_describe_the_same_funnel(name):
    en, zh = load(name, "en"), load(name, "zh")
    assert numbers(en) == numbers(zh)


@pytest.mark.parametrize("name", NAMES)
def test_texts_are_in_their_language(name):
    en_text = path(name, "en").read_text(encoding="utf-8")
    assert not CJK.search(en_text), "the English template holds Chinese text"
    en, zh = load(name, "en"), load(name, "zh")
    for d, lang in ((en, "en"), (zh, "zh")):
        texts = [d.title, d.notes] + [lane.name for lane in d.lanes]
        texts += [phase.name for phase in d.phases]
        for node in d.nodes:
            texts += [node.label, node.owner] + [k.name for k in node.kpis]
            texts += [t for t in (node.notes, node.contingency) if t]
        texts += [e.label for e in d.edges if e.label]
        for text in texts:
            assert text == text.strip() and text
            if lang == "zh":
                assert CJK.search(text), f"not Chinese: {text!r}"
                # Chinese prose uses full-width punctuation (，：；？（）), not ASCII
                assert not re.search(r"[,:;?()]", text), f"ASCII punctuation in {text!r}"
    for node in en.nodes:
        assert len(node.label) <= 22, node.label
    for node in zh.nodes:
        assert len(node.label) <= 8, node.label


# -- the numbers tell a story the checklist can use -------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_numbers_add_up(name):
    d = load(name, "en")
    for scenario in SCENARIOS:
        vol = volumes(d, scenario)
        goals = goal_volume(d, vol)
        assert goals > 10, f"{scenario} goal volume {goals:.1f} is too small to be useful"
        cost = sum(n.cost or 0 for n in d.nodes)
        assert revenue(d, vol) > cost, "the whole funnel should earn more than it spends"
        # every channel's share adds up to the total (flows are linear)
        shares = sum(goal_volume(d, volumes(d, scenario, n.id))
                     for n in d.nodes if n.kind is NodeKind.entry)
        assert shares == pytest.approx(goals, rel=1e-6)
    target, actual = (goal_volume(d, volumes(d, s)) for s in SCENARIOS)
    assert actual < target <= 2.5 * actual, "targets are ambitious but within reach"


@pytest.mark.parametrize("name", NAMES)
def test_each_template_has_findings_worth_reading(name):
    d = load(name, "en")
    worse = []
    for edge in d.edges:
        c = edge.conversion
        if c.target is None or c.actual is None:
            continue
        leak = d.node(edge.target).kind is NodeKind.exit
        if (c.actual > c.target) if leak else (c.actual < c.target):
            worse.append(edge.id)
    assert 3 <= len(worse) < len(d.edges), "a few conversions are off target, not all"
    assert any(k.is_worse() for n in d.nodes for k in n.kpis)
    unmeasured = [e for e in d.edges if e.conversion.actual is None]
    unmeasured += [k for n in d.nodes for k in n.kpis if k.actual is None]
    assert unmeasured, "a missing actual here and there"
    assert any(n.contingency for n in d.nodes)
    assert any(n.duration for n in d.nodes)


def test_some_channel_loses_money():
    losing = []
    for name in NAMES:
        d = load(name, "en")
        for node in d.nodes:
            if node.kind is NodeKind.entry and node.cost:
                earned = revenue(d, volumes(d, "actual", node.id))
                if earned < node.cost:
                    losing.append(f"{name}:{node.id}")
    assert "full-funnel:ads" in losing
    assert "lifecycle:livestream" in losing


@pytest.mark.parametrize("name", NAMES)
def test_sales_capacity_is_close_to_its_limit(name):
    d = load(name, "en")
    vol = volumes(d, "actual")
    capped = [n for n in d.nodes if n.capacity]
    if name == "email-retention":
        assert not capped
        return
    assert len(capped) == 1
    load_factor = vol[capped[0].id] / capped[0].capacity
    assert 0.8 <= load_factor < 1.0, f"{capped[0].id} runs at {load_factor:.0%}"


def test_lead_nurture_cycle_is_45_days_against_28():
    d = load("lead-nurture", "en")
    nodes = {n.id: n for n in d.nodes}
    out: dict[str, list] = defaultdict(list)
    for edge in d.edges:
        out[edge.source].append(edge)

    def longest(node_id: str, path: tuple[str, ...], scenario: str) -> float | None:
        node = nodes[node_id]
        own = node.duration.value(scenario) if node.duration else 0.0
        best = own if node.kind is NodeKind.goal else None
        for edge in out[node_id]:
            if edge.target in path:  # loop-closing edge
                continue
            rest = longest(edge.target, path + (edge.target,), scenario)
            if rest is not None:
                wait = edge.duration.value(scenario) if edge.duration else 0.0
                best = max(best or 0.0, own + wait + rest)
        return best

    for scenario, expected in (("target", 28), ("actual", 45)):
        cycle = max(longest(n.id, (n.id,), scenario) or 0.0
                    for n in d.nodes if n.kind is NodeKind.entry)
        assert cycle == expected, scenario


def test_full_funnel_has_a_referral_loop_back_to_acquisition():
    d = load("full-funnel", "en")
    phase = {n.id: n.phase for n in d.nodes}
    back = d.edge("referral", "signup")
    assert back is not None and phase["referral"] == "referral"
    assert phase["signup"] == "acquisition"
    # the loop: signup -> ... -> referral -> signup, with a gain well below 1
    rates = conversions(d, "actual")
    out: dict[str, list[str]] = defaultdict(list)
    for source, target in rates:
        out[source].append(target)

    def best_gain(node: str, seen: frozenset[str]) -> float:
        if node == "referral":
            return rates[("referral", "signup")]
        return max((rates[(node, t)] * best_gain(t, seen | {t})
                    for t in out[node] if t not in seen), default=0.0)

    gain = best_gain("signup", frozenset({"signup"}))
    assert 0 < gain < 0.1


def test_other_loops_are_tame():
    for name in NAMES:
        d = load(name, "en")
        for scenario in SCENARIOS:
            first = volumes(d, scenario)
            assert all(v < 1e7 for v in first.values()), name


@pytest.mark.parametrize("name,lang", ALL)
def test_the_project_writer_reproduces_the_file_byte_for_byte(name, lang):
    from app.io.yaml_load import load_diagram
    from app.io.yaml_save import dumps_diagram

    file = path(name, lang)
    assert dumps_diagram(load_diagram(file)) == file.read_text(encoding="utf-8")


@pytest.mark.parametrize("name,lang", ALL)
def test_no_kpi_only_restates_an_edge_conversion(name, lang):
    # "CTR 1.8% / 2.5%" on the ads node beside the ads edge at 1.8% / 2.5% says it twice
    d = load(name, lang)
    for node in d.nodes:
        for kpi in node.kpis:
            same = [e.id for e in d.edges if node.id in (e.source, e.target) and e.conversion
                    and (e.conversion.target, e.conversion.actual) == (kpi.target, kpi.actual)]
            assert not (kpi.is_percent and same), f"{node.id}: {kpi.name} restates {same}"


#: the rule families each template demonstrates; dropping one is a loss for new users
FAMILIES = {
    "full-funnel": {"conversion-off-target", "kpi-off-target", "kpi-unmeasured", "negative-roi",
                    "over-capacity", "slow-path", "slow-step"},
    "lead-nurture": {"conversion-off-target", "kpi-off-target", "kpi-unmeasured",
                     "over-capacity", "slow-path", "slow-step"},
    "lifecycle": {"conversion-off-target", "kpi-off-target", "kpi-unmeasured", "negative-roi",
                  "over-capacity", "slow-path", "slow-step"},
    "email-retention": {"conversion-off-target", "kpi-off-target", "kpi-unmeasured"},
    "aarrr": {"conversion-off-target", "kpi-off-target", "kpi-unmeasured", "over-capacity",
              "slow-path", "slow-step"},
    "online-course": {"conversion-off-target", "kpi-off-target", "kpi-unmeasured",
                      "over-capacity", "slow-path", "slow-step", "trend-worsening"},
}


@pytest.mark.parametrize("name,lang", ALL)
def test_each_template_still_shows_every_rule_family_it_demonstrates(name, lang):
    from app.analysis import analyze

    report = analyze(load(name, lang), lang)
    assert {f.rule for f in report.findings} == FAMILIES[name]
    assert report.summary["error"] == 0


def test_online_course_has_six_months_whose_checkout_got_worse_each_month():
    """The seed's case (DOMAIN.md): the checkout page loses 60%, instalments lifted
    conversion 18%; six monthly periods show the leak growing, so the early warning fires."""
    from app.analysis import analyze

    for lang in LANGS:
        d = load("online-course", lang)
        assert [h.period for h in d.history] == [f"2026-{m:02d}" for m in range(6, 12)]
        assert d.edge("checkout", "abandon").conversion.actual == 0.6
        assert "18%" in d.node("checkout").notes
        warned = {f.target for f in analyze(d, lang).findings if f.rule == "trend-worsening"}
        assert {"checkout->abandon", "checkout->enrolled", "checkout"} <= warned
    en, zh = load("online-course", "en"), load("online-course", "zh")
    assert [(h.period, sorted(h.edges.items())) for h in en.history] == \
        [(h.period, sorted(h.edges.items())) for h in zh.history]
