"""Before a school's key is enrolled: who the identity file says it is, and its fingerprint in
large print to compare with the school by phone (a file on a USB stick can be swapped; a phone
call to a known number is the check). Enrolling waits until the user says they compared it;
a fingerprint typed as the school reads it out is checked against the file as well."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.packets.key_documents import SchoolIdentity
from ui.models.bureau_labels import grouped_fingerprint


class EnrolSchoolDialog(QDialog):
    def __init__(self, identity: SchoolIdentity, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identity = identity
        self.setWindowTitle(self.tr("Enrol a school"))
        form = QFormLayout()
        form.addRow(self.tr("School code"), QLabel(identity.school_code))
        form.addRow(self.tr("School name"), QLabel(identity.school_name))
        form.addRow(self.tr("District code"), QLabel(identity.district))
        self.fingerprint = QLabel(grouped_fingerprint(identity.fingerprint))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Fingerprint"), self.fingerprint)
        how = QLabel(
            self.tr(
                "Phone the school and ask them to read out the fingerprint their Baosong shows "
                "for its key. Enrol only if it is the same as above: a different fingerprint "
                "means the file is not the school's."
            )
        )
        how.setWordWrap(True)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(
            self.tr("Optional: the first groups as the school reads them")
        )
        self.compared = QCheckBox(self.tr("I compared the fingerprint with the school by phone"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.enrol_button = self.buttons.addButton(
            self.tr("Enrol"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.compared.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(how)
        layout.addWidget(self.typed)
        layout.addWidget(self.compared)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self, *_args: object) -> None:
        self.enrol_button.setEnabled(self.compared.isChecked())

    def expected_fingerprint(self) -> str | None:
        """What the user typed (checked by the service), or None."""
        text = self.typed.text().strip()
        return text or None
