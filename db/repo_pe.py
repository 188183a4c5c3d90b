"""体育过程评价 records (table ``pe_process_records``): one per student and term."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from sqlite_utils import Database

from app.pe.models import PROCESS_FIELDS, ProcessRecord
from db.records import meta_from_row

TABLE: Final = "pe_process_records"


def record_from_row(r: Mapping[str, Any]) -> ProcessRecord:
    return ProcessRecord(
        student_uuid=r["student_uuid"],
        term=r["term"],
        pe_attendance_pct=r["pe_attendance_pct"],
        recess_exercise_pct=r["recess_exercise_pct"],
        after_school_minutes_per_week=r["after_school_minutes_per_week"],
        after_school_parent_confirmed=bool(r["after_school_parent_confirmed"]),
        sports_club=r["sports_club"],
        skill_item=r["skill_item"],
        skill_level=r["skill_level"],
        homework_completion_pct=r["homework_completion_pct"],
        notes=r["notes"],
        meta=meta_from_row(r),
    )


def stored_values(r: ProcessRecord) -> dict[str, Any]:
    """The content columns of a record as stored (booleans as 0/1)."""
    values = {k: getattr(r, k) for k in PROCESS_FIELDS}
    values["after_school_parent_confirmed"] = int(r.after_school_parent_confirmed)
    return values


def records_for_students(
    db: Database, term: str, student_uuids: Iterable[str]
) -> dict[str, ProcessRecord]:
    """student uuid → the live record of the term (students without one are left out)."""
    wanted = list(dict.fromkeys(student_uuids))
    out: dict[str, ProcessRecord] = {}
    for start in range(0, len(wanted), 500):  # SQLite's variable limit
        chunk = wanted[start : start + 500]
        sql = (
            f"SELECT * FROM {TABLE} WHERE term = ? AND deleted = 0"
            f" AND student_uuid IN ({', '.join('?' for _ in chunk)})"
        )
        for row in db.query(sql, [term, *chunk]):
            out[row["student_uuid"]] = record_from_row(row)
    return out


def records_for_class(db: Database, class_uuid: str, term: str) -> dict[str, ProcessRecord]:
    """student uuid → the live record of the term, for the students now in the class."""
    sql = (
        f"SELECT p.* FROM {TABLE} p JOIN students s ON s.uuid = p.student_uuid"
        " WHERE s.class_uuid = ? AND p.term = ? AND p.deleted = 0"
    )
    return {r["student_uuid"]: record_from_row(r) for r in db.query(sql, [class_uuid, term])}


def find_record(db: Database, student_uuid: str, term: str) -> ProcessRecord | None:
    return records_for_students(db, term, [student_uuid]).get(student_uuid)
