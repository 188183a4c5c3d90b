"""Chinese text everywhere: a font that covers Simplified Chinese, whatever the machine has.

The family is chosen once at start-up, in this order:

1. an installed font we know renders Chinese well: on Windows 微软雅黑 (Microsoft YaHei), then
   宋体 (SimSun); on Linux the fontconfig families Noto Sans CJK SC, Source Han Sans, WenQuanYi;
2. any other installed font that covers Simplified Chinese;
3. the font bundled in ``resources/fonts/`` (build.spec adds WenQuanYi Micro Hei, xz-compressed),
   registered only when nothing is installed, since loading 5 MB costs start-up time.

The family is then added to the application font's family list, after the UI font: Latin text
keeps the system's UI font and every Chinese character falls back to this family. Every font
made later (widgets, ``QTextDocument`` for PDF, chart labels) starts from the application font,
so no page, PDF or chart shows boxes.
"""

from __future__ import annotations

import logging
import lzma
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase, QGuiApplication

from app.paths import resource_path

log = logging.getLogger(__name__)

FONT_SUFFIXES = (".ttc", ".ttf", ".otf")
COMPRESSED_SUFFIX = ".xz"
# Windows: both the English and the Chinese names, as Qt may report either on a Chinese system.
WINDOWS_FAMILIES = (
    "Microsoft YaHei",
    "微软雅黑",
    "Microsoft YaHei UI",
    "SimSun",
    "宋体",
    "NSimSun",
    "新宋体",
    "SimHei",
    "黑体",
)
FONTCONFIG_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "文泉驿微米黑",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
)
PREFERRED_FAMILIES = WINDOWS_FAMILIES + FONTCONFIG_FAMILIES


def pick_chinese_family(families: Iterable[str]) -> str | None:
    """The preferred family among ``families`` (fonts covering Chinese), else the first of them."""
    available = list(families)
    for family in PREFERRED_FAMILIES:
        if family in available:
            return family
    return sorted(available)[0] if available else None


def ensure_chinese_font(
    *, installed: Sequence[str] | None = None, bundled: Path | None = None
) -> str | None:
    """Choose the Chinese family (registering the bundled font if needed) and make it the
    application font's fallback; returns the family, or None if the machine has none at all.

    ``installed`` and ``bundled`` replace the font database's answer and ``resources/fonts``
    (for tests).
    """
    if installed is None:
        installed = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    family = pick_chinese_family(installed)
    if family is None:
        folder = bundled if bundled is not None else resource_path("fonts")
        family = pick_chinese_family(register_fonts(folder)) if folder.is_dir() else None
    if family is None:
        log.warning("no font for Chinese is installed and none is bundled: text will show boxes")
        return None
    use_as_fallback(family)
    return family


def use_as_fallback(family: str) -> None:
    """Append ``family`` to the application font's families (after the UI font)."""
    font = QGuiApplication.font()
    families = font.families() or [font.family()]
    if family not in families:
        font.setFamilies([*families, family])
        QGuiApplication.setFont(font)


def register_fonts(folder: Path) -> list[str]:
    """Make every font file in ``folder`` (plain or ``.xz``) available to this process; returns
    their families."""
    added: list[str] = []
    for path in sorted(folder.iterdir()):
        name = path.name.lower()
        if name.endswith(FONT_SUFFIXES):
            font_id = QFontDatabase.addApplicationFont(str(path))
        elif name.endswith(tuple(s + COMPRESSED_SUFFIX for s in FONT_SUFFIXES)):
            data = lzma.decompress(path.read_bytes())
            font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        else:
            continue
        if font_id >= 0:
            added.extend(QFontDatabase.applicationFontFamilies(font_id))
        else:
            log.warning("the font file %s could not be loaded", path)
    log.info("registered bundled fonts: %s", ", ".join(added) or "none")
    return added
