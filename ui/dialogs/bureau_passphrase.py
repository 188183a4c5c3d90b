"""The passphrase of the bureau's private keys, asked when a task needs a key (checking and
merging packets, signing receipts). It is never stored; pages take the asking function as an
injectable attribute, so tests answer without a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class BureauPassphraseDialog(QDialog):
    def __init__(self, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Key passphrase"))
        intro = QLabel(purpose)
        intro.setWordWrap(True)
        note = QLabel(
            self.tr(
                "The passphrase chosen when the bureau was set up protects its private keys. "
                "Baosong does not keep it."
            )
        )
        note.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._edited("")

    def _edited(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text))

    def passphrase(self) -> str:
        return self.field.text()


def ask_bureau_passphrase(parent: QWidget | None, purpose: str) -> str | None:
    """Ask (modal); None when the user cancelled."""
    dialog = BureauPassphraseDialog(purpose, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase()
    finally:
        dialog.deleteLater()
