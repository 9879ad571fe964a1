"""Render resources/icons/funnelflow.svg to the PNG sizes, a Windows .ico and a macOS .icns.

Run after editing the SVG:  uv run python packaging/make_icons.py
Uses Qt's own SVG renderer (already a dependency), so no Inkscape, ImageMagick or Pillow; the
.ico and .icns containers are written here because both simply wrap PNG data, and the Qt
image plugins that could write them are not part of PySide6-Essentials.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "funnelflow.svg"
PNG_DIR = ICONS / "png"

# The hicolor theme sizes Linux desktops ask for, plus 512 for AppStream and the Mac.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's OSType for each PNG member of an .icns; "@2x" types reuse the larger bitmaps.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def png_name(size: int) -> str:
    """File name of the PNG rendering at `size` pixels."""
    return f"funnelflow-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a transparent size×size image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding the given PNGs (PNG members are valid since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    directory = b""
    payload = b""
    offset = len(header) + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # the format stores 256 as 0
        at = offset + len(payload)
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), at)
        payload += png
    return header + directory + payload


def icns_bytes(members: list[tuple[bytes, bytes]]) -> bytes:
    """A macOS .icns from (OSType, PNG bytes) pairs; lengths include each 8-byte header."""
    body = b"".join(kind + struct.pack(">I", len(png) + 8) + png for kind, png in members)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    """Regenerate every derived icon file next to the SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    rendered = {size: render_png(SOURCE, size) for size in sizes}
    PNG_DIR.mkdir(exist_ok=True)
    for size in PNG_SIZES:
        (PNG_DIR / png_name(size)).write_bytes(rendered[size])
    (ICONS / "funnelflow.ico").write_bytes(ico_bytes({s: rendered[s] for s in ICO_SIZES}))
    (ICONS / "funnelflow.icns").write_bytes(
        icns_bytes([(kind, rendered[size]) for kind, size in ICNS_TYPES])
    )
    print(f"wrote {len(PNG_SIZES)} PNGs, funnelflow.ico and funnelflow.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
