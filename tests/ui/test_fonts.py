"""The bundled CJK font: registered only on a machine without one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from ui.fonts import ensure_chinese_font, register_fonts

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def test_nothing_is_loaded_when_a_chinese_font_is_installed(qapp: QApplication) -> None:
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("this machine has no Chinese font (scripts/setup.sh installs one)")
    assert ensure_chinese_font() == []


def test_a_bundled_font_folder_is_registered(qapp: QApplication, tmp_path: Path) -> None:
    if not WQY.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    (tmp_path / "wqy-microhei.ttc").symlink_to(WQY)
    (tmp_path / "README.txt").write_text("not a font", encoding="utf-8")
    families = register_fonts(tmp_path)
    assert any("WenQuanYi" in f for f in families)
