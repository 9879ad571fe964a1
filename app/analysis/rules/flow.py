"""Rules about the flow of people: overflowing conversions, loops, capacity, conversions and
durations off target, the cycle time and the money each channel makes."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from app.analysis import messages
from app.analysis.graph import SCENARIOS
from app.analysis.metrics import edge_duration, node_duration
from app.analysis.report import Finding
from app.analysis.rules.context import Context
from app.analysis.rules.registry import rule
from app.model import NodeKind

#: rates written as percentages add up with float noise (30% + 70% = 1.0000000000000002)
OVERFLOW_TOLERANCE = 1e-9
#: a loop named in a message shows at most this many nodes
LOOP_NAMES_SHOWN = 8
#: an off-target conversion gaining fewer people than this per period is minor (SPEC §4) ...
MINOR_PEOPLE = 1.0
#: ... as is one gaining less than this share of today's actual goal volume
MINOR_SHARE = 0.005
#: relative slack when comparing a volume with a capacity, for float noise only
CAPACITY_TOLERANCE = 1e-9


@rule("conversion-overflow", "error")
def conversion_overflow(ctx: Context) -> Iterator[Finding]:
    """A node's written outgoing conversions sum to more than 100% on targets or on actuals."""
    graph = ctx.graph
    solutions = {"target": ctx.target, "actual": ctx.actual}
    for i, node in enumerate(graph.nodes):
        sums = []
        for scenario in SCENARIOS:
            known = solutions[scenario].known
            total = sum(known[e] or 0.0 for e in graph.out_edges[i])
            if total > 1.0 + OVERFLOW_TOLERANCE:
                scenario_word = ctx.say("targets" if scenario == "target" else "actuals")
                sums.append(ctx.say("overflow-sum", pct=messages.percent(total),
                                    scenario=scenario_word))
        if sums:
            message = ctx.say(
                "conversion-overflow", node=ctx.node_name(node), where=ctx.where(node),
                sums=ctx.say("and").join(sums),
            )
            yield ctx.finding("conversion-overflow", "error", node.id, message)


@rule("loop-gain", "error")
def loop_gain(ctx: Context) -> Iterator[Finding]:
    """A loop whose gain is ≥ 1 (no steady state), on targets or on actuals."""
    graph = ctx.graph
    by_edge: dict[int, list[tuple[str, float]]] = {}
    for solution in (ctx.target, ctx.actual):
        for failure in solution.failures:
            by_edge.setdefault(failure.closing_edge, []).append(
                (solution.scenario, failure.gain)
            )
    for e, failed in by_edge.items():
        edge = graph.edges[e]
        scenarios = ctx.say("and").join(
            ctx.say("targets" if s == "target" else "actuals") for s, _ in failed
        )
        # Every loop-closing edge of the failing component is cut, not only this one.
        scc = graph.scc_of[graph.src[e]]
        cut = [c for c in graph.closing
               if graph.scc_of[graph.src[c]] == scc and graph.scc_of[graph.dst[c]] == scc]
        message = ctx.say(
            "loop-gain",
            cycle=_cycle_names(ctx, e),
            gain=messages.percent(max(g for _, g in failed)),
            scenario=scenarios,
            edge=ctx.say("and").join(ctx.edge_name(graph.edges[c]) for c in cut),
        )
        yield ctx.finding("loop-gain", "error", edge.id, message)


def _cycle_names(ctx: Context, closing_edge: int) -> str:
    """"A→B→C→A": the loop a closing edge closes, walked along the other edges of its loop."""
    graph = ctx.graph
    start, end = graph.dst[closing_edge], graph.src[closing_edge]
    scc = graph.scc_of[start]
    closing = set(graph.closing)
    previous: dict[int, int | None] = {start: None}
    queue = deque([start])
    while queue and end not in previous:
        u = queue.popleft()
        for e in graph.out_edges[u]:
            w = graph.dst[e]
            if e not in closing and graph.scc_of[w] == scc and w not in previous:
                previous[w] = u
                queue.append(w)
    path = [end]
    while previous.get(path[-1]) is not None:
        path.append(previous[path[-1]])  # type: ignore[arg-type]
    path.reverse()
    names = [" ".join(graph.nodes[n].title.split()) for n in path]
    if len(names) > LOOP_NAMES_SHOWN:
        names = [*names[: LOOP_NAMES_SHOWN - 1], "…"]
    return "→".join([*names, names[0]])


@rule("over-capacity", "error")
def over_capacity(ctx: Context) -> Iterator[Finding]:
    """Actual volume above capacity (error), or only the target volume above it (warning)."""
    for i, node in enumerate(ctx.graph.nodes):
        capacity = node.capacity
        if capacity is None:
            continue
        limit = capacity * (1 + CAPACITY_TOLERANCE) + CAPACITY_TOLERANCE
        actual, target = ctx.actual.volume[i], ctx.target.volume[i]
        named = {"node": ctx.node_name(node), "where": ctx.where(node),
                 "capacity": messages.number(capacity)}
        if actual > limit:
            volume = messages.number(actual)
            message = ctx.say("over-capacity", volume=volume, people=ctx.people(volume),
                              over=messages.number(actual - capacity), **named)
            yield ctx.finding("over-capacity", "error", node.id, message)
        elif target > limit:
            volume = messages.number(target)
            message = ctx.say("over-capacity-target", volume=volume,
                              people=ctx.people(volume), **named)
            yield ctx.finding("over-capacity", "warning", node.id, message)


