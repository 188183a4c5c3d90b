"""退回: return a merged packet, or some of its school's records, to the school for correction.

The packet is chosen first (newest first); then either the whole packet or records picked from
the bureau's copy of that school's records, table by table. A reason is required: it is what the
school reads. The return travels with the packet's receipt, or in a return document of its own
if the receipt was written already.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.bureau_lists import MergedPacket, merged_packets, returnable_records
from app.services.receipts import return_records
from app.services.workspace import Workspace
from ui.models.bureau_labels import local_time, table_label
from ui.models.record_table_model import Column, RecordFilterProxy, RecordTableModel
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.record_view import record_table, select_record_rows, selected_records

_OK_STYLE = "color: #2e7d32;"
_ERROR_STYLE = "color: #c62828;"


class ReturnableModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            Column(QCoreApplication.translate("ReturnsModel", "Record"), "", lambda r: r.label),
            Column(QCoreApplication.translate("ReturnsModel", "Revision"), "", lambda r: r.revision, number=True),
            Column(
                QCoreApplication.translate("ReturnsModel", "Deleted"),
                "",
                lambda r: QCoreApplication.translate("ReturnsModel", "deleted") if r.deleted else "",
            ),
            Column(QCoreApplication.translate("ReturnsModel", "Record ID"), "", lambda r: r.uuid),
        ]  # fmt: skip
        super().__init__(columns, parent)


def packet_text(packet: MergedPacket) -> str:
    return QCoreApplication.translate("ReturnsModel", "{code} {name} · No. {n} · {at}").format(
        code=packet.school_code,
        name=packet.school_name,
        n=packet.sequence,
        at=local_time(packet.received_at),
    )


class ReturnRecordsPanel(QGroupBox):
    returned = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Return for correction"))
        self.ws = ws
        self.packets: list[MergedPacket] = []
        self.packet_combo = QComboBox()
        self.packet_combo.currentIndexChanged.connect(self._packet_changed)
        self.whole = QRadioButton(self.tr("The whole packet"))
        self.some = QRadioButton(self.tr("Chosen records"))
        self.whole.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.some)
        self.some.toggled.connect(self._mode_changed)
        self.table_combo = QComboBox()
        self.table_combo.currentIndexChanged.connect(self._load_records)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name or number"))
        self.filter.textChanged.connect(self._filter_changed)
        self.model = ReturnableModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.records = record_table(self.proxy, widths=(40, 8, 8), multi=True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("What the school must correct (required)"))
        self.return_button = QPushButton(self.tr("Return"))
        self.return_button.clicked.connect(self.submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.hint = EmptyHint(
            self.tr(
                "No packet has been merged yet. Once packets are merged, a packet or some of "
                "its records can be returned here for the school to correct."
            )
        )
        self.stack = QStackedWidget()
        self.form = self._form()
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def _form(self) -> QWidget:
        choice = QHBoxLayout()
        choice.addWidget(self.whole)
        choice.addWidget(self.some)
        choice.addStretch(1)
        self.picker = QWidget()
        picker_layout = QVBoxLayout(self.picker)
        picker_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.table_combo)
        filters.addWidget(self.filter, 1)
        picker_layout.addLayout(filters)
        picker_layout.addWidget(self.records, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.return_button)
        form = QWidget()
        layout = QFormLayout(form)
        layout.addRow(self.tr("Packet"), self.packet_combo)
        layout.addRow(self.tr("Return"), choice)
        layout.addRow(self.picker)
        layout.addRow(self.tr("Reason"), bottom)
        layout.addRow(self.message)
        return form

    def reload(self) -> None:
        keep = self.current_packet()
        self.packets = merged_packets(self.ws.db)
        self.packet_combo.blockSignals(True)
        self.packet_combo.clear()
        for packet in self.packets:
            self.packet_combo.addItem(packet_text(packet), packet.sha256)
        index = self.packet_combo.findData(keep.sha256) if keep else -1
        self.packet_combo.setCurrentIndex(max(index, 0) if self.packets else -1)
        self.packet_combo.blockSignals(False)
        self.stack.setCurrentWidget(self.form if self.packets else self.hint)
        self._packet_changed()

    def current_packet(self) -> MergedPacket | None:
        index = self.packet_combo.currentIndex()
        return self.packets[index] if 0 <= index < len(self.packets) else None

    def _packet_changed(self, *_args: object) -> None:
        packet = self.current_packet()
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        for name in packet.tables if packet else ():
            self.table_combo.addItem(table_label(name), name)
        self.table_combo.blockSignals(False)
        self._mode_changed()

    def _mode_changed(self, *_args: object) -> None:
        self.picker.setVisible(self.some.isChecked())
        self._load_records()

    def _load_records(self, *_args: object) -> None:
        packet, table = self.current_packet(), self.table_combo.currentData()
        if packet is None or not table or not self.some.isChecked():
            self.model.set_rows([])
            return
        self.model.set_rows(returnable_records(self.ws.db, packet.school_code, packet.terms, table))

    def _filter_changed(self, text: str) -> None:
        needle = text.strip().lower()
        self.proxy.set_predicate("text", (lambda r: needle in r.label.lower()) if needle else None)

    def select_records(self, uuids: set[str]) -> None:
        """Choose records as the user would (by selecting their rows)."""
        select_record_rows(self.records, lambda r: r.uuid in uuids)

    def submit(self) -> None:
        packet = self.current_packet()
        if packet is None:
            return
        reason = self.reason.text().strip()
        chosen: list[Any] | None = None
        if self.some.isChecked():
            chosen = selected_records(self.records)
            if not chosen:
                self._say(self.tr("Choose the records to return first."), ok=False)
                return
        if not reason:
            self._say(self.tr("Enter the reason: it is what the school reads."), ok=False)
            return
        records = None if chosen is None else [(r.table, r.uuid, reason) for r in chosen]
        try:
            count = return_records(
                self.ws.db, packet.sha256, records, reason=reason, actor=self.ws.actor
            )
        except UserError as exc:
            self._say(str(exc), ok=False)
            return
        if records is None:
            text = self.tr(
                "Packet No. {n} of {code} is returned. It goes out with the next receipts."
            )
        else:
            text = self.tr(
                "{count} records of {code} are returned. They go out with the next receipts."
            )
        self._say(text.format(n=packet.sequence, code=packet.school_code, count=count), ok=True)
        self.reason.clear()
        self.returned.emit()

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(_OK_STYLE if ok else _ERROR_STYLE)
        self.message.setText(text)
