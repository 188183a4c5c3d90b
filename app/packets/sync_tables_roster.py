"""Synchronised tables of the roster: schools, classes, students and their events (migration
0001_workspace_and_roster). Part of the registry; import the names from ``sync_tables``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.errors import ValidationError
from app.models import SchoolStage, Sex, StudentStatus
from app.packets.sync_tables_core import (
    SCHOOL_CODE,
    SCHOOL_RE,
    UUID_RE,
    Column,
    SyncTable,
)
from app.validation.codes import ALL_GRADE_CODES
from app.validation.ids import parse_id_number, parse_student_no


def _advise_student(record: Mapping[str, Any]) -> list[str]:
    problems = []
    for parse, field in ((parse_student_no, "student_no"), (parse_id_number, "id_number")):
        if record.get(field):
            try:
                parse(record[field])
            except ValidationError as exc:
                problems.append(str(exc))
    return problems


# The school row is keyed by its code (the primary key), so it declares no natural key: a
# second uuid for the same code is refused by the database ('constraint').
SCHOOLS = SyncTable(
    name="schools",
    columns=(
        Column("code", pattern=SCHOOL_RE),
        Column("name", required=True),
        Column("district", pattern=re.compile(r"^[1-9]\d{5}$", re.ASCII)),
        Column("stage", choices=frozenset(s.value for s in SchoolStage)),
    ),
    scope="t.code = :school_code",
    owner_column="code",
)

CLASSES = SyncTable(
    name="classes",
    columns=(
        SCHOOL_CODE,
        Column("grade_code", "int", choices=frozenset(ALL_GRADE_CODES)),
        Column("class_no", "int", min_value=1, max_value=999),
        Column("name", required=True),
        Column("head_teacher"),
        Column("graduated", "bool"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
    natural_key=("school_code", "grade_code", "class_no"),
    natural_key_filter=(("graduated", 0),),
)

# 学籍号 is unique among live students, but it declares no natural key here: the same number at
# another school is a transfer (app/services/merge.py), and a second live record with it at the
# same school is refused by the database ('constraint'), as the merge tests pin down.
STUDENTS = SyncTable(
    name="students",
    columns=(
        SCHOOL_CODE,
        Column("student_no", pattern=re.compile(r"^(?:[GJ]\d{17}[\dX]|L\d{18})$", re.ASCII)),
        Column("name", required=True),
        Column("sex", choices=frozenset(s.value for s in Sex)),
        Column("birth_date", "date"),
        Column("ethnicity_code", pattern=re.compile(r"^\d{2}$", re.ASCII)),
        Column("id_number", nullable=True, pattern=re.compile(r"^\d{17}[\dX]$", re.ASCII)),
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

ROSTER_TABLES = (SCHOOLS, CLASSES, STUDENTS, STUDENT_EVENTS)
