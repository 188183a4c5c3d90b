"""The intake page's rows: one per packet file, first as the file claims (its unverified
header), then as the dry run or the merge found it; and the two detail tables of the selected
packet (counts per table, records not taken as they came)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from app.services.bureau_intake import PacketResult
from app.services.intake_files import peek_header
from app.services.merge import RecordIssue, TableCounts, reason_text
from ui.models.bureau_labels import table_label
from ui.models.record_table_model import Column, RecordTableModel

# pending: not checked yet; verified: the dry run would merge it; the rest as the service says.
STATES = ("pending", "verified", "merged", "duplicate", "rejected")
_COLOURS = {"rejected": "#ffebee", "duplicate": "#eeeeee", "gap": "#fff8e1", "ok": "#e8f5e9"}


@dataclass(frozen=True)
class IntakeRow:
    path: Path
    school_code: str = ""
    school_name: str = ""
    sequence: int | None = None
    state: str = "pending"
    gap: bool = False  # merged (or would be) although earlier packets are missing
    reason: str = ""
    todo: str = ""
    quarantined: Path | None = None
    tables: dict[str, TableCounts] = field(default_factory=dict)
    issues: tuple[RecordIssue, ...] = ()

    def total(self) -> TableCounts:
        total = TableCounts()
        for counts in self.tables.values():
            total.add(counts)
        return total


def pending_row(path: Path, names: dict[str, str]) -> IntakeRow:
    """A file just added: what its header claims (checked only by the dry run)."""
    header = peek_header(path)
    if header is None:
        return IntakeRow(path)
    name = names.get(header.school_code, header.school_name)
    return IntakeRow(path, header.school_code, name, header.sequence)


def checked_row(
    row: IntakeRow, result: PacketResult, *, dry_run: bool, names: dict[str, str]
) -> IntakeRow:
    state = result.status
    if state == "merged" and dry_run:
        state = "verified"
    code = result.school_code or row.school_code
    return replace(
        row,
        school_code=code,
        school_name=names.get(code, row.school_name),
        sequence=result.sequence if result.sequence is not None else row.sequence,
        state=state,
        gap=result.chain == "gap",
        reason=result.reason or "",
        todo=result.todo or "",
        quarantined=result.quarantined,
        tables=dict(result.tables),
        issues=tuple(result.issues),
    )


def state_label(row: IntakeRow) -> str:
    if row.state == "pending":
        return QCoreApplication.translate("IntakeModel", "Not checked yet")
    if row.state == "verified":
        if row.gap:
            return QCoreApplication.translate("IntakeModel", "Verified — earlier packets missing")
        return QCoreApplication.translate("IntakeModel", "Verified")
    if row.state == "merged":
        if row.gap:
            return QCoreApplication.translate("IntakeModel", "Merged — earlier packets missing")
        return QCoreApplication.translate("IntakeModel", "Merged")
    if row.state == "duplicate":
        return QCoreApplication.translate("IntakeModel", "Duplicate (merged before)")
    return QCoreApplication.translate("IntakeModel", "Rejected")


def note_text(row: IntakeRow) -> str:
    """The reason, and where a rejected file was copied to."""
    if row.quarantined is not None:
        return QCoreApplication.translate(
            "IntakeModel", "{reason} Copied to quarantine: {path}"
        ).format(reason=row.reason, path=row.quarantined)
    return row.reason


def _count(name: str) -> Any:
    return lambda r: (
        "" if r.state in ("pending", "rejected", "duplicate") else getattr(r.total(), name)
    )


class IntakeTableModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        counts = [
            ("created", QCoreApplication.translate("IntakeModel", "New")),
            ("updated", QCoreApplication.translate("IntakeModel", "Updated")),
            ("unchanged", QCoreApplication.translate("IntakeModel", "Unchanged")),
            ("conflicts", QCoreApplication.translate("IntakeModel", "Conflicts")),
            ("rejected", QCoreApplication.translate("IntakeModel", "Records rejected")),
        ]
        tip = QCoreApplication.translate("IntakeModel", "Records of every table, added up")
        columns = [
            Column(QCoreApplication.translate("IntakeModel", "File"), "", lambda r: r.path.name),
            Column(
                QCoreApplication.translate("IntakeModel", "School"),
                QCoreApplication.translate("IntakeModel", "Code and name of the sending school"),
                lambda r: f"{r.school_code} {r.school_name}".strip(),
            ),
            Column(
                QCoreApplication.translate("IntakeModel", "No."),
                QCoreApplication.translate("IntakeModel", "The school's packet sequence number"),
                lambda r: r.sequence,
                sort=lambda r: r.sequence or 0,
                number=True,
            ),
            Column(QCoreApplication.translate("IntakeModel", "Status"), "", state_label),
            *(Column(title, tip, _count(name), number=True) for name, title in counts),
            Column(QCoreApplication.translate("IntakeModel", "Note"), "", note_text),
        ]
        super().__init__(columns, parent)

    def background(self, record: Any, column: int) -> Any:
        row: IntakeRow = record
        if row.state in ("rejected", "duplicate"):
            return QColor(_COLOURS[row.state])
        if row.gap:
            return QColor(_COLOURS["gap"])
        if row.state in ("verified", "merged"):
            return QColor(_COLOURS["ok"])
        return None

    def cell_tooltip(self, record: Any, column: int) -> str | None:
        row: IntakeRow = record
        parts = [str(row.path), row.reason, row.todo]
        return "\n".join(p for p in parts if p)


@dataclass(frozen=True)
class TableRow:
    table: str
    counts: TableCounts


def table_rows(row: IntakeRow) -> list[TableRow]:
    return [TableRow(name, counts) for name, counts in row.tables.items()]


class TableCountsModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        def count(name: str) -> Any:
            return lambda r: getattr(r.counts, name)

        columns = [
            Column(QCoreApplication.translate("IntakeModel", "Table"), "", lambda r: table_label(r.table)),
            Column(QCoreApplication.translate("IntakeModel", "New"), "", count("created"), number=True),
            Column(QCoreApplication.translate("IntakeModel", "Updated"), "", count("updated"), number=True),
            Column(QCoreApplication.translate("IntakeModel", "Unchanged"), "", count("unchanged"), number=True),
            Column(QCoreApplication.translate("IntakeModel", "Conflicts"), "", count("conflicts"), number=True),
            Column(QCoreApplication.translate("IntakeModel", "Rejected"), "", count("rejected"), number=True),
        ]  # fmt: skip
        super().__init__(columns, parent)


def issue_status_label(status: str) -> str:
    if status == "conflict":
        return QCoreApplication.translate("IntakeModel", "Held for review")
    return QCoreApplication.translate("IntakeModel", "Rejected")


class IssuesModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            Column(QCoreApplication.translate("IntakeModel", "Table"), "", lambda i: table_label(i.table)),
            Column(QCoreApplication.translate("IntakeModel", "Record"), "", lambda i: i.uuid),
            Column(QCoreApplication.translate("IntakeModel", "Outcome"), "", lambda i: issue_status_label(i.status)),
            Column(QCoreApplication.translate("IntakeModel", "Reason"), "", lambda i: reason_text(i.reason)),
        ]  # fmt: skip
        super().__init__(columns, parent)

    def cell_tooltip(self, record: Any, column: int) -> str | None:
        issue: RecordIssue = record
        return issue.detail or None
