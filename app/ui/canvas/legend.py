"""View → Legend: what the shapes, marks and lines on the canvas mean, in a corner of the view.

A small widget floating over the canvas's bottom-left corner (not a scene item: it stays the
same size and place at any zoom and scroll). It draws the same status marks and severity
markers as the nodes, from the same shapes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.render import theme
from app.render.canvas_geometry import MARK_RADIUS
from app.render.shapes import status_mark
from app.ui.paint import kind_icon, path_from_commands

ROW = 20.0
PAD = 8.0
_SEVERITY = (("error", "×"), ("warning", "!"), ("info", "i"))


class Legend(QWidget):
    """The canvas legend; `view` is the canvas view it floats over."""

    def __init__(self, view) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.font_ = QFont()
        self.font_.setPixelSize(12)
        view.viewport().installEventFilter(self)
        self.hide()

    def rows(self) -> list[tuple[str, str]]:
        """(what is drawn, what it means) for every row, in the interface language."""
        kinds = (("entry", self.tr("Entry: people come in")), ("step", self.tr("Step")),
                 ("decision", self.tr("Decision: branches")),
                 ("goal", self.tr("Goal: people reached")),
                 ("exit", self.tr("Exit: people lost")))
        rows = [("kind:" + kind, text) for kind, text in kinds]
        rows += [("status:on", self.tr("KPIs and conversions on target")),
                 ("status:off", self.tr("Off target")),
                 ("status:unmeasured", self.tr("Not measured yet (no actual)")),
                 ("severity:error", self.tr("Checklist error")),
                 ("severity:warning", self.tr("Checklist warning")),
                 ("severity:info", self.tr("Checklist note")),
                 ("line:solid", self.tr("Connection in one lane")),
                 ("line:dashed", self.tr("Handoff between lanes (departments)"))]
        return rows

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font_)
        width = max(metrics.horizontalAdvance(text) for _, text in self.rows())
        return QSize(int(width + 48 + 2 * PAD), int(len(self.rows()) * ROW + 2 * PAD))

    def place(self) -> None:
        self.resize(self.sizeHint())
        area = self.view.viewport().rect()
        self.move(10, max(area.height() - self.height() - 10, 0))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    def showEvent(self, event) -> None:
        self.place()
        super().showEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.place()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.INK), 0.8))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(self.font_)
        metrics = QFontMetricsF(self.font_)
        y = PAD
        for key, text in self.rows():
            centre = QPointF(PAD + 16, y + ROW / 2)
            self._symbol(painter, key, centre)
            painter.setPen(QColor(theme.INK))
            painter.drawText(QPointF(PAD + 40, y + ROW / 2 + metrics.ascent() / 2 - 1), text)
            y += ROW
        painter.end()

    def _symbol(self, painter: QPainter, key: str, c: QPointF) -> None:
        group, name = key.split(":")
        if group == "kind":
            painter.drawPixmap(int(c.x() - 12), int(c.y() - 9), kind_icon(name, 24)
                               .pixmap(24, 18))
        elif group == "status":
            commands, glyph = status_mark(name, c.x(), c.y(), MARK_RADIUS)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.STATUS_COLOR[name]))
            painter.drawPath(path_from_commands(commands))
            self._glyph(painter, c, glyph)
        elif group == "severity":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.SEVERITY_COLOR[name]))
            r = MARK_RADIUS - 0.5  # a rounded square, as on the nodes
            painter.drawRoundedRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), 2.5, 2.5)
            self._glyph(painter, c, dict(_SEVERITY)[name])
        else:
            pen = QPen(QColor(theme.EDGE_COLOR["unmeasured"]), 1.6)
            if name == "dashed":
                pen.setDashPattern(list(theme.HANDOFF_DASH))
            painter.setPen(pen)
            painter.drawLine(QPointF(c.x() - 14, c.y()), QPointF(c.x() + 12, c.y()))
            painter.drawLine(QPointF(c.x() + 12, c.y()), QPointF(c.x() + 7, c.y() - 4))
            painter.drawLine(QPointF(c.x() + 12, c.y()), QPointF(c.x() + 7, c.y() + 4))

    def _glyph(self, painter: QPainter, c: QPointF, glyph: str) -> None:
        if not glyph:
            return
        font = QFont(self.font_)
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(QRectF(c.x() - 7, c.y() - 7, 14, 14), Qt.AlignmentFlag.AlignCenter,
                         glyph)
        painter.setFont(self.font_)
