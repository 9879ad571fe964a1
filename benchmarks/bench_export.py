"""Exports: SVG through the command line (vs the bare parse) and in-process; PNG via Qt.

Floors:
- `funnelflow export F -o F.svg` vs a process that only parses F with libyaml (goal: <= 2x at
  5,000 nodes): exporting must not cost much more than reading the file at all;
- the SVG writer alone vs the minimal string-join of one <g><rect/><text/></g> per node and one
  <path/> per edge (what any SVG writer has to do);
- PNG vs painting the raw-Qt scene (stock C++ items) into an image of the same pixel size and
  encoding it: the cost of pixels Qt pays anyway. Images are capped at ~8 Mpx to be kind to
  shared machines, so PNG runs at scale < 1 on big diagrams.
"""

from __future__ import annotations

import math
from pathlib import Path

from benchmarks.fixtures import Fixtures
from benchmarks.harness import Goal, Row, interleaved, python, skipped

SVG_CLI = "SVG export (CLI)"
SVG_RENDER = "SVG writer (in-process)"
PNG = "PNG export"
ROWS = (SVG_CLI, SVG_RENDER, PNG)
SVG_GOAL = Goal("SVG export of 5,000 nodes <= 2x the bare parse", "ratio", 2.0, size=5000)
PNG_MAX_SIZE = 1000  # nodes: beyond this the image is scaled below a readable size anyway
PNG_MAX_PIXELS = 8_000_000

_PARSE = ("import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8').read(), "
          "Loader=yaml.CSafeLoader)")


def run(fixtures: Fixtures, sizes: list[int], repeat: int, *, qt: bool = True) -> list[Row]:
    """SVG rows at every size; PNG rows up to PNG_MAX_SIZE when `qt`."""
    try:
        from app.export.svg_export import render_svg
    except ImportError as error:
        rows = [skipped(SVG_CLI, None, f"not available yet ({error})", SVG_GOAL),
                skipped(SVG_RENDER, None, f"not available yet ({error})")]
    else:
        rows = []
        for n in sizes:
            path = str(fixtures.path(n))
            out = str(fixtures.folder / f"export-{n}.svg")
            subject, floor = interleaved(python("-m", "app", "export", path, "-o", out),
                                         python("-c", _PARSE, path), repeat)
            note = f"{Path(out).stat().st_size / 1e3:,.0f} kB"
            rows.append(Row(SVG_CLI, n, subject, floor, "python: yaml.load(CSafeLoader)",
                            SVG_GOAL, note=note, runs=repeat))
        for n in sizes:
            diagram = fixtures.diagram(n)
            from app.render.layout import layout

            geometry = layout(diagram)
            subject, floor = interleaved(lambda d=diagram: render_svg(d, lang="en"),
                                         lambda d=diagram, g=geometry: _svg_floor(d, g), repeat)
            rows.append(Row(SVG_RENDER, n, subject, floor, "string-join of rect/text/path",
                            runs=repeat))
    if not qt:
        return rows + [skipped(PNG, None, "Qt not requested (--no-qt)")]
    return rows + _png_rows(fixtures, [n for n in sizes if n <= PNG_MAX_SIZE], repeat)


def _png_rows(fixtures: Fixtures, sizes: list[int], repeat: int) -> list[Row]:
    try:
        from app.ui.export.png import export_png, picture_size
    except ImportError as error:
        return [skipped(PNG, None, f"not available yet ({error})")]
    from benchmarks.raw_qt import qt_app, raw_scene

    qt_app()
    from app.render.layout import layout

    rows = []
    for n in sizes:
        diagram = fixtures.diagram(n)
        geometry = layout(diagram)
        width, height, _ = picture_size(diagram, "en", geometry)
        # The exporter takes scales from 0.25 up: the pixel cap gives way to that.
        scale = max(0.25, min(1.0, math.sqrt(PNG_MAX_PIXELS / (width * height))))
        scene = raw_scene(diagram, geometry)
        out = fixtures.folder / f"export-{n}.png"
        floor_out = fixtures.folder / f"floor-{n}.png"
        subject, floor = interleaved(
            lambda d=diagram, o=out, s=scale: export_png(d, o, lang="en", scale=s),
            lambda sc=scene, w=width, h=height, s=scale, o=floor_out: _png_floor(sc, w, h, s, o),
            repeat)
        pixels = f"{math.ceil(width * scale)}x{math.ceil(height * scale)} px, scale {scale:.2f}"
        rows.append(Row(PNG, n, subject, floor, "raw-Qt scene -> QImage -> PNG", note=pixels,
                        runs=repeat))
    return rows


def _svg_floor(diagram, geometry) -> str:  # noqa: ANN001 - Diagram, Layout
    parts = ['<svg xmlns="http://www.w3.org/2000/svg">']
    for node in diagram.nodes:
        r = geometry.nodes[node.id]
        parts.append(f'<g id="{node.id}"><rect x="{r.x}" y="{r.y}" width="{r.w}" '
                     f'height="{r.h}" rx="8"/><text x="{r.x + 8}" y="{r.y + 20}">'
                     f"{node.label}</text></g>")
    for edge in diagram.edges:
        s, t = geometry.nodes[edge.source], geometry.nodes[edge.target]
        parts.append(f'<path d="M{s.right},{s.cy} C{s.right + 40},{s.cy} {t.x - 40},{t.cy} '
                     f'{t.x},{t.cy}"/>')
    parts.append("</svg>")
    return "\n".join(parts)


def _png_floor(scene, width: float, height: float, scale: float, out: Path) -> None:  # noqa: ANN001
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(math.ceil(width * scale), math.ceil(height * scale),
                   QImage.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
    rect = scene.sceneRect()
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), rect, Qt.KeepAspectRatio)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise OSError("Qt could not write the floor PNG")
