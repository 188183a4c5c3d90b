"""The table of the 体质健康 statistics (统计分析): one row per group (the school first), with
the figures of ``fitness_statistics`` and, for the school, grades and classes, the value-added
summary of ``value_added``.

Columns are described once (``stats_columns``) with header tooltips giving the denominator and
the format; a rate the group has no denominator for is shown as "–", never as 0.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from app.scoring.bmi_category import OBESE, OVERWEIGHT, UNDERWEIGHT
from app.scoring.fitness_ranges import item_label
from app.services.fitness_stats_model import LEVELS, FitnessStats, GroupStats
from app.services.value_added import ChangeSummary, ValueAdded
from ui.models.fitness_columns import level_labels
from ui.models.record_table_model import Column, RecordTableModel
from ui.widgets.chart_data import signed

translate = QCoreApplication.translate  # lupdate finds translate("Context", "literal")
GROUPINGS: Final = ("grade", "class", "sex", "grade_sex")
NONE_TEXT: Final = "–"
_LOW: Final = float("-inf")  # a missing figure sorts first
SCHOOL_BACKGROUND: Final = QColor("#eef3f8")


@dataclass(frozen=True)
class StatsRow:
    group: GroupStats
    change: ChangeSummary | None  # value-added (school, grades and classes only)
    order: int  # the service's display order (the school first)

    @property
    def is_school(self) -> bool:
        return self.group.grouping == "school"


def grouping_labels() -> dict[str, str]:
    return {
        "grade": translate("FitnessStatsModel", "By grade"),
        "class": translate("FitnessStatsModel", "By class"),
        "sex": translate("FitnessStatsModel", "By sex"),
        "grade_sex": translate("FitnessStatsModel", "By grade and sex"),
    }


def stats_rows(stats: FitnessStats, va: ValueAdded | None, grouping: str) -> list[StatsRow]:
    """The school, then the groups of ``grouping`` in the service's order."""
    changes: dict[object, ChangeSummary] = {}
    if va is not None and grouping == "grade":
        changes = {c.grade_code: c for c in va.grades}
    elif va is not None and grouping == "class":
        changes = {c.class_uuid: c for c in va.classes}
    key: Callable[[GroupStats], object] = (
        (lambda g: g.class_uuid) if grouping == "class" else (lambda g: g.grade_code)
    )
    rows = [StatsRow(stats.school, va.school if va is not None else None, 0)]
    rows += [StatsRow(g, changes.get(key(g)), i) for i, g in enumerate(stats.by(grouping), 1)]
    return rows


def percent(value: float | None) -> str:
    return NONE_TEXT if value is None else f"{value * 100:.1f}%"


def decimal(value: float | None) -> str:
    return NONE_TEXT if value is None else f"{value:.1f}"


def change_text(value: float | None) -> str:
    return NONE_TEXT if value is None else signed(value)


def _sort(value: float | None) -> float:
    return _LOW if value is None else value


def _figure(
    title: str, tooltip: str, get: Callable[[StatsRow], float | None], show: Callable[..., str]
) -> Column:
    return Column(title, tooltip, lambda r: show(get(r)), lambda r: _sort(get(r)), number=True)


def _count(title: str, tooltip: str, get: Callable[[StatsRow], int]) -> Column:
    return Column(title, tooltip, get, get, number=True)


def _group_title(grouping: str) -> str:
    return {
        "grade": translate("FitnessStatsModel", "Grade"),
        "class": translate("FitnessStatsModel", "Class"),
        "sex": translate("FitnessStatsModel", "Sex"),
        "grade_sex": translate("FitnessStatsModel", "Grade and sex"),
    }.get(grouping, "")


def _count_columns() -> list[Column]:
    return [
        _count(
            translate("FitnessStatsModel", "Tested"),
            translate(
                "FitnessStatsModel",
                "Students with a recorded result of the school year that is not exempt "
                "(complete or not).",
            ),
            lambda r: r.group.tested,
        ),
        _count(
            translate("FitnessStatsModel", "Exempt"),
            translate(
                "FitnessStatsModel",
                "免测 students: counted here and in no rate (never as 0 points).",
            ),
            lambda r: r.group.exempt,
        ),
        _count(
            translate("FitnessStatsModel", "Incomplete"),
            translate(
                "FitnessStatsModel",
                "Tested, but an item is missing: left out of the level rates and the mean total; "
                "their measured items still count for those items.",
            ),
            lambda r: r.group.incomplete,
        ),
        _count(
            translate("FitnessStatsModel", "Not tested"),
            translate("FitnessStatsModel", "On roll, with nothing recorded for the school year."),
            lambda r: r.group.untested,
        ),
        _figure(
            translate("FitnessStatsModel", "Mean total"),
            translate(
                "FitnessStatsModel",
                "Mean school-year total (学年总分, bonus included) of the complete students; "
                "points, one decimal place.",
            ),
            lambda r: r.group.mean_total,
            decimal,
        ),
    ]


