"""The status bar: goal volume actual vs target for the period, refusals, and the zoom level."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.render.labels import format_count
from app.ui.panels.checklist import period_phrase

#: how long a refusal or a "saved" message stays (ms)
MESSAGE_MS = 8000


def goal_text(report) -> str:
    """"Goal: 64 / 120 per month (53%)" from a report; "" when the diagram has no goal."""
    if report is None or not any(n.kind.value == "goal" for n in report.diagram.nodes):
        return ""
    actual, target = report.goals["actual"], report.goals["target"]
    share = f"{actual / target * 100:.0f}" if target else "–"
    return (QCoreApplication.translate("StatusBar", "Goal: %1 / %2 %3 (%4%)")
            .replace("%1", format_count(actual)).replace("%2", format_count(target))
            .replace("%3", period_phrase(report.diagram.period.value)).replace("%4", share))


class StatusBar(QStatusBar):
    """Permanent goal and zoom labels; messages (refusals in red) on the left."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.goal = QLabel(self)
        self.goal.setObjectName("goal")
        self.zoom = QLabel(self)
        self.zoom.setObjectName("zoom")
        self.addPermanentWidget(self.goal)
        self.addPermanentWidget(self.zoom)
        self._report = None
        self._zoom = 1.0
        self.messageChanged.connect(self._plain_when_empty)
        self.retranslate()

    def show_report(self, report) -> None:
        self._report = report
        self.goal.setText(goal_text(report))

    def show_zoom(self, factor: float) -> None:
        self._zoom = factor
        self.zoom.setText(self.tr("Zoom %1%").replace("%1", f"{factor * 100:.0f}"))

    def refuse(self, message: str) -> None:
        """An illegal edit: its reason, in red, for a while."""
        self.setStyleSheet("QStatusBar { color: #C0392B; }")
        self.showMessage(message, MESSAGE_MS)

    def inform(self, message: str) -> None:
        self.setStyleSheet("")
        self.showMessage(message, MESSAGE_MS)

    def _plain_when_empty(self, text: str) -> None:
        if not text:
            self.setStyleSheet("")

    def retranslate(self) -> None:
        self.show_report(self._report)
        self.show_zoom(self._zoom)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
