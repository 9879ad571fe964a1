"""Presentation mode (F5 / View → Present): the diagram full screen for a workshop.

A separate full-screen window shows the designer's own scene (so it is always the live
document) with large, high-contrast type, a phase-by-phase reveal, a spotlight on the
selected step, the top bottleneck's path, and the what-if slider. Nothing in the main window
is changed while presenting except the scene's selection, which Esc puts back along with the
main view's zoom and scroll: the user returns exactly to where they were.

Keys: →/← next/previous phase, ↓/↑ next/previous lane, Home/End first step/everything,
Tab/Shift+Tab next/previous step in funnel order, B top bottleneck, W what-if slider,
Esc back (from the slider first to the canvas, then out of presentation).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from app.model.axes import LANE, PHASE, Axis
from app.render.outline import funnel_order
from app.ui.panels.axis_words import words
from app.ui.present import theme
from app.ui.present.path import FunnelPath, top_bottleneck_path
from app.ui.present.present_window import PresentationWindow
from app.ui.present.reveal import stage, step_count, step_showing


class PresentationController(QObject):
    """Enters and leaves presentation mode for one scene and session.

    `main_view` (optional) is the designer's canvas: its zoom and scroll are put back on leave.
    """

    entered = Signal()
    left = Signal()

    def __init__(self, scene, session, main_view=None, lang: str = "en",
                 parent: QObject | None = None):
        super().__init__(parent)
        self.scene, self.session, self.main_view, self.lang = scene, session, main_view, lang
        self.window: PresentationWindow | None = None
        self.mode: Axis = PHASE  # the axis the reveal walks along
        self.step = 1
        self.report = None
        self.bottleneck: str | None = None
        self.path = FunnelPath()
        self._saved = None
        self._theme = theme.BolderCanvas()

    @property
    def active(self) -> bool:
        return self.window is not None

    # -- enter and leave ----------------------------------------------------------------------
    def enter(self, *, full_screen: bool = True, size=None) -> PresentationWindow:
        """Open the presentation (full screen, or at `size` for screenshots and tests)."""
        if self.window is not None:
            return self.window
        view = self.main_view
        self._saved = {
            "selection": self.scene.selected_ids(),
            "transform": view.transform() if view is not None else None,
            "scroll": ((view.horizontalScrollBar().value(), view.verticalScrollBar().value())
                       if view is not None else None),
            "focus": view is not None and view.hasFocus(),
        }
        self._theme.apply()
        self.scene.show_labels(True)  # the designer may have hidden them, zoomed out
        self.scene.update()
        self.mode = PHASE if self.session.diagram.phases else LANE
        self.step = 1
        picture = size  # the type is sized for the picture it will fill
        if full_screen:
            from PySide6.QtGui import QGuiApplication

            screen = QGuiApplication.primaryScreen()
            picture = screen.size() if screen is not None else size
        theme.fit_to(*((picture.width(), picture.height()) if picture is not None
                       else (1920, 1080)))
        self.window = window = PresentationWindow(self)
        self.session.changed.connect(self._document_changed)
        self.scene.selectionChanged.connect(self._selection_changed)
        window.view.clicked.connect(self._clicked)
        self._analyse()
        if size is not None:
            window.resize(size)
        if full_screen:
            window.showFullScreen()
        else:
            window.show()
        window.activateWindow()
        window.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_stage()
        self._selection_changed()
        self.entered.emit()
        return window

    def leave(self) -> None:
        """Close the presentation and put the designer back exactly as it was."""
        window, self.window = self.window, None
        if window is None:
            return
        self.session.changed.disconnect(self._document_changed)
        self.scene.selectionChanged.disconnect(self._selection_changed)
        window.whatif.session.changed.disconnect(window.whatif._document_changed)
        window.hide()
        window.deleteLater()
        self._theme.restore()
        saved, self._saved = self._saved, None
        nodes, edges = saved["selection"]
        self.scene.select_ids(nodes, edges)
        self.scene.update()
        view = self.main_view
        if view is not None:
            view.setTransform(saved["transform"])
            if hasattr(view, "set_zoom"):  # its level of detail (edge labels) back as it was
                view.set_zoom(view.zoom())
            view.horizontalScrollBar().setValue(saved["scroll"][0])
            view.verticalScrollBar().setValue(saved["scroll"][1])
            if saved["focus"]:
                view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.left.emit()

    def toggle(self) -> None:
        """F5: enter, or leave when already presenting."""
        if self.active:
            self.leave()
        else:
            self.enter()

    # -- keys ---------------------------------------------------------------------------------
    def handle_key(self, key, modifiers) -> bool:
        """Act on a key pressed in the presentation; False if it is not one of ours."""
        K = Qt.Key
        window = self.window
        if window is None:
            return False
        if key == K.Key_Escape:
            if window.focusWidget() is not None and window.focusWidget() is not window:
                window.setFocus(Qt.FocusReason.OtherFocusReason)  # out of the slider first
            else:
                self.leave()
        elif key in (K.Key_Right, K.Key_PageDown, K.Key_Space):
            self.go(PHASE if self.session.diagram.phases else LANE, +1)
        elif key in (K.Key_Left, K.Key_PageUp):
            self.go(PHASE if self.session.diagram.phases else LANE, -1)
        elif key == K.Key_Down:
            self.go(LANE, +1)
        elif key == K.Key_Up:
            self.go(LANE, -1)
        elif key == K.Key_Home:
            self.set_step(1)
        elif key == K.Key_End:
            self.set_step(step_count(self.scene.layout, self.mode))
        elif key == K.Key_B:
            self.show_bottleneck()
        elif key == K.Key_W:
            self.focus_whatif()
        elif key == K.Key_F5:
            self.leave()
        else:
            return False
        return True

    def go(self, mode: Axis, delta: int) -> None:
        """One step on in `mode` (switching mode starts it with the current reveal's extent)."""
        if mode is not self.mode:
            self.mode, self.step = mode, 1 if delta > 0 else step_count(self.scene.layout, mode)
            if delta > 0:
                self._show_stage()
                return
        self.set_step(self.step + delta)

    def set_step(self, step: int) -> None:
        """Reveal the first `step` phases (or lanes)."""
        self.step = min(max(step, 1), step_count(self.scene.layout, self.mode))
        self._show_stage()

    def step_node(self, delta: int) -> str | None:
        """Select the next (or previous) step in funnel order, revealing it if veiled."""
        order = funnel_order(self.session.diagram)
        if not order:
            return None
        nodes, _ = self.scene.selected_ids()
        if nodes and nodes[0] in order:
            index = (order.index(nodes[0]) + delta) % len(order)
        else:
            index = 0 if delta > 0 else len(order) - 1
        node_id = order[index]
        self._reveal(node_id)
        self.scene.select_ids([node_id], [])
        if self.window is not None:
            self.window.setFocus(Qt.FocusReason.TabFocusReason)
        return node_id

    def show_bottleneck(self) -> None:
        """Select the top bottleneck's edge, and centre and frame it on the stage: spotlight
        and what-if turn to it."""
        if self.bottleneck is None:
            return
        source, _, target = self.bottleneck.partition("->")
        self._reveal(target)
        self.scene.select_ids([], [self.bottleneck])
        rect = self.scene.item_rect(self.bottleneck)
        if self.window is not None and rect is not None:
            for end in (source, target):
                box = self.scene.item_rect(end)
                if box is not None:
                    rect = rect.united(box)
            self.window.view.frame(rect)

    def focus_whatif(self) -> None:
        """Put the keyboard on the what-if slider (the top bottleneck when nothing is chosen)."""
        window = self.window
        if window is None:
            return
        if window.whatif.lever is None:
            self.show_bottleneck()
        if window.whatif.slider.isEnabled():
            window.whatif.slider.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- keeping the picture in step ----------------------------------------------------------
    def _reveal(self, node_id: str) -> None:
        box = self.scene.layout.nodes.get(node_id)
        if box is not None:
            needed = step_showing(self.scene.layout, self.mode, box)
            if needed > self.step:
                self.set_step(needed)

    def _show_stage(self) -> None:
        window = self.window
        if window is None:
            return
        now = stage(self.scene.layout, self.mode, self.step)
        self.step = now.step
        window.view.show_part(now.shown, now.hidden, now.focus, not self.mode.rows)
        self.refresh_texts()

    def refresh_texts(self) -> None:
        """The title bar: the diagram's title and where the reveal is."""
        window = self.window
        if window is None:
            return
        diagram = self.session.diagram
        window.title.setText(diagram.title)
        now = stage(self.scene.layout, self.mode, self.step)
        if now.steps <= 1 and not now.title:
            window.stage_label.setText("")
            return
        template = words(self.mode).step
        window.stage_label.setText(template.replace("%1", str(now.step))
                                   .replace("%2", str(now.steps)).replace("%3", now.title))

    def _analyse(self) -> None:
        from app.analysis import analyze

        diagram = self.session.diagram
        self.report = analyze(diagram, self.lang)
        self.bottleneck, self.path = top_bottleneck_path(diagram, self.report)
        if self.window is not None:
            self.window.view.set_path(self.path, self.scene.layout, diagram)

    def _document_changed(self, _changes=None) -> None:
        self._analyse()
        self._show_stage()
        self._selection_changed()

    def _selection_changed(self) -> None:
        window = self.window
        if window is None:
            return
        nodes, edges = self.scene.selected_ids()
        target = nodes[0] if nodes else edges[0] if edges else None
        window.spotlight.show_target(self.session.diagram, self.report, target)
        window.whatif.set_target(target)

    def _clicked(self, target_id: str) -> None:
        if not target_id:
            self.scene.select_ids([], [])
        elif "->" in target_id:
            self.scene.select_ids([], [target_id])
        else:
            self.scene.select_ids([target_id], [])


class _PresentAction(QObject):
    """View → Present (F5) in the main window, named in the current language."""

    def __init__(self, window, controller: PresentationController):
        super().__init__(window)
        self.controller = controller
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(controller.enter)
        window.addAction(self.action)
        menu = getattr(getattr(window, "actions", None), "view_menu", None)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.action)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Present"))
        self.action.setToolTip(self.tr("Full-screen presentation for a workshop (Esc returns)"))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            from app.ui import i18n

            self.controller.lang = i18n.checklist_lang(i18n.current_language())
            self.retranslate()
        return False


def install_presentation(window) -> PresentationController:
    """Give a MainWindow View → Present (F5); returns the controller (one line to wire)."""
    from app.ui import i18n

    lang = i18n.checklist_lang(getattr(window, "lang", i18n.current_language()))
    controller = PresentationController(window.scene, window.session, window.view, lang, window)
    controller.present_action = _PresentAction(window, controller).action
    return controller
