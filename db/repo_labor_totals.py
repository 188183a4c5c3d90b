"""The aggregate queries behind the per-student labor totals and the threshold report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlite_utils import Database

from app.labor.constants import ALL_TASK_GROUP_NOS, Category

ON_ROLL_STATUSES = ("enrolled", "transferred_in")


def report_students(
    db: Database, school_code: str, class_uuid: str | None
) -> list[tuple[str, str, str, str, str, int, str]]:
    """(uuid, 学籍号, name, class uuid, class name, grade code, status) of the school's students."""
    sql = (
        "SELECT s.uuid, s.student_no, s.name, s.class_uuid, c.name, c.grade_code, s.status"
        " FROM students s JOIN classes c ON c.uuid = s.class_uuid"
        " WHERE s.school_code = ? AND s.deleted = 0"
    )
    params: list[Any] = [school_code]
    if class_uuid:
        sql += " AND s.class_uuid = ?"
        params.append(class_uuid)
    sql += " ORDER BY c.grade_code, c.class_no, s.student_no"
    return [tuple(r) for r in db.execute(sql, params)]


def _period_where(
    school_code: str, date_from: dt.date, date_to: dt.date, term: str | None
) -> tuple[str, list[Any]]:
    where = "a.school_code = ? AND a.deleted = 0 AND a.date BETWEEN ? AND ?"
    params: list[Any] = [school_code, date_from.isoformat(), date_to.isoformat()]
    if term:
        where += " AND a.term = ?"
        params.append(term)
    return where, params


class StudentMinutes(NamedTuple):
    student_uuid: str
    by_task_group: dict[int, int]  # groups with minutes only
    by_category: dict[str, int]
    out_of_class: int
    course: int
    total: int
    activities: int


_GROUP_SUMS = ", ".join(
    f"sum(CASE WHEN a.task_group = {g} THEN p.minutes END)" for g in ALL_TASK_GROUP_NOS
)
_CATEGORY_SUMS = ", ".join(
    f"sum(CASE WHEN a.category = '{c.value}' THEN p.minutes END)" for c in Category
)


def minutes_by_student(
    db: Database,
    school_code: str,
    *,
    date_from: dt.date,
    date_to: dt.date,
    out_of_class: Sequence[str],
    course: Sequence[str],
    term: str | None = None,
    class_uuid: str | None = None,
) -> list[StudentMinutes]:
    """Minutes of present participations per student: by task group, by category, in the
    out-of-class and the course settings, in total, and the number of activities.

    One pass with conditional sums (one row per student), finding each activity's
    participations through ``labor_participations_key``: 100,000s of participations stay
    inside SQLite.
    """
    where, params = _period_where(school_code, date_from, date_to, term)
    if class_uuid:
        where += " AND p.student_uuid IN (SELECT uuid FROM students WHERE class_uuid = ?)"
        params.append(class_uuid)
    out_marks = ", ".join("?" for _ in out_of_class) or "NULL"
    course_marks = ", ".join("?" for _ in course) or "NULL"
    sql = (
        f"SELECT p.student_uuid, {_GROUP_SUMS}, {_CATEGORY_SUMS},"
        f" sum(CASE WHEN a.setting IN ({out_marks}) THEN p.minutes END),"
        f" sum(CASE WHEN a.setting IN ({course_marks}) THEN p.minutes END),"
        " sum(p.minutes), count(*)"
        " FROM labor_activities a JOIN labor_participations p ON p.activity_uuid = a.uuid"
        f" WHERE {where} AND p.deleted = 0 AND p.status = 'present' GROUP BY p.student_uuid"
    )
    groups, categories = len(ALL_TASK_GROUP_NOS), [c.value for c in Category]
    found = []
    for row in db.execute(sql, [*out_of_class, *course, *params]):
        by_group = row[1 : 1 + groups]
        by_category = row[1 + groups : 1 + groups + len(categories)]
        out, in_course, total, count = row[1 + groups + len(categories) :]
        found.append(
            StudentMinutes(
                row[0],
                {g: m for g, m in zip(ALL_TASK_GROUP_NOS, by_group, strict=True) if m is not None},
                {c: m for c, m in zip(categories, by_category, strict=True) if m is not None},
                out or 0,
                in_course or 0,
                total,
                count,
            )
        )
    return found


def class_activity_minutes(
    db: Database,
    school_code: str,
    settings: Sequence[str],
    *,
    date_from: dt.date,
    date_to: dt.date,
) -> dict[str, tuple[int, int]]:
    """class uuid → (minutes, activities) of the distinct activities in ``settings`` that at
    least one present student of the class took part in (a class lesson counts once)."""
    if not settings:
        return {}
    where, params = _period_where(school_code, date_from, date_to, None)
    marks = ", ".join("?" for _ in settings)
    sql = (
        "SELECT class_uuid, sum(minutes), count(*) FROM (SELECT DISTINCT s.class_uuid, a.uuid,"
        " a.minutes FROM labor_activities a"
        " JOIN labor_participations p ON p.activity_uuid = a.uuid"
        " JOIN students s ON s.uuid = p.student_uuid"
        f" WHERE {where} AND a.setting IN ({marks}) AND p.deleted = 0 AND p.status = 'present')"
        " GROUP BY class_uuid"
    )
    return {r[0]: (r[1], r[2]) for r in db.execute(sql, [*params, *settings])}


def activity_dates(
    db: Database, school_code: str, setting: str, *, date_from: dt.date, date_to: dt.date
) -> tuple[int, str | None, str | None]:
    """(count, first date, last date) of live activities in ``setting`` in the period."""
    where, params = _period_where(school_code, date_from, date_to, None)
    row = db.execute(
        f"SELECT count(*), min(a.date), max(a.date) FROM labor_activities a"
        f" WHERE {where} AND a.setting = ?",
        [*params, setting],
    ).fetchone()
    return int(row[0]), row[1], row[2]
