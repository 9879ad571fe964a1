"""A sparkline: a measure's series over the closed periods, drawn small beside its value.

Tiny and many (one per KPI row), so it is a plain QPainter polyline over points from
app.render.sparkline rather than a chart widget; the dashboard uses the charting library.
The last point is red when the last step was for the worse, green when for the better.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.analysis.trends import Trend
from app.render.sparkline import sparkline_points

WORSE, BETTER, LINE, FLAT = "#D63031", "#27AE60", "#5D6D7E", "#95A5A6"
SIZE = QSize(64, 18)


class Sparkline(QWidget):
    """The series of one Trend; empty (and narrow) when the measure has no history."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.values: tuple[float, ...] = ()
        self.higher_is_better = True
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(SIZE)

    def set_trend(self, trend: Trend | None, shown: list[str] | None = None) -> None:
        """Show `trend` (None: nothing); `shown` are its values as text, for the tooltip."""
        self.values = trend.values if trend is not None else ()
        self.higher_is_better = trend.higher_is_better if trend is not None else True
        self.setToolTip(" → ".join(shown) if shown and trend is not None else "")
        self.setVisible(bool(self.values))
        self.update()

    def last_step(self) -> str:
        """"worse", "better" or "flat" (the colour of the last point)."""
        if len(self.values) < 2 or self.values[-1] == self.values[-2]:
            return "flat"
        up = self.values[-1] > self.values[-2]
        return "better" if up == self.higher_is_better else "worse"

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        points = [QPointF(x, y) for x, y in
                  sparkline_points(self.values, self.width(), self.height(), pad=3.0)]
        painter.setPen(QPen(QColor(LINE), 1.4))
        painter.drawPolyline(QPolygonF(points))
        color = {"worse": WORSE, "better": BETTER}.get(self.last_step(), FLAT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawEllipse(points[-1], 2.6, 2.6)
        painter.end()
