"""The result of analysing one diagram: numbers, findings, and the JSON object of SPEC §5."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.analysis.metrics import Channel
from app.model import Diagram

SEVERITIES = ("error", "warning", "info")
#: how many conversion-off-target findings the checklist opens with
TOP_BOTTLENECKS = 5
#: JSON numbers are rounded to this many decimals to hide float noise
JSON_DECIMALS = 6


@dataclass(frozen=True)
class Finding:
    """One checklist item: rule id, severity, what it is about, the message, its impact."""

    rule: str
    severity: str
    target: str | None
    message: str
    impact: float | None = None
    #: the fallback plan sentence at the end of `message` ("" if none): printed once per
    #: group in the checklist people read, kept in the message of JSON and CSV
    plan: str = field(default="", compare=False)
    #: the start of `message` that names what it is about ("Paid ads (Ann, Marketing): ")
    subject: str = field(default="", compare=False)

    @property
    def detail(self) -> str:
        """The message without its subject and its fallback plan, for a grouped checklist."""
        text = self.message
        if self.plan and text.endswith(self.plan):
            text = text[: len(text) - len(self.plan)]
        if self.subject and text.startswith(self.subject) and len(text) > len(self.subject):
            text = text[len(self.subject):].strip()
            text = text[:1].upper() + text[1:]
        return text.strip()

    def to_json(self) -> dict[str, Any]:
        """The finding as in `check --format json`."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "target": self.target,
            "message": self.message,
            "impact": json_number(self.impact),
        }


def sort_key(finding: Finding) -> tuple[Any, ...]:
    """SPEC §5 order: severity, then impact (largest first, none last), rule, target, message."""
    has_impact = finding.impact is not None
    return (
        SEVERITIES.index(finding.severity),
        0 if has_impact else 1,
        -(finding.impact or 0.0),
        finding.rule,
        finding.target or "",
        finding.message,
    )


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in the order the checklist shows them."""
    return sorted(findings, key=sort_key)


@dataclass(frozen=True)
class Checklist:
    """Everything `analyze` computed for one diagram snapshot, in one language."""

    diagram: Diagram
    lang: str
    volumes: dict[str, dict[str, float]]
    flows: dict[str, dict[str, float]]
    conversions: dict[str, dict[str, float]]
    goals: dict[str, float]
    revenue: dict[str, float]
    cycle_time: dict[str, float | None]
    channels: list[Channel]
    findings: list[Finding]
    bottlenecks: list[Finding]
    summary: dict[str, int]
    #: solved scenarios and the graph index, for cheap what-if questions
    internals: Any = field(default=None, repr=False, compare=False)

    def findings_for(self, target: str | None) -> list[Finding]:
        """The findings about one node, edge, lane or owner (None: the whole diagram)."""
        index = self.__dict__.get("_by_target")
        if index is None:
            index = {}
            for finding in self.findings:
                index.setdefault(finding.target, []).append(finding)
            object.__setattr__(self, "_by_target", index)  # built lazily, never changes
        return list(index.get(target, []))

    @property
    def has_errors(self) -> bool:
        return self.summary["error"] > 0

    def to_json(self, file: str) -> dict[str, Any]:
        """Exactly the object of SPEC §5 for this report, read from `file`."""
        return {
            "file": file,
            "title": self.diagram.title,
            "period": self.diagram.period.value,
            "summary": dict(self.summary),
            "goals": _numbers(self.goals),
            "volumes": {s: _numbers(v) for s, v in self.volumes.items()},
            "cycle_time": _numbers(self.cycle_time),
            "channels": [
                {
                    "entry": c.entry,
                    "cost": json_number(c.cost),
                    "goal_volume": json_number(c.goal_volume),
                    "revenue": json_number(c.revenue),
                    "roi": json_number(c.roi),
                    "cac": json_number(c.cac),
                }
                for c in self.channels
            ],
            "trends": {key: [json_number(v) for v in values]
                       for key, values in series(self.diagram).items()},
            "findings": [f.to_json() for f in self.findings],
        }


def series(diagram: Diagram) -> dict[str, list[float]]:
    """The trends of SPEC §6 (imported late: most reports have no history)."""
    from app.analysis.trends import series as trend_series

    return trend_series(diagram)


def json_number(value: float | None) -> float | None:
    """A float rounded for JSON (no -0.0, no 0.30000000000000004); None stays None."""
    if value is None or not math.isfinite(value):
        return None  # JSON has no Infinity or NaN
    rounded = round(float(value), JSON_DECIMALS)
    return rounded + 0.0  # turns -0.0 into 0.0


def _numbers(values: Mapping[str, float | None]) -> dict[str, float | None]:
    return {key: json_number(value) for key, value in values.items()}


def summarise(findings: list[Finding]) -> dict[str, int]:
    """Count of findings per severity."""
    return {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}

