"""A Chinese user meets no English: every widget, menu, dialog and error path of the designer,
walked in zh_CN, shows no untranslated English word (a short allow-list of brand names,
units, key names and file formats aside)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabBar,
    QWidget,
)
from test_window_helpers import make_window

from app.io import DiagramFileError, load_diagram
from app.io.templates import load_template
from app.model.axes import LANE, PHASE
from app.ui import i18n

pytest_plugins = ["test_window_helpers"]

BAD = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "bad").iterdir())
#: words that stay as they are in a Chinese interface: names, formats, units, keys
ALLOWED = {
    "FunnelFlow", "KPI", "KPIs", "CAC", "ROI", "LTV", "NPS", "SVG", "PNG", "PDF", "CSV",
    "Markdown", "Mermaid", "Excel", "YAML", "yaml", "yml", "xlsx", "mmd", "svg", "png", "pdf",
    "csv", "Ctrl", "Shift", "Alt", "Tab", "Enter", "Esc", "Del", "Delete", "Backspace", "Space",
    "PgUp", "PgDown", "Home", "End", "Ins", "Noto", "Sans", "CJK", "PySide6", "PySide",
    "pydantic", "PyYAML", "SIL", "Open", "Font", "License", "UTF", "GBK", "ISO", "CNY", "USD",
    "funnelflow", "schema", "iconv", "old", "new", "Notepad", "Windows", "MQL", "SQL", "SEO",
    "SaaS", "AARRR", "B2B", "App", "App Store", "Qt", "lanes", "phases", "true", "false",
    "HTML",
}
_LITERAL = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|https?://\S+|<[^>]+>|&\w+;|\*\.\w+"
                      r"|\b0x[0-9A-F]+\b|\bU\+[0-9A-F]+\b|#[0-9A-Fa-f]{6}\b")


def _rule_words() -> set[str]:
    # Rule ids (`negative-roi`) are what a file's `checklist.disable` names: shown as written.
    from app.analysis import RULES
    return {part for rule in RULES for part in rule.split("-")}


def english(text: str, user_text: str = "") -> list[str]:
    """English words (3+ Latin letters) in `text` that are not allowed, quoted or the user's."""
    text = _LITERAL.sub(" ", text.replace("&&", "").replace("&", ""))
    allowed = ALLOWED | _rule_words() | {"English"}  # each language is named in itself
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]{2,}", text)
            if w not in allowed and w not in user_text]


def texts_of(widget: QWidget) -> list[str]:
    """Every text a user can read on `widget` and its children, menus included."""
    out: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        out += [w.windowTitle(), w.toolTip(), w.statusTip(), w.accessibleName()]
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QMenu):
            out += menu_texts(w)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out += model_texts(w)
        for act in QWidget.actions(w):
            out += [act.text(), act.toolTip()]
    return [t for t in out if t]


def menu_texts(menu: QMenu) -> list[str]:
    out = [menu.title()]
    for act in menu.actions():
        out += [act.text(), act.toolTip()]
        if act.menu() is not None:
            out += menu_texts(act.menu())
    return out


