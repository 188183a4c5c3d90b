"""Students and fitness files for the fitness tests (a real workspace, real files)."""

from __future__ import annotations

import datetime as dt

from app.models import Student, StudentStatus
from app.services import roster
from app.services.roster import StudentExtras
from app.services.workspace import Workspace
from tests.app.services.roster_files import student_row
from tests.conftest import TODAY

YEAR = "2026-2027"  # the school year of TODAY
PREVIOUS = "2025-2026"
FIELDS = ("student_no", "name", "sex", "birth_date", "ethnicity", "id_number", "grade", "class")

BOY_21: dict[str, object] = {
    "height_cm": 165.0,
    "weight_kg": 55.0,
    "vital_capacity": 3000,
    "run_50m": 8.0,
    "sit_and_reach": 10.0,
    "standing_long_jump": 200,
    "pull_up": 8,
    "run_1000m": "4'05",
}
GIRL_21: dict[str, object] = {
    "height_cm": 158.0,
    "weight_kg": 48.0,
    "vital_capacity": 2400,
    "run_50m": 9.0,
    "sit_and_reach": 15.0,
    "standing_long_jump": 170,
    "sit_up_1min": 40,
    "run_800m": "3'45",
}
BOY_13: dict[str, object] = {
    "height_cm": 135.0,
    "weight_kg": 30.0,
    "vital_capacity": 1500,
    "run_50m": 10.0,
    "sit_and_reach": 8.0,
    "rope_skip_1min": 100,
    "sit_up_1min": 30,
}


def add_student(
    ws: Workspace,
    n: int,
    *,
    grade: str = "七年级",
    klass: str = "1班",
    status: StudentStatus = StudentStatus.ENROLLED,
    birth: dt.date | None = None,
) -> Student:
    """Student ``n`` (odd: a boy, even: a girl) in the class, saved through the roster service."""
    raw = dict(zip(FIELDS, student_row(n, grade=grade, klass=klass, birth=birth), strict=True))
    return roster.save_student(
        ws.db, raw, actor="tester", extras=StudentExtras(status=status), today=TODAY
    )


def uuid_of(student: Student) -> str:
    return student.meta.uuid
