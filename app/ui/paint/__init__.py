"""The one place that draws a diagram with QPainter: canvas items and PNG/PDF exports alike.

Drawing is split in two. A *look* (`node_look`, `edge_look`) is everything one item draws,
worked out once when its node or edge changes: paths, pens, elided texts and their positions.
`paint_node` / `paint_edge` / `paint_lane` / `paint_phase` then only replay it, so a repaint
allocates nothing and the canvas and an export, which call the same functions, cannot draw
differently. Below a readable text size (theme.MIN_READABLE_PX on screen) text and
decorations are skipped.
"""

from app.ui.paint.band import paint_lane, paint_phase
from app.ui.paint.diagram import diagram_bounds, paint_diagram
from app.ui.paint.edge import EdgeLook, edge_look, paint_edge, paint_edge_label
from app.ui.paint.icons import kind_icon
from app.ui.paint.node import (
    NodeLook,
    node_handle_margin,
    node_look,
    outline_paths,
    paint_node,
    paint_outline,
)
from app.ui.paint.styles import (
    Styles,
    append_commands,
    path_from_commands,
    styles,
    text_draws,
)

__all__ = [
    "EdgeLook", "NodeLook", "Styles", "append_commands", "diagram_bounds", "edge_look",
    "kind_icon", "node_handle_margin", "node_look", "outline_paths",
    "paint_diagram", "paint_edge", "paint_edge_label", "paint_lane", "paint_node",
    "paint_outline", "paint_phase",
    "path_from_commands", "styles", "text_draws",
]
