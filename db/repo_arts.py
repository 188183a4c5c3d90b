"""Arts records of students: course records, activities and their participants, specialties,
assessments. Plus the bulk record writes the arts services share (class grids, demo, import).

The bulk helpers write exactly what ``db.records.insert_record``/``update_record`` write one by
one (meta columns, revision + 1, one audit entry per record), through ``executemany``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from app.arts.config import SUB_SCORES
from app.arts.constants import ActivityKind, ArtsSubject, Rating, SpecialtyGroup, SpecialtyRoute
from app.arts.models import Activity, Assessment, CourseRecord, Specialty
from db.records import (  # insert_many: the bulk create every repository shares
    AuditEntry,
    append_audit,
    meta_from_row,
    now_utc,
)

Row = dict[str, Any]


def update_many(
    db: Database,
    table: str,
    changes: Sequence[tuple[str, Mapping[str, Any], Mapping[str, Any]]],
    actor: str,
) -> None:
    """Apply ``(uuid, old values, new values)`` changes (only the changed columns), revision + 1,
    audited old → new. Call inside ``db.atomic()``."""
    at = now_utc()
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for uuid, _, new in changes:
        groups.setdefault(tuple(new), []).append((*new.values(), at, actor, uuid))
    for cols, params in groups.items():
        sets = ", ".join(f"{c} = ?" for c in cols)
        db.conn.executemany(
            f"UPDATE {table} SET {sets}, revision = revision + 1, updated_at = ?, updated_by = ?"
            " WHERE uuid = ?",
            params,
        )
    append_audit(
        db, actor, [AuditEntry(table, u, "update", dict(o), dict(n)) for u, o, n in changes]
    )


def tombstone_many(db: Database, table: str, uuids: Iterable[str], actor: str) -> int:
    todo = [(u, {"deleted": 0}, {"deleted": 1}) for u in uuids]
    update_many(db, table, todo, actor)
    return len(todo)


def _rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    return list(db.query(sql, params))


# -- course records ---------------------------------------------------------------------------

COURSE_COLUMNS = (
    "attendance_pct",
    "participation",
    "tasks_completed",
    "tasks_total",
    "teacher",
    "note",
)


def course_record_from_row(r: Row) -> CourseRecord:
    return CourseRecord(
        student_uuid=r["student_uuid"],
        term=r["term"],
        subject=ArtsSubject(r["subject"]),
        attendance_pct=r["attendance_pct"],
        participation=Rating(r["participation"]) if r["participation"] else None,
        tasks_completed=r["tasks_completed"],
        tasks_total=r["tasks_total"],
        teacher=r["teacher"],
        note=r["note"],
        meta=meta_from_row(r),
    )


def course_rows(
    db: Database, term: str, subject: str, student_uuids: Sequence[str]
) -> dict[str, Row]:
    """student uuid → active course record row for the term and subject."""
    marks = ", ".join("?" for _ in student_uuids)
    return {
        r["student_uuid"]: r
        for r in _rows(
            db,
            "SELECT * FROM arts_course_records WHERE term = ? AND subject = ? AND deleted = 0"
            f" AND student_uuid IN ({marks})",
            [term, subject, *student_uuids],
        )
    }


def list_course_records(db: Database, student_uuid: str) -> list[CourseRecord]:
    return [
        course_record_from_row(r)
        for r in _rows(
            db,
            "SELECT * FROM arts_course_records WHERE student_uuid = ? AND deleted = 0"
            " ORDER BY term, subject",
            [student_uuid],
        )
    ]


# -- activities -------------------------------------------------------------------------------


def activity_from_row(r: Row) -> Activity:
    return Activity(
        school_code=r["school_code"],
        term=r["term"],
        kind=ActivityKind(r["kind"]),
        name=r["name"],
        date=dt.date.fromisoformat(r["date"]) if r["date"] else None,
        class_uuid=r["class_uuid"],
        programme_uuid=r["programme_uuid"],
        description=r["description"],
        meta=meta_from_row(r),
        participants=r.get("n_participants") or 0,
    )


_ACTIVITY_SELECT = (
    "SELECT a.*, (SELECT count(*) FROM arts_activity_participants p"
    " WHERE p.activity_uuid = a.uuid AND p.deleted = 0) AS n_participants FROM arts_activities a"
)


def get_activity(db: Database, uuid: str) -> Activity | None:
    rows = _rows(db, _ACTIVITY_SELECT + " WHERE a.uuid = ?", [uuid])
    return activity_from_row(rows[0]) if rows else None


def list_activities(db: Database, school_code: str, term: str | None = None) -> list[Activity]:
    sql = _ACTIVITY_SELECT + " WHERE a.school_code = ? AND a.deleted = 0"
    params: list[Any] = [school_code]
    if term:
        sql += " AND a.term = ?"
        params.append(term)
    return [
        activity_from_row(r) for r in _rows(db, sql + " ORDER BY a.term, a.date, a.name", params)
    ]


def active_participants(db: Database, activity_uuid: str) -> dict[str, str]:
    """student uuid → participant record uuid."""
    return {
        r[0]: r[1]
        for r in db.execute(
            "SELECT student_uuid, uuid FROM arts_activity_participants"
            " WHERE activity_uuid = ? AND deleted = 0",
            [activity_uuid],
        )
    }


def activities_of_student(db: Database, student_uuid: str, school_year: str) -> list[Activity]:
    return [
        activity_from_row(r)
        for r in _rows(
            db,
            _ACTIVITY_SELECT + " JOIN arts_activity_participants ap ON ap.activity_uuid = a.uuid"
            " WHERE ap.student_uuid = ? AND ap.deleted = 0 AND a.deleted = 0"
            " AND substr(a.term, 1, 9) = ? ORDER BY a.term, a.date",
            [student_uuid, school_year],
        )
    ]


# -- specialties ------------------------------------------------------------------------------


def specialty_from_row(r: Row) -> Specialty:
    return Specialty(
        student_uuid=r["student_uuid"],
        school_year=r["school_year"],
        group=SpecialtyGroup(r["category_group"]),
        category=r["category"],
        sub_type=r["sub_type"],
        level_description=r["level_description"],
        route=SpecialtyRoute(r["route"]),
        note=r["note"],
        meta=meta_from_row(r),
    )


def list_specialties(
    db: Database,
    *,
    student_uuid: str | None = None,
    school_year: str | None = None,
    school_code: str | None = None,
) -> list[Specialty]:
    where, params = ["t.deleted = 0"], []
    if student_uuid:
        where.append("t.student_uuid = ?")
        params.append(student_uuid)
    if school_year:
        where.append("t.school_year = ?")
        params.append(school_year)
    if school_code:
        where.append("t.student_uuid IN (SELECT uuid FROM students WHERE school_code = ?)")
        params.append(school_code)
    sql = f"SELECT * FROM arts_specialties t WHERE {' AND '.join(where)} ORDER BY t.school_year, t.rowid"
    return [specialty_from_row(r) for r in _rows(db, sql, params)]


def get_specialty(db: Database, uuid: str) -> Specialty | None:
    rows = _rows(db, "SELECT * FROM arts_specialties WHERE uuid = ?", [uuid])
    return specialty_from_row(rows[0]) if rows else None


# -- assessments ------------------------------------------------------------------------------


def assessment_from_row(r: Row) -> Assessment:
    return Assessment(
        student_uuid=r["student_uuid"],
        school_year=r["school_year"],
        scores={k: r[k] for k in SUB_SCORES},
        total=r["total"],
        band=r["band"],
        development_points_confirmed=bool(r["development_points_confirmed"]),
        teacher=r["teacher"],
        comment=r["comment"],
        meta=meta_from_row(r),
    )


def assessment_rows(
    db: Database, school_year: str, student_uuids: Sequence[str] | None = None
) -> dict[str, Row]:
    """student uuid → active assessment row of the school year (all students when None)."""
    sql = "SELECT * FROM arts_assessments WHERE school_year = ? AND deleted = 0"
    params: list[Any] = [school_year]
    if student_uuids is not None:
        sql += f" AND student_uuid IN ({', '.join('?' for _ in student_uuids)})"
        params.extend(student_uuids)
    return {r["student_uuid"]: r for r in _rows(db, sql, params)}


def get_assessment(db: Database, student_uuid: str, school_year: str) -> Assessment | None:
    row = assessment_rows(db, school_year, [student_uuid]).get(student_uuid)
    return assessment_from_row(row) if row else None
