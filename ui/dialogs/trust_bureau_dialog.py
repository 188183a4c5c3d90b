"""信任教育局公钥: the bureau's public keys file, shown before it is trusted.

A file on a USB stick can be swapped on the way; the fingerprint read out by the bureau on the
phone cannot. So the dialog shows the file's fingerprint and the Trust button stays disabled
until the clerk confirms having compared it by phone. ``action`` does the trusting (with the
fingerprint shown here as the expected one, so a file changed after it was read is refused); a
``UserError`` from it is shown in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.packets.key_documents import BureauPublicKeys
from app.services.keys_service import TrustedBureau
from ui.dialogs.passphrase_dialog import ERROR_STYLE
from ui.models.packet_labels import short_fingerprint
from ui.widgets.fingerprint_view import FingerprintView


class TrustBureauDialog(QDialog):
    def __init__(
        self,
        keys: BureauPublicKeys,
        current: TrustedBureau | None,
        action: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._action = action
        self.setWindowTitle(self.tr("Trust the bureau's public keys"))
        intro = QLabel(
            self.tr(
                "Call the education bureau and ask them to read out the fingerprint of their "
                "keys. Trust this file only if it is the same as the one below: otherwise the "
                "file may have been changed on its way, and your packets would go to someone else."
            )
        )
        intro.setWordWrap(True)
        self.fingerprint = FingerprintView()
        self.fingerprint.set_fingerprint(keys.signing_fingerprint)
        form = QFormLayout()
        form.addRow(self.tr("Bureau:"), QLabel(keys.bureau_name))
        form.addRow(self.tr("District code:"), QLabel(keys.district))
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        form.addRow(self.tr("Encryption key:"), QLabel(short_fingerprint(keys.encryption_key_id)))
        self.replaces = QLabel()
        self.replaces.setWordWrap(True)
        same = current is not None and current.signing_fingerprint == keys.signing_fingerprint
        if current is not None and not same:
            self.replaces.setText(
                self.tr(
                    "These keys replace the ones trusted now ({name}, {short}). Packets exported "
                    "from now on are encrypted for the new keys."
                ).format(
                    name=current.bureau_name, short=short_fingerprint(current.signing_fingerprint)
                )
            )
        self.replaces.setVisible(bool(self.replaces.text()))
        self.confirm = QCheckBox(
            self.tr("I compared the fingerprint with the bureau by phone: it is the same.")
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.trust_button = self.buttons.addButton(
            self.tr("Trust these keys"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.trust_button.setEnabled(False)
        self.confirm.toggled.connect(self.trust_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.replaces)
        layout.addWidget(self.confirm)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        if not self.confirm.isChecked():
            return
        try:
            self._action()
        except UserError as exc:
            self.error.setText("\n".join(p for p in (exc.what or str(exc), exc.todo) if p))
            self.error.setVisible(True)
            return
        super().accept()
