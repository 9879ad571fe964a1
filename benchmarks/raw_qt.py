"""The raw-Qt floor: the same diagram as Qt's own C++ items, no Python code in paint().

Per node a QGraphicsRectItem and a QGraphicsSimpleTextItem (its label), per edge a
QGraphicsPathItem (a cubic curve between the same boxes), per lane and phase a rectangle: what
Qt alone can do with this many items, the yardstick for the canvas and the PNG export.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)


def qt_app() -> QApplication:
    """The one QApplication of this process (offscreen unless a platform was chosen)."""
    return QApplication.instance() or QApplication(["funnelflow-benchmarks"])


def raw_scene(diagram, geometry) -> QGraphicsScene:  # noqa: ANN001 - Diagram, Layout
    """The diagram drawn with stock Qt items; pens, brushes and the font made once."""
    scene = QGraphicsScene()
    b = geometry.bounds
    scene.setSceneRect(QRectF(b.x, b.y, b.w, b.h).adjusted(-200, -200, 200, 200))
    band_pen, band_brush = QPen(QColor("#D0D7DE")), QBrush(QColor("#F6F8FA"))
    for band in (*geometry.lanes, *geometry.phases):
        r = band.rect
        item = scene.addRect(QRectF(r.x, r.y, r.w, r.h), band_pen, band_brush)
        item.setZValue(0)
    node_pen, node_brush = QPen(QColor("#2E86DE"), 1.5), QBrush(QColor("#FFFFFF"))
    font = QFont()
    font.setPixelSize(13)
    selectable = QGraphicsItem.ItemIsSelectable
    for node in diagram.nodes:
        r = geometry.nodes[node.id]
        box = QGraphicsRectItem(0, 0, r.w, r.h)
        box.setPos(r.x, r.y)
        box.setPen(node_pen)
        box.setBrush(node_brush)
        box.setFlags(selectable | QGraphicsItem.ItemIsMovable)
        box.setZValue(2)
        scene.addItem(box)
        label = QGraphicsSimpleTextItem(node.label or node.id, box)
        label.setFont(font)
        label.setPos(8, 8)
    edge_pen = QPen(QColor("#57606A"), 1.5)
    edge_pen.setCapStyle(Qt.RoundCap)
    for edge in diagram.edges:
        src, dst = geometry.nodes[edge.source], geometry.nodes[edge.target]
        start, end = QPointF(src.right, src.cy), QPointF(dst.x, dst.cy)
        dx = max(40.0, abs(end.x() - start.x()) / 2)
        path = QPainterPath(start)
        path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end)
        item = QGraphicsPathItem(path)
        item.setPen(edge_pen)
        item.setFlags(selectable)
        item.setZValue(1)
        scene.addItem(item)
    return scene
