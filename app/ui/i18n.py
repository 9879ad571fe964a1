"""The interface language: English or 简体中文, switched at run time and remembered.

Source strings are English; Chinese comes from resources/translations/funnelflow_zh_CN.qm
(built from the .ts by packaging/tools/update_translations.py) plus Qt's own qtbase_zh_CN.qm
for the standard dialogs. Installing or removing a QTranslator makes Qt send LanguageChange
to every widget, which retranslates itself: no restart.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from app.resources import resource_path

log = logging.getLogger(__name__)

ORGANISATION = "FunnelFlow"
APPLICATION = "FunnelFlow"
LANGUAGE_KEY = "ui/language"

ENGLISH = "en"
CHINESE = "zh_CN"
# Each language is named in itself, never translated: a user who cannot read the current
# language must still find their own in the menu.
LANGUAGES: tuple[tuple[str, str], ...] = ((ENGLISH, "English"), (CHINESE, "简体中文"))

# Translators must outlive the call that installs them (Qt keeps only a pointer), and the
# next switch must be able to remove exactly these.
_installed: list[QTranslator] = []
_current: str = ENGLISH


def available_languages() -> list[tuple[str, str]]:
    """The interface languages as (code, name in that language), English first."""
    return list(LANGUAGES)


def settings() -> QSettings:
    """The user's FunnelFlow settings (a function so tests can point it elsewhere)."""
    return QSettings(ORGANISATION, APPLICATION)


def system_language(locale: QLocale | None = None) -> str:
    """The interface language for a locale: any Chinese locale gets 简体中文, the rest English."""
    name = (locale if locale is not None else QLocale.system()).name()
    return CHINESE if name.lower().startswith("zh") else ENGLISH


def saved_language(store: QSettings | None = None) -> str | None:
    """The language the user last chose, or None if never chosen (or no longer offered)."""
    value = (store if store is not None else settings()).value(LANGUAGE_KEY, "", type=str)
    return value if value in dict(LANGUAGES) else None


def default_language(store: QSettings | None = None) -> str:
    """The language to start in: the remembered choice, else the system locale's."""
    return saved_language(store) or system_language()


def current_language() -> str:
    """The language installed last by install_language (English before any)."""
    return _current


def checklist_lang(code: str) -> str:
    """The checklist's language code (`--lang`) for an interface language: it follows the UI."""
    return "zh" if code == CHINESE else "en"


def interface_locale(code: str, system: QLocale | None = None) -> QLocale:
    """The locale that formats dates and numbers for interface language `code`: zh_CN for
    简体中文; for English the system's own English locale (en_GB keeps day-month), else en_US,
    so a date never comes out in a third language."""
    if code == CHINESE:
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    system = system if system is not None else QLocale.system()
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def qt_translations_dir() -> str:
    """Where Qt's own catalogues (qtbase_*.qm) are installed."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def _load(name: str, directory: str) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(name, directory):
        return translator
    log.warning("translation catalogue %s not found in %s", name, directory)
    return None


def install_language(app: QCoreApplication, code: str, store: QSettings | None = None) -> bool:
    """Switch `app` to language `code` now, and remember it for the next start.

    Returns False when a catalogue could not be loaded (the switch still happens with what
    loaded; missing strings stay English). Raises ValueError for an unknown code.
    """
    global _current
    if code not in dict(LANGUAGES):
        raise ValueError(f"unknown interface language {code!r}")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    complete = True
    if code != ENGLISH:
        catalogues = (
            (f"funnelflow_{code}", str(resource_path("translations"))),
            (f"qtbase_{code}", qt_translations_dir()),
        )
        for name, directory in catalogues:
            loaded = _load(name, directory)
            if loaded is None:
                complete = False
                continue
            app.installTranslator(loaded)
            _installed.append(loaded)

    _current = code
    QLocale.setDefault(interface_locale(code))
    target = store if store is not None else settings()
    target.setValue(LANGUAGE_KEY, code)
    target.sync()
    return complete


class LanguageMenu(QMenu):
    """View → Language: one checkable entry per language; choosing one switches at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self._actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = self.addAction(name)
            action.setCheckable(True)
            action.setData(code)
            self._group.addAction(action)
            self._actions[code] = action
        self._group.triggered.connect(self._choose)
        # Another window or the command line may have switched: show the truth on opening.
        self.aboutToShow.connect(self._sync_checks)
        self._sync_checks()
        self._retranslate()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.setToolTip(self.tr("Interface language; switches immediately"))

    def _sync_checks(self) -> None:
        action = self._actions.get(current_language())
        if action is not None:
            action.setChecked(True)

    def _choose(self, action: QAction) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        install_language(app, action.data())

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate the title when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def retranslate_dock_buttons(window: QWidget) -> None:
    """Name the docks' float and close buttons in the current language: Qt words them once,
    when the dock is made, and not again after a switch."""
    from PySide6.QtWidgets import QAbstractButton

    names = {"qt_dockwidget_floatbutton": QCoreApplication.translate("QDockWidget", "Float"),
             "qt_dockwidget_closebutton": QCoreApplication.translate("QDockWidget", "Close")}
    for button in window.findChildren(QAbstractButton):
        name = names.get(button.objectName())
        if name is not None:
            button.setAccessibleName(name)
            button.setToolTip(name)
