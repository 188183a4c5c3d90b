"""Reading typed fitness values, the items of a grade and sex, and the grade of a past year."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.scoring.fitness_ranges import IMPORT_RANGES, TIME_ITEMS
from app.scoring.run_time import format_run_time
from app.services.fitness_values import (
    INPUT_KEYS,
    applicable_keys,
    grade_columns,
    grade_in_year,
    parse_item_value,
)


@st.composite
def in_range(draw: st.DrawFn) -> tuple[str, Decimal]:
    key = draw(st.sampled_from(INPUT_KEYS))
    low, high, decimals = IMPORT_RANGES[key]
    step = Decimal(1).scaleb(-decimals)
    n = draw(st.integers(int(Decimal(str(low)) / step), int(Decimal(str(high)) / step)))
    return key, n * step


@given(in_range())
def test_every_value_in_the_national_range_reads_back_as_typed(case: tuple[str, Decimal]) -> None:
    key, value = case
    text = format_run_time(float(value)) if key in TIME_ITEMS else str(value)
    assert parse_item_value(key, text) == float(value)
    assert parse_item_value(key, float(value)) == float(value)


@given(st.sampled_from(INPUT_KEYS), st.text(max_size=8))
def test_any_text_is_a_value_or_a_validation_error(key: str, text: str) -> None:
    try:
        value = parse_item_value(key, text)
    except ValidationError:
        return
    low, high, _ = IMPORT_RANGES[key]
    assert value is None or low <= value <= high


def test_empty_cells_are_none_and_full_width_digits_are_read() -> None:
    assert parse_item_value("run_50m", "  ") is None
    assert parse_item_value("run_50m", None) is None
    assert parse_item_value("run_50m", "８.５") == 8.5
    assert parse_item_value("run_1000m", "3′45″") == 225
    with pytest.raises(ValidationError, match="two digits"):
        parse_item_value("run_800m", "3'5")
    with pytest.raises(ValidationError, match="whole number"):
        parse_item_value("pull_up", "3.5")


def test_items_follow_the_grade_and_sex() -> None:
    assert applicable_keys(11, "female") == (
        "height_cm", "weight_kg", "vital_capacity", "run_50m", "sit_and_reach", "rope_skip_1min",
    )  # fmt: skip
    assert "shuttle_50m_x8" in applicable_keys(15, "male")
    assert "pull_up" in applicable_keys(21, "male") and "pull_up" not in applicable_keys(
        21, "female"
    )
    assert "run_800m" in applicable_keys(33, "female")
    assert grade_columns([11]) == applicable_keys(11, "male")
    assert grade_columns([13, 21]) == tuple(k for k in INPUT_KEYS if k != "shuttle_50m_x8")


def test_the_grade_of_another_year() -> None:
    assert grade_in_year(21, "2026-2027", "2025-2026") == 16
    assert grade_in_year(11, "2026-2027", "2025-2026") is None
    assert grade_in_year(33, "2026-2027", "2027-2028") is None
    assert grade_in_year(13, "2026-2027", "2026-2027") == 13
