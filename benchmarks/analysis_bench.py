"""Time `analyze()` on a generated layered diagram (default 10,000 nodes): median of 3 runs.

    uv run python benchmarks/analysis_bench.py [NODES]

The diagram has lanes, loops (repurchase within a layer pair, referral back a few layers),
KPIs on every step, conversions with targets and actuals, capacities and durations, so every
rule and the loop solver do real work. Building the Diagram is not timed.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from app.analysis import analyze
from app.model import Diagram

WIDTH = 20  # nodes per layer
LANES = ("marketing", "sales", "service", "tech")


def layered_diagram(count: int, seed: int = 7) -> Diagram:
    """A funnel of `count` nodes in layers of WIDTH, with loops every few layers."""
    rng = random.Random(seed)
    layers = max(2, count // WIDTH)
    nodes, edges = [], []
    for layer in range(layers):
        for k in range(WIDTH):
            node_id = f"n{layer}_{k}"
            kind = "entry" if layer == 0 else "goal" if layer == layers - 1 else "step"
            node = {
                "id": node_id, "label": f"步骤 {layer}-{k}", "kind": kind,
                "lane": LANES[k % len(LANES)], "owner": f"owner{k % 9}",
                "duration": {"target": 1 + k % 3, "actual": 1 + (k + layer) % 4},
                "kpis": [{"name": "转化率", "target": "20%", "actual": f"{10 + k}%"}],
            }
            if kind == "entry":
                node.update(volume={"target": 1000, "actual": 900}, cost=5000)
            if kind == "goal":
                node.update(value=300)
            if layer % 5 == 2:
                node["capacity"] = 500
            nodes.append(node)
            if layer + 1 < layers:
                targets = rng.sample(range(WIDTH), 2)
                for j, t in enumerate(targets):
                    target = 0.3 + 0.1 * j
                    actual = round(target * rng.uniform(0.6, 1.1), 3)
                    edges.append({
                        "from": node_id, "to": f"n{layer + 1}_{t}",
                        "conversion": {"target": target, "actual": actual},
                    })
    # loops: every 10th layer sends a few people back 2 layers (referral / repurchase)
    for layer in range(3, layers - 1, 10):
        for k in range(0, WIDTH, 4):
            edges.append({"from": f"n{layer}_{k}", "to": f"n{layer - 2}_{(k + 1) % WIDTH}",
                          "conversion": {"target": 0.05, "actual": 0.04}})
    return Diagram.model_validate({
        "funnelflow": 1, "title": "benchmark",
        "lanes": [{"id": lane} for lane in LANES],
        "nodes": nodes, "edges": edges,
    })


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    diagram = layered_diagram(count)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        report = analyze(diagram)
        times.append(time.perf_counter() - start)
    print(f"{len(diagram.nodes)} nodes, {len(diagram.edges)} edges, "
          f"{len(report.findings)} findings: analyze() median {statistics.median(times):.3f} s "
          f"(runs: {', '.join(f'{t:.3f}' for t in times)})")


if __name__ == "__main__":
    main()