def _level_column(level: str) -> Column:
    name = level_labels()[level]
    return _figure(
        translate("FitnessStatsModel", "{level} %").format(level=name),
        translate(
            "FitnessStatsModel", "Share of the complete students at the level {level}, in %."
        ).format(level=name),
        lambda r: r.group.level_rate(level),
        percent,
    )


def _bmi_column(title: str, category: str, name: str) -> Column:
    tip = translate(
        "FitnessStatsModel",
        "Share of the tested students with height and weight measured whose BMI is {category} "
        "(national bands by grade and sex), in %.",
    )
    return _figure(title, tip.format(category=name), lambda r: r.group.bmi_rate(category), percent)


def _rate_columns() -> list[Column]:
    return [
        *(_level_column(level) for level in LEVELS),
        _figure(
            translate("FitnessStatsModel", "Excellent or good %"),
            translate(
                "FitnessStatsModel", "优良率: excellent + good, of the complete students, in %."
            ),
            lambda r: r.group.excellent_good_rate,
            percent,
        ),
        _figure(
            translate("FitnessStatsModel", "Pass rate %"),
            translate(
                "FitnessStatsModel",
                "及格率: pass or better (60 points and more), of the complete students, in %.",
            ),
            lambda r: r.group.pass_rate,
            percent,
        ),
        _bmi_column(
            translate("FitnessStatsModel", "Obese %"),
            OBESE,
            translate("FitnessStatsModel", "obese (肥胖)"),
        ),
        _bmi_column(
            translate("FitnessStatsModel", "Overweight %"),
            OVERWEIGHT,
            translate("FitnessStatsModel", "overweight (超重)"),
        ),
        _bmi_column(
            translate("FitnessStatsModel", "Underweight %"),
            UNDERWEIGHT,
            translate("FitnessStatsModel", "underweight (低体重)"),
        ),
    ]


def _change_columns(previous: str) -> list[Column]:
    return [
        _count(
            translate("FitnessStatsModel", "Compared"),
            translate(
                "FitnessStatsModel",
                "增值评价: students on roll with a complete result both in {previous} and in this "
                "school year.",
            ).format(previous=previous),
            lambda r: r.change.n if r.change else 0,
        ),
        _figure(
            translate("FitnessStatsModel", "Mean change"),
            translate(
                "FitnessStatsModel",
                "Mean change of the total against {previous}, in points (+ is better).",
            ).format(previous=previous),
            lambda r: r.change.mean_change if r.change else None,
            change_text,
        ),
        _figure(
            translate("FitnessStatsModel", "Improved %"),
            translate(
                "FitnessStatsModel", "Share of the compared students whose total went up, in %."
            ),
            lambda r: r.change.improved_share if r.change else None,
            percent,
        ),
        _figure(
            translate("FitnessStatsModel", "Up a level %"),
            translate(
                "FitnessStatsModel",
                "Share of the compared students who moved up at least one level "
                "(不及格 < 及格 < 良好 < 优秀), in %.",
            ),
            lambda r: r.change.moved_up_share if r.change else None,
            percent,
        ),
    ]


def _item_columns(key: str) -> list[Column]:
    name = item_label(key)
    return [
        _figure(
            translate("FitnessStatsModel", "{item} mean").format(item=name),
            translate(
                "FitnessStatsModel",
                "Mean score (0–100) of {item}, over the tested students with a score for it.",
            ).format(item=name),
            lambda r: _item(r, key, "mean"),
            decimal,
        ),
        _figure(
            translate("FitnessStatsModel", "{item} pass %").format(item=name),
            translate(
                "FitnessStatsModel", "Share of those students scoring 60 or more in {item}, in %."
            ).format(item=name),
            lambda r: _item(r, key, "pass_rate"),
            percent,
        ),
    ]


def _item(row: StatsRow, key: str, what: str) -> float | None:
    item = row.group.items.get(key)
    return None if item is None else getattr(item, what)


def stats_columns(grouping: str, item_keys: Sequence[str], previous_year: str) -> list[Column]:
    group = Column(
        _group_title(grouping),
        translate("FitnessStatsModel", "The whole school first, then each group."),
        lambda r: r.group.label,
        lambda r: r.order,
    )
    items = [c for key in item_keys for c in _item_columns(key)]
    return [group, *_count_columns(), *_rate_columns(), *_change_columns(previous_year), *items]


class FitnessStatsModel(RecordTableModel):
    """The rows are ``StatsRow``; ``show`` sets the columns for a grouping and year's items."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(stats_columns("grade", (), ""), parent)

    def show(self, stats: FitnessStats, va: ValueAdded | None, grouping: str) -> None:
        previous = va.previous_year if va is not None else ""
        self.beginResetModel()
        self.columns = tuple(stats_columns(grouping, stats.item_keys, previous))
        self.endResetModel()
        self.set_rows(stats_rows(stats, va, grouping))

    def column_of(self, title: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.title == title)

    def background(self, record: Any, column: int) -> Any:
        return SCHOOL_BACKGROUND if record.is_school else None
