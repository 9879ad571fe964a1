"""Outlined SVG text: each label as the glyph paths of the bundled font (`--outline-text`).

The only part of the SVG export that needs Qt (QPainterPath.addText); it is imported only
when the option is used, and works headless under Qt's offscreen platform. The file then
looks the same in every renderer and on machines without any CJK font, at about twice the size.
"""

from __future__ import annotations

import os
import sys

from app.export.svg_text import STYLES, esc, num
from app.render.fonts import BUNDLED_FAMILY, FONT_FAMILIES, GENERIC_FAMILY, bundled_font_path


def qt_gui_application():  # noqa: ANN201 - QGuiApplication
    """The running Qt GUI application, or a new headless one (no display needed).

    Also registers the bundled CJK font, so Chinese never depends on the system's fonts.
    """
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication(sys.argv[:1] or ["funnelflow"])
    if BUNDLED_FAMILY not in QFontDatabase.families():
        QFontDatabase.addApplicationFont(str(bundled_font_path()))
    return app


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class OutlineText:
    """Writes each text as a `<path>` of glyph outlines, with a `<title>` for accessibility."""

    outline = True

    def __init__(self) -> None:
        from PySide6.QtGui import QFont, QFontMetricsF

        qt_gui_application()
        self._fonts = {}
        for name, style in STYLES.items():
            font = QFont()
            font.setFamilies([f for f in FONT_FAMILIES if f != GENERIC_FAMILY])
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setPixelSize(max(1, round(style.size)))
            # Pixel sizes are whole numbers in QFont; scale paths to the exact size instead.
            font.setWeight(QFont.Weight(style.weight))
            font.setItalic(style.italic)
            font.setKerning(True)
            self._fonts[name] = (font, QFontMetricsF(font), style.size / max(1, round(style.size)))
        self._cache: dict[tuple[str, str], tuple[str, float]] = {}

    def __call__(self, x: float, y: float, text: str, style: str) -> str:
        d, width = self._glyphs(text, style)
        anchor = STYLES[style].anchor
        left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
        return (f'<path class="o-{style}" transform="translate({num(left)} {num(y)})" '
                f'd="{d}"><title>{esc(text)}</title></path>')

    def _glyphs(self, text: str, style: str) -> tuple[str, float]:
        """The outline of `text` at the origin (baseline y = 0) and its advance width."""
        key = (text, style)
        if key not in self._cache:
            from PySide6.QtGui import QPainterPath

            font, metrics, scale = self._fonts[style]
            path = QPainterPath()
            path.addText(0.0, 0.0, font, text)
            self._cache[key] = (_path_data(path, scale),
                                metrics.horizontalAdvance(text) * scale)
        return self._cache[key]


def _path_data(path, scale: float) -> str:  # noqa: ANN001 - QPainterPath
    """A QPainterPath as SVG path data (its curves are cubic: move, line, curve, data, data)."""
    from PySide6.QtGui import QPainterPath

    kinds = QPainterPath.ElementType
    parts: list[str] = []
    count = path.elementCount()
    index = 0
    while index < count:
        element = path.elementAt(index)
        if element.type == kinds.MoveToElement:
            parts.append(f"M{num(element.x * scale)} {num(element.y * scale)}")
        elif element.type == kinds.LineToElement:
            parts.append(f"L{num(element.x * scale)} {num(element.y * scale)}")
        elif element.type == kinds.CurveToElement:
            c2, end = path.elementAt(index + 1), path.elementAt(index + 2)
            parts.append(f"C{num(element.x * scale)} {num(element.y * scale)} "
                         f"{num(c2.x * scale)} {num(c2.y * scale)} "
                         f"{num(end.x * scale)} {num(end.y * scale)}")
            index += 2
        index += 1
    return "".join(parts) or "M0 0"
