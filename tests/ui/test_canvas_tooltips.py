"""Tooltips on nodes and edges: every number, the owner, the lane, the findings."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPointF
from test_window_helpers import make_window

from app.ui import i18n

pytest_plugins = ["test_window_helpers"]


def test_node_tooltip_has_owner_numbers_kpis_and_findings(qtbot, settings_store, dialogs):
    window = make_window(qtbot)
    box = window.scene.layout.nodes["decide"]
    text = window.tips.text_at(QPointF(box.cx, box.cy))
    node = window.session.diagram.node("decide")
    assert text.startswith(f"<b>{node.title}</b> — Decision")
    assert "Lane: Sales" in text and f"Owner: {node.owner}" in text
    volume = window.live.report.volumes["actual"]["decide"] if hasattr(window.live, "report") \
        else window.scene.report.volumes["actual"]["decide"]
    assert f"People per period: {QLocale().toString(volume, 'f', 0)}" in text
    findings = window.scene.report.findings_for("decide")
    for finding in findings[:6]:
        assert finding.message.replace("“", "&ldquo;")[:20] in text or \
            finding.message[:20] in text.replace("&quot;", '"').replace("&#x27;", "'")


def test_money_carries_the_diagram_currency(qtbot, settings_store, dialogs):
    window = make_window(qtbot)
    node = window.session.diagram.node("ads")
    text = window.tips.node_text("ads")
    currency = window.session.diagram.currency
    assert node.cost is not None and currency
    assert f"Cost: {QLocale().toString(float(node.cost), 'f', 0)} {currency}" in text


def test_edge_tooltip_has_conversion_target_and_flow(qtbot, settings_store, dialogs):
    window = make_window(qtbot)
    text = window.tips.edge_text("decide->lost")
    assert "Conversion: 42% (target 35%)" in text
    flow = window.scene.report.flows["actual"]["decide->lost"]
    assert f"People per period: {QLocale().toString(flow, 'f', 0 if flow >= 10 else 1)}" in text
    assert window.tips.edge_text("review->referral").count("not measured") == 1


def test_tooltip_numbers_follow_the_interface_language(qtbot, settings_store, dialogs):
    window = make_window(qtbot)
    i18n.install_language(window._app(), i18n.CHINESE, settings_store)
    try:
        assert QLocale().language() == QLocale.Language.Chinese
        text = window.tips.node_text("seo")
        assert "负责人" in text or "Owner" not in text
    finally:
        i18n.install_language(window._app(), i18n.ENGLISH, settings_store)


def test_an_english_interface_never_formats_dates_in_a_third_language():
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert i18n.interface_locale("en", german).language() == QLocale.Language.English
    british = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert i18n.interface_locale("en", british) == british
    assert i18n.interface_locale("zh_CN").territory() == QLocale.Country.China
