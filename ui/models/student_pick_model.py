"""Students to tick in a picker (participants, members, winners): 学籍号, name, class."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from app.models import StudentRow
from ui.models.record_table_model import Column, ModelIndex, RecordTableModel


def pick_columns() -> list[Column]:
    return [
        Column(
            QCoreApplication.translate("StudentPickModel", "Student number"),
            QCoreApplication.translate(
                "StudentPickModel", "全国学籍号, 19 characters; tick to choose."
            ),
            lambda r: r.student.student_no,
        ),
        Column(
            QCoreApplication.translate("StudentPickModel", "Name"),
            QCoreApplication.translate("StudentPickModel", "The student's name."),
            lambda r: r.student.name,
        ),
        Column(
            QCoreApplication.translate("StudentPickModel", "Class"),
            QCoreApplication.translate("StudentPickModel", "Grade and class, e.g. 三年级(1)班."),
            lambda r: r.class_name,
            sort=lambda r: f"{r.grade_code:02d}{r.class_no:03d}",
        ),
    ]


class StudentPickModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(pick_columns(), parent)
        self.chosen: set[str] = set()

    def set_students(self, rows: Iterable[StudentRow], chosen: Iterable[str]) -> None:
        self.chosen = set(chosen)
        self.set_rows(list(rows))

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            uuid = self.rows[index.row()].student.meta.uuid
            return Qt.CheckState.Checked if uuid in self.chosen else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        self.set_chosen(
            self.rows[index.row()].student.meta.uuid, Qt.CheckState(value) == Qt.CheckState.Checked
        )
        return True

    def set_chosen(self, uuid: str, chosen: bool) -> None:
        if chosen:
            self.chosen.add(uuid)
        else:
            self.chosen.discard(uuid)
        row = next((i for i, r in enumerate(self.rows) if r.student.meta.uuid == uuid), -1)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def chosen_in_order(self) -> list[str]:
        return [r.student.meta.uuid for r in self.rows if r.student.meta.uuid in self.chosen]
