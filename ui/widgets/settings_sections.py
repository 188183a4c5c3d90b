"""The sections a school's and the bureau's 设置 pages share: the UI language and the backups,
plus the wrapped message labels both pages use to say what happened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout

from app.services.workspace import Workspace, get_language, set_language

LANGUAGE_NAMES = (("zh_CN", "中文"), ("en", "English"))  # each language in its own words
_OK_STYLE = "color: #2e7d32;"
_ERROR_STYLE = "color: #c62828;"


def message_label(*, selectable: bool = False) -> QLabel:
    """A wrapped label for notes and messages; ``selectable`` lets the user copy its text."""
    label = QLabel()
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def say(label: QLabel, text: str, *, ok: bool) -> None:
    """Show the outcome of an action: green when it worked, red when it did not."""
    label.setStyleSheet(_OK_STYLE if ok else _ERROR_STYLE)
    label.setText(text)


class LanguageBox(QGroupBox):
    """The UI language, saved in the workspace as soon as it is chosen."""

    def __init__(self, ws: Workspace, *, selectable: bool = False) -> None:
        super().__init__()
        self.setTitle(self.tr("Language"))
        self._ws = ws
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.note = message_label(selectable=selectable)
        self.note.setText(self.tr("A new language applies the next time Baosong starts."))
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.note)

    def load(self) -> None:
        """Show the saved language, then save each new choice (not the one shown here)."""
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(get_language(self._ws.db))))
        self.language.blockSignals(False)
        self.language.currentIndexChanged.connect(self.apply)

    def apply(self, _index: int = 0) -> None:
        set_language(self._ws.db, self.language.currentData())
        self.note.setText(self.tr("Saved. Restart Baosong to see the new language everywhere."))


class BackupsBox(QGroupBox):
    """What the page's workspace backs up and when (``explanation``), and the button that asks
    the window for its backups dialog."""

    requested = Signal()

    def __init__(self, explanation: str, *, selectable: bool = False) -> None:
        super().__init__()
        self.setTitle(self.tr("Backups"))
        text = message_label(selectable=selectable)
        text.setText(explanation)
        self.button = QPushButton(self.tr("Backups and restore…"))
        self.button.clicked.connect(self.requested)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
