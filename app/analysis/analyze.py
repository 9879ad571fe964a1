"""`analyze`: one diagram snapshot in, one Checklist out (pure; no Qt, no files)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from app.analysis.graph import SCENARIOS, FunnelGraph, build_graph
from app.analysis.impact import off_target_impacts
from app.analysis.metrics import channels as attribute_channels
from app.analysis.metrics import cycle_path
from app.analysis.report import (
    TOP_BOTTLENECKS,
    Checklist,
    Finding,
    sort_findings,
    summarise,
)
from app.analysis.rules import Context, run_rules
from app.analysis.rules.flow import is_minor
from app.analysis.solve import Solution, solve_scenario
from app.model import ChecklistSettings, Diagram


@dataclass(frozen=True)
class Internals:
    """What a Checklist keeps for cheap what-if questions: the graph and both solved scenarios."""

    graph: FunnelGraph
    solutions: dict[str, Solution]


def analyze(diagram: Diagram, lang: str = "en") -> Checklist:
    """The funnel arithmetic (SPEC §3) and the checklist (SPEC §4) of `diagram`, in `lang`."""
    graph = build_graph(diagram)
    # Each loop's elimination order, shared by both scenarios.
    orderings: dict[int, tuple[list[int], list[list[int]]]] = {}
    solutions = {s: solve_scenario(graph, s, orderings) for s in SCENARIOS}
    actual = solutions["actual"]
    channels = attribute_channels(graph, actual)
    cycle = {s: cycle_path(graph, s) for s in SCENARIOS}
    impacts = off_target_impacts(graph, actual)
    context = Context(
        graph=graph,
        target=solutions["target"],
        actual=actual,
        channels=channels,
        cycle=cycle,
        impacts=impacts,
        lang=lang,
    )
    findings = sort_findings(apply_settings(run_rules(context), diagram.checklist))
    # The top bottlenecks are the off-target conversions that matter, whatever severity the
    # diagram's settings give them; minor ones (SPEC §4) do not open the checklist.
    bottlenecks = [
        f for f in findings if f.rule == "conversion-off-target" and f.impact is not None
        and not is_minor(f.impact, actual.goals)
    ]
    bottlenecks.sort(key=lambda f: -(f.impact or 0.0))
    edge_ids = [e.id for e in diagram.edges]
    node_ids = graph.node_ids
    return Checklist(
        diagram=diagram,
        lang=lang,
        volumes={s: dict(zip(node_ids, sol.volume, strict=True)) for s, sol in solutions.items()},
        flows={s: dict(zip(edge_ids, sol.flow, strict=True)) for s, sol in solutions.items()},
        conversions={
            s: {e: (0.0 if i in sol.dropped else c)
                for i, (e, c) in enumerate(zip(edge_ids, sol.conversion, strict=True))}
            for s, sol in solutions.items()
        },
        goals={s: sol.goals for s, sol in solutions.items()},
        revenue={s: sol.revenue for s, sol in solutions.items()},
        cycle_time={s: (path.days if path is not None else None) for s, path in cycle.items()},
        channels=channels,
        findings=findings,
        bottlenecks=[f for f in bottlenecks if (f.impact or 0.0) > 0][:TOP_BOTTLENECKS],
        summary=summarise(findings),
        internals=Internals(graph, solutions),
    )


def apply_settings(findings: list[Finding], settings: ChecklistSettings) -> list[Finding]:
    """The findings as this diagram's `checklist:` settings say: disabled rules dropped,
    severities changed (SPEC §4: after the minor-finding rule)."""
    if settings.is_empty:
        return findings
    kept = []
    for finding in findings:
        severity = settings.severity_of(finding.rule, finding.severity)
        if severity is None:
            continue
        kept.append(finding if severity == finding.severity
                    else dataclasses.replace(finding, severity=severity))
    return kept
