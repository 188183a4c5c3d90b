"""The submission matrix (报送情况) as a table: one row per school, one column per term, the
school's last packet and its sequence gaps. A term cell says the state (missing, submitted,
acknowledged, returned) and "late" against the term's deadline, in a colour per state; its
tooltip tells the deadline, the packets and the returns. Rows are the service's
``SchoolSubmissions``; the columns are built for the matrix's terms (``show``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from app.models import SchoolStage
from app.services.district.submissions import (
    CellState,
    SchoolSubmissions,
    SubmissionCell,
    SubmissionMatrix,
)
from app.terms import parse_term
from ui.labels import stage_labels, term_label
from ui.models.record_table_model import Column, RecordTableModel

translate = QCoreApplication.translate
FIXED_COLUMNS: Final = 4  # code, name, stage, enrolled; then one column per term
STATE_ORDER: Final = (CellState.MISSING, CellState.RETURNED, CellState.SUBMITTED,
                      CellState.ACKNOWLEDGED)  # fmt: skip
COLORS: Final = {
    CellState.SUBMITTED: QColor("#fff2cc"),
    CellState.ACKNOWLEDGED: QColor("#c6efce"),
    CellState.RETURNED: QColor("#ffd08a"),
}
MISSING_LATE: Final = QColor("#f4a7a7")  # nothing arrived and the deadline has passed
MISSING_DUE: Final = QColor("#ececec")  # nothing yet, but still before the deadline


def state_labels() -> dict[CellState, str]:
    return {
        CellState.MISSING: translate("DistrictSubmissionModel", "Missing"),
        CellState.SUBMITTED: translate("DistrictSubmissionModel", "Submitted"),
        CellState.ACKNOWLEDGED: translate("DistrictSubmissionModel", "Acknowledged"),
        CellState.RETURNED: translate("DistrictSubmissionModel", "Returned"),
    }


def packet_status_labels() -> dict[str, str]:
    return {
        "merged": translate("DistrictSubmissionModel", "merged"),
        "duplicate": translate("DistrictSubmissionModel", "duplicate"),
        "rejected": translate("DistrictSubmissionModel", "refused"),
    }


def cell_text(cell: SubmissionCell) -> str:
    text = state_labels()[cell.state]
    if not cell.late:
        return text
    return translate("DistrictSubmissionModel", "{state} (late)").format(state=text)


def cell_color(cell: SubmissionCell) -> QColor:
    if cell.state is CellState.MISSING:
        return MISSING_LATE if cell.late else MISSING_DUE
    return COLORS[cell.state]


def stage_text(stage: str) -> str:
    try:
        return stage_labels()[SchoolStage(stage)]
    except ValueError:
        return ""


def last_packet_text(row: SchoolSubmissions) -> str:
    last = row.last_packet
    if last is None:
        return ""
    status = packet_status_labels().get(last.status, last.status)
    if last.sequence is None:
        return f"{last.received_on.isoformat()}, {status}"
    return translate("DistrictSubmissionModel", "No. {sequence}, {date}, {status}").format(
        sequence=last.sequence, date=last.received_on.isoformat(), status=status
    )


def gaps_text(row: SchoolSubmissions) -> str:
    return ", ".join(str(n) for n in row.missing_sequences)


def cell_tooltip(row: SchoolSubmissions, cell: SubmissionCell) -> str:
    lines = [
        f"{row.school.name} — {term_label(parse_term(cell.term))}: {cell_text(cell)}",
        translate("DistrictSubmissionModel", "Deadline: {date}").format(
            date=cell.deadline.isoformat()
        ),
    ]
    if cell.first_received is not None:
        lines.append(translate("DistrictSubmissionModel", "First packet received: {date}").format(
            date=cell.first_received.isoformat()))  # fmt: skip
    if cell.last_received is not None and cell.last_received != cell.first_received:
        lines.append(translate("DistrictSubmissionModel", "Last packet received: {date}").format(
            date=cell.last_received.isoformat()))  # fmt: skip
    lines.append(translate("DistrictSubmissionModel", "Merged packets: {merged}; refused: {refused}").format(
        merged=cell.packets, refused=cell.rejected))  # fmt: skip
    if cell.latest_sequence is not None:
        lines.append(translate("DistrictSubmissionModel", "Latest packet: No. {sequence}").format(
            sequence=cell.latest_sequence))  # fmt: skip
    if cell.packet_returned:
        lines.append(
            translate("DistrictSubmissionModel", "The whole packet was returned for correction.")
        )
    elif cell.returned_records:
        lines.append(translate("DistrictSubmissionModel", "{n} records were returned for correction.").format(
            n=cell.returned_records))  # fmt: skip
    if row.last_packet is not None:
        lines.append(translate("DistrictSubmissionModel", "The school's last packet: {packet}").format(
            packet=last_packet_text(row)))  # fmt: skip
    if row.missing_sequences:
        lines.append(translate("DistrictSubmissionModel", "Packets never received (sequence numbers): {gaps}").format(
            gaps=gaps_text(row)))  # fmt: skip
    return "\n".join(lines)


def _term_column(index: int, term: str, matrix: SubmissionMatrix) -> Column:
    def cell(row: SchoolSubmissions) -> SubmissionCell:
        return row.cells[index]

    tip = translate(
        "DistrictSubmissionModel",
        "{term}, deadline {date}. Missing: no merged packet; submitted: merged, receipt not yet "
        "written; acknowledged: the receipt was written; returned: sent back for correction. "
        "Late: the first packet came after the deadline, or nothing came and it has passed.",
    ).format(term=term_label(parse_term(term)), date=matrix.deadlines[term].isoformat())
    sort: Callable[[SchoolSubmissions], Any] = lambda r: (  # noqa: E731
        STATE_ORDER.index(cell(r).state),
        not cell(r).late,
    )
    return Column(term, tip, lambda r: cell_text(cell(r)), sort)


def matrix_columns(matrix: SubmissionMatrix) -> list[Column]:
    return [
        Column(translate("DistrictSubmissionModel", "Code"), translate("DistrictSubmissionModel", "学校标识码, 10 digits."),
               lambda r: r.school.code),
        Column(translate("DistrictSubmissionModel", "School"), translate("DistrictSubmissionModel", "The school's name as registered or as its "
               "last packet gives it."), lambda r: r.school.name),
        Column(translate("DistrictSubmissionModel", "Stage"), translate("DistrictSubmissionModel", "The school's stage (学段) as its data say; "
               "empty until its first packet is merged."), lambda r: stage_text(r.school.stage)),
        Column(translate("DistrictSubmissionModel", "Enrolled"), translate("DistrictSubmissionModel", "Whether the school has an active key in "
               "the registry (it can send packets)."),
               lambda r: translate("DistrictSubmissionModel", "Yes") if r.enrolled else translate("DistrictSubmissionModel", "No")),
        *(_term_column(i, term, matrix) for i, term in enumerate(matrix.terms)),
        Column(translate("DistrictSubmissionModel", "Last packet"), translate("DistrictSubmissionModel", "The packet received last, whatever "
               "became of it: its sequence number, the day it arrived (China time) and its "
               "status."), last_packet_text,
               lambda r: r.last_packet.received_at if r.last_packet else ""),
        Column(translate("DistrictSubmissionModel", "Sequence gaps"), translate("DistrictSubmissionModel", "Sequence numbers below the school's "
               "highest merged packet that never arrived: a packet is missing."), gaps_text,
               lambda r: len(r.missing_sequences)),
    ]  # fmt: skip


class SubmissionMatrixModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self.matrix: SubmissionMatrix | None = None

    def show(self, matrix: SubmissionMatrix) -> None:
        self.matrix = matrix
        self.beginResetModel()
        self.columns = tuple(matrix_columns(matrix))
        self.endResetModel()
        self.set_rows(matrix.rows)

    def term_of(self, column: int) -> int | None:
        """The index of the column's term in the matrix, None for the other columns."""
        if self.matrix is None:
            return None
        index = column - FIXED_COLUMNS
        return index if 0 <= index < len(self.matrix.terms) else None

    def cell(self, row: int, term: str) -> SubmissionCell:
        return self.rows[row].cell(term)

    def background(self, record: Any, column: int) -> Any:
        index = self.term_of(column)
        return None if index is None else cell_color(record.cells[index])

    def cell_tooltip(self, record: Any, column: int) -> str | None:
        index = self.term_of(column)
        return None if index is None else cell_tooltip(record, record.cells[index])


def summary_text(matrix: SubmissionMatrix) -> str:
    """One line per term: how many schools are in each state, and how many are late."""
    labels = state_labels()
    lines = []
    for term in matrix.terms:
        counts = matrix.summary.get(term, {})
        states = ", ".join(f"{labels[s]} {counts.get(s.value, 0)}" for s in reversed(STATE_ORDER))
        lines.append(
            translate(
                "DistrictSubmissionModel", "{term} (deadline {date}): {states}; late {late}."
            ).format(
                term=term_label(parse_term(term)),
                date=matrix.deadlines[term].isoformat(),
                states=states,
                late=counts.get("late", 0),
            )
        )
    return "\n".join(lines)
