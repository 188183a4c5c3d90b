"""Classes (班级) of a school."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.models import SchoolClass
from db.records import insert_record, meta_from_row, update_record


def _class(row: dict[str, Any]) -> SchoolClass:
    return SchoolClass(
        school_code=row["school_code"],
        grade_code=row["grade_code"],
        class_no=row["class_no"],
        name=row["name"],
        head_teacher=row["head_teacher"],
        graduated=bool(row["graduated"]),
        meta=meta_from_row(row),
    )


def list_classes(
    db: Database, school_code: str, *, include_graduated: bool = False
) -> list[SchoolClass]:
    sql = "SELECT * FROM classes WHERE school_code = ? AND deleted = 0"
    if not include_graduated:
        sql += " AND graduated = 0"
    return [_class(r) for r in db.query(sql + " ORDER BY grade_code, class_no", [school_code])]


def get_class(db: Database, uuid: str) -> SchoolClass | None:
    rows = list(db.query("SELECT * FROM classes WHERE uuid = ?", [uuid]))
    return _class(rows[0]) if rows else None


def find_active_class(
    db: Database, school_code: str, grade_code: int, class_no: int
) -> SchoolClass | None:
    rows = list(
        db.query(
            "SELECT * FROM classes WHERE school_code = ? AND grade_code = ? AND class_no = ? "
            "AND deleted = 0 AND graduated = 0",
            [school_code, grade_code, class_no],
        )
    )
    return _class(rows[0]) if rows else None


def active_class_index(db: Database, school_code: str) -> dict[tuple[int, int], str]:
    """(grade_code, class_no) → class uuid for the school's current classes."""
    return {
        (r[0], r[1]): r[2]
        for r in db.execute(
            "SELECT grade_code, class_no, uuid FROM classes "
            "WHERE school_code = ? AND deleted = 0 AND graduated = 0",
            [school_code],
        )
    }


def create_class(
    db: Database,
    *,
    school_code: str,
    grade_code: int,
    class_no: int,
    name: str,
    actor: str,
    head_teacher: str = "",
) -> str:
    return insert_record(
        db,
        "classes",
        {
            "school_code": school_code,
            "grade_code": grade_code,
            "class_no": class_no,
            "name": name,
            "head_teacher": head_teacher,
            "graduated": 0,
        },
        actor,
    )


def update_class(db: Database, uuid: str, changes: dict[str, Any], actor: str) -> bool:
    return update_record(db, "classes", uuid, changes, actor)
