"""The decimal column kind: one canonical text per value, exact round trips through a real packet,
and strict refusal of every other spelling (docs/packet-format.md §6.4)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from hypothesis import given, settings
from hypothesis import strategies as st

from app.packets import canonical
from app.packets.packet_reader import open_packet
from app.packets.packet_writer import write_packet
from app.packets.rejection import PacketRejected, RejectCode
from app.packets.sync_tables import FITNESS_TESTS, decimal_column, format_decimal
from app.packets.sync_tables_sport import MEASUREMENTS
from app.scoring.fitness_ranges import IMPORT_RANGES
from tests.app.packets.helpers import (
    SCHOOL_A,
    bureau_keyring,
    draft,
    enrolled,
    jsonl_zip,
    meta,
    registry,
    seal_body,
)

DECIMALS = st.integers(0, 3)


@cache
def keys() -> tuple[ed25519.Ed25519PrivateKey, x25519.X25519PrivateKey]:
    return ed25519.Ed25519PrivateKey.generate(), x25519.X25519PrivateKey.generate()


def fitness_record(n: int, **changes: Any) -> dict[str, Any]:
    """A valid, unscored fitness record (a first test still missing items)."""
    return (
        meta(
            n,
            student_uuid=meta(2)["uuid"],
            school_year="2026-2027",
            attempt="first",
            test_date="2026-10-09",
            grade_code=15,
            **{key: None for key, _ in MEASUREMENTS},
            absent_items="[]",
            exempt=False,
            exempt_reason="",
            bmi=None,
            standard_score=None,
            bonus_total=None,
            total_score=None,
            level=None,
        )
        | changes
    )


def _open_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    school, bureau = keys()
    packet = write_packet(
        draft(), {"fitness_tests": records}, signing_key=school, bureau_key=bureau.public_key()
    )
    contents = open_packet(
        packet.data,
        school_keys=registry(enrolled(school, SCHOOL_A)),
        bureau_keys=bureau_keyring(bureau),
    )
    return list(contents.records["fitness_tests"])


def _reading_code(line: bytes) -> RejectCode:
    school, bureau = keys()
    body = jsonl_zip([("fitness_tests.jsonl", line + b"\n")])
    packet = seal_body(body, {"fitness_tests": 1}, school, bureau)
    with pytest.raises(PacketRejected) as info:
        open_packet(
            packet.data,
            school_keys=registry(enrolled(school, SCHOOL_A)),
            bureau_keys=bureau_keyring(bureau),
        )
    return info.value.code


@given(st.data())
def test_any_float_with_the_columns_decimals_round_trips_exactly(data: st.DataObject) -> None:
    d = data.draw(DECIMALS)
    n = data.draw(st.integers(-(10 ** (6 + d)) + 1, 10 ** (6 + d) - 1))
    value = n / 10**d  # the double a clerk's "n with d decimals" is stored as
    text = format_decimal(value, d)
    assert decimal_column("x", d).problem(text) is None
    assert float(text) == value
    assert canonical.loads(canonical.dumps({"x": text})) == {"x": text}


@given(st.data())
def test_each_canonical_text_is_the_only_text_of_its_value(data: st.DataObject) -> None:
    d = data.draw(DECIMALS)
    whole = data.draw(st.integers(0, 999_999))
    fraction = data.draw(st.integers(0, 10**d - 1)) if d else 0
    negative = data.draw(st.booleans()) and (whole or fraction)
    text = ("-" if negative else "") + str(whole) + (f".{fraction:0{d}d}" if d else "")
    assert decimal_column("x", d).problem(text) is None
    # format(parse(text)) == text: two texts of one value cannot both be canonical.
    assert format_decimal(float(text), d) == text


@given(DECIMALS, st.text(alphabet="0123456789.-+e ", max_size=10))
def test_a_text_is_accepted_exactly_when_it_is_the_canonical_text_of_its_value(
    d: int, text: str
) -> None:
    try:
        value = float(text)
    except ValueError:
        canonical_text = False
    else:
        # format_decimal falls back to repr for a value with more decimals: not canonical.
        fixed = f"{value:.{d}f}"
        canonical_text = text == format_decimal(value, d) == fixed and abs(value) < 10**6
    assert (decimal_column("x", d).problem(text) is None) == canonical_text


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_fitness_measurements_round_trip_through_a_real_packet(data: st.DataObject) -> None:
    row: dict[str, Any] = FITNESS_TESTS.row_from_record(fitness_record(1))
    for key, d in MEASUREMENTS:
        low, high, _ = IMPORT_RANGES[key]
        n = data.draw(st.one_of(st.none(), st.integers(round(low * 10**d), round(high * 10**d))))
        row[key] = None if n is None else n / 10**d
    record = FITNESS_TESTS.record_from_row(row)
    assert FITNESS_TESTS.validate(record) == []
    [back] = _open_records([record])
    assert back == record
    assert FITNESS_TESTS.row_from_record(back) == row  # the very floats the school stored


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (1, "165.50"),  # more decimals than the column's
        (1, "165"),  # fewer
        (1, "1.655e2"),
        (1, "+165.5"),
        (1, "-0.0"),
        (1, "065.5"),
        (1, " 165.5"),
        (1, "165.5\n"),
        (1, "１６５.５"),  # full-width digits
        (1, "165,5"),
        (1, ".5"),
        (1, "5."),
        (1, "NaN"),
        (1, "Infinity"),
        (1, "1000000.0"),  # seven digits before the point
        (1, ""),
        (0, "3500.0"),
        (0, "-0"),
        (0, "3.5e3"),
        (0, "03500"),
    ],
)
def test_every_other_spelling_is_refused(d: int, text: str) -> None:
    assert decimal_column("x", d).problem(text) is not None


@pytest.mark.parametrize("value", [165.5, 165, True])
def test_a_json_number_is_not_a_decimal(value: object) -> None:
    assert decimal_column("x", 1).problem(value) == "is not a string"


def test_a_stored_number_is_never_rounded_on_the_way_out() -> None:
    column = decimal_column("x", 1)
    cases = (
        (165.55, "165.55"),
        (float("nan"), "nan"),
        (float("inf"), "inf"),
        (1e20, "1" + "0" * 20 + ".0"),
    )
    for value, shown in cases:
        text = format_decimal(value, 1)
        assert text == shown and column.problem(text) is not None
    assert format_decimal(-0.0, 1) == "0.0" and format_decimal(3500.0, 0) == "3500"
    assert format_decimal(None, 1) is None
    problems = FITNESS_TESTS.validate(fitness_record(1, height_cm=format_decimal(165.55, 1)))
    assert problems == ["height_cm is not a decimal with 1 decimal(s) ('165.55')"]


def test_a_range_is_checked_on_the_value() -> None:
    assert FITNESS_TESTS.validate(fitness_record(1, standard_score="100.1", level=None)) != []
    column = decimal_column("x", 1, min_value=0, max_value=120)
    assert column.problem("120.0") is None and column.problem("120.1") == "is out of range (120.1)"


@pytest.mark.parametrize(
    ("field", "text"),
    [("height_cm", "165.50"), ("height_cm", "-0.0"), ("run_1000m", "225.0"), ("bmi", "18.25")],
)
def test_a_malformed_decimal_in_a_packet_is_an_invalid_record(field: str, text: str) -> None:
    line = canonical.dumps(fitness_record(5, **{field: text})).encode()
    assert _reading_code(line) is RejectCode.INVALID_RECORD


def test_a_json_float_in_a_packet_is_bad_json() -> None:
    line = canonical.dumps(fitness_record(5, height_cm="165.5")).replace('"165.5"', "165.5")
    assert _reading_code(line.encode()) is RejectCode.BAD_JSON


def test_the_registry_declares_the_decimals_of_the_national_ranges() -> None:
    assert [(k, d) for k, d in MEASUREMENTS] == [(k, r[2]) for k, r in IMPORT_RANGES.items()]
    declared = {name: d for name, d in FITNESS_TESTS.decimal_columns}
    assert declared == {**dict(MEASUREMENTS), "bmi": 1, "standard_score": 1, "total_score": 1}
