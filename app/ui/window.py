"""The designer's main window: canvas in the centre, palette, inspector and checklist docks.

The window only wires things together: every edit goes through the session, every view
(canvas, inspector, checklist, status bar) follows the session's `changed` signal or the
live checklist's reports. Menus and the toolbar live in `panels/menus.py`.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from app.model.axes import LANE, PHASE, Axis
from app.model.commands import DisableRule
from app.ui import i18n
from app.ui.canvas.actions import CanvasActions
from app.ui.canvas.find import FindBar
from app.ui.canvas.keyboard import install_keyboard
from app.ui.canvas.scene import DiagramScene
from app.ui.canvas.tooltips import install_tips
from app.ui.canvas.view import DiagramView
from app.ui.files.file_actions import FileActions
from app.ui.files.safeguards import Safeguards
from app.ui.panels import band_dialogs
from app.ui.panels.checklist import ChecklistDock
from app.ui.panels.inspector import InspectorDock
from app.ui.panels.live_check import LiveChecklist
from app.ui.panels.menus import build_menus
from app.ui.panels.outline import install_outline
from app.ui.panels.palette import PaletteDock
from app.ui.panels.status import StatusBar
from app.ui.present.presentation import install_presentation
from app.ui.session import Session

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
#: the first window, before the user has sized one: 1440x900 where the screen allows
DEFAULT_SIZE = QSize(1440, 900)


class MainWindow(QMainWindow):
    """One open document in the designer."""

    def __init__(self, session: Session, lang: str | None = None):
        super().__init__()
        self.session = session
        self.lang = lang or i18n.current_language()
        checklist_lang = i18n.checklist_lang(self.lang)
        self.scene = DiagramScene(session, checklist_lang)
        self.view = DiagramView(self.scene)
        self.find_bar = FindBar(lambda: self.session.diagram, self)
        self.find_bar.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.find_bar)
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.palette_dock = PaletteDock(self)
        self.inspector_dock = InspectorDock(session, self)
        self.checklist_dock = ChecklistDock(self)
        self.inspector = self.inspector_dock.inspector
        self.checklist = self.checklist_dock.tree
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checklist_dock)
        self.resizeDocks([self.palette_dock], [130], Qt.Orientation.Horizontal)
        self.resizeDocks([self.inspector_dock], [420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.inspector_dock, self.checklist_dock], [480, 380],
                         Qt.Orientation.Vertical)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)

        self.live = LiveChecklist(session, checklist_lang, self)
        self.files = FileActions(session, self, lambda: i18n.checklist_lang(self.lang))
        self.canvas_actions = CanvasActions(self)
        self.actions = build_menus(self)
        # Autosave, recovery, external changes, previous versions, comments (issue 7).
        self.safeguards = Safeguards(self)
        # Presentation (F5), keyboard-only editing and View → Outline (issue 6).
        self.presenter = install_presentation(self)
        self.keyboard = install_keyboard(self.view, session)
        self.keyboard.message.connect(self.status.inform)
        self.tips = install_tips(self.view)
        self.outline_dock = install_outline(self)
        self._connect()
        self.retranslate()
        self.live.schedule()

    # -- wiring ----------------------------------------------------------------------------
    def _connect(self) -> None:
        session = self.session
        session.refused.connect(self.status.refuse)
        session.path_changed.connect(self._update_title)
        session.undo_stack.cleanChanged.connect(self._clean_changed)
        session.document_replaced.connect(self._document_replaced)
        self.files.message.connect(self.status.inform)
        self.live.report_ready.connect(self._report_ready)
        self.live.failed.connect(self.status.refuse)
        # Selection is read once the scene has finished syncing a change (a renamed node is
        # removed and re-added, which clears its selection for a moment).
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(0)
        self._selection_timer.timeout.connect(self.sync_selection)
        self._edited = False
        session.changed.connect(self._note_edit)
        self.scene.selectionChanged.connect(self._selection_timer.start)
        band_clicked = getattr(self.scene, "band_clicked", None)
        if band_clicked is not None:
            band_clicked.connect(self.inspector.show_band)
        zoom_signal = getattr(self.view, "zoom_changed", None)
        if zoom_signal is not None:
            zoom_signal.connect(self.status.show_zoom)
        self.checklist.finding_activated.connect(self.go_to_finding)
        self.checklist.rule_disabled.connect(self.disable_rule)
        self.palette_dock.palette_list.activated_kind.connect(self.add_node_in_view)
        self.find_bar.found.connect(lambda node_id: self.go_to_target(node_id))

    def _report_ready(self, report) -> None:
        self.scene.set_report(report)
        self.checklist_dock.show_report(report)
        self.status.show_report(report)

    def _note_edit(self, _changes) -> None:
        self._edited = True

    def sync_selection(self) -> None:
        """Show the canvas selection in the inspector."""
        self._selection_timer.stop()
        if not shiboken6.isValid(self.scene):
            return  # the scene clears its selection while it is being destroyed
        node_ids, edge_ids = self.scene.selected_ids()
        edited, self._edited = self._edited, False
        kind, key = self.inspector.subject
        if not node_ids and not edge_ids and edited:
            # An edit redrew the shown item and dropped its selection: keep it shown.
            if kind == "node" and self.session.diagram.node(key) is not None:
                self.scene.select_ids([key], [])
                return
            if kind == "edge" and self.session.diagram.edge(*key) is not None:
                self.scene.select_ids([], ["->".join(key)])
                return
        self.inspector.show_selection(node_ids, edge_ids)

    def _document_replaced(self) -> None:
        self._update_title()
        self.zoom("show_start")

    # -- commands the menus call -----------------------------------------------------------
    def zoom(self, method: str) -> None:
        """Zoom the view (`zoom_in`, `zoom_out`, `zoom_reset`, `zoom_to_fit`, `show_start`)."""
        getattr(self.view, method)()
        self.status.show_zoom(self.view.transform().m11())

    def add_node_in_view(self, kind: str) -> None:
        """Add a node of `kind` in the middle of what the view shows (palette double-click)."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        self.view.create_node_at(kind, centre)

    def add_lane(self) -> None:
        """Diagram → Add lane: add one and show it in the inspector for naming."""
        self._add_band(LANE)

    def add_phase(self) -> None:
        """Diagram → Add phase: add one and show it in the inspector for naming."""
        self._add_band(PHASE)

    def _add_band(self, axis: Axis) -> None:
        band_id = band_dialogs.add_band(self.session, axis)
        if band_id:
            self.inspector.show_band(axis, band_id)
            self.inspector_dock.raise_()
            self.inspector.band_form.name.setFocus()
            self.inspector.band_form.name.selectAll()

    def go_to_target(self, target: str | None) -> None:
        """Select and centre what a finding or a search names: node, edge, lane or owner."""
        diagram = self.session.diagram
        if target is None:
            return
        if diagram.node(target) is not None:
            self.scene.select_ids([target], [])
            self.view.center_on_target(target)
        elif "->" in target and diagram.edge(*target.split("->", 1)) is not None:
            self.scene.select_ids([], [target])
            self.view.center_on_target(target)
        elif diagram.lane(target) is not None:
            self.scene.select_ids([], [])
            self.inspector.show_lane(target)
        else:  # an owner's name: select everything they own
            owned = [n.id for n in diagram.nodes if n.owner == target]
            if owned:
                self.scene.select_ids(owned, [])
                self.view.center_on_target(owned[0])

    def go_to_finding(self, finding) -> None:
        self.go_to_target(finding.target)

    def disable_rule(self, rule: str) -> None:
        """Don't report `rule` in this diagram (its `checklist.disable`): one undo step."""
        #: the name of the undo step; %1 is a rule id such as slow-step
        self.session.execute(DisableRule(rule, text=self.tr("Don't report %1").replace(
            "%1", rule)))

    def show_legend(self, on: bool) -> None:
        """View → Legend: show or hide the legend over the canvas."""
        if getattr(self, "legend", None) is None:
            from app.ui.canvas.legend import Legend
            self.legend = Legend(self.view)
        self.legend.setVisible(on)
        self.actions.legend.setChecked(on)

    def show_shortcuts(self):
        """Help → Keyboard shortcuts (modeless, so it can stay open beside the canvas)."""
        from app.ui.canvas.keyboard import CANVAS_KEYS
        from app.ui.panels.help_dialogs import ShortcutsDialog
        dialog = ShortcutsDialog(self, CANVAS_KEYS)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        """Help → About FunnelFlow."""
        from app.ui.panels.help_dialogs import show_about
        show_about(self)

    def open_find(self) -> None:
        self.find_bar.open()

    def set_language(self, code: str) -> None:
        """Switch the interface (and the checklist's wording) to `code` now."""
        i18n.install_language(self._app(), code)
        # Qt posts LanguageChange only when a catalogue was added or removed: apply it now.
        self._apply_language()

    @staticmethod
    def _app():
        from PySide6.QtCore import QCoreApplication
        return QCoreApplication.instance()

    # -- window state ----------------------------------------------------------------------
    def _update_title(self, *_args) -> None:
        path = self.session.path
        name = path.name if path else self.tr("Untitled")
        guard = getattr(self, "safeguards", None)
        if guard is not None and guard.read_only:  # open in another window (issue 17)
            name = self.tr("{name} (read-only)").format(name=name)
        self.setWindowTitle(f"{name}[*] — FunnelFlow")
        self.setWindowModified(self.session.modified)

    def _clean_changed(self, clean: bool) -> None:
        # The argument, not the stack: it also signals while being destroyed.
        self.setWindowModified(not clean)

    def restore_layout(self) -> None:
        """Window geometry and dock positions from the last session."""
        store = i18n.settings()
        geometry = store.value(GEOMETRY_KEY)
        state = store.value(STATE_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self._first_run_size()
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _first_run_size(self) -> None:
        """No remembered geometry: most of the screen (at most 1440x900), centred.

        Qt's default is a small window in which the canvas shows the sample at a size
        nobody can read.
        """
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        size = QSize(min(DEFAULT_SIZE.width(), area.width() * 9 // 10),
                     min(DEFAULT_SIZE.height(), area.height() * 9 // 10))
        self.resize(size)
        self.move(area.center() - QPoint(size.width() // 2, size.height() // 2))

    def save_layout(self) -> None:
        store = i18n.settings()
        store.setValue(GEOMETRY_KEY, self.saveGeometry())
        store.setValue(STATE_KEY, self.saveState())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.safeguards.close()  # a clean close: no recovery copy is left behind
        self.save_layout()
        event.accept()

    def retranslate(self) -> None:
        self._update_title()
        self.actions.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._apply_language()
        super().changeEvent(event)

    def _apply_language(self) -> None:
        self.lang = i18n.current_language()
        self.retranslate()
        i18n.retranslate_dock_buttons(self)
        lang = i18n.checklist_lang(self.lang)
        if lang != self.live.lang:
            self.live.set_lang(lang)
            self.scene.set_lang(lang)
