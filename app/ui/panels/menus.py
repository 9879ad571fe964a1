"""The main window's menus and toolbar: every action built once, texts set by `retranslate`."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from app.model.commands import TidyUp
from app.ui import i18n
from app.ui.files.file_actions import recent_files

# Undo steps are named in English where they are built (the model's and the canvas's
# commands); the Undo/Redo tooltips show those names in the interface language.
UNDO_TEXTS = (
    QT_TRANSLATE_NOOP("UndoText", "Add"), QT_TRANSLATE_NOOP("UndoText", "Delete"),
    QT_TRANSLATE_NOOP("UndoText", "Move"), QT_TRANSLATE_NOOP("UndoText", "Edit node"),
    QT_TRANSLATE_NOOP("UndoText", "Edit connection"), QT_TRANSLATE_NOOP("UndoText", "Reconnect"),
    QT_TRANSLATE_NOOP("UndoText", "Edit diagram"), QT_TRANSLATE_NOOP("UndoText", "Edit lanes"),
    QT_TRANSLATE_NOOP("UndoText", "Tidy up"), QT_TRANSLATE_NOOP("UndoText", "Restore"),
    QT_TRANSLATE_NOOP("UndoText", "Keep comments as notes"),
    QT_TRANSLATE_NOOP("UndoText", "Paste"), QT_TRANSLATE_NOOP("UndoText", "Rename"),
    QT_TRANSLATE_NOOP("UndoText", "Nudge"), QT_TRANSLATE_NOOP("UndoText", "Connect"),
    QT_TRANSLATE_NOOP("UndoText", "Create node"), QT_TRANSLATE_NOOP("UndoText", "What-if"),
    QT_TRANSLATE_NOOP("UndoText", "Edit"), QT_TRANSLATE_NOOP("UndoText", "Change kind"),
    QT_TRANSLATE_NOOP("UndoText", "Move to lane"), QT_TRANSLATE_NOOP("UndoText", "Cut"),
)


def undo_name(text: str) -> str:
    """An undo step's name in the interface language (names built in English are looked up)."""
    return QCoreApplication.translate("UndoText", text) if text else text


