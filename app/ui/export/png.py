"""PNG export: the diagram painted by the canvas' own painter, with the legend and its source.

Painted with `app.ui.paint.paint_diagram` (the function the canvas items use), so the image
is what the designer shows; 2x scale by default for sharp slides, white or transparent
around the diagram, and the canonical YAML in an iTXt chunk ("funnelflow") so that
`funnelflow FILE.png` reopens the diagram. Headless: Qt's offscreen platform, bundled font.
"""

from __future__ import annotations

import logging
import math
import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen

from app.analysis import Checklist
from app.analysis.messages import message_language
from app.export.svg_export import MARGIN, flag
from app.export.svg_legend import FONT_PX, Legend, build_legend
from app.io.atomic import write_atomic
from app.io.png_source import SOURCE_KEY
from app.io.yaml_save import dumps_diagram
from app.model import Diagram
from app.render import theme
from app.render.layout import Layout, layout
from app.ui.export.svg_outline import qt_gui_application

log = logging.getLogger(__name__)

DEFAULT_SCALE = 2.0
#: the largest image we paint (pixels): beyond it the scale is lowered, never the content cut;
#: 60 MP (240 MB decoded) stays under Qt's default 256 MB image reading limit
MAX_PIXELS = 60_000_000
MAX_SIDE = 32_000  # QImage and most viewers stop near 32,767 pixels a side


def picture_size(diagram: Diagram, lang: str, geometry: Layout | None = None,
                 flow_thickness: bool = False) -> tuple[float, float, Legend]:
    """Width and height (scene units) of diagram + legend + margins, and the legend."""
    bounds = (geometry or layout(diagram)).bounds
    legend = build_legend(lang, bounds.w, flow_thickness)
    return (max(bounds.w, legend.width) + 2 * MARGIN,
            bounds.h + legend.height + 2 * MARGIN, legend)


def paint_picture(painter: QPainter, diagram: Diagram, report: Checklist | None, lang: str,
                  legend: Legend, *, flow_thickness: bool = False,
                  geometry: Layout | None = None) -> None:
    """Paint the diagram and its legend with the painter's origin at the picture's corner."""
    from app.ui.paint import paint_diagram

    geometry = geometry or layout(diagram)
    painter.save()
    painter.translate(MARGIN, MARGIN)
    paint_diagram(painter, diagram, report, lang, flow_thickness=flow_thickness,
                  geometry=geometry)
    painter.translate(0, geometry.bounds.bottom)
    paint_legend(painter, legend)
    painter.restore()


def paint_legend(painter: QPainter, legend: Legend) -> None:
    """Paint the legend laid out by app.export.svg_legend (the same one the SVG carries)."""
    from app.ui.fonts import ui_families
    from app.ui.paint import path_from_commands

    for shape in legend.shapes:
        if shape.stroke:
            pen = QPen(QColor(shape.stroke), shape.width)
            pen.setCapStyle(Qt.RoundCap)
            if shape.dash:
                pen.setDashPattern([d / shape.width for d in shape.dash])
            painter.setPen(pen)
        else:
            painter.setPen(Qt.NoPen)
        painter.setBrush(QBrush(QColor(shape.fill)) if shape.fill else Qt.NoBrush)
        painter.drawPath(path_from_commands(shape.path))
    for label in legend.labels:
        font = QFont()
        font.setFamilies(ui_families())
        font.setPixelSize(round(9.5 if label.glyph else FONT_PX))
        font.setBold(label.bold)
        painter.setFont(font)
        painter.setPen(QColor(label.color))
        x = label.x
        if label.glyph:  # glyphs are centred on their mark
            x -= painter.fontMetrics().horizontalAdvance(label.text) / 2
        painter.drawText(QPointF(x, label.y), label.text)


def render_png(diagram: Diagram, *, lang: str | None = None, scale: float | str = DEFAULT_SCALE,
               transparent: bool | str = False, flow_thickness: bool | str = False,
               report: Checklist | None = None) -> bytes:
    """The PNG file's bytes: the picture at `scale`, with the diagram's YAML embedded."""
    qt_gui_application()
    from app.ui.fonts import register_fonts

    register_fonts()
    lang = message_language(lang, diagram)
    scale = _scale(scale)
    flow_thickness = flag(flow_thickness)
    geometry = layout(diagram)
    width, height, legend = picture_size(diagram, lang, geometry, flow_thickness)
    fitted = min(scale, math.sqrt(MAX_PIXELS / (width * height)), MAX_SIDE / max(width, height))
    if fitted < scale:
        log.warning("the diagram is too large for a %.3gx image; exporting at %.3gx instead",
                    scale, fitted)
        scale = fitted
    image = QImage(max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale)),
                   QImage.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise MemoryError(f"not enough memory for a {image.width()}x{image.height()} image; "
                          "export with a smaller --scale")
    image.fill(Qt.transparent if flag(transparent) else QColor(theme.CANVAS))
    # Physical size says the scale: a 2x image pastes into Word and WPS at its real size.
    dots_per_meter = round(96 / 0.0254 * scale)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    painter = QPainter(image)
    try:
        painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing
                               | QPainter.SmoothPixmapTransform)
        painter.scale(scale, scale)
        paint_picture(painter, diagram, report, lang, legend, flow_thickness=flow_thickness,
                      geometry=geometry)
    finally:
        painter.end()
    image.setText(SOURCE_KEY, dumps_diagram(diagram))
    if diagram.title:
        image.setText("Title", diagram.title)
    image.setText("Software", "FunnelFlow")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("Qt could not encode the PNG image")
    buffer.close()
    return bytes(data.data())


def export_png(diagram: Diagram, out_path: str | os.PathLike[str], *, lang: str | None = None,
               scale: float | str = DEFAULT_SCALE, transparent: bool | str = False,
               flow_thickness: bool | str = False, report: Checklist | None = None) -> None:
    """Write the PNG to `out_path` atomically (never a partial file)."""
    write_atomic(out_path, render_png(diagram, lang=lang, scale=scale, transparent=transparent,
                                      flow_thickness=flow_thickness, report=report))


def _scale(value: float | str) -> float:
    """The --scale option as a number between 0.25 and 8."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"--scale takes a number such as 2, got {value!r}") from None
    if not 0.25 <= number <= 8:
        raise ValueError(f"--scale must be between 0.25 and 8, got {value!r}")
    return number
