"""美育 across the district as a table and charts (``district_arts``): assessment bands and the
mean total, participation in arts activities, students with a specialty, specialties by
category and awards by level, for the district, each school and each grade. Awards belong to a
school, so a grade's award columns are "–"."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication

from app.arts.config import BANDS
from app.arts.constants import AwardLevel
from app.services.district.arts import ArtsFigures, DistrictArts
from ui.models.arts_labels import band_labels, level_labels
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
from ui.models.record_table_model import Column

translate = QCoreApplication.translate
BAND_COLORS: Final = dict(zip(BANDS, ("#2e7d32", "#1976d2", "#f9a825", "#c62828"), strict=True))
LEVEL_COLORS: Final = dict(
    zip(AwardLevel, ("#b71c1c", "#e65100", "#f9a825", "#2e7d32", "#1976d2"), strict=True)
)
PARTICIPATION_COLOR: Final = "#b07aa1"
SPECIALTY_COLOR: Final = "#76b7b2"
CATEGORIES_SHOWN: Final = 20  # the most frequent specialty categories


def arts_rows(da: DistrictArts) -> list[FigureRow]:
    return numbered(
        [
            (DISTRICT, da.district.label, da.district, None),
            *((SCHOOL, f.label, f, f.key[0]) for f in da.schools),
            *((GRADE, f.label, f, None) for f in da.grades),
        ]
    )


def _band(band: str, name: str) -> Column:
    return figure(
        translate("DistrictArtsModel", "{band} %").format(band=name),
        translate(
            "DistrictArtsModel", "Share of the assessed students in the band {band}, in %."
        ).format(band=name),
        lambda f: f.band_rate(band),
        percent,
    )


def _awards(level: AwardLevel, name: str) -> Column:
    def awards(f: ArtsFigures) -> int | None:
        is_grade = bool(f.key) and isinstance(f.key[0], int)
        return None if is_grade else f.awards.get(level.value, 0)

    return count(
        translate("DistrictArtsModel", "{level} awards").format(level=name),
        translate("DistrictArtsModel", "Arts awards at the level {level} dated in the school year (the school's, "
                  "not a grade's).").format(level=name),
        awards,
    )  # fmt: skip


def arts_columns() -> list[Column]:
    return [
        *head_columns(),
        count(translate("DistrictArtsModel", "Students"), translate("DistrictArtsModel", "Students on roll now, by the grade their "
              "class had in the school year."), lambda f: f.students),
        count(translate("DistrictArtsModel", "Assessed"), translate("DistrictArtsModel", "Students with an arts assessment of the "
              "school year with every sub-score entered (so with a band)."), lambda f: f.assessed),
        *(_band(b, name) for b, name in band_labels().items()),
        figure(translate("DistrictArtsModel", "Mean total"), translate("DistrictArtsModel", "Mean assessment total of the assessed "
               "students, in points."), lambda f: f.mean_total, decimal),
        figure(translate("DistrictArtsModel", "Participation %"), translate("DistrictArtsModel", "Share of the students taking part "
               "in at least one arts activity of the school year, in %."),
               lambda f: f.participation_rate, percent),
        count(translate("DistrictArtsModel", "With a specialty"), translate("DistrictArtsModel", "Students with a specialty record "
              "of the school year."), lambda f: f.with_specialty),
        *(_awards(level, name) for level, name in level_labels().items()),
    ]  # fmt: skip


def _label(f: ArtsFigures) -> str:
    return f.label


def bands_by_school(da: DistrictArts) -> ChartData:
    return bars(
        translate(
            "DistrictArtsModel", "Assessment bands by school (share of the assessed students)"
        ),
        (da.district, *da.schools),
        _label,
        [
            (name, lambda f, b=b: f.band_rate(b), BAND_COLORS[b])
            for b, name in band_labels().items()
        ],
    )


def participation_by_school(da: DistrictArts) -> ChartData:
    return bars(
        translate("DistrictArtsModel", "Taking part in arts activities, by school"),
        da.schools,
        _label,
        [
            (
                translate("DistrictArtsModel", "Participation"),
                lambda f: f.participation_rate,
                PARTICIPATION_COLOR,
            )
        ],
        district_line(da.district.participation_rate),
    )


def specialties_by_category(da: DistrictArts) -> ChartData:
    """The most frequent specialty categories (声乐, 书法 … as the national list names them)."""
    top = list(da.categories.items())[:CATEGORIES_SHOWN]
    return ChartData(
        translate("DistrictArtsModel", "Specialty records by category ({scope})").format(
            scope=_scope(da)
        ),
        tuple(category for (_group, category), _n in top),
        (
            (
                translate("DistrictArtsModel", "Records"),
                tuple(float(n) for _key, n in top),
                SPECIALTY_COLOR,
            ),
        )
        if top
        else (),
    )


def awards_by_school(da: DistrictArts) -> ChartData:
    return bars(
        translate("DistrictArtsModel", "Arts awards by level, by school"),
        da.schools,
        _label,
        [
            (name, lambda f, lv=level: float(f.awards.get(lv.value, 0)), LEVEL_COLORS[level])
            for level, name in level_labels().items()
        ],
    )


def _scope(da: DistrictArts) -> str:
    return da.schools[0].label if da.school_code and da.schools else da.district.label
