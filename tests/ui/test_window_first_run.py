"""QA: the first start opens a window big enough to read the sample funnel.

With no remembered geometry Qt opened a small default window (about 1066x666 on a
1600x1000 screen) and the sample diagram was fitted into it at ~11%, unreadable. Now the
first window takes most of the screen (at most 1440x900), centred; a remembered geometry
still wins.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from app.ui import i18n
from app.ui.main import open_window
from app.ui.window import DEFAULT_SIZE

pytest_plugins = ["test_window_helpers"]


def _expected_first_size():
    area = QGuiApplication.primaryScreen().availableGeometry()
    return (min(DEFAULT_SIZE.width(), area.width() * 9 // 10),
            min(DEFAULT_SIZE.height(), area.height() * 9 // 10)), area


def test_first_start_takes_most_of_the_screen_then_remembers(qtbot, settings_store, dialogs):
    i18n.install_language(QGuiApplication.instance(), i18n.CHINESE)
    window = open_window(None, i18n.CHINESE)
    qtbot.addWidget(window)
    (width, height), area = _expected_first_size()
    assert (window.width(), window.height()) == (width, height)
    assert area.contains(window.frameGeometry().center())
    window.show()
    qtbot.waitExposed(window)
    window.resize(width - 100, height - 50)
    window.save_layout()
    window.close()

    again = open_window(None, i18n.CHINESE)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (width - 100, height - 50)
    i18n.install_language(QGuiApplication.instance(), i18n.ENGLISH)
