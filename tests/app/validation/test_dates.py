"""parse_date: every form a school file or a clerk produces, and the impossible ones."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.validation.dates import parse_date
from tests.conftest import TODAY

JAN_5 = dt.date(2010, 1, 5)


@pytest.mark.parametrize(
    "value",
    [
        dt.date(2010, 1, 5),  # an Excel date cell read by calamine
        dt.datetime(2010, 1, 5, 0, 0),  # ... or by openpyxl
        dt.datetime(2010, 1, 5, 13, 45, 10),
        40183,  # the Excel serial number of 2010-01-05
        40183.0,
        40183.25,  # a date-time serial: the time is dropped
        20100105,  # 8 digits typed into a number cell
        20100105.0,
        "2010-01-05",
        "2010-1-5",
        "2010/1/5",
        "2010/01/05",
        "20100105",
        "2010年1月5日",
        "2010年01月05日",
        "2010年1月5",
        "2010.1.5",
        "2010.01.05",
        "2010-01-05 00:00:00",  # a date cell saved into CSV by Excel
        "2010-01-05T00:00:00",
        "2010/1/5 0:00",
        "2010/1/5 12:30:00 PM",
        "２０１０年１月５日",  # full-width digits
        " 2010 - 01 - 05 ",
    ],
)
def test_every_form_gives_the_same_date(value: object) -> None:
    assert parse_date(value, today=TODAY) == JAN_5


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
def test_written_forms_round_trip(day: dt.date) -> None:
    forms = [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day:%Y%m%d}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.isoformat()} 00:00:00",
        int(f"{day:%Y%m%d}"),
    ]
    for form in forms:
        assert parse_date(form, today=TODAY) == day


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=TODAY))
def test_excel_serial_numbers_round_trip(day: dt.date) -> None:
    # Excel counts days from 1899-12-30 (for dates after its fictitious 1900-02-29).
    serial = (day - dt.date(1899, 12, 30)).days
    assert parse_date(serial, today=TODAY) == day
    assert parse_date(float(serial), today=TODAY) == day


@pytest.mark.parametrize(
    "value", ["20230230", "2023-02-30", "2023/13/01", "2023年2月29日", 20230230]
)
def test_impossible_dates_are_rejected(value: object) -> None:
    with pytest.raises(ValidationError, match="not a real date"):
        parse_date(value, today=TODAY)


def test_a_date_after_today_is_rejected() -> None:
    with pytest.raises(ValidationError, match="future") as info:
        parse_date("2026-12-02", today=dt.date(2026, 12, 1))
    assert "2026-12-02" in info.value.what
    assert parse_date("2026-12-01", today=dt.date(2026, 12, 1)) == dt.date(2026, 12, 1)


def test_a_date_object_after_today_is_rejected_too() -> None:
    with pytest.raises(ValidationError, match="future"):
        parse_date(dt.date(2027, 1, 1), today=TODAY)


def test_a_date_before_1900_is_rejected() -> None:
    with pytest.raises(ValidationError, match="before 1900"):
        parse_date("1899-12-31", today=TODAY)


@pytest.mark.parametrize("value", ["2010-01", "10-01-05", "yesterday", "2010-01-05x", True])
def test_text_that_is_not_a_date_is_rejected(value: object) -> None:
    with pytest.raises(ValidationError, match="not a date"):
        parse_date(value, today=TODAY)


@pytest.mark.parametrize("value", [0, -5, 100000, 1.5e9, float("nan"), float("inf")])
def test_numbers_that_are_not_dates_are_rejected(value: float) -> None:
    with pytest.raises(ValidationError, match="not a date"):
        parse_date(value, today=TODAY)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_date_is_rejected(value: object) -> None:
    with pytest.raises(ValidationError, match="empty"):
        parse_date(value, today=TODAY)
