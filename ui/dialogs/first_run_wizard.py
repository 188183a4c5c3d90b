"""First run: make this data directory a school workspace, fill it with a demo school, or make
it the education bureau's workspace (ui/dialogs/bureau_setup_page.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import UserError, ValidationError
from app.models import SchoolStage
from app.services.workspace import DEFAULT_DISTRICT, Workspace, init_school, set_current_term
from app.terms import parse_term, term_for_date
from app.validation.ids import parse_district_code, parse_school_code
from ui.dialogs.bureau_setup_page import BureauSetupPage
from ui.errors import show_user_error
from ui.labels import stage_labels
from ui.pages.settings_page import nearby_terms
from ui.tasks import TaskContext, TaskRunner
from ui.widgets.form_field import FieldWithMessage

CHOICE_PAGE, SCHOOL_PAGE, DEMO_PAGE, BUREAU_PAGE = range(4)


class ChoicePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Baosong"))
        self.setSubTitle(self.tr("This data folder is empty. What should it hold?"))
        self.school_choice = QRadioButton(self.tr("Set up my school"))
        self.school_choice.setChecked(True)
        self.demo_choice = QRadioButton(
            self.tr("Open a demo school with made-up students, to try Baosong")
        )
        self.bureau_choice = QRadioButton(
            self.tr("Set up the education bureau (receives the schools' packets)")
        )
        layout = QVBoxLayout(self)
        for button in (self.school_choice, self.demo_choice, self.bureau_choice):
            layout.addWidget(button)

    def nextId(self) -> int:
        if self.bureau_choice.isChecked():
            return BUREAU_PAGE
        return DEMO_PAGE if self.demo_choice.isChecked() else SCHOOL_PAGE


class SchoolPage(QWizardPage):
    """The school's profile, each field checked as it is typed."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your school"))
        self.setSubTitle(self.tr("These details identify the school's submissions to the bureau."))
        self.code = QLineEdit()
        self.code.setMaxLength(10)
        self.code.setPlaceholderText(self.tr("10 digits, e.g. 2141003456"))
        self.name = QLineEdit()
        self.district = QLineEdit(DEFAULT_DISTRICT)
        self.district.setMaxLength(6)
        self.stage = QComboBox()
        for stage, label in stage_labels().items():
            self.stage.addItem(label, stage.value)
        self.term = QComboBox()
        self.term.setEditable(True)
        self.term.addItems(nearby_terms(today))
        self.term.setCurrentText(term_for_date(today).code)
        self.fields = {
            "code": FieldWithMessage(self.code),
            "name": FieldWithMessage(self.name),
            "district": FieldWithMessage(self.district),
            "term": FieldWithMessage(self.term),
        }
        self._touched: set[str] = set()
        form = QFormLayout(self)
        form.addRow(self.tr("School code (学校标识码)"), self.fields["code"])
        form.addRow(self.tr("School name"), self.fields["name"])
        form.addRow(self.tr("District code"), self.fields["district"])
        form.addRow(self.tr("School stage"), self.stage)
        form.addRow(self.tr("Current term"), self.fields["term"])
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        for widget, key in ((self.code, "code"), (self.name, "name"), (self.district, "district")):
            widget.setProperty("field_key", key)
            widget.textChanged.connect(self._edited)
        self.term.setProperty("field_key", "term")
        self.term.currentTextChanged.connect(self._edited)

    def _edited(self, _text: str) -> None:
        self._touched.add(str(self.sender().property("field_key")))
        errors = self.errors()
        for key, field in self.fields.items():
            field.set_message(errors.get(key, "") if key in self._touched else "")
        self.completeChanged.emit()

    def errors(self) -> dict[str, str]:
        checks: dict[str, tuple[Callable[[str], object], str]] = {
            "code": (parse_school_code, self.code.text()),
            "district": (parse_district_code, self.district.text()),
            "term": (parse_term, self.term.currentText()),
        }
        errors: dict[str, str] = {}
        for key, (check, value) in checks.items():
            try:
                check(value)
            except ValidationError as exc:
                errors[key] = str(exc)
        if not self.name.text().strip():
            errors["name"] = self.tr("Enter the school's full name.")
        return errors

    def isComplete(self) -> bool:
        return not self.errors()

    def nextId(self) -> int:
        return -1


class DemoPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Demo school"))
        self.setSubTitle(
            self.tr(
                "Baosong makes up a school with realistic students. Use a separate data folder "
                "for your real school."
            )
        )
        self.students = QSpinBox()
        self.students.setRange(1, 20_000)
        self.students.setValue(600)
        self.students.setSingleStep(100)
        self.seed = QSpinBox()
        self.seed.setRange(0, 99_999)
        self.seed.setValue(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Number of students"), self.students)
        form.addRow(self.tr("Variant (seed)"), self.seed)

    def nextId(self) -> int:
        return -1


class FirstRunWizard(QWizard):
    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self._today = today or dt.date.today()
        self.setWindowTitle(self.tr("Set up Baosong"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.choice = ChoicePage()
        self.school = SchoolPage(self._today)
        self.demo = DemoPage()
        self.setPage(CHOICE_PAGE, self.choice)
        self.setPage(SCHOOL_PAGE, self.school)
        self.setPage(DEMO_PAGE, self.demo)
        self.bureau = BureauSetupPage()
        self.setPage(BUREAU_PAGE, self.bureau)
        self.busy = False

    def accept(self) -> None:
        if self.busy:
            return
        if self.currentId() == DEMO_PAGE:
            self._create_demo()
        elif self.currentId() == BUREAU_PAGE:
            if self.bureau.create(self._ws):
                super().accept()
        else:
            self._create_school()

    def reject(self) -> None:
        if not self.busy:  # the demo school is being written: wait for it
            super().reject()

    def _create_school(self) -> None:
        page = self.school
        try:
            init_school(
                self._ws.db,
                code=page.code.text(),
                name=page.name.text(),
                district=page.district.text(),
                stage=SchoolStage(page.stage.currentData()),
                actor=self._ws.actor,
                today=self._today,
            )
            set_current_term(self._ws.db, page.term.currentText())
        except UserError as exc:
            page.error.setText(str(exc))
            return
        super().accept()

    def _create_demo(self) -> None:
        self._set_busy(True)
        job = _DemoJob(
            self.demo.students.value(), self.demo.seed.value(), self._ws.actor, self._today
        )
        self._runner.run(
            job,
            parent=self,
            on_done=self._demo_done,
            on_error=self._demo_failed,
            progress_label=self.tr("Creating the demo school…"),
            cancellable=False,
        )

    def _demo_done(self, _school: object) -> None:
        self._set_busy(False)
        super().accept()

    def _demo_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            self._runner.reporter.report(exc)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(which).setEnabled(not busy)


class _DemoJob:
    def __init__(self, students: int, seed: int, actor: str, today: dt.date) -> None:
        self.students, self.seed, self.actor, self.today = students, seed, actor, today

    def __call__(self, ctx: TaskContext) -> object:
        from app.services.demo import create_demo_school

        return create_demo_school(
            ctx.db, students=self.students, seed=self.seed, actor=self.actor, today=self.today
        )
