"""A Chinese font for machines that have none.

The bundle may carry a CJK font in ``resources/fonts/`` (build.spec adds WenQuanYi Micro Hei when
it is built on Linux). It is registered only when no installed font covers Simplified Chinese:
Windows always has one (Microsoft YaHei), and loading a 5 MB font costs start-up time.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from app.paths import resource_path

log = logging.getLogger(__name__)

FONT_SUFFIXES = (".ttc", ".ttf", ".otf")


def ensure_chinese_font() -> list[str]:
    """Register the bundled fonts if needed; returns the families added (usually none)."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return []
    folder = resource_path("fonts")
    if not folder.is_dir():
        log.warning("no font for Chinese is installed and none is bundled: text will show boxes")
        return []
    return register_fonts(folder)


def register_fonts(folder: Path) -> list[str]:
    """Make every font file in ``folder`` available to this process; returns their families."""
    added: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in FONT_SUFFIXES:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                added.extend(QFontDatabase.applicationFontFamilies(font_id))
    log.info("registered bundled fonts: %s", ", ".join(added) or "none")
    return added
