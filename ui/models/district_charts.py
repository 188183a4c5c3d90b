"""What the charts of the district's 体质健康 and 增值评价 show, as plain data for
``ui/widgets/charts.py``: by school (many: horizontal bars), by grade and by sex, each with the
district's figure as the dashed reference line. ``bars`` is the one builder every district chart
uses: groups, a label per group, and ``(name, getter, colour)`` per series."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from PySide6.QtCore import QCoreApplication

from app.scoring.bmi_category import OBESE, OVERWEIGHT, UNDERWEIGHT
from app.services.district.fitness import DistrictFitness
from app.services.district.value_added import DistrictValueAdded
from app.services.fitness_stats_model import LEVELS, GroupStats
from ui.models.fitness_columns import level_labels
from ui.models.fitness_stats_charts import (
    BMI_COLORS,
    CHANGE_COLOR,
    IMPROVED_COLOR,
    LEVEL_COLORS,
    MOVED_UP_COLOR,
    ChartData,
)
from ui.widgets.chart_data import ReferenceLine

translate = QCoreApplication.translate
Getter = Callable[[Any], float | None]
GOOD_COLOR: Final = "#2e7d32"
PASS_COLOR: Final = "#1976d2"


def bars(
    title: str,
    groups: Sequence[Any],
    label: Callable[[Any], str],
    series: Sequence[tuple[str, Getter, str]],
    reference: ReferenceLine | None = None,
) -> ChartData:
    return ChartData(
        title,
        tuple(label(g) for g in groups),
        tuple((name, tuple(get(g) for g in groups), color) for name, get, color in series),
        reference,
    )


def district_line(value: float | None, label: str | None = None) -> ReferenceLine | None:
    if value is None:
        return None
    return ReferenceLine(
        value, label if label is not None else translate("DistrictCharts", "District")
    )


def _label(g: Any) -> str:
    return str(g.label)


def _with_district(df: DistrictFitness) -> list[GroupStats]:
    return [df.district.total, *df.schools]


def levels_by_school(df: DistrictFitness) -> ChartData:
    names = level_labels()
    return bars(
        translate("DistrictCharts", "Levels by school (share of the complete students)"),
        _with_district(df),
        _label,
        [(names[lv], lambda g, lv=lv: g.level_rate(lv), LEVEL_COLORS[lv]) for lv in LEVELS],
    )


def good_rate_by_school(df: DistrictFitness) -> ChartData:
    rate = df.district.total.excellent_good_rate
    return bars(
        translate("DistrictCharts", "Excellent or good (优良率) by school"),
        df.schools,
        _label,
        [
            (
                translate("DistrictCharts", "Excellent or good"),
                lambda g: g.excellent_good_rate,
                GOOD_COLOR,
            )
        ],
        district_line(rate),
    )


def pass_rate_by_school(df: DistrictFitness) -> ChartData:
    return bars(
        translate("DistrictCharts", "Pass rate (及格率) by school"),
        df.schools,
        _label,
        [(translate("DistrictCharts", "Pass rate"), lambda g: g.pass_rate, PASS_COLOR)],
        district_line(df.district.total.pass_rate),
    )


def rates_by(title: str, groups: Sequence[GroupStats], df: DistrictFitness) -> ChartData:
    """优良率 and 及格率 of grades or sexes, the district's 优良率 as the reference line."""
    return bars(
        title,
        groups,
        _label,
        [
            (
                translate("DistrictCharts", "Excellent or good"),
                lambda g: g.excellent_good_rate,
                GOOD_COLOR,
            ),
            (translate("DistrictCharts", "Pass rate"), lambda g: g.pass_rate, PASS_COLOR),
        ],
        district_line(
            df.district.total.excellent_good_rate,
            translate("DistrictCharts", "District excellent or good"),
        ),
    )


def rates_by_grade(df: DistrictFitness) -> ChartData:
    view = df.school or df.district
    return rates_by(translate("DistrictCharts", "By grade: {scope}").format(scope=view.total.label),
                    view.grades, df)  # fmt: skip


def rates_by_sex(df: DistrictFitness) -> ChartData:
    view = df.school or df.district
    return rates_by(translate("DistrictCharts", "By sex: {scope}").format(scope=view.total.label),
                    view.sexes, df)  # fmt: skip


def bmi_by_school(df: DistrictFitness) -> ChartData:
    names = {
        UNDERWEIGHT: translate("DistrictCharts", "Underweight"),
        OVERWEIGHT: translate("DistrictCharts", "Overweight"),
        OBESE: translate("DistrictCharts", "Obese"),
    }
    return bars(
        translate("DistrictCharts", "BMI categories by school (share of the students measured)"),
        _with_district(df),
        _label,
        [(name, lambda g, c=c: g.bmi_rate(c), BMI_COLORS[c]) for c, name in names.items()],
    )


def change_by_school(va: DistrictValueAdded) -> ChartData:
    return bars(
        translate(
            "DistrictCharts", "Mean change of the total by school ({previous} → {year})"
        ).format(previous=va.previous_year, year=va.school_year),
        va.schools,
        _label,
        [(translate("DistrictCharts", "Mean change"), lambda c: c.mean_change, CHANGE_COLOR)],
        district_line(va.district.mean_change),
    )


def improved_by_school(va: DistrictValueAdded) -> ChartData:
    return bars(
        translate("DistrictCharts", "Improved and moved up a level, by school"),
        va.schools,
        _label,
        [
            (
                translate("DistrictCharts", "Total improved"),
                lambda c: c.improved_share,
                IMPROVED_COLOR,
            ),
            (
                translate("DistrictCharts", "Moved up a level"),
                lambda c: c.moved_up_share,
                MOVED_UP_COLOR,
            ),
        ],
        district_line(va.district.improved_share, translate("DistrictCharts", "District improved")),
    )


def change_by_grade(va: DistrictValueAdded) -> ChartData:
    return bars(
        translate("DistrictCharts", "Mean change of the total by grade"),
        va.grades,
        _label,
        [(translate("DistrictCharts", "Mean change"), lambda c: c.mean_change, CHANGE_COLOR)],
        district_line(va.district.mean_change),
    )
