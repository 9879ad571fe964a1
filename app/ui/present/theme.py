"""The presentation theme: large type and high contrast, readable from the back of a room.

Sizes are in pixels for a 1080-line projector picture (a 1600×900 window keeps them
readable too). Dark ink on white: projectors wash out dark backgrounds in lit rooms.
The canvas itself is drawn by app.ui.paint; `BolderCanvas` swaps in heavier pens and pure
black text for as long as a presentation runs, keeping every font size (and so every
measured text position) as it is.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPen

from app.ui.fonts import ui_font

INK = "#000000"
MUTED = "#333333"
PAPER = "#FFFFFF"
PANEL = "#F2F4F7"
ACCENT = "#0B5CAD"  # links, the current phase, the what-if gain
GOOD = "#0E6B35"  # on target: dark enough on white for a projector
BAD = "#B0201A"  # off target
PATH = "#7B3FC4"  # the top bottleneck's path: purple, apart from selection orange and red/green
DIM = QColor(255, 255, 255, 205)  # veil over phases not revealed yet

TITLE_PX = 34
HEADING_PX = 30
BODY_PX = 24
SMALL_PX = 20
BIG_NUMBER_PX = 44
SIDE_WIDTH = 500  # the spotlight and what-if column
PATH_WIDTH = 9.0


#: every size above is for a 1080-line picture (and fits 1600x900); a smaller window scales
#: them down together, like a slide, so that nothing is clipped at 1024x768 (see `fit_to`)
_scale = 1.0


def fit_to(width: int, height: int) -> float:
    """Scale the presentation's sizes for a window of `width` x `height`; returns the scale."""
    global _scale
    _scale = max(0.6, min(1.0, height / 900, width / 1500))
    return _scale


def scaled(px: float) -> int:
    """`px` (a size for 1080 lines) at the current window's scale."""
    return round(px * _scale)


def font(px: int, bold: bool = False) -> QFont:
    """The bundled CJK font at `px` pixels (scaled, see `fit_to`): Chinese never shows as
    boxes."""
    f = ui_font()
    f.setPixelSize(scaled(px))
    f.setBold(bold)
    return f


def status_color(status: str | None) -> str:
    """Ink for an "on" / "off" / "unmeasured" verdict."""
    return {"on": GOOD, "off": BAD}.get(status or "", MUTED)


class BolderCanvas:
    """Heavier outlines and black text on the canvas between `apply` and `restore`."""

    def __init__(self) -> None:
        self._saved = None

    def apply(self) -> None:
        from app.ui import paint

        if self._saved is not None:
            return
        styles = paint.styles()
        self._saved = (dict(styles.node_pen), dict(styles.text_pens), styles.selection_pen,
                       styles.grid_pen)
        for kind, pen in self._saved[0].items():
            heavier = QPen(pen)
            heavier.setWidthF(max(pen.widthF(), 3.0))
            styles.node_pen[kind] = heavier
        for key in ("label", "owner", "volume", "edge", "header"):
            if key in styles.text_pens:
                styles.text_pens[key] = QPen(QColor(INK))
        selection = QPen(self._saved[2])
        selection.setWidthF(6.0)
        styles.selection_pen = selection
        styles.grid_pen = QPen(QColor(MUTED), 1.5)

    def restore(self) -> None:
        from app.ui import paint

        if self._saved is None:
            return
        styles = paint.styles()
        node_pen, text_pens, styles.selection_pen, styles.grid_pen = self._saved
        styles.node_pen.clear()
        styles.node_pen.update(node_pen)
        styles.text_pens.clear()
        styles.text_pens.update(text_pens)
        self._saved = None
