"""The inspector dock: the fields of the selected node, edge, lane or phase, or of the diagram.

It shows exactly one form at a time and refreshes it from `session.diagram` after every
change; what is shown (the selection) is view state and never part of the document.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from app.model.axes import LANE, PHASE, Axis
from app.model.commands import ChangeSet
from app.ui.panels.band_form import BandForm
from app.ui.panels.diagram_form import DiagramForm
from app.ui.panels.edge_form import EdgeForm
from app.ui.panels.node_form import NodeForm
from app.ui.session import Session


class Inspector(QStackedWidget):
    """One page per kind of thing that can be inspected."""

    #: another node, edge, lane, phase or the diagram is shown (the dock scrolls back to the top)
    subject_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.diagram_form = DiagramForm(session, self)
        self.node_form = NodeForm(session, self)
        self.edge_form = EdgeForm(session, self)
        self.band_form = BandForm(session, self)
        self.many = QLabel(self)
        self.many.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.many.setWordWrap(True)
        for page in (self.diagram_form, self.node_form, self.edge_form, self.band_form,
                     self.many):
            self.addWidget(page)
        self._many_count = 0
        #: what is shown: ("diagram", None) | ("node", id) | ("edge", (from, to)) |
        #: (LANE or PHASE, id) | ("many", None)
        self.subject: tuple[str | Axis, object] = ("diagram", None)
        session.changed.connect(self._on_changed)
        session.document_replaced.connect(self.show_diagram)
        self.currentChanged.connect(self._fit_current)
        self._shown: tuple[str | Axis, object] | None = None
        self.show_diagram()

    def _fit_current(self, _index: int = 0) -> None:
        # A stack is as tall as its tallest page: a short page (an edge) under a scroll
        # position meant for a tall one (a node) would show as an empty panel.
        for i in range(self.count()):
            policy = (QSizePolicy.Policy.Preferred if i == self.currentIndex()
                      else QSizePolicy.Policy.Ignored)
            self.widget(i).setSizePolicy(policy, policy)
        self.updateGeometry()

    def sizeHint(self):
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self):
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:
        # A stacked layout answers with its tallest page; the scroll area asks this.
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else -1

    def setCurrentWidget(self, widget) -> None:
        super().setCurrentWidget(widget)
        if self.subject != self._shown:
            self._shown = self.subject
            self.subject_changed.emit()

    # -- what to show ----------------------------------------------------------------------
    def show_diagram(self) -> None:
        self.subject = ("diagram", None)
        self.diagram_form.refresh()
        self.setCurrentWidget(self.diagram_form)

    def show_node(self, node_id: str) -> None:
        self.subject = ("node", node_id)
        self.node_form.show_node(node_id)
        self.setCurrentWidget(self.node_form)

    def show_edge(self, source: str, target: str) -> None:
        self.subject = ("edge", (source, target))
        self.edge_form.show_edge(source, target)
        self.setCurrentWidget(self.edge_form)

    def show_band(self, axis: Axis, band_id: str) -> None:
        """Show a lane (`axis` LANE) or a phase (PHASE)."""
        self.subject = (axis, band_id)
        self.band_form.show_band(axis, band_id)
        self.setCurrentWidget(self.band_form)

    def show_lane(self, lane_id: str) -> None:
        self.show_band(LANE, lane_id)

    def show_phase(self, phase_id: str) -> None:
        self.show_band(PHASE, phase_id)

    def show_selection(self, node_ids, edge_ids) -> None:
        """Follow the canvas selection: one item shows its form, none the diagram's."""
        node_ids, edge_ids = list(node_ids), list(edge_ids)
        count = len(node_ids) + len(edge_ids)
        if count == 0:
            if not isinstance(self.subject[0], Axis):  # a lane or phase stays shown
                self.show_diagram()
        elif len(node_ids) == 1 and not edge_ids:
            self.show_node(node_ids[0])
        elif len(edge_ids) == 1 and not node_ids:
            source, target = edge_ids[0].split("->", 1)
            self.show_edge(source, target)
        else:
            self.subject = ("many", None)
            self._many_count = count
            self.retranslate()
            self.setCurrentWidget(self.many)

    # -- following the document ------------------------------------------------------------
    def _on_changed(self, changes: ChangeSet) -> None:
        kind, key = self.subject
        diagram = self.session.diagram
        if kind == "node":
            if diagram.node(key) is None:
                # A renamed id (or its undo) names both ids: keep showing the same node.
                renamed = [n for n in changes.nodes if n != key and diagram.node(n)]
                if len(renamed) == 1:
                    self.show_node(renamed[0])
                else:
                    self.show_diagram()
            else:
                self.node_form.refresh()
        elif kind == "edge":
            if diagram.edge(*key) is None:
                self.show_diagram()
            else:
                self.edge_form.refresh()
        elif isinstance(kind, Axis):
            if self.band_form.exists():
                self.band_form.refresh()
            else:
                self.show_diagram()
        elif kind == "diagram":
            self.diagram_form.refresh()

    def retranslate(self) -> None:
        self.many.setText(self.tr("%n items selected", "", self._many_count))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class InspectorDock(QDockWidget):
    """The dock around the inspector, scrollable for small screens."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inspector")
        self.inspector = Inspector(session, self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.inspector)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll
        self.inspector.subject_changed.connect(self._to_top)
        self.setWidget(scroll)
        self.retranslate()

    def _to_top(self) -> None:
        # Fit the scrolled area to the page now shown (asking again makes the scroll area
        # resize it at once), then show its top: a new selection starts at its first field.
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Inspector"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
