"""The spotlight: the selected node (or edge) and its numbers in big type for the room.

`spotlight_facts` works out what to say (pure); `SpotlightPanel` shows it: the name, where it
sits (kind, lane, phase), the owner, people per period on actuals against the target, and
every KPI as actual / target with its verdict in colour, mark and word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.analysis.trends import Trend
from app.model import Diagram, NodeKind
from app.render.labels import format_count, format_rate, per_period
from app.render.outline import edge_verdict, words
from app.ui.panels.kpi_table import diagram_trends
from app.ui.present import theme
from app.ui.sparkline import Sparkline

#: the widest a row's name may ask for before it wraps (px at 1080 lines)
NAME_MAX_PX = 80


@dataclass(frozen=True)
class Row:
    """One measured line: its name, actual, target and verdict ("on"/"off"/"unmeasured")."""

    name: str
    actual: str
    target: str
    status: str
    trend: str = ""  # the key of its series over the closed periods (SPEC §6), if any


@dataclass(frozen=True)
class Facts:
    """What the spotlight says about one node or edge."""

    title: str
    where: str = ""
    owner: str | None = None
    rows: tuple[Row, ...] = field(default_factory=tuple)
    note: str = ""  # the fallback plan (预案), when there is one


def _value(value: float | None, percent: bool, unit: str | None = None) -> str:
    if value is None:
        return "—"
    text = format_rate(value) if percent else format_count(value)
    return f"{text} {unit}" if unit and not percent else text


def spotlight_facts(diagram: Diagram, report, target_id: str | None, lang: str,
                    names: dict[str, str]) -> Facts | None:
    """The facts for a node id or an edge id ("a->b"); None when it does not exist.

    `names` holds the translated row names: "people", "conversion".
    """
    if not target_id:
        return None
    w = words(lang)
    per = per_period(lang, diagram.period.value, short=False)
    if "->" in target_id:
        source, _, target = target_id.partition("->")
        edge = diagram.edge(source, target)
        if edge is None:
            return None
        a, b = diagram.node(source), diagram.node(target)
        measure = edge.conversion
        status = edge_verdict(edge, b.kind is NodeKind.exit)
        rows = [Row(names["conversion"],
                    _value(measure.value("actual") if measure else None, True),
                    _value(measure.target if measure else None, True), status, edge.id)]
        flow = report.flows.get("actual", {}).get(edge.id) if report is not None else None
        if flow is not None:
            rows.append(Row(names["people"], format_count(flow) + per, "", "unmeasured"))
        return Facts(f"{a.title} → {b.title}", edge.label or "", a.owner, tuple(rows),
                     a.contingency or "")
    node = diagram.node(target_id)
    if node is None:
        return None
    lane = diagram.lane(node.lane)
    where = [w["kinds"][node.kind.value], lane.title if lane else node.lane]
    if node.phase and (phase := diagram.phase(node.phase)) is not None:
        where.append(phase.title)
    rows: list[Row] = []
    volumes = report.volumes if report is not None else {}
    actual = volumes.get("actual", {}).get(node.id)
    target = volumes.get("target", {}).get(node.id)
    if actual is None and node.volume is not None:
        actual, target = node.volume.value("actual"), node.volume.value("target")
    if actual is not None:
        status = "unmeasured"
        if target is not None and round(target, 6) > 0:
            status = "off" if actual < target - 1e-9 else "on"
        rows.append(Row(names["people"], format_count(actual) + per,
                        format_count(target) + per if target is not None else "—", status,
                        node.id))
    for kpi in node.kpis:
        verdict = kpi.is_worse()
        rows.append(Row(kpi.name, _value(kpi.actual, kpi.is_percent, kpi.unit),
                        _value(kpi.target, kpi.is_percent, kpi.unit),
                        "unmeasured" if verdict is None else "off" if verdict else "on",
                        f"{node.id}/{kpi.name}"))
    owner = node.owner if node.owner and node.owner.strip() else None
    return Facts(node.title, " · ".join(where), owner, tuple(rows), node.contingency or "")


class SpotlightPanel(QWidget):
    """The selected node's (or edge's) KPIs in big type; empty with a hint when none."""

    MAX_ROWS = 5  # more would not fit in big type; the outline lists them all

    def __init__(self, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.facts: Facts | None = None
        self._args = (None, None, None)
        self.setObjectName("spotlight")
        self.title = QLabel(self)
        self.where = QLabel(self)
        self.owner = QLabel(self)
        self.table = QGridLayout()
        self.note = QLabel(self)
        self.title.setFont(theme.font(theme.TITLE_PX, bold=True))
        self.where.setFont(theme.font(theme.SMALL_PX))
        self.owner.setFont(theme.font(theme.BODY_PX))
        self.note.setFont(theme.font(theme.SMALL_PX))
        for label in (self.title, self.where, self.owner, self.note):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setStyleSheet(f"color: {theme.MUTED};")
        self.note.setStyleSheet(f"color: {theme.MUTED};")
        column = QVBoxLayout(self)
        column.setSpacing(8)
        column.addWidget(self.title)
        column.addWidget(self.where)
        column.addWidget(self.owner)
        column.addLayout(self.table)
        column.addWidget(self.note)
        column.addStretch(1)
        self._row_labels: list[QLabel] = []
        self._sparks: list[Sparkline] = []
        self.retranslate()

    def show_target(self, diagram: Diagram | None, report, target_id: str | None) -> None:
        """Show the facts of a node or edge id (None: the hint to select something)."""
        self._args = (diagram, report, target_id)
        names = {"people": self.tr("People"), "conversion": self.tr("Conversion")}
        self.facts = (spotlight_facts(diagram, report, target_id, self.lang, names)
                      if diagram is not None else None)
        self._fill()

    def _trend(self, key: str) -> Trend | None:
        diagram = self._args[0] if getattr(self, "_args", None) else None
        return diagram_trends(diagram).get(key) if diagram is not None and key else None

    def set_lang(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.show_target(*self._args)

    def row_texts(self) -> list[str]:
        """The KPI table as shown, one "name actual / target verdict" string per row."""
        texts, cells = [], [label.text() for label in self._row_labels]
        for i in range(0, len(cells), 3):
            texts.append(" ".join(cells[i:i + 3]))
        return texts

    def _fill(self) -> None:
        for label in self._row_labels + self._sparks:
            self.table.removeWidget(label)
            label.deleteLater()
        self._row_labels = []
        self._sparks: list[Sparkline] = []
        facts = self.facts
        if facts is None:
            self.title.setText(self.tr("Spotlight"))
            self.where.setText(self.tr("Tab selects the next step; B shows the top bottleneck."))
            self.owner.setText("")
            self.note.setText("")
            self.setAccessibleDescription(self.where.text())
            return
        self.title.setText(facts.title)
        self.where.setText(facts.where)
        self.owner.setText(self.tr("Owner: %1").replace("%1", facts.owner) if facts.owner
                           else self.tr("No owner"))
        self.owner.setStyleSheet("" if facts.owner else f"color: {theme.BAD};")
        self.note.setText(self.tr("Fallback plan: %1").replace("%1", facts.note)
                          if facts.note else "")
        verdicts = {"on": self.tr("✓ on target"), "off": self.tr("✗ off target"),
                    "unmeasured": ""}
        for row_number, row in enumerate(facts.rows[:self.MAX_ROWS]):
            name = QLabel(row.name, self)
            name.setFont(theme.font(theme.BODY_PX))
            name.setWordWrap(True)
            # a short name ("转化率", "People") keeps its line; only a long one wraps, so a
            # sparkline's column never squeezes it to one character a line
            name.setMinimumWidth(max(name.minimumSizeHint().width(), min(
                name.fontMetrics().horizontalAdvance(row.name), theme.scaled(NAME_MAX_PX))))
            value = QLabel(f"{row.actual} / {row.target}" if row.target else row.actual, self)
            value.setFont(theme.font(theme.BODY_PX, bold=True))
            verdict = QLabel(verdicts[row.status], self)
            verdict.setFont(theme.font(theme.SMALL_PX, bold=True))
            for label in (value, verdict):
                label.setStyleSheet(f"color: {theme.status_color(row.status)};")
                label.setWordWrap(True)  # "50,000/month / 60,000/month" in a narrow column
            for column, label in enumerate((name, value, verdict)):
                self.table.addWidget(label, row_number, column)
                self._row_labels.append(label)
            trend = self._trend(row.trend)
            if trend is not None:
                spark = Sparkline(self)
                spark.set_trend(trend, [str(v) for v in trend.values])
                self.table.addWidget(spark, row_number, 3)
                self._sparks.append(spark)
        self.table.setColumnStretch(0, 1)
        spoken = [facts.title, facts.where, self.owner.text()] + self.row_texts()
        self.setAccessibleDescription("; ".join(t for t in spoken if t))

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Spotlight on the selected step"))
        self._fill()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_target(*self._args)
            self.setAccessibleName(self.tr("Spotlight on the selected step"))
        super().changeEvent(event)
