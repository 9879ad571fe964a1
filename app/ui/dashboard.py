"""View → Dashboard (SPEC §6): goal over the periods, channel ROI and CAC, volumes along the
funnel. Charts by pyqtgraph, imported when the dashboard is first built (start-up and
`check` never load it); `render_dashboard` paints the same charts onto a PDF page.
"""

from __future__ import annotations

import math
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


# The charts' words for the PDF page, which is written without the designer's translator
PAGE_WORDS = {
    "en": {"today": "today", "goal": "Goal per period: target vs actual", "target": "target",
           "actual": "actual", "roi": "Channel ROI", "cac": "Channel CAC",
           "funnel": "Volumes along the funnel: target vs actual"},
    "zh": {"today": "本期", "goal": "各期目标达成：目标 vs 实际", "target": "目标",
           "actual": "实际", "roi": "渠道投资回报率（ROI）", "cac": "渠道获客成本（CAC）",
           "funnel": "漏斗各步人数：目标 vs 实际"},
}


def screen_words() -> dict[str, str]:
    """The charts' words in the designer's current language."""
    return {
        "today": translate("Dashboard", "today"),
        "goal": translate("Dashboard", "Goal per period: target vs actual"),
        "target": translate("Dashboard", "target"),
        "actual": translate("Dashboard", "actual"),
        "roi": translate("Dashboard", "Channel ROI"),
        "cac": translate("Dashboard", "Channel CAC"),
        "funnel": translate("Dashboard", "Volumes along the funnel: target vs actual"),
    }


def build_charts(layout: Any, data: DashboardData,
                 words: dict[str, str] | None = None) -> dict[str, Any]:
    """Add the three charts to a pyqtgraph GraphicsLayout; returns them by name."""
    import pyqtgraph as pg

    w = words or screen_words()

    periods = [p or w["today"] for p in data.periods]
    goal = layout.addPlot(
        row=0, col=0, colspan=2, title=w["goal"]
    )
    goal.addLegend(offset=(-10, 10))
    xs = list(range(len(periods)))
    goal.plot(
        xs,
        list(data.goal_target),
        pen=pg.mkPen(TARGET_COLOR, width=2, style=Qt.PenStyle.DashLine),
        name=w["target"],
    )
    goal.plot(
        xs,
        list(data.goal_actual),
        pen=pg.mkPen(ACTUAL_COLOR, width=3),
        symbol="o",
        symbolBrush=ACTUAL_COLOR,
        symbolSize=7,
        name=w["actual"],
    )
    goal.getAxis("bottom").setTicks([list(enumerate(periods))])
    goal.showGrid(y=True, alpha=0.2)

    roi = layout.addPlot(row=1, col=0, title=w["roi"])
    cac = layout.addPlot(row=1, col=1, title=w["cac"])
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
        title=w["funnel"],
    )
    funnel.addLegend(offset=(-10, 10))
    count = len(data.steps)
    funnel.addItem(
        pg.BarGraphItem(
            x=[i - 0.2 for i in range(count)],
            width=0.38,
            height=[log_people(v) for v in data.volume_target],
            brush=TARGET_COLOR,
            name=w["target"],
        )
    )
    funnel.addItem(
        pg.BarGraphItem(
            x=[i + 0.2 for i in range(count)],
            width=0.38,
            height=[log_people(v) for v in data.volume_actual],
            brush=ACTUAL_COLOR,
            name=w["actual"],
        )
    )
    # A funnel narrows a hundredfold: on a log scale the last steps are as readable as the
    # first (bars are log10 of people, ticks say the people).
    top = max([1.0, *data.volume_target, *data.volume_actual])
    funnel.getAxis("left").setTicks([[(k, f"{10 ** k:,}")
                                      for k in range(int(math.log10(top)) + 1)]])
    # names cut to what fits under a bar pair, so that no label hides its neighbour
    fits = max(4, 110 // max(count, 1))
    funnel.getAxis("bottom").setTicks([[(i, _short(n, fits))
                                        for i, n in enumerate(data.steps)]])
    funnel.showGrid(y=True, alpha=0.2)
    for plot in (goal, roi, cac, funnel):
        plot.getAxis("left").enableAutoSIPrefix(False)  # 1,500 as such, not "1.5" and x1000
        plot.getAxis("left").setWidth(60)  # room for 90000: pyqtgraph drops labels that overflow
    return {"goal": goal, "roi": roi, "cac": cac, "funnel": funnel}


def log_people(value: float) -> float:
    """A bar's height on the funnel chart: log10 of people (1 person at the axis)."""
    return math.log10(value) if value > 1 else 0.0


def _short(name: str, width: int = 14) -> str:
    """`name`, cut with an ellipsis past `width` characters (a Chinese one counts two)."""
    width = width if name.isascii() else max(2, width // 2)
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


def render_dashboard(painter: QPainter, rect: QRectF, diagram: Diagram,
                     lang: str = "en") -> None:
    """Paint the dashboard's charts into `rect` (a PDF page) with the same library."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#333")
    view = pg.GraphicsLayoutWidget()
    view.resize(int(rect.width()), int(rect.height()))
    build_charts(view.ci, dashboard_data(diagram), PAGE_WORDS.get(lang, PAGE_WORDS["en"]))
    view.setBackground(QColor("white"))
    view.ci.setGeometry(QRectF(0, 0, rect.width(), rect.height()))
    view.scene().render(painter, rect, QRectF(0, 0, rect.width(), rect.height()))
    view.deleteLater()
