"""Installing the UI language: our own catalog, Qt's (dialog buttons, context menus), the core's.

Widgets carry English source text through ``self.tr()``; the Chinese comes from
``resources/translations/baosong_zh_CN.qm`` (built from the committed ``.ts`` by
``pyside6-lrelease``). The Qt-free core translates its own messages through ``app.i18n``, which
is told the same language here so that a window never mixes two languages.

After changing UI text, refresh the catalog, translate the new entries (Qt Linguist or the XML),
and compile it (scripts/setup.sh does that step too); tests/ui/test_translations.py checks all three:

    .venv/bin/pyside6-lupdate -extensions py -locations none -no-obsolete ui \
        -ts resources/translations/baosong_zh_CN.ts
    .venv/bin/pyside6-lrelease resources/translations/baosong_zh_CN.ts
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import i18n as core_i18n
from app.paths import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def catalog_path(language: str) -> str:
    return str(resource_path("translations", f"baosong_{language}.qm"))


class Translations:
    """The translators installed for one language; ``remove()`` undoes ``install()``."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self._previous_locale = QLocale()  # the default locale before install(), for remove()
        self.language = "en"

    def install(self, language: str) -> None:
        self.remove()
        if language not in LANGUAGES:
            log.warning("unknown language %r; using %s", language, DEFAULT_LANGUAGE)
            language = DEFAULT_LANGUAGE
        self.language = language
        core_i18n.set_language(language)
        if language == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            return
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self._load(catalog_path(language), required=True)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        self._load(f"{qt_dir}/qtbase_{language}.qm", required=False)

    def _load(self, path: str, *, required: bool) -> None:
        translator = QTranslator(self._app)
        if not translator.load(path):
            if required:
                # The .qm is a build product (scripts/setup.sh); without it the UI stays English.
                log.warning("translation catalog %s is missing; run scripts/setup.sh", path)
            return
        self._app.installTranslator(translator)
        self._installed.append(translator)

    def remove(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()
        QLocale.setDefault(self._previous_locale)
