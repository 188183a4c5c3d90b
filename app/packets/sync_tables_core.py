"""The building blocks of the synchronised-table registry (``sync_tables``): column kinds, the
table spec, and the decimal text form (docs/packet-format.md §6.4).

A record in a packet is a flat JSON object: the key ``uuid``, the meta fields ``revision``,
``updated_at``, ``updated_by``, ``deleted`` (DESIGN.md §2) and the table's content columns, each
with a fixed JSON type. Booleans are JSON ``true``/``false`` (SQLite stores 0/1). Decimal
quantities are strings in one canonical form (canonical JSON has no floats, §3): exactly the
column's number of decimals, no exponent, no ``+``, no leading zeros, no ``-0``; SQLite stores
them as REAL. The module is database-free: rules that need another record (``ParentCheck``) are
applied by whoever can read that record (the merge at the bureau, the completeness check at the
school).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from operator import is_not, itemgetter
from typing import Any

from app.packets.canonical import MAX_SAFE_INT

# ASCII digits only (``\d`` would also take ``١`` or ``３``), matched whole (see Column.problem).
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
UTC_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$", re.ASCII)
DATE_RE = re.compile(r"^\d{4}-\d\d-\d\d$", re.ASCII)
SCHOOL_RE = re.compile(r"^\d{10}$", re.ASCII)
TERM_RE = re.compile(r"^\d{4}-\d{4}-[12]$", re.ASCII)
YEAR_RE = re.compile(r"^\d{4}-\d{4}$", re.ASCII)
MAX_TEXT = 2000
MAX_DECIMAL_DIGITS = 6  # digits before the point: |value| < 1,000,000

Record = dict[str, Any]
# A table's records column by column: column name → its values, in record order.
Columns = dict[str, list[Any]]
RecordCheck = Callable[[Mapping[str, Any]], list[str]]
# (record, the record it refers to, as a database row) → problems
ParentRule = Callable[[Mapping[str, Any], Mapping[str, Any]], list[str]]


_UUID_ALPHABET = b"0123456789abcdef-"
_UUID_DASHES = (8, 13, 18, 23)


def _all_uuids(values: set[str]) -> bool:
    """Whether ``UUID_RE`` matches each of ``values``, shown in C-level passes over their
    concatenation rather than a match per value (a packet's uuid column holds 100,000 distinct
    values): 36 characters each, a dash at each of the four places and nowhere else, the other
    characters lowercase hex digits."""
    if set(map(len, values)) != {36}:
        return False
    joined = "".join(values)
    if joined.encode().translate(None, _UUID_ALPHABET):  # anything else, non-ASCII included
        return False
    dashes = all(set(joined[i::36]) == {"-"} for i in _UUID_DASHES)
    return dashes and joined.count("-") == 4 * len(values)


def decimal_pattern(decimals: int) -> re.Pattern[str]:
    """The canonical text of a number with exactly ``decimals`` decimals (no ``-0``)."""
    fraction = rf"\.[0-9]{{{decimals}}}" if decimals else ""
    return re.compile(
        rf"^(?!-0(?:\.0*)?$)-?(?:0|[1-9][0-9]{{0,{MAX_DECIMAL_DIGITS - 1}}}){fraction}$"
    )


def format_decimal(value: Any, decimals: int) -> Any:
    """The canonical text of a stored number. A value that has no such text (more decimals
    than the column declares, NaN, a string in a REAL column…) comes back as it is, or as its
    ``repr``, so validation refuses it with the value in the message: never rounded silently,
    which would send the bureau a figure the school does not hold."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    text = f"{value:.{decimals}f}"
    if float(text) != value:
        return repr(value)
    return f"{0:.{decimals}f}" if value == 0 else text  # -0.0 → "0.0"


