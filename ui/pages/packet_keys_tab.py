"""密钥与信任: the school's signing key and the education bureau it trusts.

The signing key is made here (passphrase typed twice), backed up (its files stay encrypted),
replaced, and its public half leaves the school as the identity file for the bureau. The
bureau's public keys file is trusted only after its fingerprint was compared by phone. File and
folder dialogs are edges (``ask_…`` attributes that tests replace); passphrases go straight from
the dialog to the service call and are not kept.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.packets.key_documents import read_bureau_keys, read_document_file
from app.services import keys_service
from app.services.workspace import Workspace, require_school
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.dialogs.trust_bureau_dialog import TrustBureauDialog
from ui.errors import show_info, show_user_error
from ui.models.packet_labels import local_time, short_fingerprint
from ui.widgets.fingerprint_view import FingerprintView


def _hint_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PacketKeysTab(QWidget):
    keys_changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ask_backup_folder = self._ask_backup_folder
        self.ask_identity_path = self._ask_identity_path
        self.ask_bureau_file = self._ask_bureau_file
        self.active_dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_own_group())
        layout.addWidget(self._build_bureau_group())
        layout.addStretch(1)

    def _build_own_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("This school's signing key"))
        self.key_hint = _hint_label()
        self.key_fingerprint = FingerprintView()
        self.key_created = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Fingerprint:"), self.key_fingerprint)
        form.addRow(self.tr("Created:"), self.key_created)
        self.key_form = QWidget()
        self.key_form.setLayout(form)
        self.create_button = QPushButton(self.tr("Create key…"))
        self.create_button.clicked.connect(self.create_key)
        self.backup_button = QPushButton(self.tr("Back up keys…"))
        self.backup_button.clicked.connect(self.back_up_keys)
        self.rotate_button = QPushButton(self.tr("Replace key…"))
        self.rotate_button.clicked.connect(self.rotate_key)
        self.identity_button = QPushButton(self.tr("Export school identity file…"))
        self.identity_button.clicked.connect(self.export_identity)
        buttons = QHBoxLayout()
        for button in (
            self.create_button,
            self.identity_button,
            self.backup_button,
            self.rotate_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.key_hint)
        layout.addWidget(self.key_form)
        layout.addLayout(buttons)
        return box

    def _build_bureau_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Trusted education bureau"))
        self.bureau_hint = _hint_label()
        self.bureau_name = QLabel()
        self.bureau_fingerprint = FingerprintView()
        self.bureau_encryption = QLabel()
        self.bureau_trusted_at = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Bureau:"), self.bureau_name)
        form.addRow(self.tr("Fingerprint:"), self.bureau_fingerprint)
        form.addRow(self.tr("Encryption key:"), self.bureau_encryption)
        form.addRow(self.tr("Trusted since:"), self.bureau_trusted_at)
        self.bureau_form = QWidget()
        self.bureau_form.setLayout(form)
        self.trust_button = QPushButton(self.tr("Trust the bureau's public keys file…"))
        self.trust_button.clicked.connect(self.trust_bureau_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.trust_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.bureau_hint)
        layout.addWidget(self.bureau_form)
        layout.addLayout(buttons)
        return box

    # -- showing ------------------------------------------------------------------------------

    def reload(self) -> None:
        own = keys_service.school_key(self.ws.db)
        self.key_form.setVisible(own is not None)
        for button in (self.backup_button, self.rotate_button, self.identity_button):
            button.setVisible(own is not None)
        self.create_button.setVisible(own is None)
        if own is None:
            self.key_hint.setText(
                self.tr(
                    "This school has no signing key yet. Create it first: it signs every packet, "
                    "so the bureau knows the packet comes from this school and was not changed."
                )
            )
        else:
            self.key_hint.setText(
                self.tr(
                    "The bureau checks every packet with this key. Give it the school identity "
                    "file and read it the fingerprint by phone; keep a backup of the key and its "
                    "passphrase apart."
                )
            )
            self.key_fingerprint.set_fingerprint(own.fingerprint)
            self.key_created.setText(local_time(own.created_at))
        trusted = keys_service.trusted_bureau(self.ws.db)
        self.bureau_form.setVisible(trusted is not None)
        if trusted is None:
            self.bureau_hint.setText(
                self.tr(
                    "No education bureau is trusted yet, so no packet can be encrypted. Ask the "
                    "bureau for its public keys file, choose it here and compare its fingerprint "
                    "with the bureau by phone."
                )
            )
            self.trust_button.setText(self.tr("Trust the bureau's public keys file…"))
            return
        self.bureau_hint.setText(
            self.tr("Packets are encrypted so that only this bureau can open them.")
        )
        self.bureau_name.setText(f"{trusted.bureau_name} ({trusted.district})")
        self.bureau_fingerprint.set_fingerprint(trusted.signing_fingerprint)
        self.bureau_encryption.setText(short_fingerprint(trusted.encryption_key_id))
        self.bureau_trusted_at.setText(local_time(trusted.trusted_at))
        self.trust_button.setText(self.tr("Trust a new bureau public keys file…"))

    def _changed(self) -> None:
        self.reload()
        self.keys_changed.emit()

    def _open(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._changed)
        dialog.open()

    # -- the signing key ----------------------------------------------------------------------

    def create_key(self) -> None:
        self._open(
            PassphraseDialog(
                self.tr("Create the signing key"),
                self.tr(
                    "Choose a passphrase to protect the school's signing key. It is asked for "
                    "every export. Write it down and keep it safe: nobody can recover it (a "
                    "forgotten passphrase means making a new key)."
                ),
                self._create_key,
                confirm=True,
                parent=self,
            )
        )

    def _create_key(self, passphrase: str) -> None:
        made = keys_service.create_school_key(self.ws, passphrase)
        show_info(
            self,
            self.tr("Signing key created"),
            self.tr(
                "The school's signing key was created. Its fingerprint is {short}.\n\n"
                "Next: back up the key, export the school identity file and give it to the "
                "education bureau."
            ).format(short=short_fingerprint(made.fingerprint)),
        )

    def rotate_key(self) -> None:
        self._open(
            PassphraseDialog(
                self.tr("Replace the signing key"),
                self.tr(
                    "A new signing key replaces the current one, which is kept but signs nothing "
                    "any more. The bureau accepts packets signed with the new key only after it "
                    "has enrolled the school's new identity: export the identity file afterwards, "
                    "give it to the bureau and read them the new fingerprint by phone.\n\n"
                    "Choose a passphrase for the new key."
                ),
                self._rotate_key,
                confirm=True,
                parent=self,
            )
        )

    def _rotate_key(self, passphrase: str) -> None:
        made = keys_service.rotate_school_key(self.ws, passphrase)
        show_info(
            self,
            self.tr("Signing key replaced"),
            self.tr(
                "The new key's fingerprint is {short}. Export the school identity file now and "
                "give it to the education bureau before the next packet."
            ).format(short=short_fingerprint(made.fingerprint)),
        )

    def back_up_keys(self) -> None:
        folder = self.ask_backup_folder()
        if folder is None:
            return
        try:
            copied = keys_service.backup_keys(self.ws, folder)
        except UserError as exc:
            show_user_error(self, exc)
            return
        show_info(
            self,
            self.tr("Keys backed up"),
            self.tr(
                "{n} key files were copied to {path}. They stay encrypted: the backup is useless "
                "without the passphrase, so keep both, in different places."
            ).format(n=len(copied), path=str(folder)),
        )

    def export_identity(self) -> None:
        code = require_school(self.ws.db).code
        path = self.ask_identity_path(self.ws.paths.exports / f"{code}-school-identity.json")
        if path is None:
            return
        self._open(
            PassphraseDialog(
                self.tr("Export the school identity file"),
                self.tr(
                    "The identity file carries the school's code, name and public key, sealed "
                    "with the signing key. Type the key's passphrase."
                ),
                partial(self._export_identity, path),
                confirm=False,
                parent=self,
            )
        )

    def _export_identity(self, path: Path, passphrase: str) -> None:
        def ask(_confirm: bool) -> str:
            return passphrase

        identity = keys_service.export_school_identity(self.ws, ask, path)
        show_info(
            self,
            self.tr("School identity exported"),
            self.tr(
                "The identity file was written to {path}. Give it to the education bureau and "
                "read them its fingerprint by phone: {short}."
            ).format(path=str(path), short=short_fingerprint(identity.fingerprint)),
        )

    # -- the bureau ---------------------------------------------------------------------------

    def trust_bureau_file(self) -> None:
        path = self.ask_bureau_file()
        if path is None:
            return
        try:
            keys = read_bureau_keys(read_document_file(path))
        except UserError as exc:
            show_user_error(self, exc)
            return
        current = keys_service.trusted_bureau(self.ws.db)
        action = partial(self._trust, path, keys.signing_fingerprint)
        self._open(TrustBureauDialog(keys, current, action, parent=self))

    def _trust(self, path: Path, fingerprint: str) -> None:
        keys_service.trust_bureau(self.ws, path, fingerprint)

    # -- the edges ----------------------------------------------------------------------------

    def _ask_backup_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose an empty folder for the key backup"), str(Path.home())
        )
        return Path(folder) if folder else None

    def _ask_identity_path(self, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the school identity file"),
            str(suggested),
            self.tr("Identity file (*.json)"),
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".json") else Path(path + ".json")

    def _ask_bureau_file(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the bureau's public keys file"),
            str(Path.home()),
            self.tr("Bureau public keys (*.json);;All files (*)"),
        )
        return Path(path) if path else None
