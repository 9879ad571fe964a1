"""Render presentation mode in Chinese into docs/screenshots/presentation-zh.png (offscreen).

    QT_QPA_PLATFORM=offscreen uv run python docs/make_presentation_shot.py

The zh full-funnel template at 1600x900: the reveal at the third phase (潜客转化), the
decision step spotlighted, the top bottleneck's path highlighted, and the what-if slider
moved to the target of that bottleneck so the projected gain shows.
Then the gallery (screenshots/gallery/): each of the five templates in both languages after B
(the top bottleneck centred and framed) at 1024x768 (nothing clipped), the sample also at
1920x1080.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots" / "presentation-zh.png"
SIZE = QSize(1600, 900)
SPOTLIGHT = "decide"  # 购买决策: KPIs off target, and the top bottleneck leaves it
STEP = 3  # 潜客转化


def main() -> int:
    from PySide6.QtCore import QSettings, QStandardPaths

    from app.io.templates import load_template
    from app.ui import i18n
    from app.ui.canvas.scene import DiagramScene
    from app.ui.fonts import install_application_font
    from app.ui.present.presentation import PresentationController
    from app.ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QStandardPaths.setTestModeEnabled(True)  # never touch the user's settings
    store = OUT.parent / ".settings.ini"
    i18n.settings = lambda: QSettings(str(store), QSettings.Format.IniFormat)
    i18n.install_language(app, i18n.CHINESE)  # whatever the zh catalogue holds today
    install_application_font()
    session = Session(load_template("full-funnel", "zh"))
    scene = DiagramScene(session, "zh")
    from app.analysis import analyze

    scene.set_report(analyze(session.diagram, "zh"))
    controller = PresentationController(scene, session, None, "zh")
    window = controller.enter(full_screen=False, size=SIZE)
    controller.set_step(STEP)
    scene.select_ids([SPOTLIGHT], [])
    lever = window.whatif.lever
    if lever is not None and lever.target is not None:
        window.whatif.set_value(lever.target)
    for _ in range(5):
        app.processEvents()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT))
    controller.leave()
    for code in (i18n.ENGLISH, i18n.CHINESE):
        i18n.install_language(app, code)
        for name in TEMPLATES:  # the small projector for all, the large one for the sample
            sizes = [QSize(1024, 768)] + ([QSize(1920, 1080)] if name == "full-funnel" else [])
            for size in sizes:
                bottleneck_shot(app, name, i18n.checklist_lang(code), size)
    print(OUT, GALLERY)
    return 0


TEMPLATES = ("full-funnel", "aarrr", "lifecycle", "lead-nurture", "email-retention",
             "online-course")
GALLERY = OUT.parent / "gallery"


def bottleneck_shot(app, name: str, lang: str, size: QSize) -> Path:
    """Presentation of template `name` after B, at `size`."""
    from app.analysis import analyze
    from app.io.templates import load_template
    from app.ui.canvas.scene import DiagramScene
    from app.ui.present.presentation import PresentationController
    from app.ui.session import Session

    session = Session(load_template(name, lang))
    scene = DiagramScene(session, lang)
    scene.set_report(analyze(session.diagram, lang))
    controller = PresentationController(scene, session, None, lang)
    window = controller.enter(full_screen=False, size=size)
    controller.show_bottleneck()
    for _ in range(5):
        app.processEvents()
    GALLERY.mkdir(parents=True, exist_ok=True)
    out = GALLERY / f"presentation-{name}-{lang}-{size.width()}x{size.height()}.png"
    window.grab().save(str(out))
    controller.leave()
    return out


if __name__ == "__main__":
    sys.exit(main())
