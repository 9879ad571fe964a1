"""The columns of the KPI table (SPEC §6): what `export .csv/.xlsx` writes and what
`funnelflow actuals` reads back, so export, fill in, import is a round trip.

Here, in the file layer, because both sides need it: the import (app.io.actuals) may not
reach up into app.export, which writes the table.
"""

from __future__ import annotations

# `trend` is the direction of the last step over the closed periods; `id` names the node or
# edge so that the table, filled in, imports back (`funnelflow actuals`, SPEC §6).
COLUMNS = ("node", "lane", "phase", "owner", "metric", "target", "actual", "unit", "status",
           "gap", "trend", "id")
HEADERS = {
    "en": COLUMNS,
    "zh": ("节点", "泳道", "阶段", "负责人", "指标", "目标", "实际", "单位", "状态", "差距",
           "趋势", "id"),
}
# The metric cell of a node's volume row and of an edge's conversion row.
CONVERSION = {"en": "conversion", "zh": "转化率"}
VOLUME = {"en": "volume", "zh": "人数"}
