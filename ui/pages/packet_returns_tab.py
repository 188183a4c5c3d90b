"""退回记录: the records the bureau returned for correction, rejected or holds for review, with
the student they are about and the bureau's reason. A flag clears itself: once the corrected
record travels in a packet the bureau acknowledges, the receipt of that packet clears it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services.packet_export import list_packets
from app.services.receipt_import import flagged_records
from app.services.record_students import student_names
from app.services.workspace import Workspace
from ui.models.packet_table_models import FlaggedRecordModel, FlaggedRow
from ui.models.record_table_model import RecordFilterProxy
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table


class PacketReturnsTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model = FlaggedRecordModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(14, 14, 8, 36, 5))
        self.hint = QLabel(
            self.tr(
                "Correct each returned record where it is kept (the roster, labor, arts or PE "
                "page), then export a new packet. The flag goes away when the bureau's receipt "
                "for that packet is imported. Records held for review need nothing from you "
                "unless the bureau asks."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        empty = EmptyHint(
            self.tr(
                "No record is flagged by the bureau. When an imported receipt returns records "
                "for correction, they are listed here."
            )
        )
        self.stack = HintStack(self.table, empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.stack, 1)

    def reload(self) -> None:
        flags = flagged_records(self.ws)
        names = student_names(self.ws.db, [(f.table_name, f.record_uuid) for f in flags])
        sequences = {p.sha256: p.sequence for p in list_packets(self.ws.db)}
        self.model.set_rows(
            [
                FlaggedRow(
                    f,
                    names.get((f.table_name, f.record_uuid), ""),
                    sequences.get(f.packet_sha256),
                )
                for f in flags
            ]
        )
        self.hint.setVisible(bool(flags))
        if flags:
            self.stack.show_content()
        else:
            self.stack.show_hint()

    def count(self) -> int:
        return self.model.rowCount()
