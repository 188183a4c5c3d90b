"""The tables of 体质健康 and 增值评价 across the district: the rows (the district, each school or
the chosen one, then the grades and sexes of the scope) and their columns, from
``district_fitness`` and ``district_value_added``. Header tooltips give each denominator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.scoring.bmi_category import OBESE, OVERWEIGHT, UNDERWEIGHT
from app.services.district.fitness import DistrictFitness
from app.services.district.value_added import DistrictValueAdded
from app.services.fitness_stats_model import LEVELS
from ui.models.district_rows import (
    DISTRICT,
    GRADE,
    SCHOOL,
    SEX,
    FigureRow,
    change_text,
    count,
    decimal,
    figure,
    head_columns,
    numbered,
    percent,
    sort_key,
)
from ui.models.fitness_columns import level_labels
from ui.models.record_table_model import Column

translate = QCoreApplication.translate


def fitness_rows(df: DistrictFitness) -> list[FigureRow]:
    view = df.school or df.district
    return numbered(
        [
            (DISTRICT, df.district.total.label, df.district.total, None),
            *((SCHOOL, g.label, g, g.key[0]) for g in df.schools),
            *((GRADE, g.label, g, None) for g in view.grades),
            *((SEX, g.label, g, None) for g in view.sexes),
        ]
    )


def _level(level: str) -> Column:
    name = level_labels()[level]
    return figure(
        translate("DistrictFitnessModel", "{level} %").format(level=name),
        translate(
            "DistrictFitnessModel", "Share of the complete students at the level {level}, in %."
        ).format(level=name),
        lambda g: g.level_rate(level),
        percent,
    )


def _bmi(title: str, category: str, name: str) -> Column:
    tip = translate(
        "DistrictFitnessModel",
        "Share of the tested students with height and weight measured whose BMI is {category} "
        "(national bands by grade and sex), in %.",
    )
    return figure(title, tip.format(category=name), lambda g: g.bmi_rate(category), percent)


def fitness_columns() -> list[Column]:
    return [
        *head_columns(),
        count(translate("DistrictFitnessModel", "Tested"), translate("DistrictFitnessModel", "Students on roll with a result of the school "
              "year that is not exempt (complete or not)."), lambda g: g.tested),
        count(translate("DistrictFitnessModel", "Exempt"), translate("DistrictFitnessModel", "免测 students: counted here and in no rate."),
              lambda g: g.exempt),
        count(translate("DistrictFitnessModel", "Incomplete"), translate("DistrictFitnessModel", "Tested, but an item is missing: left out "
              "of the level rates and the mean total."), lambda g: g.incomplete),
        count(translate("DistrictFitnessModel", "Not tested"), translate("DistrictFitnessModel", "On roll, with nothing recorded for the "
              "school year (by the grade the class had then)."), lambda g: g.untested),
        figure(translate("DistrictFitnessModel", "Mean total"), translate("DistrictFitnessModel", "Mean school-year total (学年总分, bonus "
               "included) of the complete students; points."), lambda g: g.mean_total, decimal),
        *(_level(level) for level in LEVELS),
        figure(translate("DistrictFitnessModel", "Excellent or good %"), translate("DistrictFitnessModel", "优良率: excellent + good, of "
               "the complete students, in %."), lambda g: g.excellent_good_rate, percent),
        figure(translate("DistrictFitnessModel", "Pass rate %"), translate("DistrictFitnessModel", "及格率: pass or better (60 points and "
               "more), of the complete students, in %."), lambda g: g.pass_rate, percent),
        _bmi(translate("DistrictFitnessModel", "Obese %"), OBESE, translate("DistrictFitnessModel", "obese (肥胖)")),
        _bmi(translate("DistrictFitnessModel", "Overweight %"), OVERWEIGHT, translate("DistrictFitnessModel", "overweight (超重)")),
        _bmi(translate("DistrictFitnessModel", "Underweight %"), UNDERWEIGHT, translate("DistrictFitnessModel", "underweight (低体重)")),
    ]  # fmt: skip


def value_added_rows(va: DistrictValueAdded) -> list[FigureRow]:
    return numbered(
        [
            (DISTRICT, va.district.label, va.district, None),
            *((SCHOOL, c.label, c, c.key[0]) for c in va.schools),
            *((GRADE, c.label, c, None) for c in va.grades),
        ]
    )


def not_compared(va: DistrictValueAdded, row: FigureRow) -> int | None:
    if row.scope == DISTRICT:
        return sum(va.not_compared.values())
    if row.scope == SCHOOL and row.school_code is not None:
        return va.not_compared.get(row.school_code, 0)
    return None


def value_added_columns(va: DistrictValueAdded) -> list[Column]:
    previous = va.previous_year

    def missing(r: FigureRow) -> object:
        n = not_compared(va, r)
        return "–" if n is None else n

    return [
        *head_columns(),
        count(translate("DistrictFitnessModel", "Compared"), translate("DistrictFitnessModel", "Students on roll with a complete result "
              "both in {previous} and in this school year.").format(previous=previous),
              lambda c: c.n),
        Column(translate("DistrictFitnessModel", "Not compared"), translate("DistrictFitnessModel", "Complete this school year, but no "
               "complete result in {previous} (new, transferred in, or not tested then)."
               ).format(previous=previous), missing, lambda r: sort_key(not_compared(va, r)),
               number=True),
        figure(translate("DistrictFitnessModel", "Mean change"), translate("DistrictFitnessModel", "Mean change of the total against "
               "{previous}, in points (+ is better).").format(previous=previous),
               lambda c: c.mean_change, change_text),
        figure(translate("DistrictFitnessModel", "Improved %"), translate("DistrictFitnessModel", "Share of the compared students whose "
               "total went up, in %."), lambda c: c.improved_share, percent),
        figure(translate("DistrictFitnessModel", "Up a level %"), translate("DistrictFitnessModel", "Share of the compared students who "
               "moved up at least one level (不及格 < 及格 < 良好 < 优秀), in %."),
               lambda c: c.moved_up_share, percent),
    ]  # fmt: skip
