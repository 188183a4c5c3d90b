"""Labor literacy evaluations (学段综合评价) and the corrections of confirmed ones."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from app.labor.constants import EvaluationStatus
from app.labor.models import EvaluationCorrection, EvaluationFields, LiteracyEvaluation
from db.records import meta_from_row

FIELD_COLUMNS = ("concept", "ability", "habits", "spirit", "overall", "comment", "life_skills")
_SELECT = (
    "SELECT e.*, s.student_no AS s_no, s.name AS s_name, c.name AS c_name"
    " FROM labor_literacy_evaluations e JOIN students s ON s.uuid = e.student_uuid"
    " JOIN classes c ON c.uuid = s.class_uuid"
)
_ORDER = " ORDER BY c.grade_code, c.class_no, s.student_no"


def json_list(values: list[str] | tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def fields_values(fields: EvaluationFields) -> dict[str, Any]:
    """The stored form of the content columns (life skills as a JSON list)."""
    return {
        "concept": fields.concept,
        "ability": fields.ability,
        "habits": fields.habits,
        "spirit": fields.spirit,
        "overall": fields.overall,
        "comment": fields.comment,
        "life_skills": json_list(fields.life_skills),
    }


def fields_from_row(row: Mapping[str, Any]) -> EvaluationFields:
    return EvaluationFields(
        concept=row["concept"],
        ability=row["ability"],
        habits=row["habits"],
        spirit=row["spirit"],
        overall=row["overall"],
        comment=row["comment"],
        life_skills=tuple(json.loads(row["life_skills"])),
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def evaluation_from_row(row: Mapping[str, Any]) -> LiteracyEvaluation:
    return LiteracyEvaluation(
        student_uuid=row["student_uuid"],
        term=row["term"],
        fields=fields_from_row(row),
        status=EvaluationStatus(row["status"]),
        publicity_from=_date(row["publicity_from"]),
        publicity_to=_date(row["publicity_to"]),
        reviewer=row["reviewer"],
        confirmed_at=row["confirmed_at"],
        meta=meta_from_row(row),
        student_no=row.get("s_no") or "",
        student_name=row.get("s_name") or "",
        class_name=row.get("c_name") or "",
    )


def get_evaluation(db: Database, uuid: str) -> LiteracyEvaluation | None:
    rows = list(db.query(f"{_SELECT} WHERE e.uuid = ?", [uuid]))
    return evaluation_from_row(rows[0]) if rows else None


def find_evaluation(db: Database, student_uuid: str, term: str) -> LiteracyEvaluation | None:
    rows = list(
        db.query(
            f"{_SELECT} WHERE e.student_uuid = ? AND e.term = ? AND e.deleted = 0",
            [student_uuid, term],
        )
    )
    return evaluation_from_row(rows[0]) if rows else None


def list_evaluations(
    db: Database,
    school_code: str,
    *,
    term: str,
    class_uuid: str | None = None,
    status: EvaluationStatus | None = None,
) -> list[LiteracyEvaluation]:
    sql = f"{_SELECT} WHERE s.school_code = ? AND e.term = ? AND e.deleted = 0"
    params: list[Any] = [school_code, term]
    if class_uuid:
        sql += " AND s.class_uuid = ?"
        params.append(class_uuid)
    if status:
        sql += " AND e.status = ?"
        params.append(status.value)
    return [evaluation_from_row(r) for r in db.query(sql + _ORDER, params)]


def students_with_evaluation(db: Database, term: str, student_uuids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(student_uuids), 500):
        chunk = student_uuids[start : start + 500]
        found.update(
            r[0]
            for r in db.execute(
                "SELECT student_uuid FROM labor_literacy_evaluations WHERE term = ? AND deleted = 0"
                f" AND student_uuid IN ({', '.join('?' for _ in chunk)})",
                [term, *chunk],
            )
        )
    return found


def correction_from_row(row: Mapping[str, Any]) -> EvaluationCorrection:
    return EvaluationCorrection(
        evaluation_uuid=row["evaluation_uuid"],
        corrected_at=row["corrected_at"],
        corrected_by=row["corrected_by"],
        reason=row["reason"],
        old=json.loads(row["old_values"]),
        new=json.loads(row["new_values"]),
        meta=meta_from_row(row),
    )


def corrections_of(db: Database, evaluation_uuid: str) -> list[EvaluationCorrection]:
    return [
        correction_from_row(r)
        for r in db.query(
            "SELECT * FROM labor_evaluation_corrections WHERE evaluation_uuid = ? AND deleted = 0"
            " ORDER BY corrected_at, rowid",
            [evaluation_uuid],
        )
    ]


def life_skills_in_year(
    db: Database, school_code: str, terms: tuple[str, str]
) -> dict[str, list[str]]:
    """student uuid → life skills recorded in the evaluations of the school year's two terms."""
    found: dict[str, list[str]] = {}
    for student_uuid, skills in db.execute(
        "SELECT e.student_uuid, e.life_skills FROM labor_literacy_evaluations e"
        " JOIN students s ON s.uuid = e.student_uuid"
        " WHERE s.school_code = ? AND e.term IN (?, ?) AND e.deleted = 0",
        [school_code, *terms],
    ):
        found.setdefault(student_uuid, []).extend(json.loads(skills))
    return found
