"""Chinese text everywhere: the preferred installed CJK family, else the bundled font, is the
application font's fallback, so Chinese characters never render as boxes."""

from __future__ import annotations

import lzma
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication

from ui.fonts import (
    FONTCONFIG_FAMILIES,
    WINDOWS_FAMILIES,
    ensure_chinese_font,
    pick_chinese_family,
    register_fonts,
)

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_wqy = pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei is not installed")


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QFont]:
    """The application font, restored after the test."""
    before = QGuiApplication.font()
    yield before
    QGuiApplication.setFont(before)


def test_windows_prefers_yahei_then_simsun() -> None:
    assert pick_chinese_family(["SimSun", "Arial", "Microsoft YaHei"]) == "Microsoft YaHei"
    assert pick_chinese_family(["宋体", "Noto Sans CJK SC"]) == "宋体"
    assert pick_chinese_family(["微软雅黑", "宋体"]) == "微软雅黑"
    assert {"Microsoft YaHei", "微软雅黑", "SimSun", "宋体"} <= set(WINDOWS_FAMILIES)


def test_linux_fontconfig_families_then_any_chinese_font() -> None:
    assert pick_chinese_family(["WenQuanYi Micro Hei", "Noto Sans CJK SC"]) == "Noto Sans CJK SC"
    assert pick_chinese_family(["Source Han Sans SC"]) in FONTCONFIG_FAMILIES
    assert pick_chinese_family(["Zeta Song", "Alpha Kai"]) == "Alpha Kai"  # unknown: still used
    assert pick_chinese_family([]) is None


def test_an_installed_font_becomes_the_fallback_and_nothing_is_loaded(
    app_font: QFont, tmp_path: Path
) -> None:
    bundled = tmp_path / "fonts"  # would fail loudly if it were read: it does not exist
    family = ensure_chinese_font(installed=["Arial", "SimSun"], bundled=bundled)
    assert family == "SimSun"
    families = QGuiApplication.font().families()
    assert families[-1] == "SimSun"
    assert families[0] == (app_font.families() or [app_font.family()])[0], "UI font stays first"
    assert ensure_chinese_font(installed=["SimSun"]) == "SimSun"
    assert QGuiApplication.font().families().count("SimSun") == 1


def test_this_machine_renders_chinese(app_font: QFont) -> None:
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("this machine has no Chinese font (scripts/setup.sh installs one)")
    family = ensure_chinese_font()
    assert family is not None
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(c)) for c in "报送学生名册体质健康劳动教育")


@needs_wqy
def test_the_compressed_bundled_font_is_used_when_none_is_installed(
    app_font: QFont, tmp_path: Path
) -> None:
    """What the bundle does on a machine without a CJK font (build.spec packs the font as .xz)."""
    (tmp_path / "wqy-microhei.ttc.xz").write_bytes(lzma.compress(WQY.read_bytes()))
    (tmp_path / "README.txt").write_text("not a font", encoding="utf-8")
    family = ensure_chinese_font(installed=[], bundled=tmp_path)
    assert family is not None and "WenQuanYi" in family
    assert QGuiApplication.font().families()[-1] == family
    assert QFontMetrics(QFont(family)).inFontUcs4(ord("报"))


@needs_wqy
def test_a_plain_bundled_font_file_is_registered(qapp: QApplication, tmp_path: Path) -> None:
    (tmp_path / "wqy-microhei.ttc").symlink_to(WQY)
    families = register_fonts(tmp_path)
    assert any("WenQuanYi" in f for f in families)


def test_no_font_at_all_is_reported_not_fatal(
    app_font: QFont, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert ensure_chinese_font(installed=[], bundled=tmp_path / "missing") is None
    assert "boxes" in caplog.text
    assert QGuiApplication.font() == app_font
