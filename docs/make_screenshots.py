"""Render the designer with the full-funnel template into docs/screenshots/ (offscreen).

    QT_QPA_PLATFORM=offscreen uv run python docs/make_screenshots.py

Writes designer-en.png and designer-zh.png (1440x900): the English and Chinese sample
diagram, a step selected so the inspector shows its fields and KPIs, the checklist filled.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.ui import i18n  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1440, 900)
SELECTED = "landing"  # a step with KPIs, owner, notes and a contingency plan


def render(app: QApplication, code: str, out: Path) -> None:
    """One screenshot of the designer in interface language `code`."""
    from app.ui.main import open_window

    i18n.install_language(app, code)
    window = open_window(None, code)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    window.live.run_now()
    window.scene.select_ids([SELECTED], [])
    window.sync_selection()
    for _ in range(3):  # let the docks settle: the view's size decides what fits
        app.processEvents()
    window.view.show_start()  # what a user sees after opening: the start of the funnel
    window.status.show_zoom(window.view.transform().m11())
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(out))
    window.session.undo_stack.setClean()
    window.close()


def main() -> int:
    QStandardPaths.setTestModeEnabled(True)  # never touch the user's settings
    store = OUT / ".settings.ini"
    i18n.settings = lambda: QSettings(str(store), QSettings.Format.IniFormat)
    from app.ui.main import application

    app = application([sys.argv[0]])
    OUT.mkdir(parents=True, exist_ok=True)
    render(app, i18n.ENGLISH, OUT / "designer-en.png")
    render(app, i18n.CHINESE, OUT / "designer-zh.png")
    store.unlink(missing_ok=True)
    print(f"wrote {OUT / 'designer-en.png'} and {OUT / 'designer-zh.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
