"""Layout: how legible (the shared measure of app.render.measure) and how it scales.

- legibility, per template (en and zh) and summed over 200 generated funnels: the counts that
  must be zero (edges through nodes, labels on nodes / labels / crossed by edges, cut labels,
  labels nearer another edge), and the ones tracked: area per node, bends per edge, crossings.
  `BEFORE` holds the same counts measured on the layout before the routed grid (issue 12),
  `AREA_ROUTED` the area per node on the routed grid before the compact layout.
- scaling: layout of a funnel with N phases (two lanes, a node per phase and lane), time per
  node at N against the same at N/10 (floor): near-linear means a ratio near 1 (issue 17:
  178 s for 5,000 phases before).

    uv run python -m benchmarks.bench_layout          # prints both tables
"""

from __future__ import annotations

import time

from benchmarks.harness import Goal, Row

LEGIBILITY = "legibility"
SCALING = "layout per node, N phases vs N/10"
# Near-linear: the time per node grows a little with memory, not with the size (the layout
# before was quadratic: 0.5 s at 500 phases, 2.8 s at 1,000, 14 s at 2,000).
SCALING_GOAL = Goal("layout per node at 5,000 phases <= 3x that at 500", "ratio", 3.0,
                    size=10000)

#: the counts on the templates before this layout (commit 94c4be9), from the same measure
BEFORE = {
    "en/aarrr": (2, 2, 0, 4, 8, 0, 173106, 0.57, 4),
    "en/email-retention": (2, 0, 0, 11, 7, 0, 139890, 0.79, 6),
    "en/full-funnel": (2, 2, 0, 6, 6, 0, 194126, 0.4, 1),
    "en/lead-nurture": (4, 0, 1, 9, 9, 0, 162518, 0.45, 0),
    "en/lifecycle": (4, 0, 0, 7, 11, 0, 139709, 0.85, 2),
    "zh/aarrr": (2, 2, 0, 4, 1, 0, 173106, 0.57, 4),
    "zh/email-retention": (2, 0, 0, 10, 0, 0, 139890, 0.79, 6),
    "zh/full-funnel": (2, 2, 0, 6, 0, 0, 194126, 0.4, 1),
    "zh/lead-nurture": (4, 0, 1, 9, 0, 0, 162518, 0.45, 0),
    "zh/lifecycle": (4, 0, 0, 7, 1, 0, 139709, 0.85, 2),
    "200 generated": (947, 136, 64, 793, 1199, 0, 19278177 / 200, 113.37 / 200, 755),
}
#: area per node (scene units²) on the routed grid before the compact layout (commit
#: bfb6098: fixed-width nodes, labels wrapped greedily, loop labels in their corridors)
AREA_ROUTED = {
    "en/aarrr": 170378, "en/email-retention": 153777, "en/full-funnel": 186323,
    "en/lead-nurture": 167181, "en/lifecycle": 161737, "en/online-course": 169063,
    "zh/aarrr": 154495, "zh/email-retention": 133158, "zh/full-funnel": 170623,
    "zh/lead-nurture": 152920, "zh/lifecycle": 136026, "zh/online-course": 147493,
    "200 generated": 122774,
}
FIELDS = ("edges_through_nodes", "labels_on_nodes", "labels_on_labels", "labels_crossed",
          "cut_labels", "labels_nearer_other", "area_per_node", "bends_per_edge", "crossings")
SHORT = ("through", "on node", "on label", "crossed", "cut", "nearer other", "area/node",
         "bends/edge", "crossings")


def legibility(count: int = 200) -> dict[str, tuple]:
    """The counts per template and summed (area and bends averaged) over `count` funnels."""
    from app.export.svg_measure import counts_of
    from benchmarks.legibility_cases import generated, templates

    result = {}
    for name, diagram, lang in templates():
        counts = counts_of(diagram, lang).as_dict()
        result[name] = tuple(counts[f] for f in FIELDS)
    total = dict.fromkeys(FIELDS, 0.0)
    for seed in range(count):
        for key, value in counts_of(generated(seed)).as_dict().items():
            total[key] += value
    total["area_per_node"] /= count
    total["bends_per_edge"] /= count
    result[f"{count} generated"] = tuple(total[f] for f in FIELDS)
    return result


