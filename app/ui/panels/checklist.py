"""The checklist dock: by impact (top bottlenecks, then every finding by severity) or by
department (each lane's to-do list, grouped by node or edge, SPEC §4).

It shows the latest report of the live checklist; clicking a finding asks the window to
select and centre what it is about; right-clicking one offers not to report its rule in this
diagram. Groups the user collapsed stay collapsed across updates.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.grouping import by_department

translate = QCoreApplication.translate
FINDING_ROLE = Qt.ItemDataRole.UserRole
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
#: on a node or edge heading (by department): the finding whose target a click goes to
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_COLOURS = {"error": "#C0392B", "warning": "#B9770E", "info": "#2874A6",
                    "bottlenecks": "#6C3483", "lane": "#1B2631"}
BY_IMPACT, BY_DEPARTMENT = "impact", "department"


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


def gain_count(value: float) -> str:
    """A gain in people: whole numbers from 10 up (25), one decimal below (5.3, 0.1)."""
    from app.analysis.messages import number

    return number(value)


def impact_text(finding, report) -> str:
    """"+25 per month": what reaching the target would add (the message says to what)."""
    if finding.impact is None:
        return ""
    return (translate("Checklist", "+%1 %2")
            .replace("%1", gain_count(finding.impact))
            .replace("%2", period_phrase(report.diagram.period.value)))


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
    rule_disabled = Signal(str)  # "don't report this rule in this diagram"

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
        self._mode = BY_IMPACT
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self.itemCollapsed.connect(lambda i: self._collapsed.add(i.data(0, GROUP_ROLE)))
        self.itemExpanded.connect(lambda i: self._collapsed.discard(i.data(0, GROUP_ROLE)))

    @property
    def report(self):
        return self._report

    @property
    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        """Show the findings by impact or by department (lane, then node or edge)."""
        if mode != self._mode:
            self._mode = mode
            self.retranslate()

    def show_report(self, report) -> None:
        """Replace the rows with `report`'s findings."""
        self._report = report
        self.retranslate()

    def _group(self, key: str, title: str, count: int, parent=None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent if parent is not None else self, [f"{title} ({count})"])
        item.setData(0, GROUP_ROLE, key)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(0, font)
        colour = SEVERITY_COLOURS.get(key, SEVERITY_COLOURS["lane"])
        item.setForeground(0, QBrush(QColor(colour)))
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
        if self._mode == BY_DEPARTMENT:
            groups = self._by_department(report, icons)
        else:
            groups = self._by_impact(report, icons, titles)
        if not groups:
            QTreeWidgetItem(self, [self.tr("No findings: the funnel looks healthy.")])
        for group in self._all_groups():
            group.setExpanded(group.data(0, GROUP_ROLE) not in collapsed)
        self._collapsed = collapsed

    def _by_impact(self, report, icons, titles) -> list[QTreeWidgetItem]:
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
        return groups

    def _by_department(self, report, icons) -> list[QTreeWidgetItem]:
        """Top bottlenecks, errors, then one group per lane with its nodes and edges."""
        layout = by_department(report)
        groups: list[QTreeWidgetItem] = []
        if layout.bottlenecks:
            group = self._group("bottlenecks", self.tr("Top bottlenecks"),
                                len(layout.bottlenecks))
            for rank, item in enumerate(layout.bottlenecks, 1):
                text = f"{rank}. {impact_text(item.finding, report)}\n{item.text}"
                self._finding_item(group, item.finding, text, icons[item.finding.severity])
            groups.append(group)
        if layout.errors:
            group = self._group("error", self.tr("Errors"), len(layout.errors))
            for item in layout.errors:
                self._finding_item(group, item.finding, item.text, icons["error"])
            groups.append(group)
        for section in layout.sections:
            count = sum(len(g.items) for g in section.groups)
            lane = self._group(f"lane:{section.lane}", section.title, count)
            for entry in section.groups:
                parent = lane
                if entry.title:
                    parent = QTreeWidgetItem(lane, [entry.title])
                    parent.setData(0, GROUP_ROLE, f"target:{entry.target}")
                    parent.setData(0, HEADING_ROLE, entry.items[0].finding)
                    font = QFont(self.font())
                    font.setBold(True)
                    parent.setFont(0, font)
                for item in entry.items:
                    severity = item.finding.severity
                    self._finding_item(parent, item.finding, item.text, icons[severity])
                if entry.plan:
                    plan = QTreeWidgetItem(parent, [entry.plan])
                    font = QFont(self.font())
                    font.setItalic(True)
                    plan.setFont(0, font)
                    plan.setFlags(Qt.ItemFlag.ItemIsEnabled)
            groups.append(lane)
        return groups

    def _all_groups(self) -> list[QTreeWidgetItem]:
        found = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item.data(0, GROUP_ROLE) is not None:
                found.append(item)
            stack.extend(item.child(c) for c in range(item.childCount()))
        return found

    def _finding_item(self, group, finding, text, icon) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [text])
        item.setIcon(0, icon)
        item.setToolTip(0, f"{finding.rule}: {finding.message}")
        item.setData(0, FINDING_ROLE, finding)
        return item

    def finding_items(self) -> list[QTreeWidgetItem]:
        """Every finding row in reading order (bottlenecks first), for tests and keyboard
        navigation."""
        rows = []

        def walk(item: QTreeWidgetItem) -> None:
            for c in range(item.childCount()):
                child = item.child(c)
                if child.data(0, FINDING_ROLE) is not None:
                    rows.append(child)
                walk(child)

        for g in range(self.topLevelItemCount()):
            walk(self.topLevelItem(g))
        return rows

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE) or item.data(0, HEADING_ROLE)
        if finding is not None:
            self.finding_activated.emit(finding)

    def disable_menu(self, item: QTreeWidgetItem) -> QMenu | None:
        """The context menu of a finding row: don't report its rule in this diagram."""
        finding = item.data(0, FINDING_ROLE) if item is not None else None
        if finding is None:
            return None
        menu = QMenu(self)
        action = menu.addAction(self.tr("Don't report this rule in this diagram"))
        action.setToolTip(finding.rule)
        action.triggered.connect(lambda: self.rule_disabled.emit(finding.rule))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.disable_menu(self.itemAt(pos))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))

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
        body = QWidget(self)
        self.tree = ChecklistTree(body)
        self.by_impact = QToolButton(body)
        self.by_department = QToolButton(body)
        switch = QButtonGroup(body)
        row = QHBoxLayout()
        row.setContentsMargins(4, 2, 4, 2)
        for button, mode in ((self.by_impact, BY_IMPACT), (self.by_department, BY_DEPARTMENT)):
            button.setCheckable(True)
            button.setAutoRaise(True)
            switch.addButton(button)
            row.addWidget(button)
            button.toggled.connect(lambda on, m=mode: on and self.tree.set_mode(m))
        row.addStretch(1)
        self.by_impact.setChecked(True)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(row)
        column.addWidget(self.tree)
        self.setWidget(body)
        self.retranslate()

    def show_report(self, report) -> None:
        self.tree.show_report(report)
        self.retranslate()

    def retranslate(self) -> None:
        self.by_impact.setText(self.tr("By impact"))
        self.by_department.setText(self.tr("By department"))
        report = self.tree.report
        if report is None:
            self.setWindowTitle(self.tr("Checklist"))
            return
        summary = report.summary
        self.setWindowTitle(
            self.tr("Checklist (errors: %1, warnings: %2, info: %3)")
            .replace("%1", str(summary["error"])).replace("%2", str(summary["warning"]))
            .replace("%3", str(summary["info"])))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