class WindowActions(QObject):
    """Builds the menus and toolbar of `window` and names them in the current language."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        w, files, stack = window, window.files, window.session.undo_stack
        style = window.style()

        def action(slot, shortcut=None, icon=None, checkable=False) -> QAction:
            act = QAction(window)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            if icon is not None:
                act.setIcon(style.standardIcon(icon) if isinstance(icon, QStyle.StandardPixmap)
                            else QIcon.fromTheme(icon))
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            return act

        sp = QStyle.StandardPixmap
        self.new = action(lambda: files.new_blank(), QKeySequence.StandardKey.New,
                          sp.SP_FileIcon)
        self.new_template = action(lambda: files.new_from_template())
        self.open = action(lambda: files.open(), QKeySequence.StandardKey.Open,
                           sp.SP_DialogOpenButton)
        self.save = action(lambda: files.save(), QKeySequence.StandardKey.Save,
                           sp.SP_DialogSaveButton)
        self.save_as = action(lambda: files.save_as(), QKeySequence.StandardKey.SaveAs)
        self.export = action(lambda: files.export(), "Ctrl+E")
        self.print = action(lambda: _print_preview(w), QKeySequence.StandardKey.Print)
        self.quit = action(w.close, QKeySequence.StandardKey.Quit)
        self.undo = action(stack.undo, QKeySequence.StandardKey.Undo, sp.SP_ArrowBack)
        self.redo = action(stack.redo, QKeySequence.StandardKey.Redo, sp.SP_ArrowForward)
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        # Bound methods, and the text from the signal: the stack also signals while it is
        # being destroyed, when it can no longer be asked anything.
        stack.undoTextChanged.connect(self._undo_tip)
        stack.redoTextChanged.connect(self._redo_tip)
        self.find = action(w.open_find, QKeySequence.StandardKey.Find,
                           sp.SP_FileDialogContentsView)
        self.zoom_in = action(lambda: w.zoom("zoom_in"), QKeySequence.StandardKey.ZoomIn)
        self.zoom_out = action(lambda: w.zoom("zoom_out"), QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset = action(lambda: w.zoom("zoom_reset"), "Ctrl+0")
        self.zoom_fit = action(lambda: w.zoom("zoom_to_fit"), "Ctrl+9")
        self.flow = action(lambda on: w.scene.set_flow_thickness(on), checkable=True)
        self.add_lane = action(lambda: w.add_lane(), "Ctrl+Shift+L")
        self.add_phase = action(lambda: w.add_phase(), "Ctrl+Shift+P")
        self.tidy = action(lambda: w.session.execute(TidyUp(text=self.tr("Tidy up"))),
                           "Ctrl+Shift+T")
        self.properties = action(w.inspector.show_diagram)
        self.import_actuals = action(lambda: _review().import_actuals(w), "Ctrl+I")
        self.close_period = action(lambda: _review().close_period(w))
        self.dashboard = action(lambda: _open_dashboard(w), "Ctrl+Shift+D")
        self.legend = action(lambda on: w.show_legend(on), "Ctrl+L", checkable=True)
        self.shortcuts = action(lambda: w.show_shortcuts(), QKeySequence.StandardKey.HelpContents)
        self.about = action(lambda: w.show_about())
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        for item in (self.new, self.new_template, self.open, self.recent_menu, None, self.save,
                     self.save_as, self.export, self.print, self.import_actuals, None, self.quit):
            _add(self.file_menu, item)
        self.edit_menu = bar.addMenu("")
        canvas = getattr(w, "canvas_actions", None)
        edits = (None, *canvas.edit_actions) if canvas is not None else ()
        for item in (self.undo, self.redo, *edits, None, self.find):
            _add(self.edit_menu, item)
        self.view_menu = bar.addMenu("")
        self.language_menu = i18n.LanguageMenu(window)
        for item in (self.zoom_in, self.zoom_out, self.zoom_reset, self.zoom_fit, None,
                     self.flow, self.legend, None, w.palette_dock.toggleViewAction(),
                     w.inspector_dock.toggleViewAction(), w.checklist_dock.toggleViewAction(),
                     self.dashboard, None, self.language_menu):
            _add(self.view_menu, item)
        self.diagram_menu = bar.addMenu("")
        for item in (self.add_lane, self.add_phase, None, self.tidy, None, self.close_period,
                     None, self.properties):
            _add(self.diagram_menu, item)
        self.help_menu = bar.addMenu("")
        for item in (self.shortcuts, None, self.about):
            _add(self.help_menu, item)

        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in (self.new, self.new_template, self.open, self.save, None, self.undo,
                     self.redo, None, self.zoom_out, self.zoom_in, self.zoom_reset,
                     self.zoom_fit, None, self.find, None, self.add_lane, self.add_phase):
            if item is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(item)
        window.addToolBar(self.toolbar)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = recent_files()
        for number, path in enumerate(paths, 1):
            act = self.recent_menu.addAction(f"&{number % 10}  {Path(path).name}")
            act.setToolTip(path)
            act.triggered.connect(lambda _c=False, p=path: self.window.files.open(p))
        if not paths:
            self.recent_menu.addAction(self.tr("(no recent files)")).setEnabled(False)

    def _undo_tip(self, text: str) -> None:
        self.undo.setToolTip(self.tr("Undo %1").replace("%1", undo_name(text)).strip())

    def _redo_tip(self, text: str) -> None:
        self.redo.setToolTip(self.tr("Redo %1").replace("%1", undo_name(text)).strip())

    def retranslate(self) -> None:
        """Menu titles and action texts in the current language."""
        texts = {
            self.new: self.tr("&New"), self.new_template: self.tr("New from &template…"),
            self.open: self.tr("&Open…"),
            self.save: self.tr("&Save"), self.save_as: self.tr("Save &As…"),
            self.export: self.tr("&Export…"), self.print: self.tr("&Print…"),
            self.quit: self.tr("&Quit"),
            self.undo: self.tr("&Undo"), self.redo: self.tr("&Redo"),
            self.find: self.tr("&Find…"), self.zoom_in: self.tr("Zoom &in"),
            self.zoom_out: self.tr("Zoom &out"), self.zoom_reset: self.tr("&Actual size"),
            self.zoom_fit: self.tr("&Fit diagram"),
            self.flow: self.tr("Edge thickness shows &flow"),
            self.add_lane: self.tr("Add &lane"), self.add_phase: self.tr("Add &phase"),
            self.tidy: self.tr("&Tidy up layout"),
            self.properties: self.tr("Diagram &properties"),
            self.import_actuals: self.tr("&Import actuals…"),
            self.close_period: self.tr("&Close period…"),
            self.dashboard: self.tr("&Dashboard"),
            self.legend: self.tr("&Legend"), self.shortcuts: self.tr("&Keyboard shortcuts"),
            self.about: self.tr("&About FunnelFlow"),
        }
        for act, text in texts.items():
            act.setText(text)
            act.setIconText(icon_text(text))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.diagram_menu.setTitle(self.tr("&Diagram"))
        self.help_menu.setTitle(self.tr("&Help"))
        canvas = getattr(self.window, "canvas_actions", None)
        if canvas is not None:
            canvas.retranslate()
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.export.setToolTip(self.tr("Export as SVG, PNG, PDF, Markdown, CSV, Mermaid…"))
        self.print.setToolTip(self.tr("Print the diagram over as many pages as it needs to "
                                      "stay readable, with a preview"))
        self.tidy.setToolTip(self.tr("Forget hand-placed positions and lay everything out again"))
        self._undo_tip(self.window.session.undo_stack.undoText())
        self._redo_tip(self.window.session.undo_stack.redoText())


def _review():
    from app.ui import review  # lazy: the import reads spreadsheets (openpyxl) on demand

    return review


def _open_dashboard(window: QMainWindow) -> None:
    """View → Dashboard: one window per main window, refreshed as the diagram changes."""
    from app.ui.dashboard import DashboardDialog  # lazy: pyqtgraph loads on first use

    dialog = getattr(window, "dashboard", None)
    if dialog is None:
        dialog = window.dashboard = DashboardDialog(window.session, window)
    else:
        dialog.view.show_diagram(window.session.diagram)
    dialog.show()
    dialog.raise_()


def _print_preview(window) -> None:
    # Imported on first use: Qt's print support is not needed to start the designer.
    from app.ui.export.print_dialog import preview

    window.print_dialog = preview(window)


def icon_text(text: str) -> str:
    """A menu text as a toolbar label: no accelerator ("&Save", "保存(&S)") and no "…"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…")


def _add(menu: QMenu, item) -> None:
    if item is None:
        menu.addSeparator()
    elif isinstance(item, QMenu):
        menu.addMenu(item)
    else:
        menu.addAction(item)


def build_menus(window: QMainWindow) -> WindowActions:
    """Create the menus and toolbar of `window`."""
    return WindowActions(window)
