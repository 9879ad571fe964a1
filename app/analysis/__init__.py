"""Funnel arithmetic and the bottleneck checklist: pure functions of a diagram snapshot.

`analyze(diagram, lang)` gives a Checklist with volumes, goals, revenue, channels, cycle times
and the sorted findings; never imports Qt.
"""

from app.analysis.analyze import analyze
from app.analysis.messages import LANGS
from app.analysis.metrics import Channel
from app.analysis.report import (
    SEVERITIES,
    TOP_BOTTLENECKS,
    Checklist,
    Finding,
    sort_findings,
)
from app.analysis.rules import RULES
from app.analysis.status import OFF, ON, UNMEASURED, edge_status, node_status
from app.analysis.whatif import goal_volume_with

__all__ = [
    "LANGS",
    "OFF",
    "ON",
    "RULES",
    "SEVERITIES",
    "TOP_BOTTLENECKS",
    "UNMEASURED",
    "Channel",
    "Checklist",
    "Finding",
    "analyze",
    "edge_status",
    "goal_volume_with",
    "node_status",
    "sort_findings",
]
