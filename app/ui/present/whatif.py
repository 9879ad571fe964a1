"""The what-if panel: a slider on one conversion (or one entry's volume) that shows, live,
the goal volume, revenue and top bottlenecks the funnel would have — the moment a workshop
sees which fix pays.

Sliding never touches the document: every step is a projection of a changed copy. Apply
executes one edit (one undo step); Reset puts the slider back on today's value.
Keyboard: the slider takes ←/→ (fine) and PgUp/PgDn (coarse); Enter applies; Esc resets.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from app.render.labels import format_count, format_rate, per_period
from app.ui.present import theme
from app.ui.present.projection import Lever, apply_command, lever_for, project

#: slider units per 100% for a conversion: 0.1% per unit
RATE_UNITS = 1000


class TargetSlider(QSlider):
    """A horizontal slider with the target value marked by a triangle under the groove."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.target_value: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_target_value(self, value: int | None) -> None:
        self.target_value = value
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.target_value is None or self.maximum() <= self.minimum():
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderGroove, self)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderHandle, self)
        span = groove.width() - handle.width()
        x = groove.x() + handle.width() // 2 + QStyle.sliderPositionFromValue(
            self.minimum(), self.maximum(), self.target_value, span)
        size = max(6, self.height() // 5)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.INK), 1))
        painter.setBrush(QColor(theme.GOOD))
        bottom = self.height() - 1
        painter.drawPolygon(QPolygon([QRect(x - size, bottom, 0, 0).topLeft(),
                                      QRect(x + size, bottom, 0, 0).topLeft(),
                                      QRect(x, bottom - size, 0, 0).topLeft()]))
        painter.end()


class WhatIfPanel(QWidget):
    """Slide one lever and see the funnel's numbers change; Apply makes it one undo step."""

    projection_changed = Signal(object)  # Projection, or None when there is no lever
    applied = Signal()

    def __init__(self, session, lang: str = "en", *, large: bool = False,
                 pinned_buttons: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.lang, self.large = session, lang, large
        #: the owner places `buttons` itself (the presentation, below its scrolling column)
        self.pinned_buttons = pinned_buttons
        self._base = None  # (diagram, report) the projections start from
        self._target_id: str | None = None
        self.lever: Lever | None = None
        self.projection = None
        self.setObjectName("what-if")
        self.heading = QLabel(self)
        self.subject = QLabel(self)
        self.lever_name = QLabel(self)
        self.slider = TargetSlider(self)
        self.value = QLabel(self)
        self.target = QLabel(self)
        self.goals = QLabel(self)
        self.gain = QLabel(self)
        self.revenue = QLabel(self)
        self.checklist_heading = QLabel(self)
        self.checklist = QLabel(self)
        self.buttons = QWidget(self)  # Apply and Reset
        self.apply_button = QPushButton(self.buttons)
        self.reset_button = QPushButton(self.buttons)
        # (the gain in big type too: "+0/month (+0%)" breaks before its percentage rather than
        # widen the presentation's side column past a 1024-pixel window)
        for label in (self.subject, self.goals, self.gain, self.revenue, self.checklist,
                      self.lever_name, self.target):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build()
        self._style()
        self.slider.valueChanged.connect(self._slid)
        self.apply_button.clicked.connect(self.apply)
        self.reset_button.clicked.connect(self.reset)
        session.changed.connect(self._document_changed)
        self.retranslate()
        self._show_lever()

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setSpacing(6)
        column.addWidget(self.heading)
        column.addWidget(self.subject)
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.value)
        column.addLayout(row)
        names = QHBoxLayout()
        names.addWidget(self.lever_name)
        names.addStretch(1)
        names.addWidget(self.target)
        column.addLayout(names)
        column.addWidget(self.goals)
        column.addWidget(self.gain)
        column.addWidget(self.revenue)
        column.addWidget(self.checklist_heading)
        column.addWidget(self.checklist)
        buttons = QHBoxLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        if not self.pinned_buttons:
            column.addWidget(self.buttons)
        column.addStretch(1)

    def _style(self) -> None:
        if not self.large:
            bold = self.heading.font()
            bold.setBold(True)
            self.heading.setFont(bold)
            self.gain.setFont(bold)
            return
        self.heading.setFont(theme.font(theme.HEADING_PX, bold=True))
        self.subject.setFont(theme.font(theme.BODY_PX, bold=True))
        for label in (self.lever_name, self.target, self.goals, self.revenue,
                      self.checklist_heading, self.checklist):
            label.setFont(theme.font(theme.SMALL_PX))
        self.value.setFont(theme.font(theme.BODY_PX, bold=True))
        self.gain.setFont(theme.font(theme.BIG_NUMBER_PX, bold=True))
        for button in (self.apply_button, self.reset_button):
            button.setFont(theme.font(theme.SMALL_PX, bold=True))
        self.slider.setMinimumHeight(44)

    # -- public API ---------------------------------------------------------------------------
    def set_target(self, target_id: str | None) -> None:
        """Try changes on this edge ("a->b"), entry, or node (its main outgoing edge)."""
        self._target_id = target_id
        self._show_lever()

    def set_lang(self, lang: str) -> None:
        """Checklist wording (and the per-period suffix) in `lang`."""
        if lang != self.lang:
            self.lang = lang
            self._base = None
            self._show_lever()

    def slider_value(self) -> float:
        """The lever's value the slider shows (a rate 0..1 or people per period)."""
        if self.lever is not None and self.lever.is_rate:
            return self.slider.value() / RATE_UNITS
        return float(self.slider.value())

    def set_value(self, value: float) -> None:
        """Move the slider to `value` (a rate or a volume), as a user would."""
        self.slider.setValue(self._units(value))

    def apply(self) -> bool:
        """Make the shown change real: one edit, one undo step. False if nothing to apply."""
        if self.lever is None or self._units(self.lever.current) == self.slider.value():
            return False
        command = apply_command(self.lever, self.slider_value(), self.tr("What-if change"))
        done = self.session.execute(command)
        if done:
            self.applied.emit()
        return done

    def reset(self) -> None:
        """Back to today's value; the projection equals today."""
        if self.lever is not None:
            self.slider.setValue(self._units(self.lever.current))

    @property
    def is_previewing(self) -> bool:
        """The slider shows something other than today's value."""
        return self.lever is not None and self._units(self.lever.current) != self.slider.value()

    # -- workings -----------------------------------------------------------------------------
    def _report(self):
        """The analysis of the session's current snapshot (made again only when it changed)."""
        from app.analysis import analyze

        diagram = self.session.diagram
        if self._base is None or self._base[0] is not diagram:
            self._base = (diagram, analyze(diagram, self.lang))
        return self._base[1]

    def _units(self, value: float) -> int:
        if self.lever is not None and self.lever.is_rate:
            return round(value * RATE_UNITS)
        return round(value)

    def _document_changed(self, _changes=None) -> None:
        self._show_lever()

    def _show_lever(self) -> None:
        diagram = self.session.diagram
        report = self._report()
        self.lever = lever = lever_for(diagram, report, self._target_id)
        enabled = lever is not None
        for widget in (self.slider, self.apply_button, self.reset_button):
            widget.setEnabled(enabled)
        self.slider.blockSignals(True)
        if lever is None:
            self.slider.setRange(0, 0)
            self.slider.set_target_value(None)
        elif lever.is_rate:
            # The range stops where the node's outgoing conversions would pass 100%: a
            # preview must not promise a gain from an impossible funnel.
            self.slider.setRange(0, math.floor(lever.limit * RATE_UNITS + 1e-6))
            fine = max(lever.current, lever.target or 0.0) <= 0.10  # small rates: 0.1% steps
            self.slider.setSingleStep(1 if fine else 5)
            self.slider.setPageStep(10 if fine else 50)
        else:
            top = max(lever.current * 2, (lever.target or 0.0) * 1.5, 100.0)
            self.slider.setRange(0, round(top))
            self.slider.setSingleStep(max(1, round(top / 200)))
            self.slider.setPageStep(max(1, round(top / 20)))
        if lever is not None:
            self.slider.set_target_value(self._units(lever.target)
                                         if lever.target is not None else None)
            self.slider.setValue(self._units(lever.current))
        self.slider.blockSignals(False)
        self._texts_for_lever()
        self._slid()

    def _slid(self, *_args) -> None:
        lever = self.lever
        if lever is None:
            self.projection = None
            self.value.setText("")
            for label in (self.goals, self.gain, self.revenue, self.checklist):
                label.setText("")
            self.checklist_heading.setText("")
            self.projection_changed.emit(None)
            return
        value = self.slider_value()
        self.value.setText(self._format(value))
        self.projection = p = project(self.session.diagram, self._report(), lever, value,
                                      self.lang)
        per = per_period(self.lang, self.session.diagram.period.value, short=False)
        # The goal named by what it is (SPEC §4): its own name, or customers when several.
        goal = {n.title for n in self.session.diagram.nodes if n.kind.value == "goal"}
        said = (self.tr("\"%3\": today %1 → with this change %2").replace("%3", goal.pop())
                if len(goal) == 1 else self.tr("Customers: today %1 → with this change %2"))
        self.goals.setText(said.replace("%1", format_count(p.goals_today))
                           .replace("%2", format_count(p.goals_new)))
        sign = "+" if p.gain >= 0 else "−"
        share = f" ({sign}{format_rate(abs(p.share))})" if p.share is not None else ""
        self.gain.setText(f"{sign}{format_count(abs(p.gain))}{per}{share}")
        color = theme.GOOD if p.gain > 1e-9 else theme.BAD if p.gain < -1e-9 else theme.MUTED
        self.gain.setStyleSheet(f"color: {color};")
        currency = self.session.diagram.currency or ""
        if p.revenue_new is None:
            self.revenue.setText("")
        else:
            self.revenue.setText(self.tr("Revenue: today %1 → %2")
                                 .replace("%1", f"{format_count(p.revenue_today)} {currency}"
                                          .strip())
                                 .replace("%2", f"{format_count(p.revenue_new)} {currency}"
                                          .strip() + per))
        self.checklist_heading.setText(self.tr("Top bottlenecks with this change:")
                                       if p.bottlenecks else "")
        shown = p.bottlenecks[:2 if self.large else 3]  # big type: what fits a projector
        self.checklist.setText("\n".join(self._short(i, f) for i, f in enumerate(shown, 1)))
        self.slider.setAccessibleDescription(self.value.text())
        self.projection_changed.emit(p)

    def _short(self, number: int, finding) -> str:
        """"1. 付费广告 → 官网落地页  +13": a bottleneck in a line that fits big type."""
        diagram = self.session.diagram
        name = finding.target or ""
        if "->" in name:
            source, _, target = name.partition("->")
            nodes = [diagram.node(source), diagram.node(target)]
            name = " → ".join(n.title if n else i for n, i in zip(nodes, (source, target),
                                                                   strict=True))
        gain = f"  +{format_count(finding.impact)}" if finding.impact else ""
        return f"{number}. {name}{gain}"

    def _format(self, value: float) -> str:
        if self.lever is not None and self.lever.is_rate:
            return format_rate(value)
        return format_count(value)

    def _texts_for_lever(self) -> None:
        lever, diagram = self.lever, self.session.diagram
        if lever is None:
            self.subject.setText(self.tr("Select a connection or an entry to try a change."))
            self.lever_name.setText("")
            self.target.setText("")
            return
        if lever.is_rate:
            source, _, target = lever.target_id.partition("->")
            self.subject.setText(f"{diagram.node(source).title} → {diagram.node(target).title}")
            self.lever_name.setText(self.tr("Actual conversion"))
        else:
            self.subject.setText(diagram.node(lever.target_id).title)
            self.lever_name.setText(self.tr("Actual people entering per period"))
        self.target.setText(self.tr("today %1 · target %2 ▲")
                            .replace("%1", self._format(lever.current))
                            .replace("%2", self._format(lever.target)
                                     if lever.target is not None else "—"))

    def retranslate(self) -> None:
        """Every fixed text in the current language."""
        self.heading.setText(self.tr("What if…"))
        self.apply_button.setText(self.tr("&Apply"))
        self.reset_button.setText(self.tr("&Reset"))
        self.apply_button.setToolTip(self.tr("Make this change in the diagram (one undo step)"))
        self.reset_button.setToolTip(self.tr("Back to today's value"))
        self.slider.setAccessibleName(self.tr("What-if value"))
        self.apply_button.setAccessibleName(self.tr("Apply the what-if change"))
        self.reset_button.setAccessibleName(self.tr("Reset the what-if slider"))
        self.setAccessibleName(self.tr("What-if panel"))
        if self.lever is not None or self._target_id is not None:
            self._texts_for_lever()
            self._slid()
        else:
            self._texts_for_lever()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.lever is not None:
            self.apply()
            event.accept()
        elif event.key() == Qt.Key.Key_Escape and self.is_previewing:
            self.reset()
            event.accept()
        else:
            super().keyPressEvent(event)
