"""The columns of the 体质健康 class grid: titles, header tooltips (unit and format) and how a
stored value is written in a cell.

Fixed columns (学籍号, 姓名, 性别), then one column per item tested in the class's grade (either
sex, in the national order), then the computed columns. Item names come from the core
(``item_label``), so the grid, the error messages and the upload file name items alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Final

from PySide6.QtCore import QCoreApplication

from app.scoring.fitness_ranges import IMPORT_RANGES, TIME_ITEMS, item_label
from app.scoring.run_time import format_run_time
from app.services.fitness_values import applicable_keys

translate = QCoreApplication.translate  # lupdate finds translate("Context", "literal")
ONE_DECIMAL: Final = frozenset({"height_cm", "weight_kg", "run_50m", "sit_and_reach"})
FIXED_KEYS: Final = ("student_no", "name", "sex")
COMPUTED_KEYS: Final = ("bmi", "standard_score", "bonus_total", "total_score", "level", "status")


class Kind(Enum):
    FIXED = "fixed"
    ITEM = "item"
    COMPUTED = "computed"


@dataclass(frozen=True)
class Column:
    key: str
    kind: Kind
    title: str
    tooltip: str
    chars: int  # a comfortable width in digits (set once: nothing is measured per row)


def _units() -> dict[str, str]:
    return {
        "height_cm": translate("FitnessColumns", "cm"),
        "weight_kg": translate("FitnessColumns", "kg"),
        "vital_capacity": translate("FitnessColumns", "mL"),
        "run_50m": translate("FitnessColumns", "s"),
        "sit_and_reach": translate("FitnessColumns", "cm"),
        "rope_skip_1min": translate("FitnessColumns", "count"),
        "sit_up_1min": translate("FitnessColumns", "count"),
        "shuttle_50m_x8": translate("FitnessColumns", "m'ss"),
        "standing_long_jump": translate("FitnessColumns", "cm"),
        "pull_up": translate("FitnessColumns", "count"),
        "run_1000m": translate("FitnessColumns", "m'ss"),
        "run_800m": translate("FitnessColumns", "m'ss"),
    }


def _formats() -> dict[str, str]:
    run = translate(
        "FitnessColumns",
        "Minutes'seconds, e.g. {example}; {primes}, {colon} or plain seconds ({seconds}) work too.",
    )
    return {
        "height_cm": translate("FitnessColumns", "Centimetres, one decimal place, e.g. 152.5."),
        "weight_kg": translate("FitnessColumns", "Kilograms, one decimal place, e.g. 45.3."),
        "vital_capacity": translate("FitnessColumns", "Millilitres, a whole number, e.g. 2500."),
        "run_50m": translate("FitnessColumns", "Seconds, one decimal place, e.g. 8.5."),
        "sit_and_reach": translate(
            "FitnessColumns", "Centimetres, one decimal place, negative below the feet, e.g. 12.4."
        ),
        "rope_skip_1min": translate(
            "FitnessColumns", "Skips in one minute, a whole number, e.g. 120."
        ),
        "sit_up_1min": translate(
            "FitnessColumns", "Sit-ups in one minute, a whole number, e.g. 35."
        ),
        "shuttle_50m_x8": run.format(example="1'45", primes="1′45″", colon="1:45", seconds="105"),
        "standing_long_jump": translate("FitnessColumns", "Centimetres, a whole number, e.g. 185."),
        "pull_up": translate("FitnessColumns", "Pull-ups, a whole number, e.g. 6."),
        "run_1000m": run.format(example="3'45", primes="3′45″", colon="3:45", seconds="225"),
        "run_800m": run.format(example="3'50", primes="3′50″", colon="3:50", seconds="230"),
    }


def format_value(key: str, value: float | None) -> str:
    """A stored measurement as the cell shows it (and as the editor starts)."""
    if value is None:
        return ""
    if key in TIME_ITEMS:
        return format_run_time(value)
    if key in ONE_DECIMAL:
        return f"{value:.1f}"
    return f"{value:g}"


def _range_text(key: str) -> str:
    low, high, _decimals = IMPORT_RANGES[key]
    if key in TIME_ITEMS:
        low_text, high_text = format_run_time(low), format_run_time(high)
    else:
        low_text, high_text = f"{low:g}", f"{high:g}"
    return translate("FitnessColumns", "Accepted: {low} to {high} (national upload range).").format(
        low=low_text, high=high_text
    )


def _who(key: str, grades: Iterable[int]) -> str:
    boys = any(key in applicable_keys(g, "male") for g in grades)
    girls = any(key in applicable_keys(g, "female") for g in grades)
    if boys and not girls:
        return translate("FitnessColumns", "Boys only: the cell is greyed for girls.")
    if girls and not boys:
        return translate("FitnessColumns", "Girls only: the cell is greyed for boys.")
    return ""


def _item_column(
    key: str, grades: tuple[int, ...], units: dict[str, str], formats: dict[str, str]
) -> Column:
    lines = [item_label(key), formats[key], _range_text(key), _who(key, grades)]
    tip = "\n".join(line for line in lines if line)
    return Column(key, Kind.ITEM, f"{item_label(key)}\n{units[key]}", tip, 7)


def _fixed_columns() -> tuple[Column, ...]:
    return (
        Column(
            "student_no",
            Kind.FIXED,
            translate("FitnessColumns", "Student number"),
            translate("FitnessColumns", "全国学籍号, from the roster (read-only here)."),
            20,
        ),
        Column(
            "name",
            Kind.FIXED,
            translate("FitnessColumns", "Name"),
            translate("FitnessColumns", "From the roster (read-only here)."),
            6,
        ),
        Column(
            "sex",
            Kind.FIXED,
            translate("FitnessColumns", "Sex"),
            translate("FitnessColumns", "From the roster; decides which items apply."),
            6,
        ),
    )


def _computed_columns() -> tuple[Column, ...]:
    computed = translate("FitnessColumns", "Computed as you type; not entered.")
    return (
        Column(
            "bmi",
            Kind.COMPUTED,
            translate("FitnessColumns", "BMI"),
            translate(
                "FitnessColumns", "Weight (kg) ÷ height (m)², one decimal place, with its score."
            )
            + "\n"
            + computed,
            7,
        ),
        Column(
            "standard_score",
            Kind.COMPUTED,
            translate("FitnessColumns", "Standard\nscore"),
            translate(
                "FitnessColumns",
                "The item scores weighted by the national standard, 0 to 100, one decimal place.",
            )
            + "\n"
            + computed,
            6,
        ),
        Column(
            "bonus_total",
            Kind.COMPUTED,
            translate("FitnessColumns", "Bonus"),
            translate(
                "FitnessColumns", "Bonus points for results beyond the 100-point mark, at most 20."
            )
            + "\n"
            + computed,
            5,
        ),
        Column(
            "total_score",
            Kind.COMPUTED,
            translate("FitnessColumns", "Total"),
            translate("FitnessColumns", "Standard score + bonus points: the year's total.")
            + "\n"
            + computed,
            6,
        ),
        Column(
            "level",
            Kind.COMPUTED,
            translate("FitnessColumns", "Level"),
            translate(
                "FitnessColumns",
                "Excellent from 90.0, good from 80.0, pass from 60.0, else fail; exempt (免测) students have no level.",
            )
            + "\n"
            + computed,
            6,
        ),
        Column(
            "status",
            Kind.COMPUTED,
            translate("FitnessColumns", "Status"),
            translate(
                "FitnessColumns",
                "Exempt (免测) with its reason, or the items marked absent (缺测). Right-click a row to mark it.",
            ),
            14,
        ),
    )


def grid_columns(item_keys: Iterable[str], grades: Iterable[int]) -> tuple[Column, ...]:
    """Every column of a sheet with these item columns, for students of these grades."""
    grade_codes = tuple(sorted(set(grades)))
    units, formats = _units(), _formats()
    items = tuple(_item_column(k, grade_codes, units, formats) for k in item_keys)
    return (*_fixed_columns(), *items, *_computed_columns())


def level_labels() -> dict[str, str]:
    """The standard's level names (Chinese in the reference data) in the UI language."""
    return {
        "优秀": translate("FitnessColumns", "Excellent"),
        "良好": translate("FitnessColumns", "Good"),
        "及格": translate("FitnessColumns", "Pass"),
        "不及格": translate("FitnessColumns", "Fail"),
    }