@rule("conversion-off-target", "warning")
def conversion_off_target(ctx: Context) -> Iterator[Finding]:
    """An edge's actual conversion worse than its target; impact = goals gained at target.
    Minor ones (SPEC §4: too small to matter, and not a leak into an exit) are infos."""
    graph = ctx.graph
    index = ctx.index
    for e, impact in ctx.impacts.items():
        edge = graph.edges[e]
        source = index[edge.source]
        if impact is not None and round(impact, 6) > 0:
            impact_text = ctx.gain(impact)
        else:
            impact_text = ctx.say("impact_none")
        into_exit = index[edge.target].kind is NodeKind.exit
        plan = ctx.contingency(source)
        message = ctx.say(
            "conversion-off-target-exit" if into_exit else "conversion-off-target",
            edge=ctx.edge_name(edge),
            where=ctx.where(source),
            actual=messages.percent(edge.conversion.actual),  # type: ignore[union-attr, arg-type]
            target=messages.percent(edge.conversion.target),  # type: ignore[union-attr, arg-type]
            impact=impact_text,
            contingency=plan,
        )
        minor = not into_exit and is_minor(impact, ctx.actual.goals)
        yield ctx.finding("conversion-off-target", "info" if minor else "warning", edge.id,
                          message, impact, plan)


def is_minor(impact: float | None, goals: float) -> bool:
    """An impact below one person per period or below 0.5% of today's goal volume."""
    if impact is None:
        return False  # not measurable (a loop without steady state): not called small
    return impact < MINOR_PEOPLE or impact < MINOR_SHARE * goals


@rule("slow-step", "warning")
def slow_step(ctx: Context) -> Iterator[Finding]:
    """A node's or an edge's actual duration exceeds its target."""
    index = ctx.index
    for node in ctx.graph.nodes:
        d = node.duration
        if d is not None and d.target is not None and d.actual is not None and d.actual > d.target:
            plan = ctx.contingency(node)
            message = ctx.say(
                "slow-step", node=ctx.node_name(node), where=ctx.where(node),
                target=messages.quantity(d.target), contingency=plan,
                **messages.days(actual=d.actual, delta=d.actual - d.target),
            )
            yield ctx.finding("slow-step", "warning", node.id, message, plan=plan)
    for edge in ctx.graph.edges:
        d = edge.duration
        if d is not None and d.target is not None and d.actual is not None and d.actual > d.target:
            message = ctx.say(
                "slow-step-edge", edge=ctx.edge_name(edge), where=ctx.where(index[edge.source]),
                target=messages.quantity(d.target),
                **messages.days(actual=d.actual, delta=d.actual - d.target),
            )
            yield ctx.finding("slow-step", "warning", edge.id, message)


@rule("slow-path", "warning")
def slow_path(ctx: Context) -> Iterator[Finding]:
    """The actual cycle time exceeds the target one; names the step on it that adds most."""
    actual, target = ctx.cycle.get("actual"), ctx.cycle.get("target")
    if actual is None or target is None or actual.days <= target.days + 1e-9:
        return
    graph = ctx.graph
    steps = [
        (node_duration(graph, n, "actual") - node_duration(graph, n, "target"),
         ctx.node_name(graph.nodes[n]))
        for n in actual.nodes
    ] + [
        (edge_duration(graph, e, "actual") - edge_duration(graph, e, "target"),
         ctx.edge_name(graph.edges[e]))
        for e in actual.edges
    ]
    named = {"target": messages.quantity(round(target.days, 2)),
             **messages.days(actual=round(actual.days, 2),
                             delta=round(actual.days - target.days, 2))}
    worst = max(steps, key=lambda s: s[0], default=None)
    if worst is not None and worst[0] > 0:
        message = ctx.say("slow-path", step=worst[1],
                          **messages.days(step_delta=round(worst[0], 2)), **named)
    else:
        message = ctx.say("slow-path-no-step", **named)
    yield ctx.finding("slow-path", "warning", None, message)


@rule("negative-roi", "warning")
def negative_roi(ctx: Context) -> Iterator[Finding]:
    """An entry channel with a cost whose ROI is below zero."""
    index = ctx.index
    currency = ctx.graph.diagram.currency
    for channel in ctx.channels:
        if channel.cost and channel.roi is not None and channel.roi < 0:
            node = index[channel.entry]
            message = ctx.say(
                "negative-roi", node=ctx.node_name(node), where=ctx.where(node),
                cost=messages.money(channel.cost, currency),
                revenue=messages.money(channel.revenue, currency),
                roi=messages.percent(channel.roi),
            )
            yield ctx.finding("negative-roi", "warning", node.id, message)
