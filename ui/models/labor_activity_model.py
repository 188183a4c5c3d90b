"""The list of labor activities (劳动记录): one row per activity, however many students took part
(a class's afternoon at the labor base is one row), filtered by category, dates and text."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QObject

from app.labor.constants import Category
from app.labor.models import LaborActivityRow
from ui.models.labor_labels import category_labels, setting_labels, task_group_labels
from ui.models.record_table_model import Column, RecordFilterProxy, RecordTableModel


def activity_columns() -> list[Column]:
    categories, settings, groups = category_labels(), setting_labels(), task_group_labels()

    return [
        Column(
            QCoreApplication.translate("LaborActivityModel", "Date"),
            QCoreApplication.translate(
                "LaborActivityModel", "The day of the activity, year-month-day."
            ),
            lambda r: r.activity.date.isoformat(),
        ),
        Column(
            QCoreApplication.translate("LaborActivityModel", "Category"),
            QCoreApplication.translate(
                "LaborActivityModel", "Daily-life, productive or service labor (三类劳动)."
            ),
            lambda r: categories[r.activity.category],
        ),
        Column(
            QCoreApplication.translate("LaborActivityModel", "Task group"),
            QCoreApplication.translate(
                "LaborActivityModel",
                "One of the ten task groups (任务群) of the 2022 curriculum, by number.",
            ),
            lambda r: groups[r.activity.task_group],
            sort=lambda r: r.activity.task_group,
        ),
        Column(
            QCoreApplication.translate("LaborActivityModel", "Project"),
            QCoreApplication.translate("LaborActivityModel", "What was done, e.g. 整理书包."),
            lambda r: r.activity.project,
        ),
        Column(
            QCoreApplication.translate("LaborActivityModel", "Setting"),
            QCoreApplication.translate(
                "LaborActivityModel",
                "Where: labor lesson, on campus, at home, in the community, labor base or labor week.",
            ),
            lambda r: settings[r.activity.setting],
        ),
        Column(
            QCoreApplication.translate("LaborActivityModel", "Class"),
            QCoreApplication.translate(
                "LaborActivityModel",
                "The class, for a class activity; empty for individual students.",
            ),
            lambda r: r.class_name,
        ),
        Column(
            QCoreApplication.translate("LaborActivityModel", "Participants"),
            QCoreApplication.translate(
                "LaborActivityModel",
                "Students present / students listed (absent students count no minutes).",
            ),
            lambda r: f"{r.present} / {r.participants}",
            sort=lambda r: r.present,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborActivityModel", "Minutes"),
            QCoreApplication.translate(
                "LaborActivityModel",
                "Minutes per student (the default; a student may have other minutes).",
            ),
            lambda r: r.activity.minutes,
            sort=lambda r: r.activity.minutes,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborActivityModel", "Files"),
            QCoreApplication.translate(
                "LaborActivityModel", "Number of attached photos or documents (evidence)."
            ),
            lambda r: r.evidence or "",
            sort=lambda r: r.evidence,
            number=True,
        ),
    ]


class LaborActivityModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(activity_columns(), parent)


class LaborActivityProxy(RecordFilterProxy):
    def set_category(self, category: Category | None) -> None:
        self.set_predicate(
            "category", None if category is None else (lambda r: r.activity.category is category)
        )

    def set_dates(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        if date_from is None and date_to is None:
            self.set_predicate("dates", None)
            return
        low = date_from or dt.date.min
        high = date_to or dt.date.max
        self.set_predicate("dates", lambda r: low <= r.activity.date <= high)

    def set_text(self, text: str) -> None:
        needle = text.strip().lower()
        self.set_predicate(
            "text",
            None
            if not needle
            else (lambda r: needle in f"{r.activity.project}\n{r.activity.description}".lower()),
        )

    def activity_at(self, proxy_row: int) -> LaborActivityRow:
        record: LaborActivityRow = self.record_at(proxy_row)
        return record
