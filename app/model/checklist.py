"""A diagram's own checklist settings (SPEC §2 `checklist:`), as a linter's config file.

`disable` lists rule ids not to report; `severity` changes a rule's severity in this diagram.
The rule ids are spelled out here because the model may not import the analysis; a test keeps
this list and the analysis' rule registry equal.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field, field_validator

from app.model.values import Frozen

#: every rule of SPEC §4, in the order of its table
RULE_IDS = (
    "no-entry", "unreachable", "dead-end", "decision-branches", "conversion-overflow",
    "loop-gain", "over-capacity", "conversion-off-target", "kpi-off-target", "slow-step",
    "slow-path", "negative-roi", "missing-owner", "unmeasured-handoff", "no-goal",
    "missing-kpi", "kpi-unmeasured", "owner-overload", "empty-lane", "trend-worsening",
)
SEVERITY_NAMES = ("error", "warning", "info")

RuleName = Literal[
    "no-entry", "unreachable", "dead-end", "decision-branches", "conversion-overflow",
    "loop-gain", "over-capacity", "conversion-off-target", "kpi-off-target", "slow-step",
    "slow-path", "negative-roi", "missing-owner", "unmeasured-handoff", "no-goal",
    "missing-kpi", "kpi-unmeasured", "owner-overload", "empty-lane", "trend-worsening",
]
SeverityName = Literal["error", "warning", "info"]
assert get_args(RuleName) == RULE_IDS and get_args(SeverityName) == SEVERITY_NAMES


def _known_rule(value: Any) -> Any:
    if isinstance(value, str) and value not in RULE_IDS:
        raise ValueError(f"unknown rule {value!r}; rules are: {', '.join(RULE_IDS)}")
    return value


def _known_severity(value: Any) -> Any:
    if isinstance(value, str) and value not in SEVERITY_NAMES:
        raise ValueError(f"unknown severity {value!r}; use error, warning or info")
    return value


RuleId = Annotated[RuleName, BeforeValidator(_known_rule)]
Severity = Annotated[SeverityName, BeforeValidator(_known_severity)]


class ChecklistSettings(Frozen):
    """Which rules this diagram does not report, and the severities it gives rules."""

    disable: tuple[RuleId, ...] = Field(default=(), description="rule ids not to report")
    severity: dict[RuleId, Severity] = Field(
        default_factory=dict, description="a rule's severity in this diagram")

    @field_validator("disable")
    @classmethod
    def _once_each(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(value))  # a rule named twice is disabled once

    @property
    def is_empty(self) -> bool:
        return not self.disable and not self.severity

    def severity_of(self, rule: str, default: str) -> str | None:
        """The severity to report `rule` with here, or None when it is disabled."""
        if rule in self.disable:
            return None
        return self.severity.get(rule, default)  # type: ignore[call-overload, no-any-return]

    def __hash__(self) -> int:  # a dict field: hash what it holds
        return hash((self.disable, tuple(sorted(self.severity.items()))))
