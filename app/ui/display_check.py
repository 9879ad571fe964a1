"""Before Qt starts: is there a display, and are the X11 libraries Qt's xcb plugin needs there?

Without them Qt aborts with a long message that names one library (often the wrong one: it
blames libxcb-cursor0 when there is no display at all). This check says what is wrong in one
sentence, with the Debian/Ubuntu package names to install, before Qt gets the chance. It
imports no Qt, so it costs nothing when all is well.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

#: the shared libraries Qt's xcb platform plugin loads, and the Debian package of each
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}

_TEXTS = {
    "en": {
        "no-display": "FunnelFlow needs a graphical display and found none (DISPLAY and "
                      "WAYLAND_DISPLAY are not set): start it from a desktop session, or use "
                      "`funnelflow check` and `funnelflow export`, which need no display.",
        "missing": "FunnelFlow cannot open its window because these system libraries are "
                   "missing: {packages}; install them with `sudo apt install {packages_cmd}` "
                   "(Debian/Ubuntu), or use the FunnelFlow bundle, which brings its own.",
    },
    "zh": {
        "no-display": "FunnelFlow 需要图形显示环境，但没有找到（未设置 DISPLAY 和 "
                      "WAYLAND_DISPLAY）：请在桌面会话中启动，或使用无需显示环境的 "
                      "`funnelflow check` 和 `funnelflow export`。",
        "missing": "FunnelFlow 无法打开窗口，因为缺少以下系统库：{packages}；请用 "
                   "`sudo apt install {packages_cmd}` 安装（Debian/Ubuntu），或使用自带这些库"
                   "的 FunnelFlow 安装包。",
    },
}


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def display_problem(env: Mapping[str, str] | None = None, platform: str | None = None,
                    loads: Callable[[str], bool] = _loads, lang: str | None = None) -> str | None:
    """One sentence saying why Qt could not open a window here, or None when it can try."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or getattr(sys, "frozen", False):
        return None  # Windows and macOS need nothing; the bundle brings its libraries
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith("xcb"):
        return None  # offscreen, wayland, vnc…: not the xcb plugin
    lang = lang or ("zh" if env.get("LANG", "").startswith("zh") else "en")
    texts = _TEXTS.get(lang, _TEXTS["en"])
    has_x, has_wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if not has_x and not has_wayland:
        return texts["no-display"]
    if not has_x:
        return None  # Qt chooses Wayland by itself
    missing = [package for library, package in XCB_LIBRARIES.items() if not loads(library)]
    if not missing:
        return None
    separator = "、" if lang == "zh" else ", "
    return texts["missing"].format(packages=separator.join(missing),
                                   packages_cmd=" ".join(missing))
