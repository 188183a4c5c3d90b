"""The installer's icons, rendered from resources/icons/app.svg by scripts/make_icons.py."""

from __future__ import annotations

from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QApplication

from app.paths import resource_path


def test_the_windows_icon_holds_every_size(qapp: QApplication) -> None:
    reader = QImageReader(str(resource_path("icons", "baosong.ico")))
    sizes = []
    for i in range(reader.imageCount()):
        assert reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull()
        sizes.append((image.width(), image.height()))
    assert sizes == [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]


def test_the_png_icon_is_the_svg_in_red(qapp: QApplication) -> None:
    image = QImage(str(resource_path("icons", "baosong.png")))
    assert (image.width(), image.height()) == (256, 256)
    assert image.pixelColor(128, 40).name() == "#c62828"  # the rounded square's fill
    assert image.pixelColor(0, 0).alpha() == 0  # transparent corner
