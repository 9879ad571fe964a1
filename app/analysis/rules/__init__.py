"""The bottleneck checklist rules of SPEC §4, one function each, in a registry."""

from app.analysis.rules import flow, measurement, people, structure, trend  # noqa: F401
from app.analysis.rules.context import Context
from app.analysis.rules.registry import RULES, Rule, rule, run_rules

__all__ = ["RULES", "Context", "Rule", "rule", "run_rules"]
