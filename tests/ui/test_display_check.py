"""Without a display or an X11 library, the designer says so in one sentence, before Qt."""

from __future__ import annotations

import subprocess
import sys

from app.ui.display_check import XCB_LIBRARIES, display_problem


def test_no_display_at_all_is_one_clear_sentence():
    message = display_problem({}, "linux", loads=lambda name: True, lang="en")
    assert message.startswith("FunnelFlow needs a graphical display")
    assert message.count(". ") == 0 and "funnelflow export" in message
    assert "显示环境" in display_problem({"LANG": "zh_CN.UTF-8"}, "linux", lambda n: True)


def test_missing_libraries_are_named_by_their_debian_packages():
    missing = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    message = display_problem({"DISPLAY": ":0"}, "linux",
                              loads=lambda name: name not in missing, lang="en")
    assert "libxcb-icccm4, libxcb-keysyms1" in message
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in message
    assert "bundle" in message


def test_nothing_to_say_when_all_is_there_or_qt_is_not_using_xcb():
    everything = lambda name: True  # noqa: E731
    assert display_problem({"DISPLAY": ":0"}, "linux", everything) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda n: False) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda n: False) is None
    assert display_problem({}, "win32", lambda n: False) is None
    assert set(XCB_LIBRARIES) >= {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}


def test_the_designer_exits_with_the_sentence_and_not_qts_message():
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}
    result = subprocess.run([sys.executable, "-m", "app"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("FunnelFlow needs a graphical display")
    assert "qt.qpa" not in result.stderr and "xcb-cursor0" not in result.stderr
