"""Asking for a key passphrase: a form (embedded in the export wizard) and a dialog around it.

In confirm mode (a key is being made) the passphrase is typed twice, must be at least
``MIN_PASSPHRASE_LENGTH`` characters long and a strength hint follows the typing. The dialog
hands the passphrase to its ``action`` (make the key, open it…) and forgets it: the fields are
emptied with ``setText("")`` (which, unlike ``clear()``, also drops the undo history) whatever
the outcome, nothing is logged, and a ``UserError`` from the action (a wrong passphrase) is
shown in the dialog, which stays open for another try.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.packets.keys import MIN_PASSPHRASE_LENGTH

ERROR_STYLE = "color: #b00020;"
_HINT_STYLES = ("color: #b00020;", "color: #9a6700;", "color: #1a7f37;")


def passphrase_strength(text: str) -> int:
    """0 too short, 1 acceptable, 2 strong. Length counts most: several words beat symbols.

    A rough guide for people, not an estimate of entropy: at least 16 characters, or the
    minimum length with three kinds of character (or a few words), counts as strong."""
    if len(text) < MIN_PASSPHRASE_LENGTH:
        return 0
    kinds = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
            any(ord(c) > 0x2E7F for c in text),  # CJK and other wide scripts
        )
    )
    words = len(text.split())
    return 2 if len(text) >= 16 or kinds >= 3 or words >= 3 else 1


class PassphraseForm(QWidget):
    """The passphrase field(s), the strength hint (confirm mode) and an error line."""

    def __init__(self, *, confirm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.confirm = confirm
        self.first = self._field()
        self.second = self._field()
        self.strength = QLabel()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.tr("Passphrase:"), self.first)
        if confirm:
            layout.addRow(self.tr("Same passphrase again:"), self.second)
            layout.addRow("", self.strength)
            self.first.textChanged.connect(self._update_strength)
            self._update_strength("")
        else:
            self.second.setVisible(False)
            self.strength.setVisible(False)
        layout.addRow(self.error)

    def _field(self) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        # No input method: a composing IME may keep its own copy of what was typed.
        field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        field.textChanged.connect(self._hide_error)
        return field

    def _update_strength(self, text: str) -> None:
        level = passphrase_strength(text)
        hints = (
            self.tr("Too short: at least {n} characters.").format(n=MIN_PASSPHRASE_LENGTH),
            self.tr("Acceptable. Longer is stronger: a few words with spaces between them."),
            self.tr("Strong."),
        )
        self.strength.setText(hints[level])
        self.strength.setStyleSheet(_HINT_STYLES[level])

    def _hide_error(self) -> None:
        self.error.setVisible(False)

    def problem(self) -> str | None:
        """Why what is typed cannot be used yet (nothing is cleared)."""
        text = self.first.text()
        if not text:
            return self.tr("Type the passphrase.")
        if not self.confirm:
            return None
        if len(text) < MIN_PASSPHRASE_LENGTH:
            return self.tr("The passphrase is too short: at least {n} characters.").format(
                n=MIN_PASSPHRASE_LENGTH
            )
        if self.second.text() != text:
            return self.tr("The two passphrases differ. Type the second one again.")
        return None

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def take(self) -> str:
        """The passphrase; the fields are emptied."""
        text = self.first.text()
        self.clear()
        return text

    def clear(self) -> None:
        for field in (self.first, self.second):
            field.setText("")  # also drops the undo history, unlike clear()


class PassphraseDialog(QDialog):
    """Ask for a passphrase and give it to ``action``; the dialog closes when the action
    succeeded, and stays open showing the message when it raised a ``UserError``."""

    def __init__(
        self,
        title: str,
        text: str,
        action: Callable[[str], object],
        *,
        confirm: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._action = action
        self.setWindowTitle(title)
        self.intro = QLabel(text)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.form = PassphraseForm(confirm=confirm)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        problem = self.form.problem()
        if problem is not None:
            if self.form.confirm:
                self.form.second.setText("")
                self.form.second.setFocus()
            self.form.show_error(problem)
            return
        try:
            self._action(self.form.take())
        except UserError as exc:
            self.form.show_error("\n".join(p for p in (exc.what or str(exc), exc.todo) if p))
            self.form.first.setFocus()
            return
        super().accept()

    def reject(self) -> None:
        self.form.clear()
        super().reject()
