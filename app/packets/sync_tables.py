"""THE registry of synchronised tables: what travels in a packet, and the schema each record of it
must satisfy (docs/packet-format.md §6).

A record in a packet is a flat JSON object: the key ``uuid``, the meta fields ``revision``,
``updated_at``, ``updated_by``, ``deleted`` (DESIGN.md §2) and the table's content columns, each
with a fixed JSON type. Booleans are JSON ``true``/``false`` (SQLite stores 0/1). Later issues
append their tables (fitness, labor, arts) to ``TABLES``; the writer, the reader, the completeness
check and the merge all follow this list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.errors import ValidationError
from app.models import SchoolStage, Sex, StudentStatus
from app.validation.codes import ALL_GRADE_CODES
from app.validation.ids import parse_id_number, parse_student_no

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_UTC_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$")
_DATE_RE = re.compile(r"^\d{4}-\d\d-\d\d$")
_SCHOOL_RE = re.compile(r"^\d{10}$")
MAX_TEXT = 2000

Record = dict[str, Any]
RecordCheck = Callable[[Mapping[str, Any]], list[str]]


@dataclass(frozen=True)
class Column:
    """One content column: its JSON type (``text``, ``int``, ``bool``, ``date``) and constraints."""

    name: str
    kind: str = "text"
    nullable: bool = False
    pattern: re.Pattern[str] | None = None
    choices: frozenset[Any] | None = None
    min_value: int | None = None
    max_value: int | None = None
    required: bool = False  # text that may not be empty

    def problem(self, value: Any) -> str | None:
        """Why ``value`` does not fit this column, or None."""
        if value is None:
            return None if self.nullable else "is null"
        if self.kind == "bool":
            return None if isinstance(value, bool) else "is not true/false"
        if self.kind == "int":
            if type(value) is not int:
                return "is not an integer"
            if (self.min_value is not None and value < self.min_value) or (
                self.max_value is not None and value > self.max_value
            ):
                return f"is out of range ({value})"
        elif not isinstance(value, str):
            return "is not a string"
        elif len(value) > MAX_TEXT:
            return "is too long"
        elif self.required and not value.strip():
            return "is empty"
        elif self.pattern is not None and not self.pattern.match(value):
            return f"is malformed ({value[:40]!r})"
        elif self.kind == "date" and not _is_date(value):
            return f"is not a date ({value[:20]!r})"
        if self.choices is not None and value not in self.choices:
            return f"is not an allowed value ({str(value)[:40]!r})"
        return None


def _is_date(text: str) -> bool:
    if not _DATE_RE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


META_COLUMNS = (
    Column("uuid", pattern=UUID_RE),
    Column("revision", "int", min_value=1, max_value=2**53 - 1),
    Column("updated_at", pattern=_UTC_RE),
    Column("updated_by"),
    Column("deleted", "bool"),
)


@dataclass(frozen=True)
class SyncTable:
    """A synchronised table. ``scope`` is the SQL condition (alias ``t``; parameters
    ``:school_code``, ``:term_code``, ``:school_year``) selecting a school's records for a term."""

    name: str
    columns: tuple[Column, ...]
    scope: str
    owner_column: str | None = None  # content column that must equal the sending school's code
    check: RecordCheck | None = None  # extra rules a record must meet to be accepted
    advice: RecordCheck | None = None  # domain rules only reported by the completeness check
    key: str = "uuid"

    @property
    def content_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def all_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in META_COLUMNS) + self.content_columns

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

    def record_from_row(self, row: Mapping[str, Any]) -> Record:
        """A database row (0/1 booleans) as a packet record."""
        record = {name: row[name] for name in self.all_columns}
        record["deleted"] = bool(record["deleted"])
        for column in self.columns:
            if column.kind == "bool" and record[column.name] is not None:
                record[column.name] = bool(record[column.name])
        return record

    def row_from_record(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """A packet record as database values (booleans as 0/1)."""
        row = {name: record[name] for name in self.all_columns}
        row["deleted"] = int(row["deleted"])
        for column in self.columns:
            if column.kind == "bool" and row[column.name] is not None:
                row[column.name] = int(row[column.name])
        return row

    def content(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """The content columns plus ``deleted``: what "equal content" means in a merge."""
        return {name: record[name] for name in (*self.content_columns, "deleted")}


def _advise_student(record: Mapping[str, Any]) -> list[str]:
    problems = []
    for parse, field in ((parse_student_no, "student_no"), (parse_id_number, "id_number")):
        if record.get(field):
            try:
                parse(record[field])
            except ValidationError as exc:
                problems.append(str(exc))
    return problems


_SCHOOL_CODE = Column("school_code", pattern=_SCHOOL_RE)

SCHOOLS = SyncTable(
    name="schools",
    columns=(
        Column("code", pattern=_SCHOOL_RE),
        Column("name", required=True),
        Column("district", pattern=re.compile(r"^[1-9]\d{5}$")),
        Column("stage", choices=frozenset(s.value for s in SchoolStage)),
    ),
    scope="t.code = :school_code",
    owner_column="code",
)

CLASSES = SyncTable(
    name="classes",
    columns=(
        _SCHOOL_CODE,
        Column("grade_code", "int", choices=frozenset(ALL_GRADE_CODES)),
        Column("class_no", "int", min_value=1, max_value=999),
        Column("name", required=True),
        Column("head_teacher"),
        Column("graduated", "bool"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
)

STUDENTS = SyncTable(
    name="students",
    columns=(
        _SCHOOL_CODE,
        Column("student_no", pattern=re.compile(r"^(?:[GJ]\d{17}[\dX]|L\d{18})$")),
        Column("name", required=True),
        Column("sex", choices=frozenset(s.value for s in Sex)),
        Column("birth_date", "date"),
        Column("ethnicity_code", pattern=re.compile(r"^\d{2}$")),
        Column("id_number", nullable=True, pattern=re.compile(r"^\d{17}[\dX]$")),
        Column("class_uuid", pattern=UUID_RE),
        Column("status", choices=frozenset(s.value for s in StudentStatus)),
        Column("pe_exempt", "bool"),
        Column("pe_exempt_reason"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
    advice=_advise_student,
)

STUDENT_EVENTS = SyncTable(
    name="student_events",
    columns=(
        Column("student_uuid", pattern=UUID_RE),
        Column("kind", pattern=re.compile(r"^[a-z_]{1,40}$")),
        Column("date", "date"),
        Column("note"),
        Column("old_value"),
        Column("new_value"),
    ),
    scope="t.student_uuid IN (SELECT uuid FROM students WHERE school_code = :school_code)",
)

# Order matters: parents before children, so a merge can insert in this order.
TABLES: tuple[SyncTable, ...] = (SCHOOLS, CLASSES, STUDENTS, STUDENT_EVENTS)
TABLES_BY_NAME: dict[str, SyncTable] = {t.name: t for t in TABLES}


def get_table(name: str) -> SyncTable | None:
    return TABLES_BY_NAME.get(name)
