"""Editor widgets the inspector forms are made of, and the one way a form commits an edit.

A field shows the model's value and, when the user finishes typing (Enter or leaving the
field), asks its form to commit: one `session.execute` per field edit, so one undo step. A
refused edit shows its reason under the field and the field reverts to the model's value;
no state is ever kept in the widgets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.model import parse_number
from app.ui.session import Session

W = TypeVar("W", bound=QWidget)  # a form row's editor, returned as given

ERROR_STYLE = "color: #C0392B;"


def plain_number(value: float | None) -> str:
    """A number as the user would type it back: 20000, 4.5, 0.35 (no exponent, no rounding)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def percent_text(value: float | None) -> str:
    """A rate as the user would type it back: 3.2%, 0.35%, 100%."""
    if value is None:
        return ""
    return f"{value * 100:.4f}".rstrip("0").rstrip(".") + "%"


#: commas are only thousands separators: 20,000 and 1,234.5, never 3,2
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?\s*%?")
translate = QCoreApplication.translate


def normalise_typed(text: str) -> str:
    """What a Chinese input method types, as plain ASCII: ３.２％ → 3.2%, 3。2 → 3.2."""
    return unicodedata.normalize("NFKC", text).replace("。", ".").strip()


def parse_optional(text: str, *, allow_percent: bool, rate: bool = False) -> float | None:
    """A typed number (`3.2%`, `0.032`, `20,000`), None when the field is empty.

    `rate`: a share between 0% and 100% (a conversion). Fields without percentages are
    amounts (people, capacity, cost, value, days) and are never negative. Raises
    ValueError with a message in the interface language that says what to type instead.
    """
    text = normalise_typed(text)
    if not text:
        return None
    if "," in text and not _GROUPED.fullmatch(text):
        message = translate("Fields", "“%1”: decimals take a point (3.2%), not a comma.")
        raise ValueError(message.replace("%1", text))
    try:
        number = parse_number(text, allow_percent=allow_percent)
    except ValueError:
        if allow_percent:
            message = translate("Fields", "“%1” is not a number: type it like 3.2% or 0.032.")
        else:
            message = translate("Fields", "“%1” is not a number: type it like 800, without %.")
        raise ValueError(message.replace("%1", text)) from None
    if rate and not 0.0 <= number <= 1.0:
        message = translate("Fields", "“%1” is not a rate: it must be between 0% and 100%.")
        raise ValueError(message.replace("%1", text))
    if not allow_percent and number < 0:
        message = translate("Fields", "“%1” is negative: type 0 or more.")
        raise ValueError(message.replace("%1", text))
    return number


class LineField(QLineEdit):
    """A one-line field that commits its text when editing finishes and the text changed."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._shown = ""
        self.setClearButtonEnabled(False)
        self.editingFinished.connect(self._finish)

    def show_value(self, text: str) -> None:
        """Display the model's value (not an edit)."""
        self._shown = text
        if self.text() != text:
            self.setText(text)
            self.setCursorPosition(0)

    def revert(self) -> None:
        self.setText(self._shown)

    def _finish(self) -> None:
        if self.text() != self._shown:
            self.committed.emit(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape gives the model's value back, like in a spreadsheet cell.
        if event.key() == Qt.Key.Key_Escape and self.text() != self._shown:
            self.revert()
            return
        super().keyPressEvent(event)


class TextField(QPlainTextEdit):
    """A multi-line field (notes, contingency plan) that commits when it loses focus."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._shown = ""
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def show_value(self, text: str) -> None:
        self._shown = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def revert(self) -> None:
        self.setPlainText(self._shown)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self.toPlainText() != self._shown:
            self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)


class PairField(QWidget):
    """Target and actual side by side (volume, duration, conversion)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from app.ui.sparkline import Sparkline

        self.target = LineField(self)
        self.actual = LineField(self)
        self.trend = Sparkline(self)  # the actual over the closed periods (SPEC §6)
        self.trend.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.target)
        layout.addWidget(self.actual)
        layout.addWidget(self.trend)
        self.retranslate()

    def retranslate(self) -> None:
        self.target.setPlaceholderText(self.tr("target"))
        self.actual.setPlaceholderText(self.tr("actual"))
        self.target.setToolTip(self.tr("Target"))
        self.actual.setToolTip(self.tr("Actual"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def measure_change(current: Any, part: str, value: float | None) -> dict[str, float] | None:
    """The new measure after typing `value` into its `part` ("target"/"actual"); None if empty."""
    pair = {"target": getattr(current, "target", None), "actual": getattr(current, "actual", None)}
    pair[part] = value
    kept = {key: number for key, number in pair.items() if number is not None}
    return kept or None


class Form(QWidget):
    """Base of the inspector forms: labelled rows, inline errors, commit as one undo step."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._labels: dict[str, QLabel] = {}
        self._errors: dict[str, QLabel] = {}
        self._pending: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: 600; font-size: 13pt;")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer.addLayout(self.form)
        self.tail = QVBoxLayout()
        outer.addLayout(self.tail)
        outer.addStretch(1)
        session.refused.connect(self._on_refused)

    def add_row(self, key: str, widget: W) -> W:
        """A labelled row with an (initially hidden) error message under the editor."""
        label = QLabel(self)
        error = QLabel(self)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        error.setObjectName(f"error-{key}")
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(label, box)
        self._labels[key] = label
        self._errors[key] = error
        widget.setObjectName(key)
        return widget

    def set_label(self, key: str, text: str) -> None:
        self._labels[key].setText(text)

    def error_text(self, key: str) -> str:
        """The refusal shown under a field ("" when none): for tests and screen readers."""
        error = self._errors[key]
        return error.text() if not error.isHidden() else ""

    def show_error(self, key: str, message: str) -> None:
        self._errors[key].setText(message)
        self._errors[key].show()

    def clear_errors(self) -> None:
        for error in self._errors.values():
            error.hide()

    def command(self, changes: dict[str, Any]):
        """The edit command for `changes` of the shown item (each form knows its item)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Show the model's values again."""
        raise NotImplementedError

    def commit(self, key: str, build: Callable[[], dict[str, Any]]) -> bool:
        """Turn the typed value into changes and execute them as one undo step."""
        try:
            changes = build()
        except ValueError as error:
            # A typing mistake is refused like an illegal edit: say why, change nothing.
            self._pending = key
            self.session.refuse(str(error))
            self._pending = None
            self.refresh()
            return False
        self.clear_errors()  # typed correctly: an earlier refusal no longer applies
        self._pending = key
        try:
            done = self.session.execute(self.command(changes))
        finally:
            self._pending = None
        if done:
            self.clear_errors()
        else:
            self.refresh()  # refused or no change: the field shows the model's value again
        return done

    def _on_refused(self, message: str) -> None:
        if self._pending is not None:
            self.show_error(self._pending, message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every label in the current language (subclasses)."""
