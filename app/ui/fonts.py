"""Register the bundled CJK font with Qt and make it every widget's default.

Works under a QGuiApplication (headless exports from the command line) as well as under a
QApplication (the designer): both own a font database and an application font.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from app.render.fonts import BUNDLED_FAMILY, FONT_FAMILIES, GENERIC_FAMILY, bundled_font_path

log = logging.getLogger(__name__)


def register_fonts() -> str:
    """Add the bundled font to Qt's font database once; returns its family name.

    Returns "" (and logs why) when the file is missing or unreadable: text then falls back to
    the system families, which is worse for Chinese but better than refusing to start.
    """
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        raise RuntimeError("register_fonts() needs a QGuiApplication or QApplication first")
    # Asking the database, not a module flag, keeps this right when tests recreate the app.
    if BUNDLED_FAMILY in QFontDatabase.families():
        return BUNDLED_FAMILY
    path = bundled_font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("could not load the bundled font %s; Chinese may render as boxes", path)
        return ""
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else ""


def ui_families() -> list[str]:
    """The fallback list in the form QFont.setFamilies wants (no CSS generic name)."""
    return [name for name in FONT_FAMILIES if name != GENERIC_FAMILY]


def ui_font(point_size: float | None = None) -> QFont:
    """A QFont that tries the bundled family first and the system CJK families after it."""
    font = QFont()
    font.setFamilies(ui_families())
    # Stands in for "sans-serif": where no listed family exists, Qt picks a sans face.
    font.setStyleHint(QFont.StyleHint.SansSerif)
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font


def install_application_font(point_size: float | None = None) -> QFont:
    """Register the font and make it the application default, so every widget inherits it.

    Keeps the platform's default size unless `point_size` is given (a projector may want more).
    """
    register_fonts()
    app = QCoreApplication.instance()
    assert isinstance(app, QGuiApplication), "a Qt GUI application must exist first"
    size = point_size if point_size is not None else app.font().pointSizeF()
    font = ui_font(size if size > 0 else None)
    QGuiApplication.setFont(font)
    return font