def model_texts(view: QAbstractItemView) -> list[str]:
    model, out = view.model(), []
    try:
        count = model.columnCount(view.rootIndex())
    except TypeError:  # a list model keeps columnCount private
        count = 1
    out += [str(model.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(count)]

    def walk(parent, depth=0):
        if depth > 3:
            return
        for row in range(min(model.rowCount(parent), 200)):
            for col in range(count):
                index = model.index(row, col, parent)
                out.extend(str(model.data(index, role) or "") for role in
                           (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole))
                if col == 0 and not isinstance(view, QFileDialog):
                    walk(index, depth + 1)
    walk(view.rootIndex())
    return out


@pytest.fixture
def chinese(qtbot, settings_store, dialogs, tmp_path):
    window = make_window(qtbot, load_template("full-funnel", "zh"))
    window.set_language(i18n.CHINESE)  # as View → Language does
    QApplication.processEvents()
    assert window.live.lang == "zh"
    window.live.run_now()
    QApplication.processEvents()
    yield window
    i18n.install_language(QApplication.instance(), i18n.ENGLISH, settings_store)


def user_words(window) -> str:
    """Everything the document itself says (ids, labels, owners, notes): the user's text."""
    return Path(window.session.diagram.model_dump_json()).as_posix()


def assert_chinese(texts, user_text="", where=""):
    bad = {t: words for t in texts if (words := english(t, user_text))}
    assert not bad, f"{where}: untranslated English: {bad}"


def test_the_main_window_menus_docks_and_toolbar(chinese):
    window = chinese
    assert_chinese(texts_of(window), user_words(window), "main window")
    window.show_legend(True)
    legend = window.legend
    assert_chinese([text for _, text in legend.rows()], where="legend")


def test_every_inspector_page_and_context_menu(chinese):
    window = chinese
    user = user_words(window)
    node = window.session.diagram.nodes[5].id
    edge = window.session.diagram.edges[3].id
    for show in (lambda: window.inspector.show_node(node),
                 lambda: window.inspector.show_edge(*edge.split("->")),
                 lambda: window.inspector.show_lane("marketing"),
                 lambda: window.inspector.show_phase(window.session.diagram.phases[0].id),
                 window.inspector.show_diagram):
        show()
        assert_chinese(texts_of(window.inspector_dock), user, "inspector")
    actions = window.canvas_actions
    for kind, target in (("node", node), ("edge", edge), (LANE, "marketing"),
                         (PHASE, window.session.diagram.phases[0].id), ("canvas", "")):
        assert_chinese(menu_texts(actions.menu_for(kind, target, QPointF(400, 100))), user,
                       f"{kind} menu")
    assert_chinese([window.tips.node_text(node), window.tips.edge_text(edge)], user, "tooltips")


def test_dialogs_of_the_help_and_file_menus(chinese, tmp_path):
    from app.ui.canvas.keyboard import CANVAS_KEYS
    from app.ui.files.export_dialog import ExportDialog
    from app.ui.files.template_dialog import TemplateDialog
    from app.ui.panels.help_dialogs import ShortcutsDialog, about_text

    window = chinese
    for dialog in (ShortcutsDialog(window, CANVAS_KEYS), TemplateDialog("zh", window)):
        dialog.show()
        assert_chinese(texts_of(dialog), "", type(dialog).__name__)
        dialog.close()
    assert_chinese([about_text()], "", "about")
    from app.export.registry import EXPORTERS
    paths = f"{tmp_path} {Path.home()} {Path('/').resolve()}"
    export = ExportDialog(window, str(tmp_path / "图.svg"), EXPORTERS)
    export.setOption(QFileDialog.Option.DontUseNativeDialog)
    export.show()
    assert_chinese(texts_of(export) + export.nameFilters(), paths, "export dialog")
    assert "查找范围" in " ".join(texts_of(export))  # Qt's own catalogue is loaded
    export.close()
    from app.ui.files.file_actions import file_filter
    opener = QFileDialog(window, "打开", str(tmp_path), file_filter())
    opener.setOption(QFileDialog.Option.DontUseNativeDialog)
    opener.show()
    assert_chinese(texts_of(opener), paths, "open dialog")
    opener.close()


def test_message_boxes_and_every_error_path_of_opening_a_bad_file(chinese, monkeypatch):
    from app.ui.files.error_dialog import LoadErrorDialog

    window = chinese
    for path in BAD:
        try:
            load_diagram(path)
        except DiagramFileError as error:
            dialog = LoadErrorDialog(path, error, window)
            source = path.read_bytes().decode("utf-8", errors="replace") + str(path)
            texts = texts_of(dialog) + [dialog.text(), dialog.informativeText(),
                                        dialog.detailedText()]
            # The source lines under "Show details" are the file itself: skip them.
            texts = [t for t in texts if t != dialog.detailedText()]
            assert_chinese(texts, source, path.name)
            dialog.deleteLater()
    missing = Path("/no/such/file.yaml")
    try:
        load_diagram(missing)
    except DiagramFileError as error:
        dialog = LoadErrorDialog(missing, error, window, at_start=True)
        assert_chinese([dialog.text(), dialog.informativeText()], str(missing), "missing")
    box = QMessageBox(QMessageBox.Icon.Question, "FunnelFlow", "x",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, window)
    box.setDetailedText("详情")
    box.show()
    assert_chinese(texts_of(box), "", "message box buttons")


def test_opening_each_bad_file_through_the_window_says_why_in_chinese(chinese, dialogs):
    window = chinese
    before = window.session.diagram
    for path in BAD:
        assert not window.files.load(path)
        source = path.read_bytes().decode("utf-8", errors="replace") + str(path)
        assert_chinese([dialogs["box"][-1]], source, f"open {path.name}")
    assert window.session.diagram is before
    assert len(dialogs["box"]) == len(BAD)


def test_refusals_of_edits_read_in_chinese(chinese):
    from app.model import Edge
    from app.model.commands import AddItems, UpdateNode

    window = chinese
    reasons = []
    window.session.refused.connect(reasons.append)
    exit_id = next(n.id for n in window.session.diagram.nodes if n.kind.value == "exit")
    other = window.session.diagram.nodes[0].id
    window.session.execute(AddItems(edges=(Edge(source=exit_id, target=other),)))
    window.session.execute(UpdateNode(other, {"id": "坏 id"}))
    window.session.execute(UpdateNode(other, {"volume": -3}))
    assert len(reasons) == 3
    assert_chinese(reasons, user_words(window), "refusals")


def test_lane_dialogs_and_the_presentation(chinese):
    from PySide6.QtWidgets import QColorDialog, QInputDialog

    from app.ui.panels.band_dialogs import ReassignDialog

    window = chinese
    user = user_words(window)
    reassign = ReassignDialog(window, "市场部", "这条泳道上有 5 个节点。", [("销售部", "sales")],
                              LANE)
    colour = QColorDialog(window)
    colour.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
    ask = QInputDialog(window)
    ask.setLabelText("名称：")
    for dialog in (reassign, colour, ask):
        dialog.show()
        assert_chinese(texts_of(dialog), user, type(dialog).__name__)
        dialog.close()
    shown = window.presenter.enter(full_screen=False, size=QSize(900, 600))
    try:
        assert_chinese(texts_of(shown), user, "presentation")
    finally:
        window.presenter.leave()
