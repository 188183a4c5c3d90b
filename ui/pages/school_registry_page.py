"""学校登记: the schools whose packets the bureau accepts, by their signing keys.

A school sends its identity file (code, name, public key); the bureau enrols it after comparing
the key's fingerprint with the school by phone. A second identity of an enrolled school replaces
its key (the old one is listed as replaced); revoking refuses every packet of the school until
a new key is enrolled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.packets.key_documents import read_document_file, read_school_identity
from app.services.bureau_keys import enroll_school, list_registry, revoke_school
from app.services.bureau_lists import MergedPacket, last_merged_packets
from app.services.workspace import Workspace
from ui.dialogs.enrol_school_dialog import EnrolSchoolDialog
from ui.errors import show_user_error
from ui.icons import icon
from ui.models.bureau_labels import key_status_labels, local_time, short_fingerprint
from ui.models.record_table_model import Column, RecordFilterProxy, RecordTableModel
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table, selected_records

_OK_STYLE = "color: #2e7d32;"
_ERROR_STYLE = "color: #c62828;"


def _last_packet(packets: dict[str, MergedPacket]) -> Callable[[Any], str]:
    def text(key: Any) -> str:
        packet = packets.get(key.school_code)
        if packet is None:
            return ""
        return QCoreApplication.translate("RegistryModel", "No. {n}, {at}").format(
            n=packet.sequence, at=local_time(packet.received_at)
        )

    return text


class RegistryModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        last_packets: dict[str, MergedPacket] = {}
        statuses = key_status_labels()
        columns = [
            Column(QCoreApplication.translate("RegistryModel", "School code"), "", lambda k: k.school_code),
            Column(QCoreApplication.translate("RegistryModel", "School name"), "", lambda k: k.school_name),
            Column(
                QCoreApplication.translate("RegistryModel", "Fingerprint"),
                QCoreApplication.translate("RegistryModel", "The first groups of the key's fingerprint"),
                lambda k: short_fingerprint(k.fingerprint),
            ),
            Column(QCoreApplication.translate("RegistryModel", "Status"), "", lambda k: statuses.get(k.status, k.status)),
            Column(QCoreApplication.translate("RegistryModel", "Enrolled"), "", lambda k: local_time(k.enrolled_at)),
            Column(
                QCoreApplication.translate("RegistryModel", "Last packet"),
                QCoreApplication.translate("RegistryModel", "The school's newest merged packet"),
                _last_packet(last_packets),
            ),
        ]  # fmt: skip
        super().__init__(columns, parent)
        self.last_packets = last_packets  # filled by the page before each set_rows

    def background(self, record: Any, column: int) -> Any:
        return QColor("#eeeeee") if record.status != "active" else None

    def cell_tooltip(self, record: Any, column: int) -> str | None:
        return str(record.fingerprint) if column == 2 else None


class SchoolRegistryPage(QWidget):
    registry_changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ask_identity_file: Callable[[], Path | None] = self._ask_identity_file
        self.enrol_dialog: EnrolSchoolDialog | None = None
        self.revoke_box: QMessageBox | None = None
        self._enrol_path: Path | None = None
        self.model = RegistryModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(12, 26, 32, 14, 17))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        hint = EmptyHint(
            self.tr(
                "No school is enrolled yet. Ask each school for its identity file (made on the "
                "Submission page of the school's Baosong), then enrol it here after comparing "
                "the fingerprint by phone."
            )
        )
        hint.add_button(self.tr("Enrol identity file…"), self.enrol, icon("add"))
        self.stack = HintStack(self.table, hint)
        self.enrol_button = QPushButton(icon("add"), self.tr("Enrol identity file…"))
        self.enrol_button.clicked.connect(self.enrol)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.clicked.connect(self.revoke)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        self.model.last_packets.clear()
        self.model.last_packets.update(last_merged_packets(self.ws.db))
        self.model.set_rows(list_registry(self.ws.db))
        if self.model.rows:
            self.stack.show_content()
        else:
            self.stack.show_hint()
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        chosen = selected_records(self.table)
        self.revoke_button.setEnabled(bool(chosen) and chosen[0].status != "revoked")

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(_OK_STYLE if ok else _ERROR_STYLE)
        self.message.setText(text)

    # -- enrol --------------------------------------------------------------------------------

    def enrol(self) -> None:
        path = self.ask_identity_file()
        if path is None:
            return
        try:
            identity = read_school_identity(read_document_file(path))
        except UserError as exc:
            show_user_error(self, exc)
            return
        dialog = EnrolSchoolDialog(
            identity, self._enrol_note(identity.school_code, identity.fingerprint), self
        )
        dialog.accepted.connect(self._enrol_confirmed)
        dialog.finished.connect(dialog.deleteLater)
        self._enrol_path = path
        self.enrol_dialog = dialog
        dialog.open()

    def _enrol_note(self, code: str, fingerprint: str) -> str:
        keys = [k for k in list_registry(self.ws.db) if k.school_code == code]
        if any(k.fingerprint == fingerprint and k.status == "revoked" for k in keys):
            return self.tr("This key was revoked; it cannot be enrolled again.")
        if any(k.fingerprint == fingerprint and k.status == "active" for k in keys):
            return self.tr("This school is already enrolled with this very key.")
        if any(k.status == "active" for k in keys):
            return self.tr(
                "This school is enrolled with another key. Enrolling this one replaces it: "
                "packets signed with the old key are refused from now on."
            )
        return ""

    def _enrol_confirmed(self) -> None:
        dialog, path = self.enrol_dialog, self._enrol_path
        self.enrol_dialog = None
        if dialog is None or path is None:
            return
        try:
            outcome = enroll_school(self.ws, path, dialog.expected_fingerprint())
        except UserError as exc:
            self._say(str(exc), ok=False)
            return
        fields = {"code": outcome.identity.school_code, "name": outcome.identity.school_name}
        texts = {
            "enrolled": self.tr("School {code} {name} is enrolled."),
            "rotated": self.tr(
                "School {code} {name} now uses its new key; the old one is refused."
            ),
            "reactivated": self.tr("School {code} {name} uses its earlier key again."),
            "unchanged": self.tr("School {code} {name} was already enrolled with this key."),
        }
        self._say(texts.get(outcome.action, texts["enrolled"]).format(**fields), ok=True)
        self.reload()
        self.registry_changed.emit()

    def _ask_identity_file(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Enrol a school's identity file"),
            "",
            self.tr("Identity files (*.json);;All files (*)"),
        )
        return Path(path) if path else None

    # -- revoke -------------------------------------------------------------------------------

    def revoke(self) -> None:
        chosen = selected_records(self.table)
        if not chosen:
            return
        key = chosen[0]
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Revoke a school's keys"),
            self.tr(
                "Revoke every key of {code} {name}? Its packets are refused from now on, until "
                "the school makes a new key and you enrol its new identity file."
            ).format(code=key.school_code, name=key.school_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setProperty("school_code", key.school_code)
        box.buttonClicked.connect(self._revoke_answered)
        box.finished.connect(box.deleteLater)
        self.revoke_box = box
        box.open()

    def _revoke_answered(self, button: QPushButton) -> None:
        box = self.revoke_box
        self.revoke_box = None
        if box is None or box.standardButton(button) != QMessageBox.StandardButton.Yes:
            return
        code = str(box.property("school_code"))
        try:
            count = revoke_school(self.ws, code)
        except UserError as exc:
            self._say(str(exc), ok=False)
            return
        self._say(
            self.tr("{n} keys of school {code} were revoked.").format(n=count, code=code), ok=True
        )
        self.reload()
        self.registry_changed.emit()