@dataclass(frozen=True)
class Column:
    """One content column: its JSON type and constraints. Kinds: ``text``, ``int``, ``bool``,
    ``date`` (``YYYY-MM-DD``), ``decimal`` (a string; build it with ``decimal_column``)."""

    name: str
    kind: str = "text"
    nullable: bool = False
    pattern: re.Pattern[str] | None = None
    choices: frozenset[Any] | None = None
    min_value: int | None = None
    max_value: int | None = None
    required: bool = False  # text that may not be empty
    decimals: int = 0  # decimal columns: the digits after the point

    def problem(self, value: Any) -> str | None:
        """Why ``value`` does not fit this column, or None."""
        if value is None:
            return None if self.nullable else "is null"
        if self.kind == "bool":
            return None if isinstance(value, bool) else "is not true/false"
        if self.kind == "int":
            if type(value) is not int:
                return "is not an integer"
            return self._range_problem(value)
        if not isinstance(value, str):
            return "is not a string"
        if self.kind == "decimal":
            return self._decimal_problem(value)
        if len(value) > MAX_TEXT:
            return "is too long"
        if self.required and not value.strip():
            return "is empty"
        # fullmatch: ``$`` alone would also accept a trailing newline.
        if self.pattern is not None and not self.pattern.fullmatch(value):
            return f"is malformed ({value[:40]!r})"
        if self.kind == "date" and not _is_date(value):
            return f"is not a date ({value[:20]!r})"
        if self.choices is not None and value not in self.choices:
            return f"is not an allowed value ({value[:40]!r})"
        return None

    def all_fit(self, values: list[Any]) -> bool:
        """Whether ``problem`` is None for every one of ``values``: the same rules, column-wise
        in C-level passes over the list (a packet's 100,000 values at once)."""
        present = list(filter(partial(is_not, None), values))
        if len(present) != len(values) and not self.nullable:
            return False
        if not present:
            return True
        kinds = set(map(type, present))
        if self.kind == "bool":
            return kinds == {bool}
        if self.kind == "int":
            return kinds == {int} and self._all_in_range(present)
        if kinds != {str}:
            return False
        if self.kind == "decimal":
            return (
                self.pattern is not None
                and all(map(self.pattern.fullmatch, present))
                and (self._all_in_range(list(map(float, present))))
            )
        return self._all_text_fit(present)

    def _all_text_fit(self, present: list[str]) -> bool:
        # Every rule is about one value alone, so each distinct value is checked once: a
        # packet's references and codes repeat a few hundred values over 100,000 records.
        distinct = set(present)
        if max(map(len, distinct)) > MAX_TEXT:
            return False
        if self.required and not all(map(str.strip, distinct)):
            return False
        if self.pattern is UUID_RE:
            if not _all_uuids(distinct):
                return False
        elif self.pattern is not None and not all(map(self.pattern.fullmatch, distinct)):
            return False
        if self.kind == "date" and not all(map(_is_date, distinct)):
            return False
        return self.choices is None or distinct <= self.choices

    def _all_in_range(self, numbers: list[float]) -> bool:
        # Unbounded integer columns still stop at ±(2**53 − 1): canonical JSON's limit, which
        # the bulk parse (canonical.flat_lines) leaves to this check.
        low = -MAX_SAFE_INT if self.min_value is None else self.min_value
        high = MAX_SAFE_INT if self.max_value is None else self.max_value
        if min(numbers) < low or max(numbers) > high:
            return False
        return self.choices is None or set(numbers) <= self.choices

    def _range_problem(self, value: float) -> str | None:
        if (self.min_value is not None and value < self.min_value) or (
            self.max_value is not None and value > self.max_value
        ):
            return f"is out of range ({value})"
        if self.choices is not None and value not in self.choices:
            return f"is not an allowed value ({str(value)[:40]!r})"
        return None

    def _decimal_problem(self, value: str) -> str | None:
        if self.pattern is None or not self.pattern.fullmatch(value):
            return f"is not a decimal with {self.decimals} decimal(s) ({value[:40]!r})"
        return self._range_problem(float(value))


def decimal_column(
    name: str,
    decimals: int,
    *,
    nullable: bool = True,
    min_value: int | None = None,
    max_value: int | None = None,
) -> Column:
    return Column(
        name,
        "decimal",
        nullable=nullable,
        pattern=decimal_pattern(decimals),
        min_value=min_value,
        max_value=max_value,
        decimals=decimals,
    )


def _is_date(text: str) -> bool:
    if not DATE_RE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


META_COLUMNS = (
    Column("uuid", pattern=UUID_RE),
    Column("revision", "int", min_value=1, max_value=2**53 - 1),
    Column("updated_at", pattern=UTC_RE),
    Column("updated_by"),
    Column("deleted", "bool"),
)


@dataclass(frozen=True)
class ParentCheck:
    """A rule over a record and the record its ``column`` refers to in table ``parent`` (the
    fitness scores need the student's sex). A record that fails it is rejected by the merge
    with ``reason`` and reported by the completeness check. ``same_version_only``: the rule
    depends on reference data that may change between versions (a scoring standard), so the
    bureau applies it only to packets written by its own version.

    ``parent_columns``: the parent's columns the rule reads, and the only ones it is given
    (``apply``), so that a verdict reached with a packet's own copy of the parent holds for
    the bureau's copy exactly when these columns are equal (app/services/merge.py)."""

    column: str
    parent: str
    rule: ParentRule
    reason: str
    parent_columns: tuple[str, ...]
    same_version_only: bool = False

    def apply(self, record: Mapping[str, Any], parent: Mapping[str, Any]) -> list[str]:
        """The rule's problems with ``record`` given its parent row (database values)."""
        return self.rule(record, {c: parent[c] for c in self.parent_columns})


