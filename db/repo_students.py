"""Students (学生) and their roster events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.models import Sex, Student, StudentRow, StudentStatus
from db.records import insert_record, meta_from_row, update_record

STUDENT_CONTENT_COLUMNS = (
    "school_code",
    "student_no",
    "name",
    "sex",
    "birth_date",
    "ethnicity_code",
    "id_number",
    "class_uuid",
    "status",
    "pe_exempt",
    "pe_exempt_reason",
)


def student_from_row(row: dict[str, Any]) -> Student:
    return Student(
        student_no=row["student_no"],
        name=row["name"],
        sex=Sex(row["sex"]),
        birth_date=dt.date.fromisoformat(row["birth_date"]),
        ethnicity_code=row["ethnicity_code"],
        id_number=row["id_number"],
        class_uuid=row["class_uuid"],
        status=StudentStatus(row["status"]),
        pe_exempt=bool(row["pe_exempt"]),
        pe_exempt_reason=row["pe_exempt_reason"],
        school_code=row["school_code"],
        meta=meta_from_row(row),
    )


def student_values(s: Student) -> dict[str, Any]:
    """The content columns of a student as stored."""
    return {
        "school_code": s.school_code,
        "student_no": s.student_no,
        "name": s.name,
        "sex": s.sex.value,
        "birth_date": s.birth_date.isoformat(),
        "ethnicity_code": s.ethnicity_code,
        "id_number": s.id_number,
        "class_uuid": s.class_uuid,
        "status": s.status.value,
        "pe_exempt": int(s.pe_exempt),
        "pe_exempt_reason": s.pe_exempt_reason,
    }


@dataclass(frozen=True)
class StudentQuery:
    school_code: str
    class_uuid: str | None = None
    grade_code: int | None = None
    statuses: tuple[StudentStatus, ...] = ()
    text: str = ""  # name or 学籍号 fragment


def list_students(db: Database, q: StudentQuery) -> list[StudentRow]:
    where = ["s.school_code = ?", "s.deleted = 0"]
    params: list[Any] = [q.school_code]
    if q.class_uuid:
        where.append("s.class_uuid = ?")
        params.append(q.class_uuid)
    if q.grade_code is not None:
        where.append("c.grade_code = ?")
        params.append(q.grade_code)
    if q.statuses:
        where.append(f"s.status IN ({', '.join('?' for _ in q.statuses)})")
        params.extend(st.value for st in q.statuses)
    if q.text:
        where.append("(s.name LIKE ? OR s.student_no LIKE ?)")
        like = f"%{q.text.strip()}%"
        params.extend([like, like.upper()])
    sql = (
        "SELECT s.*, c.grade_code AS c_grade, c.class_no AS c_no, c.name AS c_name "
        "FROM students s JOIN classes c ON c.uuid = s.class_uuid "
        f"WHERE {' AND '.join(where)} ORDER BY c.grade_code, c.class_no, s.student_no"
    )
    return [
        StudentRow(
            student=student_from_row(r),
            grade_code=r["c_grade"],
            class_no=r["c_no"],
            class_name=r["c_name"],
        )
        for r in db.query(sql, params)
    ]


def get_student(db: Database, uuid: str) -> Student | None:
    rows = list(db.query("SELECT * FROM students WHERE uuid = ?", [uuid]))
    return student_from_row(rows[0]) if rows else None


def find_by_student_no(db: Database, student_no: str) -> Student | None:
    rows = list(
        db.query("SELECT * FROM students WHERE student_no = ? AND deleted = 0", [student_no])
    )
    return student_from_row(rows[0]) if rows else None


def students_by_number(db: Database, school_code: str) -> dict[str, dict[str, Any]]:
    """学籍号 → stored row (content + meta), for bulk matching during import."""
    return {
        r["student_no"]: r
        for r in db.query(
            "SELECT * FROM students WHERE school_code = ? AND deleted = 0", [school_code]
        )
    }


def create_student(db: Database, values: dict[str, Any], actor: str) -> str:
    return insert_record(db, "students", values, actor)


def update_student(db: Database, uuid: str, changes: dict[str, Any], actor: str) -> bool:
    return update_record(db, "students", uuid, changes, actor)


def add_event(
    db: Database,
    *,
    student_uuid: str,
    kind: str,
    date: dt.date,
    note: str,
    actor: str,
    old_value: str = "",
    new_value: str = "",
) -> str:
    return insert_record(
        db,
        "student_events",
        {
            "student_uuid": student_uuid,
            "kind": kind,
            "date": date.isoformat(),
            "note": note,
            "old_value": old_value,
            "new_value": new_value,
        },
        actor,
    )


def list_events(db: Database, student_uuid: str) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT * FROM student_events WHERE student_uuid = ? AND deleted = 0 ORDER BY date, rowid",
            [student_uuid],
        )
    )


def count_students(db: Database, school_code: str, statuses: Iterable[StudentStatus] = ()) -> int:
    sts = [s.value for s in statuses]
    sql = "SELECT count(*) FROM students WHERE school_code = ? AND deleted = 0"
    if sts:
        sql += f" AND status IN ({', '.join('?' for _ in sts)})"
    return int(db.execute(sql, [school_code, *sts]).fetchone()[0])
