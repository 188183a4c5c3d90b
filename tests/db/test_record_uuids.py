"""Record uuids: RFC 9562 version 7 — the creation time, then random bits (db.records)."""

from __future__ import annotations

import calendar
import datetime as dt
import uuid

from hypothesis import given
from hypothesis import strategies as st

from db.records import new_uuid, new_uuids


def millis_of(text: str) -> int:
    return uuid.UUID(text).int >> 80


def test_bulk_uuids_are_distinct_version_7_uuids_in_ascending_order() -> None:
    made = new_uuids(2000)
    assert len(set(made)) == 2000 and new_uuids(0) == []
    assert made == sorted(made)
    for text in made:
        parsed = uuid.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 7, uuid.RFC_4122)


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2200, 1, 1),
                    timezones=st.just(dt.UTC)))  # fmt: skip
def test_the_first_48_bits_are_the_creation_time_in_milliseconds(at: dt.datetime) -> None:
    text = new_uuid(at)
    assert millis_of(text) == calendar.timegm(at.utctimetuple()) * 1000 + at.microsecond // 1000
    assert uuid.UUID(text).version == 7


def test_without_a_time_it_is_now() -> None:
    before = dt.datetime.now(dt.UTC).timestamp() * 1000
    made = new_uuid()
    after = dt.datetime.now(dt.UTC).timestamp() * 1000
    assert before - 1 <= millis_of(made) <= after


def test_what_was_made_later_sorts_later_whatever_the_random_bits() -> None:
    """The property the bureau's indexes rely on: one clerk's records, made in order, are
    neighbours in every uuid-keyed index."""
    start = dt.datetime(2026, 9, 1, 8, tzinfo=dt.UTC)
    batches = [new_uuids(50, start + dt.timedelta(milliseconds=ms)) for ms in range(0, 400, 7)]
    flat = [u for batch in batches for u in batch]
    assert flat == sorted(flat)
