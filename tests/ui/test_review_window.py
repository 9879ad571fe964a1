# ruff: noqa: F811 - pytest fixtures imported from test_window_helpers are parameters here
"""The weekly review in the designer: import actuals with a preview, Apply as one undo step,
close a period, and the dashboard charting the right numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from test_window_helpers import dialogs, make_window, settings_store  # noqa: F401 - fixtures

from app.analysis import analyze
from app.ui.review import ImportPreview, close_period, import_actuals

# The screenshots in docs/screenshots come from docs/make_review_shots.py; the tests render
# the same views into tmp_path so that a test run never changes the repository.


class AcceptingPreview(ImportPreview):
    """The preview as a user sees it; 'clicks' Apply after the test has read the table."""

    shown: list[list[str]] = []

    def exec(self) -> int:
        AcceptingPreview.shown = [[self.table.item(r, c).text() for c in range(4)]
                                  for r in range(self.table.rowCount())]
        return QDialog.DialogCode.Accepted


def write_table(tmp_path: Path) -> Path:
    data = tmp_path / "actuals.csv"
    data.write_text("id,measure,actual\nseo,volume,52000\nads->landing,conversion,2.1%\n",
                    "utf-8")
    return data


def test_import_previews_old_and_new_then_applies_as_one_undo_step(qtbot, settings_store,
                                                                    dialogs, tmp_path):
    window = make_window(qtbot)
    before = window.session.diagram
    steps = window.session.undo_stack.count()
    assert import_actuals(window, write_table(tmp_path), preview=AcceptingPreview)
    assert AcceptingPreview.shown == [["SEO", "volume", "50000", "52000"],
                                      ["Paid ads → Landing page", "conversion", "1.8%", "2.1%"]]
    after = window.session.diagram
    assert after.node("seo").volume.actual == 52000
    assert after.edge("ads", "landing").conversion.actual == pytest.approx(0.021)
    assert window.session.undo_stack.count() == steps + 1
    window.session.undo_stack.undo()
    assert window.session.diagram == before


def test_a_bad_table_changes_nothing_and_lists_its_lines(qtbot, settings_store, dialogs,
                                                          tmp_path):
    window = make_window(qtbot)
    before = window.session.diagram
    data = tmp_path / "bad.csv"
    data.write_text("id,measure,actual\nseoo,volume,1\nseo,volume,x\n", "utf-8")
    assert not import_actuals(window, data, preview=AcceptingPreview)
    assert window.session.diagram == before
    assert window.last_import_problems.splitlines() == [
        f"{data}:2: unknown node 'seoo' — did you mean 'seo'?",
        f"{data}:3: seo volume: expected a number like 800, got 'x'"]


def test_close_period_files_actuals_and_undo_takes_it_back(qtbot, settings_store, dialogs):
    window = make_window(qtbot)
    assert close_period(window, "2026-11")
    entry = window.session.diagram.history[0]
    assert entry.period == "2026-11" and entry.edges["ads->landing"].conversion == 0.018
    window.session.undo_stack.undo()
    assert window.session.diagram.history == ()


def months(window, tmp_path):
    """Three closed months of a worsening landing page, then today's import."""
    for label, rate in (("2026-09", "2.4%"), ("2026-10", "2.2%"), ("2026-11", "2.0%")):
        data = tmp_path / f"{label}.csv"
        data.write_text(f"id,measure,actual\nads->landing,conversion,{rate}\n", "utf-8")
        import_actuals(window, data, preview=AcceptingPreview)
        close_period(window, label)


