"""转出/状态变更: record a transfer, suspension, return or graduation with its date and a note.

The change is kept in the student's history (``change_status`` writes an event), which is why the
student dialog does not edit the status of an existing student.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models import Student, StudentStatus
from app.services.roster import change_status
from app.services.workspace import Workspace
from ui.errors import show_user_error
from ui.labels import status_labels


class StatusDialog(QDialog):
    status_changed = Signal(object)  # the updated Student

    def __init__(
        self,
        ws: Workspace,
        student: Student,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._student = student
        today = today or dt.date.today()
        self.setWindowTitle(self.tr("Change status"))
        labels = status_labels()
        intro = QLabel(
            self.tr("{name} ({number}) is now: {status}.").format(
                name=student.name, number=student.student_no, status=labels[student.status]
            )
        )
        intro.setWordWrap(True)
        self.status = QComboBox()
        for status, label in labels.items():
            if status != student.status:
                self.status.addItem(label, status.value)
        if student.status.is_on_roll:  # the usual case: a transfer out
            self.status.setCurrentIndex(self.status.findData(StudentStatus.TRANSFERRED_OUT.value))
        self.date = QDateEdit(QDate(today))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate(today))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. the school the student moves to"))
        form = QFormLayout()
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            student = change_status(
                self._ws.db,
                self._student.meta.uuid,
                StudentStatus(self.status.currentData()),
                date=cast(dt.date, self.date.date().toPython()),
                note=self.note.text(),
                actor=self._ws.actor,
            )
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.status_changed.emit(student)
        super().accept()
