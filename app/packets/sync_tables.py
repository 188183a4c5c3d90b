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
from functools import cached_property
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

    # Cached: validate() and the merge ask for these once per record (frozen dataclasses allow
    # cached_property, which writes the instance __dict__ directly).
    @cached_property
    def content_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @cached_property
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

# -- Arts (美育) and the shared awards: migration 0005_arts_and_awards -----------------------
_TERM_RE = re.compile(r"^\d{4}-\d{4}-[12]$")
_YEAR_RE = re.compile(r"^\d{4}-\d{4}$")
_OF_STUDENTS = "t.student_uuid IN (SELECT uuid FROM students WHERE school_code = :school_code)"


def _ref(name: str, *, nullable: bool = False) -> Column:
    return Column(name, nullable=nullable, pattern=UUID_RE)


def _choice(name: str, *values: str, nullable: bool = False) -> Column:
    return Column(name, nullable=nullable, choices=frozenset(values))


def _points(name: str, top: int) -> Column:
    return Column(name, "int", nullable=True, min_value=0, max_value=top)


def _check_course_record(record: Mapping[str, Any]) -> list[str]:
    done, total = record["tasks_completed"], record["tasks_total"]
    if done is not None and total is not None and done > total:
        return ["tasks_completed exceeds tasks_total"]
    return []


def _check_json_object(record: Mapping[str, Any]) -> list[str]:
    import json

    for name in ("sections", "weights"):
        try:
            if not isinstance(json.loads(record[name]), dict):
                return [f"{name} is not a JSON object"]
        except ValueError:
            return [f"{name} is not JSON"]
    return []


