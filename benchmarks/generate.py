"""Realistic synthetic diagrams for benchmarks: lanes, phases, loops, KPIs, Chinese labels.

`synthetic_diagram(n)` returns the raw document (plain dicts, as a YAML file would hold it), so
a benchmark can time validation, saving and loading separately. Deterministic for a given n.
"""

from __future__ import annotations

import random

LANES = [("marketing", "市场部"), ("content", "内容部"), ("sales", "销售部"),
         ("service", "客服部"), ("tech", "技术部"), ("product", "产品部")]
PHASES = [("awareness", "认知期"), ("consideration", "考虑期"),
          ("decision", "决策期"), ("loyalty", "忠诚期")]
STEP_NAMES = ["内容下载", "欢迎邮件", "线索评分", "产品演示", "报价跟进", "合同谈判",
              "社群运营", "会员激活", "复购提醒", "推荐有礼", "落地页", "试用开通"]
OWNERS = ["市场经理", "内容编辑", "销售代表", "客服专员", "增长分析师", "投放经理", "产品经理"]
KPI_NAMES = [("转化率", True), ("点击率", True), ("打开率", True), ("获客成本", False),
             ("净推荐值", False)]


def _lane_index(layer: int, k: int, layers: int, lanes: int) -> int:
    """Departments own stretches of the funnel: every lanes-th of the layers shifts one lane,
    so about a third of the edges are handoffs between lanes, as in real funnels."""
    return (k + layer * lanes // layers) % lanes


def synthetic_diagram(n: int, *, seed: int = 7, loops: bool = True) -> dict:
    """A layered funnel of about `n` nodes: entries on the left, goals and exits on the right."""
    rng = random.Random(seed)
    lanes = LANES[: 4 if n < 1000 else 6]
    layers = max(8, round(n ** 0.5 / 2))
    per_layer = [n // layers + (1 if i < n % layers else 0) for i in range(layers)]
    nodes: list[dict] = []
    layer_ids: list[list[str]] = []
    for layer, count in enumerate(per_layer):
        ids = []
        for k in range(count):
            node_id = f"n{layer}-{k}"
            kind = "entry" if layer == 0 else "step"
            if layer == layers - 1:
                kind = "goal" if k % 3 else "exit"
            elif layer > 0 and k % 11 == 5:
                kind = "decision"
            phase = PHASES[min(len(PHASES) - 1, layer * len(PHASES) // layers)][0]
            node = {
                "id": node_id,
                "label": f"{rng.choice(STEP_NAMES)} {layer}.{k}",
                "kind": kind,
                "lane": lanes[_lane_index(layer, k, layers, len(lanes))][0],
                "phase": phase,
                "owner": rng.choice(OWNERS),
            }
            if kind == "entry":
                node["volume"] = rng.randrange(1000, 20000, 100)
                node["cost"] = rng.randrange(5000, 60000, 500)
            if kind == "goal":
                node["value"] = rng.randrange(200, 3000, 50)
            if k % 4 == 0:
                node["duration"] = {"target": rng.randint(1, 5), "actual": rng.randint(1, 8)}
            if kind != "exit":
                name, higher = rng.choice(KPI_NAMES)
                target = round(rng.uniform(0.05, 0.4), 3) if higher else rng.randint(50, 500)
                actual = round(target * rng.uniform(0.6, 1.2), 3 if higher else 0)
                node["kpis"] = [{"name": name, "target": target, "actual": actual,
                                 "better": "higher" if higher else "lower"}]
            nodes.append(node)
            ids.append(node_id)
        layer_ids.append(ids)

    edges: list[dict] = []
    for layer in range(layers - 1):
        nxt = layer_ids[layer + 1]
        for k, source in enumerate(layer_ids[layer]):
            fan = 2 if k % 11 == 5 else rng.choice((1, 1, 2))
            # Mostly along the same lane (a department works its stretch of the funnel);
            # a decision's second branch crosses to the next lane.
            step = len(lanes) * 2
            targets = sorted({nxt[(k + j * (1 if k % 11 == 5 else step)) % len(nxt)]
                              for j in range(fan)})
            share = 0.9 / len(targets)
            for target in targets:
                target_rate = round(rng.uniform(0.3, 1.0) * share, 4)
                actual_rate = round(target_rate * rng.uniform(0.5, 1.15), 4)
                edges.append({"from": source, "to": target,
                              "conversion": {"target": target_rate,
                                             "actual": min(actual_rate, share)}})
    if loops:  # referral loops: some goals send a few people back to acquisition
        goals = [nid for nid in layer_ids[-1] if int(nid.split("-")[1]) % 3]
        for i, goal in enumerate(goals[:: max(1, len(goals) // 20)]):
            entry = layer_ids[0][i % len(layer_ids[0])]
            edges.append({"from": goal, "to": entry, "conversion": {"target": 0.08,
                                                                    "actual": 0.05}})
    return {
        "funnelflow": 1,
        "title": f"合成漏斗 {n} 节点",
        "period": "month",
        "currency": "CNY",
        "lanes": [{"id": i, "name": name} for i, name in lanes],
        "phases": [{"id": i, "name": name} for i, name in PHASES],
        "nodes": nodes,
        "edges": edges,
    }


def loop_heavy_diagram(n: int, *, seed: int = 11) -> dict:
    """`synthetic_diagram(n)` whose loops tie nearly every node into one strongly connected
    component: every goal refers people back to an entry, and every step sends a few back to
    the step before it in its lane (rework, retries); every third of those has no conversion
    and takes the remainder. The shape that made `check` quadratic (issue 17)."""
    rng = random.Random(seed)
    document = synthetic_diagram(n, loops=False)
    nodes = document["nodes"]
    by_layer: dict[int, list[dict]] = {}
    for node in nodes:
        by_layer.setdefault(int(node["id"][1:].split("-")[0]), []).append(node)
    entries = by_layer[0]
    edges = document["edges"]
    for layer, members in sorted(by_layer.items()):
        for k, node in enumerate(members):
            if node["kind"] == "goal":
                entry = entries[k % len(entries)]["id"]
                edges.append({"from": node["id"], "to": entry,
                              "conversion": {"target": 0.1, "actual": 0.06}})
            elif layer > 0 and node["kind"] != "exit":
                before = by_layer[layer - 1]
                edge = {"from": node["id"], "to": before[k % len(before)]["id"]}
                if k % 3:
                    rate = round(rng.uniform(0.02, 0.08), 3)
                    edge["conversion"] = {"target": rate, "actual": round(rate * 1.2, 3)}
                edges.append(edge)
    document["title"] = f"合成循环漏斗 {n} 节点"
    return document
