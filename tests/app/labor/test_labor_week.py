"""The Henan 劳动周: the Monday-to-Sunday week after the week that contains 5月1日."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from app.labor.config import LaborConfig
from app.labor.labor_week import (
    henan_labor_week_start,
    labor_week,
    school_year_bounds,
    school_year_of,
)


def test_2026_may_day_is_a_friday_so_the_labor_week_is_the_week_after() -> None:
    assert dt.date(2026, 5, 1).weekday() == 4
    week = labor_week("2025-2026")
    assert (week.start, week.end, week.configured) == (
        dt.date(2026, 5, 4),
        dt.date(2026, 5, 10),
        False,
    )


def test_may_day_on_a_monday_or_a_sunday() -> None:
    assert henan_labor_week_start(2023) == dt.date(2023, 5, 8)  # Monday 1 May: the next week
    assert henan_labor_week_start(2022) == dt.date(2022, 5, 2)  # Sunday 1 May


def test_a_configured_start_wins() -> None:
    config = replace(
        LaborConfig(), labor_week_starts={"2021-2022": "2022-05-05"}, labor_week_days=8
    )
    week = labor_week("2021-2022", config)
    assert (week.start, week.end, week.configured) == (
        dt.date(2022, 5, 5),
        dt.date(2022, 5, 12),
        True,
    )


@given(st.integers(2000, 2100))
def test_always_the_monday_of_the_next_calendar_week(year: int) -> None:
    start = henan_labor_week_start(year)
    may_day = dt.date(year, 5, 1)
    assert start.weekday() == 0
    assert 1 <= (start - may_day).days <= 7
    assert start.isocalendar()[1] == (may_day + dt.timedelta(days=7)).isocalendar()[1]


def test_school_years_run_from_september_to_august() -> None:
    assert school_year_of(dt.date(2026, 5, 4)) == "2025-2026"
    assert school_year_of(dt.date(2026, 9, 1)) == "2026-2027"
    assert school_year_bounds("2025-2026") == (dt.date(2025, 9, 1), dt.date(2026, 8, 31))