def test_the_dashboard_charts_the_goal_per_period_channels_and_the_funnel(
        qtbot, settings_store, dialogs, tmp_path):
    from app.ui.dashboard import DashboardView

    window = make_window(qtbot)
    months(window, tmp_path)
    diagram = window.session.diagram
    view = DashboardView(diagram)
    qtbot.addWidget(view)
    report = analyze(diagram)
    data = view.data
    assert data.periods == ("2026-09", "2026-10", "2026-11", "")
    assert data.goal_actual[-1] == pytest.approx(report.goals["actual"])
    # worse landing-page conversion, fewer goals: the line falls month by month
    assert data.goal_actual[0] > data.goal_actual[1] > data.goal_actual[2]
    goal_curves = [c.getData()[1].tolist() for c in view.plots["goal"].listDataItems()]
    assert goal_curves[1] == pytest.approx(list(data.goal_actual))
    assert goal_curves[0] == pytest.approx([report.goals["target"]] * 4)
    roi_bars = view.plots["roi"].items[0].opts["height"]
    assert roi_bars == pytest.approx([100 * (c.roi or 0) for c in report.channels])
    cac_bars = view.plots["cac"].items[0].opts["height"]
    assert cac_bars == pytest.approx([c.cac or 0 for c in report.channels])
    assert data.volume_actual[0] == pytest.approx(report.volumes["actual"]["seo"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots_of_the_dashboard_and_the_import_preview(qtbot, settings_store, dialogs,
                                                             tmp_path, lang, fonts):
    from app.io.templates import load_template
    from app.ui import i18n
    from app.ui.dashboard import DashboardView

    window = make_window(qtbot, load_template("full-funnel", lang))
    if lang == "zh":
        i18n.install_language(QApplication.instance(), i18n.CHINESE, settings_store)
    months(window, tmp_path)
    data = tmp_path / "now.csv"
    data.write_text("id,measure,actual\nseo,volume,52000\nads->landing,conversion,1.9%\n"
                    "seo,kpi:" + ("自然搜索访问" if lang == "zh" else "Organic visits")
                    + ",5100\n", "utf-8")
    diagram = window.session.diagram
    from app.io.actuals import read_actuals

    preview = ImportPreview(diagram, read_actuals(diagram, data), data.name, window)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    shot = preview.grab()
    assert shot.save(str(tmp_path / f"import-preview-{lang}.png")) and shot.width() >= 600
    view = DashboardView(diagram)
    qtbot.addWidget(view)
    view.resize(900, 760)
    view.show()
    qtbot.waitExposed(view)
    assert view.grab().save(str(tmp_path / f"dashboard-{lang}.png"))
    if lang == "zh":
        i18n.install_language(QApplication.instance(), i18n.ENGLISH, settings_store)


def test_sparklines_beside_measured_values_in_inspector_kpi_table_and_presentation(
        qtbot, settings_store, dialogs, fonts, tmp_path):
    from app.io.templates import load_template
    from app.ui.sparkline import Sparkline

    window = make_window(qtbot, load_template("online-course", "en"))
    inspector = window.inspector
    inspector.show_edge("checkout", "abandon")
    spark = inspector.edge_form.conversion.trend
    assert spark.values == (0.5, 0.49, 0.52, 0.55, 0.57, 0.58, 0.6)
    assert not spark.higher_is_better and spark.last_step() == "worse"  # a growing leak
    inspector.show_node("checkout")
    table = inspector.node_form.kpis.table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    errors = table.cellWidget(names.index("Payment errors"), 5)
    assert isinstance(errors, Sparkline) and not errors.higher_is_better
    assert errors.values[-4:] == (0.03, 0.04, 0.05, 0.06) and errors.last_step() == "worse"
    assert table.cellWidget(names.index("Instalment uptake"), 5).values == ()  # no history
    inspector.show_node("feed_ads")
    assert inspector.node_form.volume.trend.values[-1] == 38000
    # the presentation's side panel: one sparkline per row that has a series
    from app.ui.present.spotlight import SpotlightPanel

    panel = SpotlightPanel("en")
    qtbot.addWidget(panel)
    panel.show_target(window.session.diagram, analyze(window.session.diagram), "checkout")
    assert [s.values[-1] for s in panel._sparks] == [0.06]
    panel.resize(360, 300)
    panel.show()
    qtbot.waitExposed(panel)
    window.inspector_dock.resize(420, 900)
    inspector.show_node("checkout")
    assert window.inspector_dock.grab().save(str(tmp_path / "inspector-sparklines-en.png"))


def test_close_period_suggests_the_current_month_and_the_dashboard_follows(
        qtbot, settings_store, dialogs, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QInputDialog

    from app.model import default_period_label
    from app.ui.panels import menus

    asked = []

    def get_text(parent, title, label, text="", **kwargs):
        asked.append(text)
        return text, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    window = make_window(qtbot)
    menus._open_dashboard(window)  # View → Dashboard
    dashboard = window.dashboard
    assert dashboard.view.data.periods == ("",)
    assert close_period(window)
    assert asked == [default_period_label("month")]
    assert dashboard.view.data.periods == (default_period_label("month"), "")


def test_the_funnel_chart_is_on_a_log_scale_of_people(qtbot):
    import math

    from app.io.templates import load_template
    from app.ui.dashboard import DashboardView

    view = DashboardView(load_template("online-course", "en"))
    qtbot.addWidget(view)
    target_bars, actual_bars = view.plots["funnel"].items[:2]
    assert list(actual_bars.opts["height"]) == pytest.approx(
        [math.log10(v) if v > 1 else 0 for v in view.data.volume_actual])
    assert view.data.steps[0] == "In-feed ads" and view.data.volume_actual[0] == 38000
    assert 10 ** actual_bars.opts["height"][0] == pytest.approx(38000)
