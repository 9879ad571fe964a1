"""The presentation window: a title bar, the stage, and a side column with the spotlight and
the what-if panel. It only lays out and forwards keys; `presentation.PresentationController`
decides what is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.ui.present import theme
from app.ui.present.spotlight import SpotlightPanel
from app.ui.present.stage import StageView
from app.ui.present.whatif import WhatIfPanel

if TYPE_CHECKING:
    from app.ui.present.presentation import PresentationController


class PresentationWindow(QWidget):
    """The full-screen presentation: a title bar, the stage, and a column with the spotlight
    and the what-if panel. Keys go to the controller."""

    def __init__(self, controller: PresentationController):
        super().__init__(None, Qt.WindowType.Window)
        self.controller = controller
        self.setObjectName("presentation")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"QWidget#presentation {{ background: {theme.PAPER}; }}"
                           f"QFrame#side, QScrollArea#side {{ background: {theme.PANEL}; }}"
                           f"QLabel {{ color: {theme.INK}; }}")
        self.title = QLabel(self)
        self.stage_label = QLabel(self)
        self.hint = QLabel(self)
        self.title.setFont(theme.font(theme.TITLE_PX, bold=True))
        self.stage_label.setFont(theme.font(theme.HEADING_PX, bold=True))
        self.stage_label.setStyleSheet(f"color: {theme.ACCENT};")
        self.hint.setFont(theme.font(theme.SMALL_PX - 4))
        self.hint.setStyleSheet(f"color: {theme.MUTED};")
        self.view = StageView(controller.scene, self)
        # The side column scrolls rather than squeeze its words when a long one meets a
        # small window (1024x768).
        scroller = QScrollArea(self)
        scroller.setObjectName("side")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFixedWidth(theme.scaled(theme.SIDE_WIDTH))
        side = QFrame()
        side.setObjectName("side")
        scroller.setWidget(side)
        self.spotlight = SpotlightPanel(controller.lang, side)
        self.whatif = WhatIfPanel(controller.session, controller.lang, large=True,
                                  pinned_buttons=True, parent=side)
        rule = QFrame(side)
        rule.setFrameShape(QFrame.Shape.HLine)
        column = QVBoxLayout(side)
        column.setContentsMargins(20, 16, 20, 16)
        column.addWidget(self.spotlight, 3)
        column.addWidget(rule)
        column.addWidget(self.whatif, 4)
        top = QHBoxLayout()
        top.setContentsMargins(24, 12, 24, 4)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.stage_label)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.view, 1)
        # Apply and Reset stay in sight below the column, however far its words reach.
        right = QFrame(self)
        right.setObjectName("side")
        right.setFixedWidth(scroller.width())
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(0)
        right_column.addWidget(scroller, 1)
        bar = QHBoxLayout()
        bar.setContentsMargins(20, 8, 20, 12)
        bar.addWidget(self.whatif.buttons)
        right_column.addLayout(bar)
        body.addWidget(right)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(top)
        outer.addLayout(body, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(24, 2, 24, 6)
        bottom.addWidget(self.hint)
        outer.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("FunnelFlow — presentation"))
        self.setAccessibleName(self.tr("Presentation"))
        self.view.setAccessibleName(self.tr("Diagram"))
        self.hint.setText(self.tr("→ ← phases   ↓ ↑ lanes   Tab next step   B top bottleneck   "
                                  "W what-if   Esc back"))
        self.controller.refresh_texts()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event) -> None:
        if not self.controller.handle_key(event.key(), event.modifiers()):
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        # Tab steps through the funnel, not through the widgets: the room follows the story.
        self.controller.step_node(1 if next else -1)
        return True

    def closeEvent(self, event) -> None:
        self.controller.leave()
        super().closeEvent(event)
