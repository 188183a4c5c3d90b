"""The year's decisive fitness result of every student, read in one query (statistics, value-added,
result cards).

The decisive attempt of a 学年 is the 补测 when one is recorded, else the first test
(``choose_attempt``); SQL picks it with ``NOT EXISTS`` over the live-key index, so a school's year
is one indexed scan. Who is included follows the roster now (by default the students on roll,
在籍 and 转入, as on the class sheet and in the national upload), and the class is the class the
student is in now; for a past year its name is given as it was then (``class_name_in_year``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from sqlite_utils import Database

from app.models import StudentStatus
from app.scoring.fitness_score import FitnessResult, score_student
from app.services.fitness_values import grade_in_year
from app.validation.codes import GRADE_NAMES, class_display_name
from db.repo_fitness import ATTEMPT_RETEST, MEASUREMENT_COLUMNS

ON_ROLL: Final = (StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN)


def status_list(statuses: Iterable[StudentStatus]) -> str:
    """A SQL list of status literals (enum values only, so inlining them is safe)."""
    values = [StudentStatus(s).value for s in statuses]
    if not values:
        raise ValueError("at least one student status is needed")
    return ", ".join(f"'{v}'" for v in values)


def decisive_cte(statuses: Iterable[StudentStatus]) -> str:
    """``WITH decisive AS (…)``: the decisive live attempt of ``:school_year`` of each student of
    ``:school_code`` with one of ``statuses``, plus the student's sex and class (``s_sex``,
    ``s_class``)."""
    return f"""WITH decisive AS (
    SELECT t.*, s.sex AS s_sex, s.class_uuid AS s_class
    FROM fitness_tests t JOIN students s ON s.uuid = t.student_uuid
    WHERE s.school_code = :school_code AND s.deleted = 0 AND s.status IN ({status_list(statuses)})
      AND t.school_year = :school_year AND t.deleted = 0
      AND (t.attempt = '{ATTEMPT_RETEST}' OR NOT EXISTS (
          SELECT 1 FROM fitness_tests r
          WHERE r.student_uuid = t.student_uuid AND r.school_year = t.school_year
            AND r.attempt = '{ATTEMPT_RETEST}' AND r.deleted = 0))
)"""


@dataclass(frozen=True, slots=True)
class ClassInfo:
    uuid: str
    grade_now: int
    class_no: int
    name: str


def class_index(db: Database, school_code: str) -> dict[str, ClassInfo]:
    """Every class of the school (graduated ones too: their students may still be listed)."""
    return {
        r[0]: ClassInfo(r[0], r[1], r[2], r[3])
        for r in db.execute(
            "SELECT uuid, grade_code, class_no, name FROM classes WHERE school_code = ?",
            [school_code],
        )
    }


def class_name_in_year(info: ClassInfo, current_year: str, school_year: str) -> str:
    """The class's name in ``school_year``: 八年级(2)班 now was 七年级(2)班 last year."""
    if school_year == current_year:
        return info.name
    grade = grade_in_year(info.grade_now, current_year, school_year)
    if grade is None or grade not in GRADE_NAMES:
        return info.name
    return class_display_name(grade, info.class_no)


@dataclass(frozen=True, slots=True)
class StudentYear:
    """One student's decisive attempt of a year, scored afresh (item scores are not cached)."""

    student_uuid: str
    sex: str
    class_uuid: str
    grade_code: int  # the grade at test time
    attempt: str
    test_date: str | None
    values: Mapping[str, float | None]
    result: FitnessResult


def year_results(
    db: Database,
    school_code: str,
    school_year: str,
    *,
    statuses: Iterable[StudentStatus] = ON_ROLL,
    class_uuid: str | None = None,
    include_exempt: bool = True,
    complete_only: bool = False,
) -> dict[str, StudentYear]:
    """student uuid → the scored decisive attempt of ``school_year`` (``complete_only``: only
    totalled results, by the cached total, so nothing else is scored)."""
    head = ("student_uuid", "s_sex", "s_class", "grade_code", "attempt", "test_date", "exempt",
            "exempt_reason")  # fmt: skip
    sql = (
        f"{decisive_cte(statuses)} SELECT {', '.join((*head, *MEASUREMENT_COLUMNS))} FROM decisive"
    )
    params: dict[str, Any] = {"school_code": school_code, "school_year": school_year}
    where = []
    if class_uuid is not None:
        where.append("s_class = :class_uuid")
        params["class_uuid"] = class_uuid
    if not include_exempt or complete_only:
        where.append("exempt = 0")
    if complete_only:
        where.append("total_score IS NOT NULL")
    if where:
        sql += " WHERE " + " AND ".join(where)
    out: dict[str, StudentYear] = {}
    keys = MEASUREMENT_COLUMNS
    n = len(head)
    # Plain tuples from the cursor: a dict per row (sqlite-utils' query) doubled the time.
    for row in db.execute(sql, params):
        uuid, sex, klass, grade, attempt, test_date, exempt, reason = row[:n]
        values = dict(zip(keys, row[n:], strict=True))
        # An exempt row always carries its reason; "-" only guards a row merged without one.
        why = (reason or "-") if exempt else None
        out[uuid] = StudentYear(
            student_uuid=uuid,
            sex=sex,
            class_uuid=klass,
            grade_code=grade,
            attempt=attempt,
            test_date=test_date,
            values=values,
            result=score_student(grade, sex, values, exempt_reason=why),
        )
    return out
