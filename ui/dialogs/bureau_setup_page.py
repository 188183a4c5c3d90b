"""The first-run wizard's bureau page: the bureau's name and district, and the passphrase that
protects its new keys (typed twice, since a forgotten or mistyped one cannot be recovered and
every packet sent to the bureau is encrypted to these keys)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget, QWizardPage

from app.errors import UserError
from app.packets.keys import check_new_passphrase
from app.services.bureau_keys import create_bureau_keys
from app.services.bureau_workspace import init_bureau
from app.services.workspace import DEFAULT_DISTRICT, Workspace
from app.validation.ids import parse_district_code
from ui.widgets.form_field import FieldWithMessage


class BureauSetupPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The education bureau"))
        self.setSubTitle(
            self.tr(
                "This data folder becomes the bureau's workspace: it receives the schools' "
                "packets. Its keys are made now."
            )
        )
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 孟津区教育局"))
        self.district = QLineEdit(DEFAULT_DISTRICT)
        self.district.setMaxLength(6)
        self.passphrase = QLineEdit()
        self.again = QLineEdit()
        for field in (self.passphrase, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields = {
            "name": FieldWithMessage(self.name),
            "district": FieldWithMessage(self.district),
            "passphrase": FieldWithMessage(self.passphrase),
            "again": FieldWithMessage(self.again),
        }
        self._touched: set[str] = set()
        form = QFormLayout(self)
        form.addRow(self.tr("Bureau name"), self.fields["name"])
        form.addRow(self.tr("District code"), self.fields["district"])
        form.addRow(self.tr("Key passphrase"), self.fields["passphrase"])
        form.addRow(self.tr("Passphrase again"), self.fields["again"])
        note = QLabel(
            self.tr(
                "The passphrase protects the bureau's private keys: it is asked whenever packets "
                "are opened or receipts signed. Write it down and keep it safe; Baosong cannot "
                "recover it."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        for key, widget in (
            ("name", self.name),
            ("district", self.district),
            ("passphrase", self.passphrase),
            ("again", self.again),
        ):
            widget.setProperty("field_key", key)
            widget.textChanged.connect(self._edited)

    def _edited(self, _text: str) -> None:
        self._touched.add(str(self.sender().property("field_key")))
        errors = self.errors()
        for key, field in self.fields.items():
            field.set_message(errors.get(key, "") if key in self._touched else "")
        self.completeChanged.emit()

    def errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.name.text().strip():
            errors["name"] = self.tr("Enter the bureau's full name.")
        try:
            parse_district_code(self.district.text())
        except UserError as exc:
            errors["district"] = str(exc)
        try:
            check_new_passphrase(self.passphrase.text())
        except UserError as exc:
            errors["passphrase"] = exc.what
        if self.again.text() != self.passphrase.text():
            errors["again"] = self.tr("The two passphrases differ.")
        return errors

    def isComplete(self) -> bool:
        return not self.errors()

    def nextId(self) -> int:
        return -1

    def create(self, ws: Workspace) -> bool:
        """Make the workspace the bureau's and create its keys; False (and why) on a problem."""
        try:
            init_bureau(ws.db, name=self.name.text(), district=self.district.text())
            create_bureau_keys(ws, self.passphrase.text())
        except UserError as exc:
            self.error.setText(str(exc))
            return False
        for field in (self.passphrase, self.again):  # not kept in memory longer than needed
            field.blockSignals(True)
            field.clear()
            field.blockSignals(False)
        return True
