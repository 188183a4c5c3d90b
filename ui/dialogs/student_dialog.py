"""Add or edit one student, with each field checked as the user types.

The checks are the app's own (``validate_student_form``, the same rules as the roster import), so
the dialog never disagrees with the importer. A field's message appears once the user has touched
it; Save stays disabled while anything is wrong. Typing a valid 学籍号 or 身份证号 fills in the
birth date and sex when those are still empty.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.models import STAGE_GRADES, Sex, Student, StudentRow, StudentStatus
from app.services.roster import StudentExtras, StudentInvalid, save_student, validate_student_form
from app.services.workspace import Workspace, require_school
from app.validation.codes import ethnicity_codes
from app.validation.ids import parse_id_number, parse_student_no
from ui.errors import show_user_error
from ui.labels import grade_labels, sex_labels, status_labels
from ui.widgets.form_field import FieldWithMessage

UNSET_DATE = QDate(1900, 1, 1)  # QDateEdit cannot be empty: its minimum stands for "not set"
KEYS = (
    "student_no",
    "name",
    "sex",
    "birth_date",
    "ethnicity",
    "id_number",
    "grade",
    "class",
    "status",
    "pe_exempt_reason",
)


class StudentDialog(QDialog):
    student_saved = Signal(object)  # the saved Student

    def __init__(
        self,
        ws: Workspace,
        *,
        row: StudentRow | None = None,
        grade_code: int | None = None,
        class_no: int | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._row = row
        self._today = today or dt.date.today()
        self._grades = STAGE_GRADES[require_school(ws.db).stage]
        self._touched: set[str] = set(KEYS) if row is not None else set()
        self.errors: dict[str, str] = {}
        self.saved_student: Student | None = None
        self._build()
        if row is not None:
            self.setWindowTitle(self.tr("Edit student"))
            self._fill(row)
        else:
            self.setWindowTitle(self.tr("New student"))
            self._select_data(self.grade, grade_code if grade_code in self._grades else None)
            self.class_no.setValue(class_no or 1)
        self._connect_edits()
        self.validate()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.student_no = QLineEdit()
        self.student_no.setMaxLength(19)
        self.student_no.setPlaceholderText(self.tr("G, J or L followed by 18 characters"))
        self.name = QLineEdit()
        self.sex = QComboBox()
        self.sex.addItem("", "")
        for sex, label in sex_labels().items():
            self.sex.addItem(label, sex.code)
        self.birth_date = QDateEdit()
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setDateRange(UNSET_DATE, QDate(self._today))
        self.birth_date.setSpecialValueText(self.tr("not set"))
        self.birth_date.setDate(UNSET_DATE)
        self.ethnicity = QComboBox()
        for code, name in ethnicity_codes().items():
            self.ethnicity.addItem(name, code)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("Optional; 18 characters"))
        self.grade = QComboBox()
        labels = grade_labels()
        for grade in self._grades:
            self.grade.addItem(labels[grade], grade)
        self.class_no = QSpinBox()
        self.class_no.setRange(1, 99)
        self.status = QComboBox()
        for status, label in status_labels().items():
            self.status.addItem(label, status.value)
        self.pe_exempt = QCheckBox(self.tr("Exempt from PE"))
        self.pe_reason = QLineEdit()
        self.pe_reason.setPlaceholderText(self.tr("Reason, e.g. a doctor's certificate"))
        self.pe_reason.setEnabled(False)
        self.pe_exempt.toggled.connect(self.pe_reason.setEnabled)

        self.fields: dict[str, FieldWithMessage] = {}
        form = QFormLayout()
        rows = (
            ("student_no", self.tr("Student number *"), self.student_no),
            ("name", self.tr("Name *"), self.name),
            ("sex", self.tr("Sex *"), self.sex),
            ("birth_date", self.tr("Date of birth"), self.birth_date),
            ("ethnicity", self.tr("Ethnicity"), self.ethnicity),
            ("id_number", self.tr("ID number"), self.id_number),
            ("grade", self.tr("Grade *"), self.grade),
            ("class", self.tr("Class number *"), self.class_no),
            ("status", self.tr("Status"), self.status),
            ("pe_exempt_reason", self.tr("PE"), self._pe_row()),
        )
        for key, label, widget in rows:
            self.fields[key] = FieldWithMessage(widget)
            form.addRow(label, self.fields[key])
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _pe_row(self) -> QWidget:
        box = QWidget()
        row = QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pe_exempt)
        row.addWidget(self.pe_reason)
        return box

    def _fill(self, row: StudentRow) -> None:
        s = row.student
        self.student_no.setText(s.student_no)
        self.name.setText(s.name)
        self._select_data(self.sex, s.sex.code)
        self.birth_date.setDate(QDate(s.birth_date))
        self._select_data(self.ethnicity, s.ethnicity_code)
        self.id_number.setText(s.id_number or "")
        self._select_data(self.grade, row.grade_code)
        self.class_no.setValue(row.class_no)
        self._select_data(self.status, s.status.value)
        # Status changes of an existing student go through 转出/状态变更, which records the
        # date and reason in the student's history.
        self.status.setEnabled(False)
        self.status.setToolTip(self.tr("Use 'Change status' to record a transfer or suspension."))
        self.pe_exempt.setChecked(s.pe_exempt)
        self.pe_reason.setText(s.pe_exempt_reason)

    @staticmethod
    def _select_data(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _connect_edits(self) -> None:
        edits: tuple[tuple[QWidget, str, str], ...] = (
            (self.student_no, "textChanged", "student_no"),
            (self.name, "textChanged", "name"),
            (self.sex, "currentIndexChanged", "sex"),
            (self.birth_date, "dateChanged", "birth_date"),
            (self.ethnicity, "currentIndexChanged", "ethnicity"),
            (self.id_number, "textChanged", "id_number"),
            (self.grade, "currentIndexChanged", "grade"),
            (self.class_no, "valueChanged", "class"),
            (self.status, "currentIndexChanged", "status"),
            (self.pe_exempt, "toggled", "pe_exempt_reason"),
            (self.pe_reason, "textChanged", "pe_exempt_reason"),
        )
        for widget, signal, key in edits:
            widget.setProperty("field_key", key)
            getattr(widget, signal).connect(self._field_edited)

    # -- validation ---------------------------------------------------------------------------

    def raw(self) -> dict[str, object]:
        """The form as the app's validation expects it (the same keys as an import row)."""
        birth = self.birth_date.date()
        return {
            "student_no": self.student_no.text(),
            "name": self.name.text(),
            "sex": self.sex.currentData(),
            "birth_date": "" if birth == UNSET_DATE else birth.toPython(),
            "ethnicity": self.ethnicity.currentData(),
            "id_number": self.id_number.text(),
            "grade": str(self.grade.currentData() or ""),
            "class": str(self.class_no.value()),
        }

    def extras(self) -> StudentExtras:
        return StudentExtras(
            status=StudentStatus(self.status.currentData()),
            pe_exempt=self.pe_exempt.isChecked(),
            pe_exempt_reason=self.pe_reason.text().strip() if self.pe_exempt.isChecked() else "",
        )

    def _field_edited(self, *_args: object) -> None:
        key = self.sender().property("field_key") if self.sender() else None
        if key:
            self._touched.add(str(key))
        if key in ("student_no", "id_number"):
            self._autofill()
        self.validate()

    def _autofill(self) -> None:
        for parse, text in (
            (parse_id_number, self.id_number.text()),
            (parse_student_no, self.student_no.text()),
        ):
            try:
                info = parse(text, today=self._today)
            except ValidationError:
                continue
            if self.birth_date.date() == UNSET_DATE:
                self.birth_date.setDate(QDate(info.birth_date))
            if not self.sex.currentData() and isinstance(info.sex, Sex):
                self._select_data(self.sex, info.sex.code)
            return

    def validate(self) -> bool:
        """Re-check the whole form, show the touched fields' messages; True when it can save."""
        _fields, errors = validate_student_form(self._ws.db, self.raw(), today=self._today)
        if self.pe_exempt.isChecked() and not self.pe_reason.text().strip():
            errors["pe_exempt_reason"] = self.tr("Give the reason for the PE exemption.")
        self._show_errors(errors)
        return not errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        for key, field in self.fields.items():
            field.set_message(errors.get(key, "") if key in self._touched else "")
        hidden = [k for k in errors if k not in self._touched]
        if any(k in self._touched for k in errors):
            self.summary.setText(self.tr("Correct the fields marked in red."))
        elif hidden:
            self.summary.setText(self.tr("Fill in the fields marked with *."))
        else:
            self.summary.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not errors)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show wrapped messages: a window does not follow height-for-width by itself."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- saving -------------------------------------------------------------------------------

    def accept(self) -> None:
        if not self.validate():
            return
        uuid = self._row.student.meta.uuid if self._row is not None else None
        try:
            student = save_student(
                self._ws.db,
                self.raw(),
                actor=self._ws.actor,
                uuid=uuid,
                extras=self.extras(),
                today=self._today,
            )
        except StudentInvalid as exc:
            self._touched.update(exc.errors)
            self._show_errors(exc.errors)
            return
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.saved_student = student
        self.student_saved.emit(student)
        super().accept()
