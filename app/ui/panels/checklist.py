"""The checklist dock: the top bottlenecks by impact, then every finding by severity.

It shows the latest report of the live checklist; clicking a finding asks the window to
select and centre what it is about. Groups the user collapsed stay collapsed across updates.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

translate = QCoreApplication.translate
FINDING_ROLE = Qt.ItemDataRole.UserRole
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_COLOURS = {"error": "#C0392B", "warning": "#B9770E", "info": "#2874A6",
                    "bottlenecks": "#6C3483"}


def period_phrase(period: str) -> str:
    """"per month" / "每月": how a period follows a number."""
    phrases = {
        "day": translate("Period", "per day"),
        "week": translate("Period", "per week"),
        "month": translate("Period", "per month"),
        "quarter": translate("Period", "per quarter"),
        "year": translate("Period", "per year"),
    }
    return phrases.get(period, period)


def goal_word(report) -> str:
    """What the goal volume counts: the goal's label when there is one goal, else "goals"."""
    goals = [n for n in report.diagram.nodes if n.kind.value == "goal"]
    if len(goals) == 1:
        return goals[0].title
    return translate("Checklist", "goals")


def gain_count(value: float) -> str:
    """A gain in people: whole numbers from 10 up (25), one decimal below (5.3, 0.1)."""
    if abs(value) >= 10:
        return f"{value:,.0f}"
    return f"{value:.1f}".rstrip("0").rstrip(".") if value >= 0.05 else f"{value:.2f}"


def impact_text(finding, report) -> str:
    """"+25 first orders per month": what reaching the target would add."""
    if finding.impact is None:
        return ""
    return (translate("Checklist", "+%1 %2 %3")
            .replace("%1", gain_count(finding.impact))
            .replace("%2", goal_word(report))
            .replace("%3", period_phrase(report.diagram.period.value)))


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped message at the column's current width."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        icon = 0 if index.data(Qt.ItemDataRole.DecorationRole) is None else 24
        width = max(80, self._tree.viewport().width() - self._tree.indentation() * (depth + 1)
                    - icon - 12)
        metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or option.font)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        bounds = metrics.boundingRect(QRect(0, 0, width, 100000),
                                      int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, bounds.height() + 8)


class ChecklistTree(QTreeWidget):
    """The findings as a tree: group rows with counts, finding rows with the message."""

    finding_activated = Signal(object)  # app.analysis.Finding

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(1)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setIndentation(14)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingDelegate(self))
        self._collapsed: set[str] = set()
        self._report = None
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self.itemCollapsed.connect(lambda i: self._collapsed.add(i.data(0, GROUP_ROLE)))
        self.itemExpanded.connect(lambda i: self._collapsed.discard(i.data(0, GROUP_ROLE)))

    @property
    def report(self):
        return self._report

    def show_report(self, report) -> None:
        """Replace the rows with `report`'s findings."""
        self._report = report
        self.retranslate()

    def _group(self, key: str, title: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [f"{title} ({count})"])
        item.setData(0, GROUP_ROLE, key)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setForeground(0, QBrush(QColor(SEVERITY_COLOURS[key])))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def retranslate(self) -> None:
        # Clearing the tree emits collapse signals for nothing; the remembered set is kept.
        collapsed = set(self._collapsed)
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        report = self._report
        if report is None:
            QTreeWidgetItem(self, [self.tr("Checking…")])
            return
        style = self.style()
        icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                 "info": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)}
        titles = {"error": self.tr("Errors"), "warning": self.tr("Warnings"),
                  "info": self.tr("Info")}
        groups: list[QTreeWidgetItem] = []
        if report.bottlenecks:
            group = self._group("bottlenecks", self.tr("Top bottlenecks"),
                                len(report.bottlenecks))
            for rank, finding in enumerate(report.bottlenecks, 1):
                text = f"{rank}. {impact_text(finding, report)}\n{finding.message}"
                self._finding_item(group, finding, text, icons[finding.severity])
            groups.append(group)
        for severity in ("error", "warning", "info"):
            findings = [f for f in report.findings if f.severity == severity]
            if not findings:
                continue
            group = self._group(severity, titles[severity], len(findings))
            for finding in findings:
                self._finding_item(group, finding, finding.message, icons[severity])
            groups.append(group)
        if not groups:
            QTreeWidgetItem(self, [self.tr("No findings: the funnel looks healthy.")])
        for group in groups:
            group.setExpanded(group.data(0, GROUP_ROLE) not in collapsed)
        self._collapsed = collapsed

    def _finding_item(self, group, finding, text, icon) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [text])
        item.setIcon(0, icon)
        item.setToolTip(0, f"{finding.rule}: {finding.message}")
        item.setData(0, FINDING_ROLE, finding)
        return item

    def finding_items(self) -> list[QTreeWidgetItem]:
        """Every finding row (bottlenecks first), for tests and keyboard navigation."""
        rows = []
        for g in range(self.topLevelItemCount()):
            group = self.topLevelItem(g)
            rows.extend(group.child(c) for c in range(group.childCount()))
        return rows

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is not None:
            self.finding_activated.emit(finding)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # wrapped heights depend on the width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ChecklistDock(QDockWidget):
    """The dock around the checklist; its title counts the findings by severity."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklist")
        self.tree = ChecklistTree(self)
        self.setWidget(self.tree)
        self.retranslate()

    def show_report(self, report) -> None:
        self.tree.show_report(report)
        self.retranslate()

    def retranslate(self) -> None:
        report = self.tree.report
        if report is None:
            self.setWindowTitle(self.tr("Checklist"))
            return
        summary = report.summary
        self.setWindowTitle(
            self.tr("Checklist: %1 errors, %2 warnings, %3 info")
            .replace("%1", str(summary["error"])).replace("%2", str(summary["warning"]))
            .replace("%3", str(summary["info"])))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
