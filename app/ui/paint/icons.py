"""The palette's node-kind icons, drawn with the canvas's own outlines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from app.render import theme
from app.ui.paint.node import _outlines
from app.ui.paint.styles import _pen


def kind_icon(kind: str, size: int = 32) -> QIcon:
    """An icon of a node kind's outline in its colours, for the palette."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    margin = max(1.0, size / 16)
    # Drawn at the real node size and scaled, so each kind keeps its true proportions.
    scale = (size - 2 * margin) / theme.NODE_WIDTH
    painter.translate(margin, (size - theme.NODE_HEIGHT * scale) / 2)
    painter.scale(scale, scale)
    painter.setPen(_pen(theme.NODE_BORDER[kind], max(1.2, size / 22) / scale))
    painter.setBrush(QBrush(QColor(theme.NODE_FILL[kind])))
    for outline in _outlines(kind, theme.NODE_WIDTH, theme.NODE_HEIGHT):
        painter.drawPath(outline)
    painter.end()
    return QIcon(pixmap)
