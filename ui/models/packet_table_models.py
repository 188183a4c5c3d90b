"""The 报送 page's two lists: the packets exported (coloured by status) and the records the
bureau flagged (returned, rejected, held for review)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from app.services.merge import reason_text
from app.services.packet_export import ExportedPacket
from app.services.receipt_import import RecordStatus
from app.terms import parse_term
from ui.labels import term_label
from ui.models.packet_labels import (
    FLAG_COLOURS,
    STATUS_COLOURS,
    counts_text,
    flag_labels,
    local_time,
    mode_labels,
    packet_status_labels,
    table_label,
)
from ui.models.record_table_model import Column, RecordTableModel

COL_STATUS = 4


def history_columns() -> list[Column]:
    statuses, modes = packet_status_labels(), mode_labels()
    return [
        Column(
            QCoreApplication.translate("PacketTableModels", "No."),
            QCoreApplication.translate(
                "PacketTableModels", "The packet's sequence number: 1, 2, 3… for every export."
            ),
            lambda p: p.sequence,
            sort=lambda p: p.sequence,
            number=True,
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "Term"),
            QCoreApplication.translate("PacketTableModels", "The term the packet covers."),
            lambda p: term_label(parse_term(p.term)),
            sort=lambda p: p.term,
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "Mode"),
            QCoreApplication.translate(
                "PacketTableModels",
                "Full: every record of the term. Incremental: the changes since the last "
                "acknowledged packet.",
            ),
            lambda p: modes.get(p.mode, p.mode),
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "Exported"),
            QCoreApplication.translate("PacketTableModels", "Date and time of the export."),
            lambda p: local_time(p.created_at),
            sort=lambda p: p.created_at,
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "Status"),
            QCoreApplication.translate(
                "PacketTableModels", "Set by importing the bureau's receipt or return."
            ),
            lambda p: statuses.get(p.status, p.status),
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "Records"),
            QCoreApplication.translate("PacketTableModels", "Records in the packet."),
            lambda p: f"{sum(p.counts.values()):,}",
            sort=lambda p: sum(p.counts.values()),
            number=True,
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "File"),
            QCoreApplication.translate(
                "PacketTableModels", "A copy of every packet is kept in the exports folder."
            ),
            lambda p: p.file_name,
        ),
    ]


class PacketHistoryModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(history_columns(), parent)

    def background(self, record: ExportedPacket, column: int) -> Any:
        return STATUS_COLOURS.get(record.status) if column == COL_STATUS else None

    def cell_tooltip(self, record: ExportedPacket, column: int) -> str | None:
        return counts_text(record.counts)


@dataclass(frozen=True)
class FlaggedRow:
    """A flagged record with what the page knows about it."""

    flag: RecordStatus
    student: str  # the student's name, or "" when the record is not a student's
    sequence: int | None  # the packet that carried it


def flagged_columns() -> list[Column]:
    flags = flag_labels()
    return [
        Column(
            QCoreApplication.translate("PacketTableModels", "Status"),
            QCoreApplication.translate(
                "PacketTableModels",
                "Returned: correct it and export again. Rejected: the bureau could not take it. "
                "Held for review: the bureau decides.",
            ),
            lambda r: flags.get(r.flag.status, r.flag.status),
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "Kind of record"),
            QCoreApplication.translate("PacketTableModels", "Where to correct it."),
            lambda r: table_label(r.flag.table_name),
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "Student"),
            QCoreApplication.translate(
                "PacketTableModels", "The student the record is about, if it is a student's."
            ),
            lambda r: r.student,
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "Reason"),
            QCoreApplication.translate("PacketTableModels", "What the bureau says."),
            lambda r: reason_text(r.flag.reason),
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "Packet"),
            QCoreApplication.translate("PacketTableModels", "The packet that carried the record."),
            lambda r: r.sequence,
            sort=lambda r: r.sequence or 0,
            number=True,
        ),
        Column(
            QCoreApplication.translate("PacketTableModels", "Record"),
            QCoreApplication.translate(
                "PacketTableModels", "The record's identifier, to quote when asking the bureau."
            ),
            lambda r: r.flag.record_uuid,
        ),
    ]


class FlaggedRecordModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(flagged_columns(), parent)

    def background(self, record: FlaggedRow, column: int) -> Any:
        return FLAG_COLOURS.get(record.flag.status) if column == 0 else None

    def cell_tooltip(self, record: FlaggedRow, column: int) -> str | None:
        return record.flag.detail or None
