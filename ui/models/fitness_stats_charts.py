"""What the charts of the 体质健康 statistics show, as plain data for ``ui/widgets/charts.py``:
the level distribution and the BMI categories of each group (the school first, for comparison),
and the value-added by class against the school's figure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QCoreApplication

from app.scoring.bmi_category import OBESE, OVERWEIGHT, UNDERWEIGHT
from app.services.fitness_stats_model import LEVELS
from app.services.value_added import ValueAdded
from ui.models.fitness_columns import level_labels
from ui.models.fitness_stats_model import StatsRow
from ui.widgets.chart_data import ReferenceLine

translate = QCoreApplication.translate
LEVEL_COLORS: Final = dict(zip(LEVELS, ("#2e7d32", "#1976d2", "#f9a825", "#c62828"), strict=True))
BMI_COLORS: Final = {UNDERWEIGHT: "#4fc3f7", OVERWEIGHT: "#ffb74d", OBESE: "#e53935"}
CHANGE_COLOR: Final = "#5c6bc0"
IMPROVED_COLOR, MOVED_UP_COLOR = "#26a69a", "#8d6e63"
Values = tuple[float | None, ...]


@dataclass(frozen=True)
class ChartData:
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, Values, str], ...]
    reference: ReferenceLine | None = None


def level_chart(rows: Sequence[StatsRow]) -> ChartData:
    """Stacked shares of 优秀 … 不及格 among the complete students of each group."""
    names = level_labels()
    return ChartData(
        translate("FitnessStatsCharts", "Levels (share of the complete students)"),
        tuple(r.group.label for r in rows),
        tuple(
            (names[level], tuple(r.group.level_rate(level) for r in rows), LEVEL_COLORS[level])
            for level in LEVELS
        ),
    )


def bmi_chart(rows: Sequence[StatsRow]) -> ChartData:
    """低体重率, 超重率, 肥胖率 side by side (正常 would dwarf them)."""
    names = {
        UNDERWEIGHT: translate("FitnessStatsCharts", "Underweight"),
        OVERWEIGHT: translate("FitnessStatsCharts", "Overweight"),
        OBESE: translate("FitnessStatsCharts", "Obese"),
    }
    return ChartData(
        translate("FitnessStatsCharts", "BMI categories (share of the students measured)"),
        tuple(r.group.label for r in rows),
        tuple((names[c], tuple(r.group.bmi_rate(c) for r in rows), BMI_COLORS[c]) for c in names),
    )


def change_chart(va: ValueAdded) -> ChartData:
    """Each class's mean change of the total, with the school's as the reference line."""
    school = va.school.mean_change
    return ChartData(
        translate("FitnessStatsCharts", "Mean change of the total by class ({previous} → {year})")
        .format(previous=va.previous_year, year=va.school_year),
        tuple(c.label for c in va.classes),
        ((translate("FitnessStatsCharts", "Mean change"),
          tuple(c.mean_change for c in va.classes), CHANGE_COLOR),),
        ReferenceLine(school, translate("FitnessStatsCharts", "School")) if school is not None
        else None,
    )  # fmt: skip


def improved_chart(va: ValueAdded) -> ChartData:
    """The shares improved and moved up a level by class, the school's share improved as the
    reference line."""
    school = va.school.improved_share
    return ChartData(
        translate("FitnessStatsCharts", "Improved and moved up a level, by class"),
        tuple(c.label for c in va.classes),
        (
            (translate("FitnessStatsCharts", "Total improved"),
             tuple(c.improved_share for c in va.classes), IMPROVED_COLOR),
            (translate("FitnessStatsCharts", "Moved up a level"),
             tuple(c.moved_up_share for c in va.classes), MOVED_UP_COLOR),
        ),
        ReferenceLine(school, translate("FitnessStatsCharts", "School improved"))
        if school is not None else None,
    )  # fmt: skip
