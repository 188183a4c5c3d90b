"""A student's arts specialty for a school year: the category from the national list (§2.3:
表演, 作品, 工作坊), its sub-type, the level in words, and how it is trained. A specialty trained
outside school counts as 校外学习 (outside learning), not toward the arts specialty score."""

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

from app.arts.constants import (
    INSTRUMENT_SUBTYPES,
    SPECIALTY_CATEGORIES,
    SpecialtyGroup,
    SpecialtyRoute,
)
from app.arts.models import Specialty
from app.errors import UserError
from app.models import StudentRow
from app.services.arts_records import ArtsRecordInvalid, SpecialtyInput, save_specialty
from app.services.workspace import Workspace
from ui.models.arts_labels import group_labels, route_labels
from ui.widgets.form_field import FieldWithMessage

NOTE_STYLE = "color: #0d47a1;"


class SpecialtyDialog(QDialog):
    specialty_saved = Signal(str)

    def __init__(
        self,
        ws: Workspace,
        students: list[StudentRow],
        school_year: str,
        *,
        specialty: Specialty | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self.school_year = school_year
        self.specialty = specialty
        self.saved_uuid: str | None = None
        self.setWindowTitle(self.tr("Edit specialty") if specialty else self.tr("New specialty"))
        self.student = QComboBox()
        for row in students:
            self.student.addItem(f"{row.class_name} {row.student.name}", row.student.meta.uuid)
        self.group = QComboBox()
        for group, label in group_labels().items():
            self.group.addItem(label, group.value)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.sub_type = QComboBox()
        self.sub_type.setEditable(True)
        self.route = QComboBox()
        for route, label in route_labels().items():
            self.route.addItem(label, route.value)
        self.level = QLineEdit()
        self.level.setPlaceholderText(self.tr("e.g. 钢琴八级, 市级展演获奖"))
        self.note = QLineEdit()
        self.route_note = QLabel(
            self.tr(
                "Outside school: the specialty counts as outside learning (校外学习), not toward "
                "the arts specialty score."
            )
        )
        self.route_note.setWordWrap(True)
        self.route_note.setStyleSheet(NOTE_STYLE)
        self.fields = {
            key: FieldWithMessage(w)
            for key, w in (
                ("student", self.student), ("group", self.group), ("category", self.category),
                ("sub_type", self.sub_type), ("route", self.route), ("level", self.level),
                ("note", self.note),
            )
        }  # fmt: skip
        form = QFormLayout()
        form.addRow(self.tr("Student:"), self.fields["student"])
        form.addRow(self.tr("Group:"), self.fields["group"])
        form.addRow(self.tr("Specialty:"), self.fields["category"])
        form.addRow(self.tr("Sub-type:"), self.fields["sub_type"])
        form.addRow(self.tr("Trained:"), self.fields["route"])
        form.addRow("", self.route_note)
        form.addRow(self.tr("Level:"), self.fields["level"])
        form.addRow(self.tr("Note:"), self.fields["note"])
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("School year {year}").format(year=school_year)))
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.group.currentIndexChanged.connect(self._group_changed)
        self.category.currentTextChanged.connect(self._category_changed)
        self.route.currentIndexChanged.connect(self._route_changed)
        self._group_changed(0)
        if specialty is not None:
            self._fill(specialty)
        self._route_changed(0)

    def _fill(self, s: Specialty) -> None:
        self.student.setCurrentIndex(max(self.student.findData(s.student_uuid), 0))
        self.student.setEnabled(False)
        self.group.setCurrentIndex(self.group.findData(s.group.value))
        self.category.setCurrentText(s.category)
        self.sub_type.setCurrentText(s.sub_type)
        self.route.setCurrentIndex(self.route.findData(s.route.value))
        self.level.setText(s.level_description)
        self.note.setText(s.note)

    def _group_changed(self, _index: int) -> None:
        group = SpecialtyGroup(self.group.currentData())
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItems(SPECIALTY_CATEGORIES[group])
        self.category.blockSignals(False)
        self._category_changed(self.category.currentText())

    def _category_changed(self, text: str) -> None:
        current = self.sub_type.currentText()
        self.sub_type.clear()
        if text == "器乐":
            self.sub_type.addItems(("", *INSTRUMENT_SUBTYPES))
        self.sub_type.setCurrentText(current if text == "器乐" else "")

    def _route_changed(self, _index: int) -> None:
        self.route_note.setVisible(self.route.currentData() == SpecialtyRoute.OUTSIDE.value)

    def save(self) -> None:
        data = SpecialtyInput(
            student_uuid=str(self.student.currentData()),
            school_year=self.school_year,
            category=self.category.currentText(),
            route=SpecialtyRoute(self.route.currentData()),
            group=SpecialtyGroup(self.group.currentData()),
            sub_type=self.sub_type.currentText(),
            level_description=self.level.text(),
            note=self.note.text(),
        )
        uuid = self.specialty.meta.uuid if self.specialty else None
        try:
            saved = save_specialty(self._ws.db, data, actor=self._ws.actor, uuid=uuid)
        except ArtsRecordInvalid as exc:
            for key, field in self.fields.items():
                field.set_message(exc.errors.get(key, ""))
            self.general.setText(exc.errors.get("", ""))
            return
        except UserError as exc:
            self.general.setText(" ".join(p for p in (exc.what, exc.todo) if p))
            return
        self.saved_uuid = saved.meta.uuid
        self.specialty_saved.emit(saved.meta.uuid)
        self.accept()
