"""Render the designer with the full-funnel template into docs/screenshots/ (offscreen).

    QT_QPA_PLATFORM=offscreen uv run python docs/make_screenshots.py

Writes designer-en.png and designer-zh.png (1440x900): the English and Chinese sample
diagram, a step selected so the inspector shows its fields and KPIs, the checklist filled.
Then the gallery (gallery/): each of the five templates in both languages as it opens (the
whole funnel, titles drawn large) and at 100%, and its A4 pages as printed (`export --page
A4`, rendered by poppler's pdftoppm when it is installed) side by side.
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
    window.view.show_start()  # what a user sees after opening: the whole funnel
    window.status.show_zoom(window.view.transform().m11())
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(out))
    window.session.undo_stack.setClean()
    window.close()


TEMPLATES = ("full-funnel", "aarrr", "lifecycle", "lead-nurture", "email-retention",
             "online-course")
GALLERY = OUT / "gallery"


def render_template(app: QApplication, code: str, name: str) -> list[Path]:
    """The designer on template `name`: as it opens (fit) and at 100% (start of the funnel)."""
    from app.io.templates import load_template
    from app.ui.main import open_window

    lang = i18n.checklist_lang(code)
    window = open_window(None, code)
    window.session.replace(load_template(name, lang), None)
    window.resize(*SIZE)
    window.show()
    for _ in range(3):
        app.processEvents()
    window.live.run_now()
    written = []
    for mode in ("fit", "100"):
        if mode == "fit":
            window.view.show_start()
        else:
            window.view.zoom_reset()
            window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar()
                                                       .minimum())
            window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().minimum())
        window.status.show_zoom(window.view.transform().m11())
        for _ in range(3):
            app.processEvents()
        out = GALLERY / f"designer-{name}-{lang}-{mode}.png"
        window.grab().save(str(out))
        written.append(out)
    window.session.undo_stack.setClean()
    window.close()
    return written


def render_print(name: str, lang: str) -> Path | None:
    """The template's A4 diagram pages side by side (None without pdftoppm)."""
    import shutil
    import subprocess
    import tempfile

    from PySide6.QtGui import QColor, QImage, QPainter

    from app.io.templates import load_template
    from app.ui.export.pdf import export_pdf

    if shutil.which("pdftoppm") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "t.pdf"
        export_pdf(load_template(name, lang), pdf, lang=lang, page="A4")
        subprocess.run(["pdftoppm", "-r", "45", "-png", str(pdf), str(Path(folder) / "p")],
                       check=True, timeout=120)
        pages = [QImage(str(p)) for p in sorted(Path(folder).glob("p-*.png"))]
    gap = 8
    width = sum(p.width() for p in pages) + gap * (len(pages) + 1)
    height = max(p.height() for p in pages) + 2 * gap
    sheet = QImage(width, height, QImage.Format_RGB32)
    sheet.fill(QColor("#8A9099"))
    painter = QPainter(sheet)
    x = gap
    for page in pages:
        painter.drawImage(x, gap, page)
        x += page.width() + gap
    painter.end()
    out = GALLERY / f"print-{name}-{lang}-a4.png"
    sheet.save(str(out))
    return out


def main() -> int:
    QStandardPaths.setTestModeEnabled(True)  # never touch the user's settings
    store = OUT / ".settings.ini"
    i18n.settings = lambda: QSettings(str(store), QSettings.Format.IniFormat)
    from app.ui.main import application

    app = application([sys.argv[0]])
    OUT.mkdir(parents=True, exist_ok=True)
    render(app, i18n.ENGLISH, OUT / "designer-en.png")
    render(app, i18n.CHINESE, OUT / "designer-zh.png")
    GALLERY.mkdir(exist_ok=True)
    for code in (i18n.ENGLISH, i18n.CHINESE):
        i18n.install_language(app, code)
        for name in TEMPLATES:
            render_template(app, code, name)
            render_print(name, i18n.checklist_lang(code))
    store.unlink(missing_ok=True)
    print(f"wrote {OUT / 'designer-en.png'}, {OUT / 'designer-zh.png'} and {GALLERY}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
