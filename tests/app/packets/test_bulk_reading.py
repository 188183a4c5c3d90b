"""The reader's bulk path (a whole entry parsed and checked at once) must accept exactly what
reading line by line accepts, and give the same records: canonical.flat_lines against
canonical.loads per line, Column.all_fit against Column.problem per value, and the body reader
with and without the bulk path."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import orjson
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.packets import body_reader, canonical
from app.packets.canonical import MAX_SAFE_INT, CanonicalError
from app.packets.sync_tables import TABLES, Column
from app.packets.sync_tables_core import META_COLUMNS, UUID_RE, _all_uuids
from tests.app.packets.helpers import SCHOOL_A, sample_records

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
scalars = st.none() | st.booleans() | st.integers(-MAX_SAFE_INT, MAX_SAFE_INT) | text
flat_records = st.dictionaries(text, scalars, max_size=5)


def one_by_one(lines: list[bytes]) -> list[Any] | None:
    """What the line-by-line path accepts as flat records (None: it refuses one)."""
    try:
        values = [canonical.loads(line) for line in lines]
    except CanonicalError:
        return None
    flat = all(
        type(v) is dict and all(type(x) in (str, int, bool, type(None)) for x in v.values())
        for v in values
    )
    return values if flat else None


@given(st.lists(flat_records, max_size=8))
def test_canonical_lines_are_read_in_one_go(records: list[dict[str, Any]]) -> None:
    lines = [canonical.dumps_bytes(r) for r in records]
    assert canonical.flat_lines(lines) == records


@settings(max_examples=500)
@given(flat_records)
def test_orjson_writes_the_canonical_text_of_a_flat_record(record: dict[str, Any]) -> None:
    # flat_lines compares orjson's re-encoding with the packet's bytes: it must be dumps'.
    assert orjson.dumps(record, option=orjson.OPT_SORT_KEYS) == canonical.dumps_bytes(record)


TRICKS = [
    [b'{"a":"x', b'y"},{"b":1}'],  # a line boundary inside a string
    [b'{"a":[1', b"2]}"],  # inside an array
    [b'{"a":{"b":1', b'"c":2}}', b"{}"],  # inside an object
    [b'{"a":1', b'"b":2},{"c":3}'],  # between two members of one object
    [b'{"a":1}', b'{"a":1,"a":2}'],  # a repeated key
    [b'{"b":1,"a":2}'],  # unsorted
    [b'{"a": 1}'],  # spacing
    [b'{"a":"\\u00e9"}'],  # a needless escape
    [b'{"a":"\\ud800"}'],  # an escaped lone surrogate
    [b'{"a":1.5}'],
    [b'{"a":NaN}'],
    [b'{"a":[]}'],  # not flat
    [b"[]"],
    [b'{"a":"\xff"}'],  # not UTF-8
    [b'{"a":1}', b""],
    [b'{"a":1} '],
    [b'{"a":99999999999999999999999}'],  # read as a float by orjson
    [b'{"a":-0}'],
    [b'{"a":"\\u001F"}'],  # uppercase hex
]


@settings(max_examples=300)
@given(
    st.lists(
        flat_records.map(canonical.dumps_bytes)
        | st.sampled_from([line for trick in TRICKS for line in trick])
        | st.binary(max_size=12),
        max_size=6,
    )
)
def test_the_bulk_path_never_accepts_what_line_by_line_refuses(lines: list[bytes]) -> None:
    bulk = canonical.flat_lines(lines)
    if bulk is not None and not _large_integers(bulk):  # their range is the columns' to check
        assert bulk == one_by_one(lines)


def _large_integers(records: list[dict[str, Any]]) -> bool:
    return any(type(v) is int and abs(v) > MAX_SAFE_INT for r in records for v in r.values())


def test_smuggled_boundaries_and_non_canonical_lines_are_left_to_the_strict_path() -> None:
    for lines in TRICKS:
        assert canonical.flat_lines(lines) is None, lines


def _strategy(column: Column) -> st.SearchStrategy[Any]:
    near: list[st.SearchStrategy[Any]] = [
        st.none(),
        st.booleans(),
        st.integers(-MAX_SAFE_INT, MAX_SAFE_INT),
        st.integers(-5, 2000),
        text,
        st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)).map(dt.date.isoformat),
        st.from_regex(re.compile(r"\d{4}-\d\d-\d\d"), fullmatch=True),
        st.from_regex(re.compile(r"-?\d{1,7}(\.\d{1,2})?"), fullmatch=True),
        st.just(" "),
        st.just("x" * 2001),
    ]
    if column.pattern is not None:
        near.append(st.from_regex(column.pattern, fullmatch=True))
    if column.choices:
        near.append(st.sampled_from(sorted(column.choices, key=repr)))
    return st.one_of(near)


COLUMNS = {c.name + str(id(c)): c for t in TABLES for c in (*META_COLUMNS, *t.columns)}


@settings(max_examples=400)
@given(st.sampled_from(sorted(COLUMNS)).flatmap(
    lambda key: st.tuples(st.just(COLUMNS[key]), st.lists(_strategy(COLUMNS[key]), max_size=6))
))  # fmt: skip
@example((Column("n", "int", min_value=0, max_value=10), [3, True]))
@example((Column("d", "date", nullable=True), [None, "2024-02-30"]))
def test_a_column_checked_whole_agrees_with_each_value(case: tuple[Column, list[Any]]) -> None:
    column, values = case
    assert column.all_fit(values) == all(column.problem(v) is None for v in values)


def test_a_valid_body_reads_the_same_records_either_way() -> None:
    for name, records in sample_records(SCHOOL_A).items():
        table = next(t for t in TABLES if t.name == name)
        lines = [canonical.dumps_bytes(r) for r in records]
        bulk = body_reader._all_acceptable(lines, table, SCHOOL_A)
        assert bulk is not None, name
        read, columns = bulk
        assert read == body_reader._records_one_by_one(lines, table, SCHOOL_A, name) == records
        assert columns == {c: [r[c] for r in records] for c in table.all_columns}


@settings(max_examples=200)
@given(st.data())
def test_records_with_other_keys_are_left_to_the_strict_path(data: st.DataObject) -> None:
    # valid_columns checks the keys by count and lookup, not by comparing key sets: a record
    # with a key missing, added or renamed must still fail it, as it fails validate.
    samples = sample_records(SCHOOL_A)
    name = data.draw(st.sampled_from(sorted(n for n, rows in samples.items() if rows)))
    table = next(t for t in TABLES if t.name == name)
    records = [dict(r) for r in samples[name]]
    assert table.valid_columns(records) is not None
    record = data.draw(st.sampled_from(records))
    key = data.draw(st.sampled_from(sorted(record)))
    change = data.draw(st.sampled_from(["drop", "add", "rename"]))
    if change in ("drop", "rename"):
        value = record.pop(key)
    if change in ("add", "rename"):
        record["zz_" + key] = value if change == "rename" else 1
    assert table.valid_columns(records) is None
    assert table.validate(record)


UUID_NEAR = st.from_regex(UUID_RE, fullmatch=True) | st.text(
    st.sampled_from("0123456789abcdefABCDEF-gé\n"), min_size=34, max_size=38
)


@settings(max_examples=500)
@given(st.sets(UUID_NEAR, min_size=1, max_size=5))
@example({"0" * 8 + "-" + "0" * 4 + "-" + "0" * 4 + "-" + "0" * 4 + "-" + "0" * 11 + "-"})
@example({"0" * 36})
@example({"0000000-00000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000"})
@example({"00000000-0000-0000-0000-00000000000é"})
def test_uuids_checked_together_agree_with_the_pattern(values: set[str]) -> None:
    assert _all_uuids(values) == all(UUID_RE.fullmatch(v) for v in values)
