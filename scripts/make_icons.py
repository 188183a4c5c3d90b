"""Render resources/icons/app.svg into the application icons the installer needs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py

writes resources/icons/baosong.png (256 px, for Linux .desktop files) and baosong.ico (16–256 px,
the Windows executable's icon). Both are committed; run this again after changing app.svg.

Qt's own ICO writer stores one image per file, so the multi-size container is written here: a
6-byte header, one 16-byte directory entry per image, then the images as PNG (which Windows has
read inside .ico files since Vista).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

# A build tool, not part of the app: it may use Qt outside ui/.
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: TID251
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251
from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_container(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO file holding PNG images: ICONDIR, then ICONDIRENTRYs, then the image data."""
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for size, png in images:
        side = size if size < 256 else 0  # 0 means 256 in an ICO directory entry
        # width, height, palette colours, reserved, colour planes, bits per pixel, bytes, offset
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # QPainter needs a GUI application
    renderer = QSvgRenderer(str(ICONS / "app.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'app.svg'}", file=sys.stderr)
        return 1
    (ICONS / "baosong.png").write_bytes(render_png(renderer, PNG_SIZE))
    images = [(size, render_png(renderer, size)) for size in ICO_SIZES]
    (ICONS / "baosong.ico").write_bytes(ico_container(images))
    print(
        f"wrote {ICONS / 'baosong.png'} and {ICONS / 'baosong.ico'} ({', '.join(map(str, ICO_SIZES))} px)"
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