SCHOOL_PROGRAMMES = SyncTable(
    name="school_programmes",
    columns=(
        _SCHOOL_CODE,
        _choice("kind", "signature", "club", "interest_group"),
        _choice("field", "art", "sport"),
        Column("name", required=True),
        Column("project"),
        Column("description"),
        Column("adviser"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
)
PROGRAMME_MEMBERS = SyncTable(
    name="programme_members",
    columns=(
        _ref("programme_uuid"),
        _ref("student_uuid"),
        Column("school_year", pattern=_YEAR_RE),
        Column("role"),
    ),
    scope="t.programme_uuid IN (SELECT uuid FROM school_programmes WHERE school_code = :school_code)",
)
ARTS_ACTIVITIES = SyncTable(
    name="arts_activities",
    columns=(
        _SCHOOL_CODE,
        Column("term", pattern=_TERM_RE),
        _choice("kind", "club", "interest_group", "festival", "performance"),
        Column("name", required=True),
        Column("date", "date", nullable=True),
        _ref("class_uuid", nullable=True),
        _ref("programme_uuid", nullable=True),
        Column("description"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
)
ARTS_ACTIVITY_PARTICIPANTS = SyncTable(
    name="arts_activity_participants",
    columns=(_ref("activity_uuid"), _ref("student_uuid"), Column("role")),
    scope="t.activity_uuid IN (SELECT uuid FROM arts_activities WHERE school_code = :school_code)",
)
ARTS_COURSE_RECORDS = SyncTable(
    name="arts_course_records",
    columns=(
        _ref("student_uuid"),
        Column("term", pattern=_TERM_RE),
        _choice("subject", "music", "fine_art", "integrated", "local"),
        _points("attendance_pct", 100),
        _choice("participation", "excellent", "good", "pass", "poor", nullable=True),
        _points("tasks_completed", 10_000),
        _points("tasks_total", 10_000),
        Column("teacher"),
        Column("note"),
    ),
    scope=_OF_STUDENTS,
    check=_check_course_record,
)
ARTS_SPECIALTIES = SyncTable(
    name="arts_specialties",
    columns=(
        _ref("student_uuid"),
        Column("school_year", pattern=_YEAR_RE),
        _choice("category_group", "performance", "works", "workshop"),
        Column("category", required=True),
        Column("sub_type"),
        Column("level_description"),
        _choice("route", "in_school_specialist", "club", "outside"),
        Column("note"),
    ),
    scope=_OF_STUDENTS,
)
ARTS_ASSESSMENTS = SyncTable(
    name="arts_assessments",
    columns=(
        _ref("student_uuid"),
        Column("school_year", pattern=_YEAR_RE),
        _points("course_learning", 50),
        _points("extracurricular", 50),
        _points("basic_knowledge", 50),
        _points("basic_skills", 50),
        _points("outside_learning", 50),
        _points("art_specialty", 50),
        _points("total", 110),
        _choice("band", "excellent", "good", "pass", "fail", nullable=True),
        Column("development_points_confirmed", "bool"),
        Column("teacher"),
        Column("comment"),
    ),
    scope=_OF_STUDENTS,
)
ARTS_SELF_EVALUATIONS = SyncTable(
    name="arts_self_evaluations",
    columns=(
        _SCHOOL_CODE,
        Column("school_year", pattern=_YEAR_RE),
        Column("sections", required=True),
        Column("weights", required=True),
        _points("total_score", 1000),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
    check=_check_json_object,
)
AWARDS = SyncTable(
    name="awards",
    columns=(
        _SCHOOL_CODE,
        _choice("domain", "arts", "sports", "labor", "other"),
        Column("event", required=True),
        Column("category"),
        Column("organizer", required=True),
        Column("organizer_is_education_authority", "bool"),
        _choice("level", "national", "provincial", "city", "county", "school"),
        _choice("rank", "special", "first", "second", "third", "merit", "other"),
        Column("rank_text"),
        Column("date", "date"),
        Column("certificate_no"),
        Column("on_moe_whitelist", "bool", nullable=True),
        Column("adviser"),
        Column("team_name"),
        Column("note"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
)
AWARD_WINNERS = SyncTable(
    name="award_winners",
    columns=(_ref("award_uuid"), _ref("student_uuid")),
    scope="t.award_uuid IN (SELECT uuid FROM awards WHERE school_code = :school_code)",
)
ARTS_TABLES = (
    SCHOOL_PROGRAMMES, PROGRAMME_MEMBERS, ARTS_ACTIVITIES, ARTS_ACTIVITY_PARTICIPANTS,
    ARTS_COURSE_RECORDS, ARTS_SPECIALTIES, ARTS_ASSESSMENTS, ARTS_SELF_EVALUATIONS,
    AWARDS, AWARD_WINNERS,
)  # fmt: skip


# -- Labor (劳动教育): migration 0004_labor; evidence files travel as hash + metadata only ------
def _check_labor_json(name: str, kind: type) -> RecordCheck:
    import json

    def check(record: Mapping[str, Any]) -> list[str]:
        try:
            value = json.loads(record[name])
        except ValueError:
            return [f"{name} is not JSON"]
        items = value.values() if isinstance(value, dict) else value
        if not isinstance(value, kind) or not all(isinstance(v, str) for v in items):
            return [f"{name} is not a JSON {kind.__name__} of strings"]
        return []

    return check


_LABOR_OF_SCHOOL = "SELECT uuid FROM labor_activities WHERE school_code = :school_code"
LABOR_ACTIVITIES = SyncTable(
    name="labor_activities",
    columns=(
        _SCHOOL_CODE,
        Column("term", pattern=_TERM_RE),
        Column("date", "date"),
        _choice("category", "daily", "production", "service"),
        Column("task_group", "int", min_value=1, max_value=10),
        Column("project", required=True),
        _choice("setting", "classroom", "on_campus", "home", "community", "base", "labor_week"),
        Column("minutes", "int", min_value=0, max_value=1440),
        Column("description"),
        _ref("class_uuid", nullable=True),
        Column("organiser"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
)
LABOR_PARTICIPATIONS = SyncTable(
    name="labor_participations",
    columns=(
        _ref("activity_uuid"),
        _ref("student_uuid"),
        _choice("status", "present", "absent"),
        Column("minutes", "int", min_value=0, max_value=1440),
        Column("ratings", required=True),
        Column("note"),
    ),
    scope=f"t.activity_uuid IN ({_LABOR_OF_SCHOOL})",
    check=_check_labor_json("ratings", dict),
)
LABOR_EVIDENCE = SyncTable(
    name="labor_evidence",
    columns=(
        _ref("activity_uuid"),
        _ref("participation_uuid", nullable=True),
        Column("sha256", pattern=re.compile(r"^[0-9a-f]{64}$")),
        Column("file_name", required=True),
        Column("mime", required=True),
        Column("size", "int", min_value=0, max_value=2**31),
    ),
    scope=f"t.activity_uuid IN ({_LABOR_OF_SCHOOL})",
)
LABOR_LITERACY_EVALUATIONS = SyncTable(
    name="labor_literacy_evaluations",
    columns=(
        _ref("student_uuid"),
        Column("term", pattern=_TERM_RE),
        *(Column(n) for n in ("concept", "ability", "habits", "spirit", "overall", "comment")),
        Column("life_skills", required=True),
        _choice("status", "draft", "publicized", "confirmed"),
        Column("publicity_from", "date", nullable=True),
        Column("publicity_to", "date", nullable=True),
        Column("reviewer"),
        Column("confirmed_at", nullable=True, pattern=_UTC_RE),
    ),
    scope=_OF_STUDENTS,
    check=_check_labor_json("life_skills", list),
)
LABOR_EVALUATION_CORRECTIONS = SyncTable(
    name="labor_evaluation_corrections",
    columns=(
        _ref("evaluation_uuid"),
        Column("corrected_at", pattern=_UTC_RE),
        Column("corrected_by"),
        Column("reason", required=True),
        Column("old_values", required=True),
        Column("new_values", required=True),
    ),
    scope="t.evaluation_uuid IN (SELECT e.uuid FROM labor_literacy_evaluations e"
    " JOIN students s ON s.uuid = e.student_uuid WHERE s.school_code = :school_code)",
)
LABOR_TABLES = (
    LABOR_ACTIVITIES, LABOR_PARTICIPATIONS, LABOR_EVIDENCE, LABOR_LITERACY_EVALUATIONS,
    LABOR_EVALUATION_CORRECTIONS,
)  # fmt: skip

# -- PE process evaluation (体育过程评价): migration 0007_pe_process; whole numbers only ---------
PE_PROCESS_RECORDS = SyncTable(
    name="pe_process_records",
    columns=(
        _ref("student_uuid"),
        Column("term", pattern=_TERM_RE),
        _points("pe_attendance_pct", 100),
        _points("recess_exercise_pct", 100),
        _points("after_school_minutes_per_week", 10_080),
        Column("after_school_parent_confirmed", "bool"),
        Column("sports_club", nullable=True),
        Column("skill_item"),
        Column("skill_level"),
        _points("homework_completion_pct", 100),
        Column("notes"),
    ),
    scope=_OF_STUDENTS,
)
PE_TABLES = (PE_PROCESS_RECORDS,)

# Order matters: parents before children, so a merge can insert in this order.
TABLES: tuple[SyncTable, ...] = (
    SCHOOLS, CLASSES, STUDENTS, STUDENT_EVENTS, *ARTS_TABLES, *LABOR_TABLES, *PE_TABLES,
)  # fmt: skip
TABLES_BY_NAME: dict[str, SyncTable] = {t.name: t for t in TABLES}


def get_table(name: str) -> SyncTable | None:
    return TABLES_BY_NAME.get(name)
