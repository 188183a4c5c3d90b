"""设置 of a bureau workspace: the UI language, the bureau's name and district, its keys (the
fingerprints schools compare, the public-keys file they import, a backup of the private keys)
and the database backups."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.bureau_keys import bureau_keys, export_bureau_keys
from app.services.bureau_workspace import init_bureau, require_bureau
from app.services.keys_service import backup_keys
from app.services.workspace import Workspace
from ui.models.bureau_labels import grouped_fingerprint
from ui.widgets.settings_sections import BackupsBox, LanguageBox, message_label, say


class BureauSettingsPage(QWidget):
    profile_changed = Signal()
    backups_requested = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ask_export_path: Callable[[Path], Path | None] = self._ask_export_path
        self.ask_backup_folder: Callable[[], Path | None] = self._ask_backup_folder
        layout = QVBoxLayout(self)
        layout.addWidget(self._language_box())
        layout.addWidget(self._bureau_box())
        layout.addWidget(self._keys_box())
        layout.addWidget(self._backups_box())
        layout.addStretch(1)
        self.load()

    @staticmethod
    def _label() -> QLabel:
        return message_label(selectable=True)

    def _language_box(self) -> QGroupBox:
        self.language_box = LanguageBox(self.ws, selectable=True)
        self.language = self.language_box.language
        self.language_note = self.language_box.note
        return self.language_box

    def _bureau_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Bureau"))
        self.name = QLineEdit()
        self.district = QLineEdit()
        self.district.setMaxLength(6)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save_profile)
        self.profile_message = self._label()
        form = QFormLayout(box)
        form.addRow(self.tr("Bureau name"), self.name)
        form.addRow(self.tr("District code"), self.district)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        form.addRow("", save_row)
        form.addRow(self.profile_message)
        return box

    def _keys_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Keys"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.signing_fp = self._label()
        self.encryption_fp = self._label()
        for label in (self.signing_fp, self.encryption_fp):
            label.setFont(mono)
        explain = self._label()
        explain.setText(
            self.tr(
                "Schools import the bureau's public keys file and compare its fingerprint with "
                "you by phone. Back up the private keys (they stay protected by the passphrase) "
                "to a safe place: without them no packet can be opened."
            )
        )
        self.export_button = QPushButton(self.tr("Export public keys…"))
        self.export_button.clicked.connect(self.export_public_keys)
        self.backup_keys_button = QPushButton(self.tr("Back up private keys…"))
        self.backup_keys_button.clicked.connect(self.back_up_keys)
        self.keys_message = self._label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.backup_keys_button)
        buttons.addStretch(1)
        form = QFormLayout(box)
        form.addRow(self.tr("Signing key (receipts)"), self.signing_fp)
        form.addRow(self.tr("Encryption key (packets)"), self.encryption_fp)
        form.addRow(explain)
        form.addRow(buttons)
        form.addRow(self.keys_message)
        return box

    def _backups_box(self) -> QGroupBox:
        box = BackupsBox(
            self.tr(
                "Baosong backs the central database up every day and before every merge. A "
                "backup can be restored here."
            ),
            selectable=True,
        )
        self.backups_button = box.button
        box.requested.connect(self.backups_requested)
        return box

    def load(self) -> None:
        db = self.ws.db
        self.language_box.load()
        profile = require_bureau(db)
        self.name.setText(profile.name)
        self.district.setText(profile.district)
        keys = bureau_keys(db)
        if keys is None:
            none = self.tr("No key yet")
            self.signing_fp.setText(none)
            self.encryption_fp.setText(none)
        else:
            self.signing_fp.setText(grouped_fingerprint(keys[0].fingerprint))
            self.encryption_fp.setText(grouped_fingerprint(keys[1].fingerprint))
        self.export_button.setEnabled(keys is not None)
        self.backup_keys_button.setEnabled(keys is not None)

    def apply_language(self, _index: int = 0) -> None:
        self.language_box.apply()

    def save_profile(self) -> None:
        try:
            profile = init_bureau(self.ws.db, name=self.name.text(), district=self.district.text())
        except UserError as exc:
            say(self.profile_message, str(exc), ok=False)
            return
        self.name.setText(profile.name)
        say(self.profile_message, self.tr("The bureau's details were saved."), ok=True)
        self.profile_changed.emit()

    def export_public_keys(self) -> None:
        suggested = self.ws.paths.exports / "bureau-public-keys.json"
        dest = self.ask_export_path(suggested)
        if dest is None:
            return
        try:
            export_bureau_keys(self.ws, dest)
        except UserError as exc:
            say(self.keys_message, str(exc), ok=False)
            return
        say(
            self.keys_message,
            self.tr(
                "The public keys were written to {path}. Give the file to every school."
            ).format(path=dest),
            ok=True,
        )

    def back_up_keys(self) -> None:
        folder = self.ask_backup_folder()
        if folder is None:
            return
        try:
            copied = backup_keys(self.ws, folder)
        except UserError as exc:
            say(self.keys_message, str(exc), ok=False)
            return
        say(
            self.keys_message,
            self.tr("{n} key files were copied to {folder}.").format(n=len(copied), folder=folder),
            ok=True,
        )

    def _ask_export_path(self, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export public keys"), str(suggested), self.tr("Key files (*.json)")
        )
        return Path(path) if path else None

    def _ask_backup_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up the private keys to"))
        return Path(folder) if folder else None
