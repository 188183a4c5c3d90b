"""The participants of a labor activity in the batch-entry dialog: every student listed is
present with the activity's minutes unless marked otherwise. Exceptions are per cell: untick
"Present" for an absent student, type other minutes, rate the student (自评/互评/师评/家长评).

Rows a check refused are painted red with the reason as their tooltip (``set_errors``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.labor.constants import ParticipationStatus, Rater
from app.labor.models import ParticipantEntry
from ui.widgets.choice_delegate import CHOICES_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex

COL_NO, COL_NAME, COL_CLASS, COL_PRESENT, COL_MINUTES = range(5)
RATERS = (Rater.SELF, Rater.PEER, Rater.TEACHER, Rater.PARENT)
COL_RATINGS = {rater: 5 + i for i, rater in enumerate(RATERS)}
COL_NOTE = 5 + len(RATERS)
ERROR_BACKGROUND = QColor("#ffcdd2")
ABSENT_FOREGROUND = QColor("#8a8a8a")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class Participant:
    """One row, as edited (mutable: the dialog's working copy)."""

    student_uuid: str
    student_no: str
    name: str
    class_name: str
    grade_code: int
    present: bool = True
    minutes: int | None = None  # None: the activity's default
    ratings: dict[str, str] = field(default_factory=dict)
    note: str = ""

    def entry(self) -> ParticipantEntry:
        status = ParticipationStatus.PRESENT if self.present else ParticipationStatus.ABSENT
        ratings = {k: v for k, v in self.ratings.items() if v}
        return ParticipantEntry(
            self.student_uuid,
            status,
            self.minutes if self.present else None,
            ratings,
            self.note,
        )


def column_titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("LaborParticipantModel", "Student number"),
        QCoreApplication.translate("LaborParticipantModel", "Name"),
        QCoreApplication.translate("LaborParticipantModel", "Class"),
        QCoreApplication.translate("LaborParticipantModel", "Present"),
        QCoreApplication.translate("LaborParticipantModel", "Minutes"),
        QCoreApplication.translate("LaborParticipantModel", "Self"),
        QCoreApplication.translate("LaborParticipantModel", "Peers"),
        QCoreApplication.translate("LaborParticipantModel", "Teacher"),
        QCoreApplication.translate("LaborParticipantModel", "Parents"),
        QCoreApplication.translate("LaborParticipantModel", "Note"),
    )


def column_tooltips() -> tuple[str, ...]:
    rating = QCoreApplication.translate(
        "LaborParticipantModel", "A level of the school's rating scale, or empty (not rated)."
    )
    return (
        QCoreApplication.translate("LaborParticipantModel", "全国学籍号, 19 characters."),
        QCoreApplication.translate("LaborParticipantModel", "The student's name."),
        QCoreApplication.translate("LaborParticipantModel", "Grade and class."),
        QCoreApplication.translate(
            "LaborParticipantModel", "Untick for a student who was absent: no minutes are counted."
        ),
        QCoreApplication.translate(
            "LaborParticipantModel",
            "Whole minutes this student did; empty means the activity's default minutes.",
        ),
        rating,
        rating,
        rating,
        rating,
        QCoreApplication.translate(
            "LaborParticipantModel", "A short note, at most 200 characters."
        ),
    )


class LaborParticipantModel(QAbstractTableModel):
    changed = Signal()  # any edit, addition or removal (the dialog re-checks and re-counts)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = column_titles()
        self._tooltips = column_tooltips()
        self.rows: list[Participant] = []
        self.default_minutes = 0
        self.scale: tuple[str, ...] = ()
        self.errors: dict[str, str] = {}  # student uuid → why the row is refused

    # -- content ------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Participant]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.errors = {}
        self.endResetModel()
        self.changed.emit()

    def add_rows(self, rows: Iterable[Participant]) -> int:
        """Append the students not listed yet; returns how many were added."""
        have = {p.student_uuid for p in self.rows}
        new = [p for p in rows if p.student_uuid not in have]
        if new:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self.rows.extend(new)
            self.endInsertRows()
            self.changed.emit()
        return len(new)

    def remove_rows(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
        self.changed.emit()

    def set_default_minutes(self, minutes: int) -> None:
        self.default_minutes = minutes
        self._repaint_column(COL_MINUTES)

    def set_errors(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, COL_NOTE))

    def entries(self) -> list[ParticipantEntry]:
        return [p.entry() for p in self.rows]

    def row_of(self, student_uuid: str) -> int:
        return next((i for i, p in enumerate(self.rows) if p.student_uuid == student_uuid), -1)

    def present_count(self) -> int:
        return sum(p.present for p in self.rows)

    def total_minutes(self) -> int:
        return sum(
            (self.default_minutes if p.minutes is None else p.minutes)
            for p in self.rows
            if p.present
        )

    def _repaint_column(self, column: int) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    # -- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if column == COL_PRESENT:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column == COL_NOTE or column in COL_RATINGS.values():
            return base | Qt.ItemFlag.ItemIsEditable
        if column == COL_MINUTES and self.rows[index.row()].present:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._value(p, column, edit=role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_PRESENT:
            return Qt.CheckState.Checked if p.present else Qt.CheckState.Unchecked
        if role == CHOICES_ROLE and column in COL_RATINGS.values():
            return [("", ""), *((level, level) for level in self.scale)]
        if role == Qt.ItemDataRole.BackgroundRole and p.student_uuid in self.errors:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and p.student_uuid in self.errors:
            return self.errors[p.student_uuid]
        if role == Qt.ItemDataRole.ForegroundRole and not p.present:
            return ABSENT_FOREGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_MINUTES:
            return _RIGHT
        return None

    def _value(self, p: Participant, column: int, *, edit: bool) -> Any:
        if column == COL_NO:
            return p.student_no
        if column == COL_NAME:
            return p.name
        if column == COL_CLASS:
            return p.class_name
        if column == COL_MINUTES:
            if not p.present:
                return "" if edit else "0"
            if p.minutes is None:
                return "" if edit else str(self.default_minutes)
            return str(p.minutes)
        if column == COL_NOTE:
            return p.note
        for rater, col in COL_RATINGS.items():
            if column == col:
                return p.ratings.get(rater.value, "")
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        p = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_PRESENT:
            p.present = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column == COL_MINUTES:
            if not self._set_minutes(p, value):
                return False
        elif column == COL_NOTE:
            p.note = str(value or "")
        else:
            rater = next((r for r, c in COL_RATINGS.items() if c == column), None)
            if rater is None or (value and value not in self.scale):
                return False
            p.ratings[rater.value] = str(value or "")
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COL_NOTE))
        self.changed.emit()
        return True

    def _set_minutes(self, p: Participant, value: Any) -> bool:
        """A whole number of minutes, or empty for the default (the range is the service's)."""
        text = str(value if value is not None else "").strip()
        if not text:
            p.minutes = None
            return True
        if not text.isdigit():
            return False
        minutes = int(text)
        p.minutes = None if minutes == self.default_minutes else minutes
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips[section]
        return None
