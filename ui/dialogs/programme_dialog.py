"""A school programme: the 一校一品 programme, a 社团 or a 兴趣小组, art or sport."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.arts.constants import ProgrammeField, ProgrammeKind
from app.arts.models import Programme
from app.errors import UserError
from app.services.school_arts import ProgrammeInput, save_programme
from app.services.workspace import Workspace
from ui.models.arts_labels import field_labels, programme_kind_labels


class ProgrammeDialog(QDialog):
    programme_saved = Signal(str)

    def __init__(
        self, ws: Workspace, *, programme: Programme | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self.programme = programme
        self.saved_uuid: str | None = None
        self.setWindowTitle(self.tr("Edit programme") if programme else self.tr("New programme"))
        self.kind = QComboBox()
        for kind, label in programme_kind_labels().items():
            self.kind.addItem(label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(ProgrammeKind.CLUB.value))
        self.field = QComboBox()
        for value, label in field_labels().items():
            self.field.addItem(label, value.value)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 合唱团, 校园足球"))
        self.project = QLineEdit()
        self.project.setPlaceholderText(self.tr("e.g. 合唱, 民乐, 书法"))
        self.adviser = QLineEdit()
        self.description = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Field:"), self.field)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Project:"), self.project)
        form.addRow(self.tr("Adviser:"), self.adviser)
        form.addRow(self.tr("Description:"), self.description)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if programme is not None:
            self.kind.setCurrentIndex(self.kind.findData(programme.kind.value))
            self.field.setCurrentIndex(self.field.findData(programme.field.value))
            self.name.setText(programme.name)
            self.project.setText(programme.project)
            self.adviser.setText(programme.adviser)
            self.description.setText(programme.description)

    def save(self) -> None:
        data = ProgrammeInput(
            kind=ProgrammeKind(self.kind.currentData()),
            field=ProgrammeField(self.field.currentData()),
            name=self.name.text(),
            project=self.project.text(),
            description=self.description.text(),
            adviser=self.adviser.text(),
        )
        uuid = self.programme.meta.uuid if self.programme else None
        try:
            saved = save_programme(self._ws.db, data, actor=self._ws.actor, uuid=uuid)
        except UserError as exc:
            self.message.setText(" ".join(p for p in (exc.what, exc.todo) if p))
            return
        self.saved_uuid = saved.meta.uuid
        self.programme_saved.emit(saved.meta.uuid)
        self.accept()
