"""Interface language: English and 简体中文, switched at run time, remembered, fully translated."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QStandardPaths

from app.resources import resource_path
from app.ui import i18n

REPO = Path(__file__).resolve().parents[2]
UPDATE = "run `uv run python packaging/tools/update_translations.py`"


def _load_update_script():
    path = REPO / "packaging" / "tools" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tools = _load_update_script()
TS_FILES = sorted(resource_path("translations").glob("*.ts"))


@pytest.fixture
def store(tmp_path, monkeypatch) -> QSettings:
    """Settings in a temp file, so tests never read or write the user's real choice."""
    QStandardPaths.setTestModeEnabled(True)
    path = str(tmp_path / "settings.ini")
    monkeypatch.setattr(i18n, "settings", lambda: QSettings(path, QSettings.Format.IniFormat))
    return i18n.settings()


@pytest.fixture
def app(qapp, store):
    """The application, put back in English afterwards so no other test sees Chinese."""
    yield qapp
    i18n.install_language(qapp, i18n.ENGLISH, store)


def _yes() -> str:
    # A string from Qt's own catalogue, as the standard dialogs' buttons show it.
    return QCoreApplication.translate("QPlatformTheme", "&Yes")


# --- choosing the language ------------------------------------------------------------------


def test_available_languages_are_english_and_simplified_chinese_named_in_themselves():
    assert i18n.available_languages() == [("en", "English"), ("zh_CN", "简体中文")]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("zh_HK", "zh_CN"), ("en_US", "en"), ("de_DE", "en")],
)
def test_system_locale_picks_the_language(locale, expected):
    assert i18n.system_language(QLocale(locale)) == expected


def test_default_follows_the_system_until_the_user_chooses(store):
    assert i18n.saved_language(store) is None
    assert i18n.default_language(store) == i18n.system_language()
    store.setValue(i18n.LANGUAGE_KEY, "zh_CN")
    assert i18n.default_language(store) == "zh_CN"
    store.setValue(i18n.LANGUAGE_KEY, "en")
    assert i18n.default_language(store) == "en"


def test_a_remembered_language_no_longer_offered_is_ignored(store):
    store.setValue(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.default_language(store) == i18n.system_language()


def test_the_checklist_follows_the_interface_language():
    assert i18n.checklist_lang("zh_CN") == "zh"
    assert i18n.checklist_lang("en") == "en"


def test_unknown_language_is_refused(app):
    with pytest.raises(ValueError, match="fr"):
        i18n.install_language(app, "fr")


# --- switching at run time ------------------------------------------------------------------


def test_switching_to_chinese_and_back_changes_qt_and_funnelflow_strings(app, store):
    assert _yes() == "&Yes"
    assert i18n.install_language(app, "zh_CN", store) is True
    assert _yes() == "是(&Y)"
    assert QCoreApplication.translate("LanguageMenu", "&Language") == "语言(&L)"
    assert i18n.current_language() == "zh_CN"

    assert i18n.install_language(app, "en", store) is True
    assert _yes() == "&Yes"
    assert QCoreApplication.translate("LanguageMenu", "&Language") == "&Language"
    assert i18n.current_language() == "en"


def test_switching_twice_does_not_stack_translators(app, store):
    i18n.install_language(app, "zh_CN", store)
    i18n.install_language(app, "zh_CN", store)
    assert len(i18n._installed) == 2  # ours and Qt's, once each
    i18n.install_language(app, "en", store)
    assert i18n._installed == []


def test_the_choice_is_remembered_for_the_next_start(app, store, tmp_path):
    i18n.install_language(app, "zh_CN", store)
    # A fresh QSettings on the same file is what the next start reads.
    reopened = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert reopened.value(i18n.LANGUAGE_KEY) == "zh_CN"
    assert i18n.default_language() == "zh_CN"


def test_language_menu_retranslates_without_a_restart(app, store, qtbot):
    menu = i18n.LanguageMenu()
    qtbot.addWidget(menu)
    assert menu.title() == "&Language"
    assert [a.text() for a in menu.actions()] == ["English", "简体中文"]

    chinese = menu.actions()[1]
    chinese.trigger()  # what a click does
    assert i18n.current_language() == "zh_CN"
    assert chinese.isChecked()
    # LanguageChange is posted; the menu retranslates when it is delivered.
    qtbot.waitUntil(lambda: menu.title() == "语言(&L)", timeout=2000)
    assert _yes() == "是(&Y)"
    assert i18n.saved_language(store) == "zh_CN"

    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: menu.title() == "&Language", timeout=2000)
    assert i18n.saved_language(store) == "en"


# --- the catalogues -------------------------------------------------------------------------


def test_there_is_a_chinese_catalogue_and_its_compiled_form():
    names = {p.name for p in resource_path("translations").iterdir()}
    assert {"funnelflow_zh_CN.ts", "funnelflow_zh_CN.qm"} <= names


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translation_has_no_unfinished_entries(ts):
    catalogue = tools.messages(ts)
    assert catalogue, f"{ts.name} is empty"
    unfinished = [
        f"{context}: {source!r}"
        for (context, source, _), (text, state) in catalogue.items()
        if state == "unfinished" or (state == "" and not text.strip())
    ]
    assert not unfinished, f"{ts.name} has unfinished entries: {unfinished}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_their_keyboard_accelerators(ts):
    # "&Language" without "(&L)" would lose Alt+L for Chinese users.
    for (context, source, _), (text, _) in tools.messages(ts).items():
        if "&" in source.replace("&&", ""):
            assert "&" in text, f"{context}: {source!r} -> {text!r} lost its accelerator"


def test_catalogue_matches_the_source_and_the_qm_is_built_from_it():
    """Fails when someone adds a tr() string without updating, or edits the .ts only."""
    problems = tools.stale()
    assert not problems, f"{problems}; {UPDATE}, then translate what it marks unfinished"


def test_a_new_tr_string_makes_the_catalogue_stale(tmp_path):
    source = tmp_path / "panel.py"
    source.write_text(
        "from PySide6.QtWidgets import QWidget\n\n\n"
        "class Panel(QWidget):\n"
        "    def title(self):\n"
        "        return self.tr('Bottleneck checklist')\n",
        encoding="utf-8",
    )
    problems = tools.stale(sources=[*tools.ui_sources(), source])
    assert problems == ["funnelflow_zh_CN.ts does not match the strings in app/ui"]


def test_lrelease_output_equals_the_committed_qm(tmp_path):
    ts = tools.ts_path("zh_CN")
    built = tmp_path / "out.qm"
    tools.lrelease(ts, built)
    assert built.read_bytes() == tools.qm_path("zh_CN").read_bytes(), UPDATE


def test_messages_reads_states_and_plurals(tmp_path):
    ts = tmp_path / "sample.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>Panel</name>
  <message><source>Owner</source><translation>负责人</translation></message>
  <message><source>Draft</source><translation type="unfinished"></translation></message>
  <message numerus="yes"><source>%n step(s)</source>
    <translation><numerusform>%n 个步骤</numerusform></translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    assert tools.messages(ts) == {
        ("Panel", "Owner", ""): ("负责人", ""),
        ("Panel", "Draft", ""): ("", "unfinished"),
        ("Panel", "%n step(s)", ""): ("%n 个步骤", ""),
    }


def test_qt_tools_are_available():
    assert shutil.which(tools.tool("pyside6-lupdate"))
    assert shutil.which(tools.tool("pyside6-lrelease"))
