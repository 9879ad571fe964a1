"""`funnelflow [FILE]`: start the designer on a file, or on the sample full-funnel diagram."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.io import DiagramFileError
from app.io.templates import blank_diagram, load_template
from app.ui import i18n
from app.ui.fonts import install_application_font
from app.ui.session import Session

SAMPLE_TEMPLATE = "full-funnel"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with FunnelFlow's names, font and language."""
    existing = QApplication.instance()
    app = (existing if isinstance(existing, QApplication)
           else QApplication(argv if argv is not None else sys.argv[:1]))
    app.setOrganizationName(i18n.ORGANISATION)
    app.setApplicationName(i18n.APPLICATION)
    app.setApplicationDisplayName("FunnelFlow")
    icon = _app_icon()
    if icon is not None:
        app.setWindowIcon(icon)
    install_application_font()
    return app


def _app_icon() -> QIcon | None:
    from app.resources import resource_path

    folder = resource_path("icons")
    candidates = sorted(folder.glob("*.svg")) + sorted(folder.glob("*256*.png"))
    return QIcon(str(candidates[0])) if candidates else None


def sample_session(lang: str) -> Session:
    """The sample full-funnel diagram in the interface language, as an untitled document."""
    return Session(load_template(SAMPLE_TEMPLATE, i18n.checklist_lang(lang)))


def open_window(path: str | None, lang: str, blank: bool = False):
    """A shown main window on `path` (or the sample, or with `blank` an empty diagram);
    raises DiagramFileError for a bad file."""
    from app.ui.window import MainWindow

    if blank:
        session = Session(blank_diagram(i18n.checklist_lang(lang)))
    else:
        session = sample_session(lang)
    window = MainWindow(session, lang)
    if path is not None:
        from app.io import load_diagram

        file = Path(path)
        session.replace(load_diagram(file), file.resolve())
        from app.ui.files.file_actions import remember_file

        remember_file(file)
    window.restore_layout()
    return window


def start_window(path: str | None, lang: str):
    """The first window: on `path` (None: the sample). A refused file is reported over an
    empty diagram, with nothing unrelated behind the report."""
    try:
        window = open_window(path, lang)
    except DiagramFileError as error:
        # Started from a file manager nobody reads stderr: say it in the window, over an
        # empty diagram (the sample behind it would look like the file, or like a mix-up).
        print(error.located(i18n.checklist_lang(lang)), file=sys.stderr)
        window = open_window(None, lang, blank=True)
        window.show()
        window.files.report_problems(Path(path or error.problems[0].file), error,
                                     at_start=True)
    return window


def run(path: str | None) -> int:
    """Open the designer on `path` (None: the sample); returns the exit code."""
    from app.ui.display_check import display_problem

    problem = display_problem()
    if problem is not None:  # said plainly, before Qt aborts with its own long message
        print(problem, file=sys.stderr)
        return 1
    app = application()
    lang = i18n.default_language()
    i18n.install_language(app, lang)
    window = start_window(path, lang)
    window.show()
    # Once the docks have their sizes: the view's size decides what fits.
    QTimer.singleShot(0, lambda: window.zoom("show_start"))
    # Issue 7: after the window is on screen, offer what a crashed session left unsaved.
    QTimer.singleShot(0, window.safeguards.offer_recovery)
    return app.exec()
