"""The activity half of the batch-entry dialog: date, term, category → task group, project,
setting, default minutes, organiser and description, each with its own message line.

The task-group list follows the category (课标 2022 puts each group in one category) and the
school's configured groups for the 学段 of the students taking part, so a clerk cannot choose a
group the school does not run for those grades.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.labor.config import LaborConfig
from app.labor.constants import TASK_GROUPS, Category, Setting, band_of_grade
from app.labor.models import LaborActivity, LaborActivityDraft
from app.terms import term_for_date
from ui.models.labor_labels import category_labels, setting_labels, task_group_labels
from ui.widgets.form_field import FieldWithMessage

FIELD_KEYS = (
    "date",
    "term",
    "category",
    "task_group",
    "project",
    "setting",
    "minutes",
    "organiser",
    "description",
)
DEFAULT_MINUTES = 40


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class LaborActivityForm(QWidget):
    changed = Signal()
    minutes_changed = Signal(int)

    def __init__(
        self, config: LaborConfig, *, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.today = today
        self._grades: set[int] = set()
        self.date = QDateEdit(qdate(today))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(qdate(today))
        self.term = QComboBox()
        self.category = QComboBox()
        for category, label in category_labels().items():
            self.category.addItem(label, category)
        self.task_group = QComboBox()
        self.project = QLineEdit()
        self.project.setPlaceholderText(self.tr("e.g. 整理书包, 校园种植, 社区清扫"))
        self.project.setMaxLength(100)
        self.setting = QComboBox()
        for setting, label in setting_labels().items():
            self.setting.addItem(label, setting)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, config.max_minutes_per_entry)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.organiser = QLineEdit()
        self.organiser.setPlaceholderText(self.tr("Teacher in charge (optional)"))
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("What the students did (optional)"))
        self.description.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        widgets: dict[str, QWidget] = {
            "date": self.date,
            "term": self.term,
            "category": self.category,
            "task_group": self.task_group,
            "project": self.project,
            "setting": self.setting,
            "minutes": self.minutes,
            "organiser": self.organiser,
            "description": self.description,
        }
        self.fields = {key: FieldWithMessage(w) for key, w in widgets.items()}
        labels = {
            "date": self.tr("Date:"),
            "term": self.tr("Term:"),
            "category": self.tr("Category:"),
            "task_group": self.tr("Task group:"),
            "project": self.tr("Project:"),
            "setting": self.tr("Setting:"),
            "minutes": self.tr("Minutes per student:"),
            "organiser": self.tr("Organiser:"),
            "description": self.tr("Description:"),
        }
        left, right = QFormLayout(), QFormLayout()
        for key in FIELD_KEYS:
            (left if key in FIELD_KEYS[:5] else right).addRow(labels[key], self.fields[key])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self._fill_terms(None)
        self._fill_groups()
        self.date.dateChanged.connect(self._date_changed)
        self.category.currentIndexChanged.connect(self._category_changed)
        for signal in (
            self.term.currentIndexChanged,
            self.task_group.currentIndexChanged,
            self.project.textChanged,
            self.setting.currentIndexChanged,
            self.organiser.textChanged,
            self.description.textChanged,
        ):
            signal.connect(self.changed)
        self.minutes.valueChanged.connect(self._minutes_changed)

    # -- choices ------------------------------------------------------------------------------

    def _fill_terms(self, wanted: str | None) -> None:
        year = term_for_date(pydate(self.date.date())).school_year
        wanted = wanted or self.term.currentData() or term_for_date(pydate(self.date.date())).code
        self.term.blockSignals(True)
        self.term.clear()
        for semester in (1, 2):
            code = f"{year}-{semester}"
            self.term.addItem(code, code)
        found = self.term.findData(wanted)
        if found < 0:
            found = self.term.findData(term_for_date(pydate(self.date.date())).code)
        self.term.setCurrentIndex(max(found, 0))
        self.term.blockSignals(False)

    def set_grades(self, grades: Iterable[int]) -> None:
        """The grades of the students taking part (their 学段 limit the task groups)."""
        grades = set(grades)
        if grades != self._grades:
            self._grades = grades
            self._fill_groups()

    def allowed_groups(self) -> list[int]:
        # Combo data comes back as plain str (Qt keeps no StrEnum): convert it back.
        category = Category(self.category.currentData())
        allowed = {g.no for g in TASK_GROUPS if g.category is category}
        for band in {band_of_grade(g) for g in self._grades}:
            allowed &= set(self.config.groups_for_band(band))
        return sorted(allowed)

    def _fill_groups(self) -> None:
        current = self.task_group.currentData()
        labels = task_group_labels()
        self.task_group.blockSignals(True)
        self.task_group.clear()
        for no in self.allowed_groups():
            self.task_group.addItem(labels[no], no)
        self.task_group.setCurrentIndex(max(self.task_group.findData(current), 0))
        self.task_group.blockSignals(False)
        self.changed.emit()

    def _date_changed(self, _date: QDate) -> None:
        self._fill_terms(None)
        self.changed.emit()

    def _category_changed(self, _index: int) -> None:
        self._fill_groups()

    def _minutes_changed(self, value: int) -> None:
        self.minutes_changed.emit(value)
        self.changed.emit()

    # -- values -------------------------------------------------------------------------------

    def draft(self, class_uuid: str | None) -> LaborActivityDraft:
        group = self.task_group.currentData()
        return LaborActivityDraft(
            date=pydate(self.date.date()),
            category=Category(self.category.currentData()),
            task_group=int(group) if group is not None else 0,
            project=self.project.text(),
            setting=Setting(self.setting.currentData()),
            minutes=self.minutes.value(),
            description=self.description.toPlainText(),
            class_uuid=class_uuid,
            organiser=self.organiser.text(),
            term=self.term.currentData(),
        )

    def fill(self, activity: LaborActivity) -> None:
        self.date.setMaximumDate(qdate(max(self.today, activity.date)))
        self.date.setDate(qdate(activity.date))
        self._fill_terms(activity.term)
        self.category.setCurrentIndex(self.category.findData(activity.category))
        self._fill_groups()
        found = self.task_group.findData(activity.task_group)
        if found < 0:  # the configuration changed since: keep showing the stored group
            self.task_group.addItem(task_group_labels()[activity.task_group], activity.task_group)
            found = self.task_group.count() - 1
        self.task_group.setCurrentIndex(found)
        self.project.setText(activity.project)
        self.setting.setCurrentIndex(self.setting.findData(activity.setting))
        self.minutes.setValue(activity.minutes)
        self.organiser.setText(activity.organiser)
        self.description.setPlainText(activity.description)

    def set_choice(self, key: str, value: Category | Setting | int) -> None:
        """Choose a value in a combo as the user would (tests, and presets)."""
        combo = {"category": self.category, "setting": self.setting, "task_group": self.task_group}[
            key
        ]
        combo.setCurrentIndex(combo.findData(value))

    def show_errors(self, errors: Mapping[str, str]) -> None:
        for key, field in self.fields.items():
            field.set_message(errors.get(key, ""))

    def messages(self) -> dict[str, str]:
        return {k: f.message_text() for k, f in self.fields.items() if f.message_text()}
