"""Per-student labor totals for a period and the per-class checks (学生时长).

A student below the weekly out-of-class threshold is painted: red when under half of it, orange
otherwise, with a warning icon by the name, so the list shows at a glance who needs attention.
A student exactly at the threshold meets it (the service's rule, exact integer arithmetic).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.labor.constants import Category
from app.labor.models import ClassLaborSummary, StudentLaborTotal
from ui.labels import yes_label
from ui.models.labor_labels import category_labels, task_group_labels
from ui.models.record_table_model import Column, RecordFilterProxy, RecordTableModel

FAR_BELOW = QColor("#ffcdd2")  # under half of the threshold
BELOW = QColor("#ffe0b2")
COL_NAME = 1


def warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def is_below(t: StudentLaborTotal) -> bool:
    return t.on_roll and not t.meets_threshold


def by_group_text(t: StudentLaborTotal) -> str:
    labels = task_group_labels()
    return "; ".join(f"{labels[g]} {m}" for g, m in sorted(t.by_task_group.items()) if m)


def student_columns() -> list[Column]:
    cats = category_labels()
    minutes = QCoreApplication.translate("LaborTotalsModel", "Minutes in the period.")

    def cat(category: Category) -> Column:
        return Column(
            cats[category],
            minutes,
            lambda t: t.by_category.get(category, 0),
            sort=lambda t: t.by_category.get(category, 0),
            number=True,
        )

    return [
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Student number"),
            QCoreApplication.translate("LaborTotalsModel", "全国学籍号, 19 characters."),
            lambda t: t.student_no,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Name"),
            QCoreApplication.translate(
                "LaborTotalsModel", "A warning sign marks a student below the weekly threshold."
            ),
            lambda t: t.name,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Class"),
            QCoreApplication.translate("LaborTotalsModel", "Grade and class."),
            lambda t: t.class_name,
            sort=lambda t: f"{t.grade_code:02d}{t.class_name}",
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Total"),
            QCoreApplication.translate(
                "LaborTotalsModel", "All minutes of labor in the period, every setting."
            ),
            lambda t: t.total_minutes,
            sort=lambda t: t.total_minutes,
            number=True,
        ),
        cat(Category.DAILY),
        cat(Category.PRODUCTION),
        cat(Category.SERVICE),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Out of class"),
            QCoreApplication.translate(
                "LaborTotalsModel",
                "Minutes of out-of-class and home labor (on campus, at home, in the community): "
                "what the weekly threshold counts.",
            ),
            lambda t: t.out_of_class_minutes,
            sort=lambda t: t.out_of_class_minutes,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Per week"),
            QCoreApplication.translate(
                "LaborTotalsModel",
                "Out-of-class minutes per week: the minutes × 7 ÷ the days of the period.",
            ),
            lambda t: f"{t.weekly_out_of_class:.1f}",
            sort=lambda t: t.weekly_out_of_class,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Threshold"),
            QCoreApplication.translate(
                "LaborTotalsModel",
                "Minutes per week required for the student's stage (grades 1–2: 120, others: 180 "
                "by default; see the labor settings).",
            ),
            lambda t: t.threshold,
            sort=lambda t: t.threshold,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Labor lessons"),
            QCoreApplication.translate("LaborTotalsModel", "Minutes of labor lessons attended."),
            lambda t: t.course_minutes,
            sort=lambda t: t.course_minutes,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Activities"),
            QCoreApplication.translate("LaborTotalsModel", "Number of activities attended."),
            lambda t: t.activities,
            sort=lambda t: t.activities,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "By task group"),
            QCoreApplication.translate(
                "LaborTotalsModel", "Minutes per task group (number, name, minutes)."
            ),
            by_group_text,
        ),
    ]


class LaborTotalsModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(student_columns(), parent)
        self._icon = warning_icon()

    def background(self, record: Any, column: int) -> Any:
        t: StudentLaborTotal = record
        if not is_below(t):
            return None
        return FAR_BELOW if t.weekly_out_of_class * 2 < t.threshold else BELOW

    def decoration(self, record: Any, column: int) -> Any:
        return self._icon if column == COL_NAME and is_below(record) else None

    def cell_tooltip(self, record: Any, column: int) -> str | None:
        t: StudentLaborTotal = record
        if not is_below(t):
            return None
        return QCoreApplication.translate(
            "LaborTotalsModel", "Below the threshold: {weekly} of {threshold} minutes a week."
        ).format(weekly=f"{t.weekly_out_of_class:.1f}", threshold=t.threshold)


class LaborTotalsProxy(RecordFilterProxy):
    def set_only_below(self, only: bool) -> None:
        self.set_predicate("below", is_below if only else None)


def class_columns() -> list[Column]:
    yes = yes_label()
    no = QCoreApplication.translate("LaborTotalsModel", "No")
    return [
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Class"),
            QCoreApplication.translate("LaborTotalsModel", "Grade and class."),
            lambda c: c.class_name,
            sort=lambda c: f"{c.grade_code:02d}{c.class_name}",
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Students"),
            QCoreApplication.translate("LaborTotalsModel", "Students on the roll."),
            lambda c: c.students,
            sort=lambda c: c.students,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Below"),
            QCoreApplication.translate("LaborTotalsModel", "Students below the weekly threshold."),
            lambda c: c.below,
            sort=lambda c: c.below,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Average per week"),
            QCoreApplication.translate(
                "LaborTotalsModel", "The class's average out-of-class minutes per week."
            ),
            lambda c: f"{c.average_weekly_out_of_class:.1f}",
            sort=lambda c: c.average_weekly_out_of_class,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Threshold"),
            QCoreApplication.translate("LaborTotalsModel", "Minutes per week required."),
            lambda c: c.threshold,
            sort=lambda c: c.threshold,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Labor lessons"),
            QCoreApplication.translate(
                "LaborTotalsModel",
                "Minutes of labor lessons held / minutes required (1 lesson a week by default).",
            ),
            lambda c: f"{c.course_minutes} / {c.course_required_minutes}",
            sort=lambda c: c.course_minutes,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Lessons enough"),
            QCoreApplication.translate(
                "LaborTotalsModel", "Whether the labor lessons held reach what is required."
            ),
            lambda c: yes if c.course_ok else no,
        ),
        Column(
            QCoreApplication.translate("LaborTotalsModel", "Labor week held"),
            QCoreApplication.translate(
                "LaborTotalsModel",
                "Whether the class took part in a labor-week activity in this school year.",
            ),
            lambda c: yes if c.labor_week_held else no,
        ),
    ]


class ClassSummaryModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(class_columns(), parent)

    def background(self, record: Any, column: int) -> Any:
        c: ClassLaborSummary = record
        return BELOW if c.below_threshold or not c.course_ok else None
