"""Sizes and colours shared by the canvas and every exporter, so both draw the same picture."""

from __future__ import annotations

# Scene units are pixels at 100% zoom.
NODE_WIDTH = 164.0
NODE_HEIGHT = 76.0
COLUMN_WIDTH = 312.0  # node plus room for an edge label between columns
# An edge label plate must fit in the gap between two neighbouring columns.
EDGE_LABEL_MAX_WIDTH = 92.0
ROW_HEIGHT = 104.0  # node plus room for a handoff label between rows
LANE_HEADER_WIDTH = 132.0
PHASE_HEADER_HEIGHT = 36.0
LANE_PADDING = 18.0
PHASE_PADDING = 30.0
MIN_LANE_HEIGHT = ROW_HEIGHT + 2 * LANE_PADDING - 28.0
MIN_PHASE_WIDTH = COLUMN_WIDTH
GRID = 8.0

FONT_LABEL_PX = 14.0
FONT_SMALL_PX = 11.5
FONT_HEADER_PX = 14.0
FONT_EDGE_PX = 11.5
# Below this on-screen text height the canvas skips text (level of detail).
MIN_READABLE_PX = 4.5

# Lane colours used when a lane has none: soft, distinct, readable under black text.
LANE_PALETTE = (
    "#2E86DE",
    "#10AC84",
    "#F368E0",
    "#FF9F43",
    "#8395A7",
    "#5F27CD",
    "#EE5253",
    "#0ABDE3",
)

INK = "#1F2933"
MUTED_INK = "#52606D"
CANVAS = "#FFFFFF"
GRID_INK = "#E4E7EB"
HEADER_FILL = "#F5F7FA"
NODE_FILL = {
    "entry": "#E8F1FD",
    "step": "#FFFFFF",
    "decision": "#FFF7E6",
    "goal": "#E6F7EF",
    "exit": "#FDECEC",
}
NODE_BORDER = {
    "entry": "#2E86DE",
    "step": "#52606D",
    "decision": "#D68910",
    "goal": "#1E8449",
    "exit": "#C0392B",
}
# KPI status: colour *and* shape, never colour alone (see status_glyph in shapes).
STATUS_COLOR = {"on": "#1E8449", "off": "#C0392B", "unmeasured": "#8395A7"}
SEVERITY_COLOR = {"error": "#C0392B", "warning": "#D68910", "info": "#2E86DE"}
EDGE_COLOR = {"on": "#1E8449", "off": "#C0392B", "unmeasured": "#7B8794"}
HANDOFF_DASH = (6.0, 4.0)
SELECTION = "#F39C12"
# Edge thickness when drawn in proportion to actual flow.
EDGE_MIN_WIDTH = 1.2
EDGE_MAX_WIDTH = 9.0


def lane_color(index: int, color: str | None) -> str:
    """A lane's own colour, or a palette colour chosen by its position."""
    return color or LANE_PALETTE[index % len(LANE_PALETTE)]


def tint(color: str, amount: float) -> str:
    """`color` mixed with white: amount 0 keeps it, 1 gives white (lane band fills)."""
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (red, green, blue)]
    return "#{:02X}{:02X}{:02X}".format(*mix)