def phase_funnel(phases: int):
    """A funnel of `phases` phases, two lanes, one node per phase and lane, with handoffs."""
    from app.model import Diagram

    nodes, edges = [], []
    for i in range(phases):
        for lane in ("a", "b"):
            nodes.append({"id": f"{lane}{i}", "lane": lane, "phase": f"p{i}"})
            if i:
                edges.append({"from": f"{lane}{i - 1}", "to": f"{lane}{i}", "conversion": "50%"})
        if i % 5 == 4:
            edges.append({"from": f"a{i}", "to": f"b{i - 2}"})  # a handoff back
    return Diagram.model_validate({
        "funnelflow": 1, "lanes": [{"id": "a"}, {"id": "b"}],
        "phases": [{"id": f"p{i}", "name": f"Phase {i}"} for i in range(phases)],
        "nodes": nodes, "edges": edges})


def scaling(sizes=(500, 5000), repeat: int = 3) -> list[Row]:
    """Layout time per node at each size against the same at a tenth of it."""
    from app.render.layout import layout

    rows = []
    for n in sizes:
        small, big = phase_funnel(max(n // 10, 1)), phase_funnel(n)
        per = {}
        for key, diagram in (("small", small), ("big", big)):
            runs = []
            for _ in range(repeat):
                start = time.perf_counter()
                layout(diagram)
                runs.append(time.perf_counter() - start)
            per[key] = sorted(runs)[len(runs) // 2] / len(diagram.nodes)
        rows.append(Row(SCALING, 2 * n, per["big"], per["small"],
                        f"per node at {n // 10:,} phases", SCALING_GOAL if n == 5000 else None,
                        note=f"{n:,} phases", runs=repeat))
    return rows


def run(repeat: int = 3, quick: bool = False) -> list[Row]:
    """Rows for docs/performance.md: scaling, and the legibility counts as notes."""
    rows = scaling((200,) if quick else (500, 5000), repeat=repeat)
    for name, counts in legibility(10 if quick else 200).items():
        text = ", ".join(f"{label} {value:,.4g}" for label, value in zip(SHORT, counts,
                                                                         strict=True))
        before = BEFORE.get(name)
        if before is not None:
            text += " (before: " + ", ".join(f"{v:,.4g}" for v in before) + ")"
        if name in AREA_ROUTED:
            text += f"; area/node {_compaction(name, counts)}"
        rows.append(Row(f"{LEGIBILITY}: {name}", None, note=text))
    return rows


def _compaction(name: str, counts: tuple) -> str:
    """ "186,323 -> 167,286 (-10.2%)": the area per node before the compact layout and now."""
    was, now = AREA_ROUTED[name], counts[FIELDS.index("area_per_node")]
    return f"{was:,.0f} -> {now:,.0f} ({now / was - 1:+.1%})"


def _main() -> None:
    counts = legibility()
    print(f"{'diagram':22}" + "".join(f"{s:>14}" for s in SHORT))
    for name, values in counts.items():
        print(f"{name:22}" + "".join(f"{v:>14,.4g}" for v in values))
        if name in BEFORE:
            print(f"{'  before':22}" + "".join(f"{v:>14,.4g}" for v in BEFORE[name]))
    print("\narea per node: routed grid before the compact layout -> now")
    for name, values in counts.items():
        if name in AREA_ROUTED:
            print(f"{name:22}{_compaction(name, values)}")
    for row in scaling():
        print(f"{row.name} at {row.note}: {row.subject * 1e6:.0f} us/node vs "
              f"{row.floor * 1e6:.0f} us/node (ratio {row.ratio:.2f})")


if __name__ == "__main__":
    _main()
