"""The rule registry: a checklist rule is one small function registered under its id.

Adding a rule = a function decorated with `@rule("id", "severity")` in one of the rule
modules + its tests. A rule yields Findings and never raises for a valid diagram.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.analysis.report import SEVERITIES, Finding
from app.analysis.rules.context import Context

Check = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A checklist rule of SPEC §4: its id, default severity and check function."""

    id: str
    severity: str
    check: Check


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str) -> Callable[[Check], Check]:
    """Register `check` as the rule `rule_id` with its default `severity`."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, check)
        return check

    return register


def run_rules(context: Context, only: Iterable[str] | None = None) -> list[Finding]:
    """Every finding of every registered rule (or of the rules named in `only`), unsorted."""
    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for rule_id, entry in RULES.items():
        if wanted is None or rule_id in wanted:
            findings.extend(entry.check(context))
    return findings
