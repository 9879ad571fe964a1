"""The whole diagram painted without a scene (PNG and PDF exports)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from app.model import Diagram
from app.render import theme
from app.render.layout import Layout, layout
from app.ui.paint.band import paint_lane, paint_phase
from app.ui.paint.edge import edge_look, paint_edge, paint_edge_label
from app.ui.paint.node import node_look, paint_node


def diagram_bounds(diagram: Diagram, geometry: Layout | None = None) -> QRectF:
    """The area `paint_diagram` draws on, in scene units (size an image or a page with it)."""
    b = (geometry or layout(diagram)).bounds
    return QRectF(b.x, b.y, b.w, b.h)


def paint_diagram(painter: QPainter, diagram: Diagram, report=None, lang: str = "en", *,
                  flow_thickness: bool = False, geometry: Layout | None = None) -> None:
    """Paint the whole diagram in scene units, exactly as the canvas shows it (no selection).

    `report` is the analysis of `diagram` (computed here when None). The caller sets up the
    painter's transform (scale to the image or page) and render hints.
    """
    from app.analysis import analyze
    from app.ui.paint.facts import FactBook

    if report is None:
        report = analyze(diagram, lang)
    geometry = geometry or layout(diagram)
    facts = FactBook(diagram, report, lang, flow_thickness)
    painter.fillRect(diagram_bounds(diagram, geometry), QColor(theme.CANVAS))
    for band in geometry.lanes:
        paint_lane(painter, band)
    for band in geometry.phases:
        paint_phase(painter, band)
    nodes = diagram.node_index()
    edge_looks = []
    for edge in diagram.edges:
        route = geometry.routes[edge.id]
        fact = facts.edge(edge)
        handoff = nodes[edge.source].lane != nodes[edge.target].lane
        edge_looks.append(edge_look(edge, route, status=fact.status, width=fact.width,
                                    handoff=handoff, lang=lang, shared=fact.shared))
        paint_edge(painter, edge_looks[-1])
    for node in diagram.nodes:
        rect = geometry.nodes[node.id]
        fact = facts.node(node)
        look = node_look(node, (rect.w, rect.h), status=fact.status, severity=fact.severity,
                         volume=fact.volume, lang=lang)
        painter.save()
        painter.translate(rect.x, rect.y)
        paint_node(painter, look)
        painter.restore()
    for look in edge_looks:  # labels last: the canvas keeps them above the nodes too
        paint_edge_label(painter, look)

