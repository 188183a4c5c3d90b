"""劳动教育 across the district as a table and charts (``district_labor``): out-of-class minutes
per student per week against the thresholds, the share of students meeting theirs, and the mix
of the three categories, for the district, each school and each grade."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication

from app.labor.constants import Category
from app.services.district.labor import DistrictLabor, LaborFigures
from ui.models.district_charts import bars, district_line
from ui.models.district_rows import (
    DISTRICT,
    GRADE,
    SCHOOL,
    FigureRow,
    count,
    decimal,
    figure,
    head_columns,
    numbered,
    percent,
)
from ui.models.fitness_stats_charts import ChartData
from ui.models.labor_labels import category_labels
from ui.models.record_table_model import Column

translate = QCoreApplication.translate
MINUTES_COLOR: Final = "#59a14f"
THRESHOLD_COLOR: Final = "#bab0ac"
MEETING_COLOR: Final = "#4e79a7"
CATEGORY_COLORS: Final = {Category.DAILY: "#f28e2b", Category.PRODUCTION: "#59a14f",
                          Category.SERVICE: "#4e79a7"}  # fmt: skip


def labor_rows(dl: DistrictLabor) -> list[FigureRow]:
    return numbered(
        [
            (DISTRICT, dl.district.label, dl.district, None),
            *((SCHOOL, f.label, f, f.key[0]) for f in dl.schools),
            *((GRADE, f.label, f, None) for f in dl.grades),
        ]
    )


def _category(category: Category, name: str) -> Column:
    return figure(
        translate("DistrictLaborModel", "{category} %").format(category=name),
        translate(
            "DistrictLaborModel",
            "Share of all labor minutes of the term that were {category}, in %.",
        ).format(category=name),
        lambda f: f.category_share(category.value),
        percent,
    )


def labor_columns() -> list[Column]:
    return [
        *head_columns(),
        count(translate("DistrictLaborModel", "Students"), translate("DistrictLaborModel", "Students on roll now (在籍, 转入), by the "
              "grade of their class now."), lambda f: f.students),
        figure(translate("DistrictLaborModel", "Out of class min/week"), translate("DistrictLaborModel", "Out-of-class labor (the "
               "settings the labor settings count: at school, at home, in the community) per "
               "student per week over the term's period, in minutes."),
               lambda f: f.weekly_out_of_class, decimal),
        figure(translate("DistrictLaborModel", "Threshold min/week"), translate("DistrictLaborModel", "The weekly threshold of each "
               "student's 学段, averaged over the students (the thresholds differ by 学段)."),
               lambda f: f.mean_threshold, decimal),
        figure(translate("DistrictLaborModel", "Meeting threshold %"), translate("DistrictLaborModel", "Share of the students whose "
               "out-of-class minutes reach the threshold of their 学段, in %."),
               lambda f: f.meeting_share, percent),
        figure(translate("DistrictLaborModel", "All labor min/week"), translate("DistrictLaborModel", "Every labor minute of the term "
               "(lessons and labor week included) per student per week."),
               lambda f: f.weekly_total, decimal),
        *(_category(c, name) for c, name in category_labels().items()),
    ]  # fmt: skip


def _label(f: LaborFigures) -> str:
    return f.label


def minutes_chart(title: str, groups: tuple[LaborFigures, ...], dl: DistrictLabor) -> ChartData:
    return bars(
        title,
        groups,
        _label,
        [
            (translate("DistrictLaborModel", "Out of class per week"), lambda f: f.weekly_out_of_class,
             MINUTES_COLOR),
            (translate("DistrictLaborModel", "Threshold"), lambda f: f.mean_threshold, THRESHOLD_COLOR),
        ],
        district_line(dl.district.weekly_out_of_class),
    )  # fmt: skip


def minutes_by_school(dl: DistrictLabor) -> ChartData:
    return minutes_chart(
        translate(
            "DistrictLaborModel",
            "Out-of-class minutes per student per week by school, and the threshold",
        ),
        dl.schools,
        dl,
    )


def minutes_by_grade(dl: DistrictLabor) -> ChartData:
    return minutes_chart(
        translate(
            "DistrictLaborModel",
            "Out-of-class minutes per student per week by grade, and the threshold",
        ),
        dl.grades,
        dl,
    )


def meeting_by_school(dl: DistrictLabor) -> ChartData:
    return bars(
        translate("DistrictLaborModel", "Students meeting the threshold, by school"),
        dl.schools,
        _label,
        [
            (
                translate("DistrictLaborModel", "Meeting the threshold"),
                lambda f: f.meeting_share,
                MEETING_COLOR,
            )
        ],
        district_line(dl.district.meeting_share),
    )


def categories_by_school(dl: DistrictLabor) -> ChartData:
    return bars(
        translate(
            "DistrictLaborModel", "The three categories of labor, by school (share of the minutes)"
        ),
        (dl.district, *dl.schools),
        _label,
        [
            (name, lambda f, c=c: f.category_share(c.value), CATEGORY_COLORS[c])
            for c, name in category_labels().items()
        ],
    )
