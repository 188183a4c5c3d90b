from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.scoring.run_time import format_run_time, parse_run_time


@pytest.mark.parametrize(
    "typed",
    [
        "3'45",
        "3′45″",
        "3’45”",
        "3'45\"",
        "3:45",
        "3：45",
        "３＇４５",
        " 3' 45 ",
        "3分45秒",
        "225",
        225,
    ],
)
def test_the_usual_ways_of_typing_three_forty_five(typed: str | int) -> None:
    result = parse_run_time(typed)
    assert result == 225 and isinstance(result, int)


def test_a_plain_number_is_seconds_never_minutes() -> None:
    assert parse_run_time("3.45") == 3.45
    assert parse_run_time(3.45) == 3.45
    assert parse_run_time("225.0") == 225 and isinstance(parse_run_time("225.0"), int)


def test_tenths_of_a_second_are_kept() -> None:
    assert parse_run_time("3'43.4") == pytest.approx(223.4)
    assert parse_run_time("0'45") == 45


@pytest.mark.parametrize("bad", ["3'5", "3'60", "3'450", "abc", "", "-225", "3'", "'45", "1:2:3"])
def test_malformed_times_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        parse_run_time(bad)


@pytest.mark.parametrize("bad", [True, -1, float("nan"), float("inf")])
def test_non_times_are_refused(bad: float) -> None:
    with pytest.raises(ValidationError):
        parse_run_time(bad)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(225, "3'45"), (65, "1'05"), (45, "0'45"), (600, "10'00"), (223.4, "3'43.4")],
)
def test_format_is_minutes_and_two_digit_seconds(seconds: float, text: str) -> None:
    assert format_run_time(seconds) == text


@given(st.integers(0, 99 * 60 + 59))
def test_format_then_parse_round_trips(seconds: int) -> None:
    assert parse_run_time(format_run_time(seconds)) == seconds
