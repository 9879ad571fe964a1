"""View → Dashboard (SPEC §6): goal over the periods, channel ROI and CAC, volumes along the
funnel. Charts by pyqtgraph, imported when the dashboard is first built (start-up and
`check` never load it); `render_dashboard` paints the same charts onto a PDF page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from app.analysis.dashboard import DashboardData, dashboard_data
from app.model import Diagram

TARGET_COLOR = "#9AA5B1"
ACTUAL_COLOR = "#2E86DE"
ROI_COLOR = "#27AE60"
CAC_COLOR = "#E67E22"

translate = QCoreApplication.translate


class DashboardView(QWidget):
    """The three charts of one diagram; `data` is what they show (tests read it)."""

    def __init__(self, diagram: Diagram, parent: QWidget | None = None):
        super().__init__(parent)
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        self.layout_widget = pg.GraphicsLayoutWidget(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.layout_widget)
        self.data: DashboardData | None = None
        self.plots: dict[str, Any] = {}
        self.show_diagram(diagram)

    def show_diagram(self, diagram: Diagram) -> None:
        """Chart `diagram` (again, after an edit or an import)."""
        self.data = dashboard_data(diagram)
        self.layout_widget.clear()
        self.plots = build_charts(self.layout_widget, self.data)


def build_charts(layout: Any, data: DashboardData) -> dict[str, Any]:
    """Add the three charts to a pyqtgraph GraphicsLayout; returns them by name."""
    import pyqtgraph as pg

    periods = [p or translate("Dashboard", "today") for p in data.periods]
    goal = layout.addPlot(
        row=0, col=0, colspan=2, title=translate("Dashboard", "Goal per period: target vs actual")
    )
    goal.addLegend(offset=(-10, 10))
    xs = list(range(len(periods)))
    goal.plot(
        xs,
        list(data.goal_target),
        pen=pg.mkPen(TARGET_COLOR, width=2, style=Qt.PenStyle.DashLine),
        name=translate("Dashboard", "target"),
    )
    goal.plot(
        xs,
        list(data.goal_actual),
        pen=pg.mkPen(ACTUAL_COLOR, width=3),
        symbol="o",
        symbolBrush=ACTUAL_COLOR,
        symbolSize=7,
        name=translate("Dashboard", "actual"),
    )
    goal.getAxis("bottom").setTicks([list(enumerate(periods))])
    goal.showGrid(y=True, alpha=0.2)

    roi = layout.addPlot(row=1, col=0, title=translate("Dashboard", "Channel ROI"))
    cac = layout.addPlot(row=1, col=1, title=translate("Dashboard", "Channel CAC"))
    names = list(enumerate(data.channels))
    roi.addItem(
        pg.BarGraphItem(
            x=list(range(len(data.channels))),
            width=0.6,
            height=[100 * (v or 0.0) for v in data.roi],
            brush=ROI_COLOR,
        )
    )
    roi.getAxis("left").setLabel("%")
    cac.addItem(
        pg.BarGraphItem(
            x=list(range(len(data.channels))),
            width=0.6,
            height=[v or 0.0 for v in data.cac],
            brush=CAC_COLOR,
        )
    )
    for plot in (roi, cac):
        plot.getAxis("bottom").setTicks([names])
        plot.showGrid(y=True, alpha=0.2)

    funnel = layout.addPlot(
        row=2,
        col=0,
        colspan=2,
        title=translate("Dashboard", "Volumes along the funnel: target vs actual"),
    )
    funnel.addLegend(offset=(-10, 10))
    count = len(data.steps)
    funnel.addItem(
        pg.BarGraphItem(
            x=[i - 0.2 for i in range(count)],
            width=0.38,
            height=list(data.volume_target),
            brush=TARGET_COLOR,
            name=translate("Dashboard", "target"),
        )
    )
    funnel.addItem(
        pg.BarGraphItem(
            x=[i + 0.2 for i in range(count)],
            width=0.38,
            height=list(data.volume_actual),
            brush=ACTUAL_COLOR,
            name=translate("Dashboard", "actual"),
        )
    )
    funnel.setLogMode(y=False)
    # every other step on a second row, so that long names along the funnel do not overlap
    funnel.getAxis("bottom").setTicks([[(i, _short(n)) for i, n in enumerate(data.steps)
                                        if i % 2 == 0],
                                       [(i, _short(n)) for i, n in enumerate(data.steps)
                                        if i % 2 == 1]])
    funnel.showGrid(y=True, alpha=0.2)
    for plot in (goal, roi, cac, funnel):
        plot.getAxis("left").enableAutoSIPrefix(False)  # 1,500 as such, not "1.5" and x1000
        plot.getAxis("left").setWidth(60)  # room for 90000: pyqtgraph drops labels that overflow
    return {"goal": goal, "roi": roi, "cac": cac, "funnel": funnel}


def _short(name: str, width: int = 14) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


class DashboardDialog(QDialog):
    """A window with the dashboard that follows the document as it changes."""

    def __init__(self, session: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Dashboard", "Dashboard"))
        self.session = session
        self.view = DashboardView(session.diagram, self)
        box = QVBoxLayout(self)
        box.addWidget(self.view)
        self.resize(900, 760)
        session.changed.connect(self._refresh)
        session.document_replaced.connect(self._refresh)

    def _refresh(self, *_: object) -> None:
        if self.isVisible():
            self.view.show_diagram(self.session.diagram)


def render_dashboard(painter: QPainter, rect: QRectF, diagram: Diagram) -> None:
    """Paint the dashboard's charts into `rect` (a PDF page) with the same library."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#333")
    view = pg.GraphicsLayoutWidget()
    view.resize(int(rect.width()), int(rect.height()))
    build_charts(view.ci, dashboard_data(diagram))
    view.setBackground(QColor("white"))
    view.ci.setGeometry(QRectF(0, 0, rect.width(), rect.height()))
    view.scene().render(painter, rect, QRectF(0, 0, rect.width(), rect.height()))
    view.deleteLater()
