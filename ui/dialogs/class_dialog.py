"""Edit a class's name and head teacher (班主任)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.errors import UserError
from app.models import SchoolClass
from app.services.roster import update_class_details
from app.services.workspace import Workspace


class ClassDialog(QDialog):
    class_saved = Signal(object)  # the updated SchoolClass

    def __init__(self, ws: Workspace, school_class: SchoolClass, parent: QWidget | None = None):
        super().__init__(parent)
        self._ws = ws
        self._class = school_class
        self.setWindowTitle(self.tr("Edit class"))
        self.name = QLineEdit(school_class.name)
        self.head_teacher = QLineEdit(school_class.head_teacher)
        self.head_teacher.setPlaceholderText(self.tr("Name of the head teacher"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Grade code / class number:"), QLabel(school_class.national_class_code))
        form.addRow(self.tr("Class name:"), self.name)
        form.addRow(self.tr("Head teacher:"), self.head_teacher)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def save(self) -> None:
        try:
            updated = update_class_details(
                self._ws.db,
                self._class.meta.uuid,
                name=self.name.text(),
                head_teacher=self.head_teacher.text(),
                actor=self._ws.actor,
            )
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.class_saved.emit(updated)
        self.accept()
