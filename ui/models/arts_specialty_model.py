"""Students' arts specialties (艺术特长) of a school year: the category from the national list,
its sub-type, and how it is trained. A specialty trained outside school counts as 校外学习
(outside learning), not toward the arts specialty score: its route cell says so."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from app.arts.constants import SpecialtyRoute
from app.arts.models import Specialty
from ui.models.arts_labels import group_labels, route_labels
from ui.models.record_table_model import Column, RecordTableModel

COL_ROUTE = 6
OUTSIDE_BACKGROUND = QColor("#e3f2fd")


@dataclass(frozen=True)
class SpecialtyRow:
    specialty: Specialty
    student_no: str
    name: str
    class_name: str


def specialty_columns() -> list[Column]:
    groups, routes = group_labels(), route_labels()
    return [
        Column(
            QCoreApplication.translate("ArtsSpecialtyModel", "Student number"),
            QCoreApplication.translate("ArtsSpecialtyModel", "全国学籍号, 19 characters."),
            lambda r: r.student_no,
        ),
        Column(
            QCoreApplication.translate("ArtsSpecialtyModel", "Name"),
            QCoreApplication.translate("ArtsSpecialtyModel", "The student's name."),
            lambda r: r.name,
        ),
        Column(
            QCoreApplication.translate("ArtsSpecialtyModel", "Class"),
            QCoreApplication.translate("ArtsSpecialtyModel", "Grade and class."),
            lambda r: r.class_name,
        ),
        Column(
            QCoreApplication.translate("ArtsSpecialtyModel", "Group"),
            QCoreApplication.translate(
                "ArtsSpecialtyModel", "Performing arts, art works or arts practice workshop."
            ),
            lambda r: groups[r.specialty.group],
        ),
        Column(
            QCoreApplication.translate("ArtsSpecialtyModel", "Specialty"),
            QCoreApplication.translate(
                "ArtsSpecialtyModel", "From the national list, e.g. 声乐, 器乐, 书法, 剪纸."
            ),
            lambda r: r.specialty.category,
        ),
        Column(
            QCoreApplication.translate("ArtsSpecialtyModel", "Sub-type"),
            QCoreApplication.translate("ArtsSpecialtyModel", "E.g. 民族管弦乐器 for 器乐."),
            lambda r: r.specialty.sub_type,
        ),
        Column(
            QCoreApplication.translate("ArtsSpecialtyModel", "Trained"),
            QCoreApplication.translate(
                "ArtsSpecialtyModel",
                "In-school specialist training or a school club count toward the arts "
                "specialty; outside school counts as outside learning.",
            ),
            lambda r: routes[r.specialty.route],
        ),
        Column(
            QCoreApplication.translate("ArtsSpecialtyModel", "Level"),
            QCoreApplication.translate(
                "ArtsSpecialtyModel", "The student's level in words, e.g. 钢琴八级."
            ),
            lambda r: r.specialty.level_description,
        ),
    ]


class ArtsSpecialtyModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(specialty_columns(), parent)

    def background(self, record: Any, column: int) -> Any:
        outside = record.specialty.route is SpecialtyRoute.OUTSIDE
        return OUTSIDE_BACKGROUND if outside and column == COL_ROUTE else None

    def cell_tooltip(self, record: Any, column: int) -> str | None:
        if column == COL_ROUTE and record.specialty.route is SpecialtyRoute.OUTSIDE:
            return QCoreApplication.translate(
                "ArtsSpecialtyModel",
                "Trained outside school: counts as outside learning (校外学习), not toward the "
                "arts specialty.",
            )
        return None
