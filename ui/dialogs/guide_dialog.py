"""帮助 → 使用指南 (F1): the first hour in five steps, from resources/guide/guide_<lang>.html.

The guide is plain HTML in resources/ (not UI strings), so it is edited as a document; one file
per language, in the language the UI was started with.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app import i18n as core_i18n
from app.paths import resource_path

FALLBACK_LANGUAGE = "en"


def guide_html(language: str) -> str:
    path = resource_path("guide", f"guide_{language}.html")
    if not path.exists():
        path = resource_path("guide", f"guide_{FALLBACK_LANGUAGE}.html")
    return path.read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """Not modal: the user follows the steps in the main window with the guide open."""

    def __init__(self, *, language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(guide_html(language or core_i18n.language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 620)
