"""Trends of measured values over the closed periods (SPEC §6) and the early warning.

A measure's series is its `history` values, oldest first, then today's actual; a period
that did not measure it is skipped. Keys: a node id (its volume), an edge id `from->to`
(its conversion), `node/KPI` (a KPI).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.model import Better, Diagram, NodeKind

#: the early warning needs this many worse steps in a row (four values)
WORSE_STEPS = 3


@dataclass(frozen=True)
class Trend:
    """One measure's series, and which way is better for it."""

    key: str
    item: str  # the node or edge id a finding is about
    kind: str  # "volume", "conversion" or "kpi"
    values: tuple[float, ...]
    higher_is_better: bool
    kpi: str | None = None

    def worse(self, before: float, after: float) -> bool:
        """Whether going from `before` to `after` is a step for the worse."""
        return after < before if self.higher_is_better else after > before

    @property
    def worsening(self) -> bool:
        """Worse at each of the last three steps."""
        tail = self.values[-(WORSE_STEPS + 1):]
        return len(tail) == WORSE_STEPS + 1 and all(
            self.worse(a, b) for a, b in zip(tail, tail[1:], strict=False))


def trends(diagram: Diagram) -> dict[str, Trend]:
    """Every measure with at least one value in `history`, in file order (nodes, then edges)."""
    if not diagram.history:
        return {}
    found: dict[str, Trend] = {}
    exits = {n.id for n in diagram.nodes if n.kind is NodeKind.exit}
    for node in diagram.nodes:
        past = [e.nodes[node.id] for e in diagram.history if node.id in e.nodes]
        volume = [p.volume for p in past if p.volume is not None]
        if volume:
            today = node.volume.actual if node.volume is not None else None
            found[node.id] = Trend(node.id, node.id, "volume", _series(volume, today), True)
        for kpi in node.kpis:
            values = [p.kpis[kpi.name] for p in past if kpi.name in p.kpis]
            if values:
                key = f"{node.id}/{kpi.name}"
                found[key] = Trend(key, node.id, "kpi", _series(values, kpi.actual),
                                   kpi.better is Better.higher, kpi.name)
    for edge in diagram.edges:
        values = [e.edges[edge.id].conversion for e in diagram.history
                  if edge.id in e.edges and e.edges[edge.id].conversion is not None]
        if values:
            today = edge.conversion.actual if edge.conversion is not None else None
            # a leak into an exit (churn, abandonment) is better when lower
            found[edge.id] = Trend(edge.id, edge.id, "conversion", _series(values, today),
                                   edge.target not in exits)
    return found


def _series(past: list, today: float | None) -> tuple[float, ...]:
    return tuple(past) + ((today,) if today is not None else ())


def series(diagram: Diagram) -> dict[str, list[float]]:
    """`check --format json`'s `trends`: every series by key."""
    return {key: list(trend.values) for key, trend in trends(diagram).items()}


def arrow(values: tuple[float, ...] | list[float]) -> str:
    """The direction of the last step: ↑, ↓ or → (blank with fewer than two values)."""
    if len(values) < 2:
        return ""
    before, after = values[-2], values[-1]
    return "↑" if after > before else "↓" if after < before else "→"
