"""The FunnelFlow document model: pure pydantic, no Qt, no yaml, no networkx."""

from app.model.checklist import RULE_IDS, SEVERITY_NAMES, ChecklistSettings
from app.model.diagram import (
    FORMAT_VERSION,
    ID_PATTERN,
    Diagram,
    DiagramRuleError,
    Edge,
    Lane,
    Loc,
    Node,
    NodeKind,
    Period,
    Phase,
    edge_id,
    validation_problems,
)
from app.model.history import EdgeActuals, HistoryEntry, NodeActuals, default_period_label
from app.model.values import KPI, PERCENT_UNIT, Better, Measure, RateMeasure, parse_number

__all__ = [
    "FORMAT_VERSION",
    "ID_PATTERN",
    "KPI",
    "PERCENT_UNIT",
    "RULE_IDS",
    "SEVERITY_NAMES",
    "Better",
    "ChecklistSettings",
    "Diagram",
    "DiagramRuleError",
    "Edge",
    "EdgeActuals",
    "HistoryEntry",
    "NodeActuals",
    "default_period_label",
    "Lane",
    "Loc",
    "Measure",
    "Node",
    "NodeKind",
    "Period",
    "Phase",
    "RateMeasure",
    "edge_id",
    "parse_number",
    "validation_problems",
]