@dataclass(frozen=True)
class SyncTable:
    """A synchronised table. ``scope`` is the SQL condition (alias ``t``; parameters
    ``:school_code``, ``:term_code``, ``:school_year``) selecting a school's records for a term.

    ``natural_key``: the columns of the table's unique index over live rows (``deleted = 0``,
    and each ``natural_key_filter`` column equal to its value). Two live records with one key
    and different uuids are a conflict for review in the merge, not a database error."""

    name: str
    columns: tuple[Column, ...]
    scope: str
    owner_column: str | None = None  # content column that must equal the sending school's code
    check: RecordCheck | None = None  # extra rules a record must meet to be accepted
    advice: RecordCheck | None = None  # domain rules only reported by the completeness check
    parent_check: ParentCheck | None = None
    natural_key: tuple[str, ...] = ()
    natural_key_filter: tuple[tuple[str, int], ...] = ()
    key: str = "uuid"

    # Cached: validate() and the merge ask for these once per record (frozen dataclasses allow
    # cached_property, which writes the instance __dict__ directly).
    @cached_property
    def content_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @cached_property
    def all_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in META_COLUMNS) + self.content_columns

    @cached_property
    def bool_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.kind == "bool")

    @cached_property
    def decimal_columns(self) -> tuple[tuple[str, int], ...]:
        return tuple((c.name, c.decimals) for c in self.columns if c.kind == "decimal")

    @property
    def entry_name(self) -> str:
        return f"{self.name}.jsonl"

    def validate(self, record: Mapping[str, Any]) -> list[str]:
        """Problems that make ``record`` unacceptable in a packet (empty list: valid)."""
        expected = self.all_columns
        if set(record) != set(expected):
            missing = sorted(set(expected) - set(record))
            extra = sorted(set(record) - set(expected))
            return [f"fields missing {missing} or unexpected {extra}"]
        problems = []
        for column in (*META_COLUMNS, *self.columns):
            why = column.problem(record[column.name])
            if why:
                problems.append(f"{column.name} {why}")
        if not problems and self.check is not None:
            problems.extend(self.check(record))
        return problems

    def valid_columns(self, records: list[Record]) -> Columns | None:
        """``records`` column by column (``all_columns`` → its values in record order) when
        ``validate`` finds nothing in any of them, checked a column at a time; else None.

        Every record has exactly as many keys as the table has columns, and each column is
        looked up in every record (a missing key raises): so each record has exactly the
        table's keys, as ``validate`` requires."""
        width = len(self.all_columns)
        if records and set(map(len, records)) != {width}:
            return None
        columns: Columns = {}
        try:
            for column in (*META_COLUMNS, *self.columns):
                values = list(map(itemgetter(column.name), records))
                if not column.all_fit(values):
                    return None
                columns[column.name] = values
        except KeyError:
            return None
        if self.check is not None and any(map(self.check, records)):
            return None
        return columns

    def record_from_row(self, row: Mapping[str, Any]) -> Record:
        """A database row (0/1 booleans, REAL decimals) as a packet record."""
        record = {name: row[name] for name in self.all_columns}
        record["deleted"] = bool(record["deleted"])
        for name in self.bool_columns:
            if record[name] is not None:
                record[name] = bool(record[name])
        for name, decimals in self.decimal_columns:
            record[name] = format_decimal(record[name], decimals)
        return record

    def row_from_record(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """A (valid) packet record as database values (booleans as 0/1, decimals as floats)."""
        row = {name: record[name] for name in self.all_columns}
        row["deleted"] = int(row["deleted"])
        for name in self.bool_columns:
            if row[name] is not None:
                row[name] = int(row[name])
        for name, _ in self.decimal_columns:
            if isinstance(row[name], str):
                row[name] = float(row[name])
        return row

    def content(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """The content columns plus ``deleted``: what "equal content" means in a merge."""
        return {name: record[name] for name in (*self.content_columns, "deleted")}


# Small constructors the table modules share.
SCHOOL_CODE = Column("school_code", pattern=SCHOOL_RE)
OF_STUDENTS = "t.student_uuid IN (SELECT uuid FROM students WHERE school_code = :school_code)"


def ref(name: str, *, nullable: bool = False) -> Column:
    return Column(name, nullable=nullable, pattern=UUID_RE)


def choice(name: str, *values: str, nullable: bool = False) -> Column:
    return Column(name, nullable=nullable, choices=frozenset(values))


def points(name: str, top: int) -> Column:
    return Column(name, "int", nullable=True, min_value=0, max_value=top)
