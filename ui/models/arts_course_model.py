"""Course records (课程学习) of a class for a term and subject, entered as a grid: attendance,
participation in class, tasks completed of tasks set, a note. Values are checked as typed (a
refused value keeps the old one); the whole grid is saved in one step with the Save button."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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

from app.arts.constants import Rating
from app.arts.models import CourseRecord
from app.services.arts_records import CourseEntry
from ui.models.arts_labels import rating_labels
from ui.widgets.choice_delegate import CHOICES_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex
COL_NO, COL_NAME, COL_ATTENDANCE, COL_PARTICIPATION, COL_DONE, COL_SET, COL_NOTE = range(7)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class CourseRow:
    student_uuid: str
    student_no: str
    name: str
    attendance_pct: int | None = None
    participation: Rating | None = None
    tasks_completed: int | None = None
    tasks_total: int | None = None
    note: str = ""
    stored: bool = False

    @classmethod
    def of(cls, uuid: str, number: str, name: str, record: CourseRecord | None) -> CourseRow:
        if record is None:
            return cls(uuid, number, name)
        return cls(
            uuid, number, name, record.attendance_pct, record.participation,
            record.tasks_completed, record.tasks_total, record.note, stored=True,
        )  # fmt: skip

    def has_values(self) -> bool:
        values = (self.attendance_pct, self.participation, self.tasks_completed, self.tasks_total)
        return self.stored or any(v is not None for v in values) or bool(self.note)

    def entry(self) -> CourseEntry:
        return CourseEntry(
            self.student_uuid, self.attendance_pct, self.participation,
            self.tasks_completed, self.tasks_total, self.note,
        )  # fmt: skip


class ArtsCourseModel(QAbstractTableModel):
    message = Signal(str)
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CourseRow] = []
        self.dirty = False
        self._ratings = rating_labels()
        self._titles = (
            QCoreApplication.translate("ArtsCourseModel", "Student number"),
            QCoreApplication.translate("ArtsCourseModel", "Name"),
            QCoreApplication.translate("ArtsCourseModel", "Attendance %"),
            QCoreApplication.translate("ArtsCourseModel", "Participation"),
            QCoreApplication.translate("ArtsCourseModel", "Tasks done"),
            QCoreApplication.translate("ArtsCourseModel", "Tasks set"),
            QCoreApplication.translate("ArtsCourseModel", "Note"),
        )
        self._tooltips = (
            QCoreApplication.translate("ArtsCourseModel", "全国学籍号, 19 characters."),
            QCoreApplication.translate("ArtsCourseModel", "The student's name."),
            QCoreApplication.translate(
                "ArtsCourseModel", "Lessons attended, whole per cent from 0 to 100."
            ),
            QCoreApplication.translate(
                "ArtsCourseModel",
                "Participation in class: excellent, good, pass or needs improvement.",
            ),
            QCoreApplication.translate(
                "ArtsCourseModel",
                "Learning tasks completed, a whole number (at most the tasks set).",
            ),
            QCoreApplication.translate("ArtsCourseModel", "Learning tasks set this term."),
            QCoreApplication.translate("ArtsCourseModel", "A short note."),
        )

    def set_rows(self, rows: Sequence[CourseRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.dirty = False
        self.endResetModel()

    def entries(self) -> list[CourseEntry]:
        return [r.entry() for r in self.rows if r.has_values()]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() >= COL_ATTENDANCE else base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_PARTICIPATION:
                return self._ratings[r.participation] if r.participation else ""
            return self._text(r, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == COL_PARTICIPATION:
                return r.participation.value if r.participation else ""
            return self._text(r, column)
        if role == CHOICES_ROLE and column == COL_PARTICIPATION:
            return [("", ""), *((label, rating.value) for rating, label in self._ratings.items())]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            COL_ATTENDANCE,
            COL_DONE,
            COL_SET,
        ):
            return _RIGHT
        return None

    @staticmethod
    def _text(r: CourseRow, column: int) -> str:
        value = {
            COL_NO: r.student_no, COL_NAME: r.name, COL_ATTENDANCE: r.attendance_pct,
            COL_DONE: r.tasks_completed, COL_SET: r.tasks_total, COL_NOTE: r.note,
        }.get(column)  # fmt: skip
        return "" if value is None else str(value)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        r, column = self.rows[index.row()], index.column()
        text = str(value if value is not None else "").strip()
        if column == COL_PARTICIPATION:
            r.participation = Rating(text) if text else None
        elif column == COL_NOTE:
            r.note = text
        else:
            number = self._whole(text, column)
            if number is False:
                return False
            setattr(
                r,
                {
                    COL_ATTENDANCE: "attendance_pct",
                    COL_DONE: "tasks_completed",
                    COL_SET: "tasks_total",
                }[column],
                number,
            )
        self.dirty = True
        self.dataChanged.emit(index, index)
        self.message.emit("")
        self.edited.emit()
        return True

    def _whole(self, text: str, column: int) -> int | bool | None:
        """The whole number typed (None for empty), or False after saying why it is refused."""
        if not text:
            return None
        high = 100 if column == COL_ATTENDANCE else 1000
        if not text.isdigit() or int(text) > high:
            self.message.emit(
                QCoreApplication.translate(
                    "ArtsCourseModel", "'{value}' is not a whole number from 0 to {high}."
                ).format(value=text, high=high)
            )
            return False
        return int(text)

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
