"""Render the weekly review into docs/screenshots/ (offscreen), in English and Chinese.

    QT_QPA_PLATFORM=offscreen uv run python docs/make_review_shots.py

Writes, for the online-course template (six closed months), dashboard-{en,zh}.png (View →
Dashboard), import-preview-{en,zh}.png (File → Import actuals: old → new before Apply) and
inspector-sparklines-{en,zh}.png (the checkout step with its KPIs' trends).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.ui import i18n  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"
TABLE = {
    "en": "id,measure,actual\nfeed_ads,volume,39500\nfeed_ads->free_lesson,conversion,4.2%\n"
          "checkout->enrolled,conversion,43%\ncheckout->abandon,conversion,57%\n"
          "checkout,kpi:Payment errors,5.5%\nfeed_ads,kpi:Cost per trial sign-up,71\n",
    "zh": "id,measure,actual\nfeed_ads,volume,39500\nfeed_ads->free_lesson,conversion,4.2%\n"
          "checkout->enrolled,conversion,43%\ncheckout->abandon,conversion,57%\n"
          "checkout,kpi:支付失败率,5.5%\nfeed_ads,kpi:试听获客成本,71\n",
}


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def render(app: QApplication, lang: str, code: str) -> None:
    """The three screenshots in one language."""
    from app.io.actuals import read_actuals
    from app.io.templates import load_template
    from app.ui.dashboard import DashboardView
    from app.ui.main import open_window
    from app.ui.review import ImportPreview

    i18n.install_language(app, code)
    diagram = load_template("online-course", lang)
    window = open_window(None, code)
    window.session.replace(diagram)
    window.resize(1440, 900)
    window.show()
    settle(app)
    view = DashboardView(window.session.diagram)
    view.resize(900, 760)
    view.show()
    settle(app)
    view.grab().save(str(OUT / f"dashboard-{lang}.png"))
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / ("actuals-2026-12.csv")
        data.write_text(TABLE[lang], "utf-8")
        preview = ImportPreview(diagram, read_actuals(diagram, data), data.name, window)
        preview.show()
        settle(app)
        preview.grab().save(str(OUT / f"import-preview-{lang}.png"))
        preview.close()
    window.inspector.show_node("checkout")
    window.inspector_dock.resize(420, 900)
    settle(app)
    window.inspector_dock.grab().save(str(OUT / f"inspector-sparklines-{lang}.png"))
    view.close()
    window.session.undo_stack.setClean()
    window.close()


def main() -> int:
    QStandardPaths.setTestModeEnabled(True)  # never touch the user's settings
    store = OUT / ".settings.ini"
    i18n.settings = lambda: QSettings(str(store), QSettings.Format.IniFormat)
    from app.ui.main import application

    app = application([sys.argv[0]])
    OUT.mkdir(parents=True, exist_ok=True)
    render(app, "en", i18n.ENGLISH)
    render(app, "zh", i18n.CHINESE)
    store.unlink(missing_ok=True)
    print(f"wrote the dashboard, import preview and sparkline screenshots into {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
