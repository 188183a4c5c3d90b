"""Labor activities, participations and evidence rows, and the labor configuration (rows in,
dataclasses out).

The aggregate queries are in ``repo_labor_totals``; literacy evaluations and their corrections
in ``repo_labor_evaluations``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from app.labor.config import CONFIG_SETTING_KEY, LaborConfig
from app.labor.constants import Category, ParticipationStatus, Setting
from app.labor.models import (
    ActivityFilter,
    EvidenceFile,
    LaborActivity,
    LaborActivityRow,
    Participation,
)
from db.records import (  # insert_many: the bulk create every repository shares
    meta_from_row,
)
from db.repo_settings import get_setting, set_setting

ACTIVITY_COLUMNS = (
    "school_code", "term", "date", "category", "task_group", "project", "setting", "minutes",
    "description", "class_uuid", "organiser",
)  # fmt: skip
PARTICIPATION_COLUMNS = ("activity_uuid", "student_uuid", "status", "minutes", "ratings", "note")
EVIDENCE_COLUMNS = ("activity_uuid", "participation_uuid", "sha256", "file_name", "mime", "size")


# --- configuration -------------------------------------------------------------------------


def get_config(db: Database) -> LaborConfig:
    stored = get_setting(db, CONFIG_SETTING_KEY)
    return LaborConfig.from_json(stored) if isinstance(stored, dict) else LaborConfig()


def save_config(db: Database, config: LaborConfig) -> None:
    set_setting(db, CONFIG_SETTING_KEY, config.to_json())


# --- writing in bulk -----------------------------------------------------------------------


def ratings_json(ratings: Mapping[str, str]) -> str:
    if not ratings:
        return "{}"
    return json.dumps(
        {k: v for k, v in sorted(ratings.items()) if v}, ensure_ascii=False, separators=(",", ":")
    )


def ratings_from_json(text: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in json.loads(text).items()}


# --- reading activities --------------------------------------------------------------------


def activity_from_row(row: Mapping[str, Any]) -> LaborActivity:
    return LaborActivity(
        school_code=row["school_code"],
        term=row["term"],
        date=dt.date.fromisoformat(row["date"]),
        category=Category(row["category"]),
        task_group=row["task_group"],
        project=row["project"],
        setting=Setting(row["setting"]),
        minutes=row["minutes"],
        description=row["description"],
        class_uuid=row["class_uuid"],
        organiser=row["organiser"],
        meta=meta_from_row(row),
    )


def get_activity(db: Database, uuid: str) -> LaborActivity | None:
    rows = list(db.query("SELECT * FROM labor_activities WHERE uuid = ?", [uuid]))
    return activity_from_row(rows[0]) if rows else None


def participation_from_row(row: Mapping[str, Any]) -> Participation:
    return Participation(
        activity_uuid=row["activity_uuid"],
        student_uuid=row["student_uuid"],
        status=ParticipationStatus(row["status"]),
        minutes=row["minutes"],
        ratings=ratings_from_json(row["ratings"]),
        note=row["note"],
        meta=meta_from_row(row),
        student_no=row.get("s_no") or "",
        student_name=row.get("s_name") or "",
        class_name=row.get("c_name") or "",
    )


def participations_of(
    db: Database, activity_uuid: str, *, include_deleted: bool = False
) -> list[Participation]:
    sql = (
        "SELECT p.*, s.student_no AS s_no, s.name AS s_name, c.name AS c_name"
        " FROM labor_participations p JOIN students s ON s.uuid = p.student_uuid"
        " JOIN classes c ON c.uuid = s.class_uuid WHERE p.activity_uuid = ?"
    )
    if not include_deleted:
        sql += " AND p.deleted = 0"
    sql += " ORDER BY c.grade_code, c.class_no, s.student_no"
    return [participation_from_row(r) for r in db.query(sql, [activity_uuid])]


def participation_rows(db: Database, activity_uuid: str) -> dict[str, dict[str, Any]]:
    """student uuid → stored row of the activity's live participations."""
    return {
        r["student_uuid"]: r
        for r in db.query(
            "SELECT * FROM labor_participations WHERE activity_uuid = ? AND deleted = 0",
            [activity_uuid],
        )
    }


def list_activities(db: Database, school_code: str, f: ActivityFilter) -> list[LaborActivityRow]:
    where = ["a.school_code = ?", "a.deleted = 0"]
    params: list[Any] = [school_code]
    simple = (
        ("a.term = ?", f.term),
        ("a.category = ?", f.category.value if f.category else None),
        ("a.setting = ?", f.setting.value if f.setting else None),
        ("a.date >= ?", f.date_from.isoformat() if f.date_from else None),
        ("a.date <= ?", f.date_to.isoformat() if f.date_to else None),
    )
    for clause, value in simple:
        if value is not None:
            where.append(clause)
            params.append(value)
    if f.class_uuid:
        where.append(
            "(a.class_uuid = ? OR a.uuid IN (SELECT p.activity_uuid FROM labor_participations p"
            " JOIN students s ON s.uuid = p.student_uuid WHERE s.class_uuid = ? AND p.deleted = 0))"
        )
        params += [f.class_uuid, f.class_uuid]
    if f.student_uuid:
        where.append(
            "a.uuid IN (SELECT activity_uuid FROM labor_participations"
            " WHERE student_uuid = ? AND deleted = 0)"
        )
        params.append(f.student_uuid)
    if f.text.strip():
        where.append("(a.project LIKE ? OR a.description LIKE ?)")
        params += [f"%{f.text.strip()}%"] * 2
    sql = (
        "SELECT a.*, coalesce(c.name, '') AS c_name,"
        " (SELECT count(*) FROM labor_participations p"
        "   WHERE p.activity_uuid = a.uuid AND p.deleted = 0) AS n_all,"
        " (SELECT count(*) FROM labor_participations p WHERE p.activity_uuid = a.uuid"
        "   AND p.deleted = 0 AND p.status = 'present') AS n_present,"
        " (SELECT count(*) FROM labor_evidence e"
        "   WHERE e.activity_uuid = a.uuid AND e.deleted = 0) AS n_evidence"
        " FROM labor_activities a LEFT JOIN classes c ON c.uuid = a.class_uuid"
        f" WHERE {' AND '.join(where)} ORDER BY a.date DESC, a.project, a.uuid"
    )
    return [
        LaborActivityRow(
            activity_from_row(r), r["c_name"], r["n_all"], r["n_present"], r["n_evidence"]
        )
        for r in db.query(sql, params)
    ]


def find_activity_by_key(
    db: Database, school_code: str, key: tuple[str, str, int, str, str]
) -> dict[str, Any] | None:
    """A live activity with the same (date, category, task group, project, setting)."""
    rows = list(
        db.query(
            "SELECT * FROM labor_activities WHERE school_code = ? AND deleted = 0 AND date = ?"
            " AND category = ? AND task_group = ? AND project = ? AND setting = ?"
            " ORDER BY updated_at LIMIT 1",
            [school_code, *key],
        )
    )
    return rows[0] if rows else None


# --- evidence -------------------------------------------------------------------------------


def evidence_from_row(row: Mapping[str, Any]) -> EvidenceFile:
    return EvidenceFile(
        activity_uuid=row["activity_uuid"],
        participation_uuid=row["participation_uuid"],
        sha256=row["sha256"],
        file_name=row["file_name"],
        mime=row["mime"],
        size=row["size"],
        meta=meta_from_row(row),
    )


def evidence_of(db: Database, activity_uuid: str) -> list[EvidenceFile]:
    return [
        evidence_from_row(r)
        for r in db.query(
            "SELECT * FROM labor_evidence WHERE activity_uuid = ? AND deleted = 0"
            " ORDER BY file_name, uuid",
            [activity_uuid],
        )
    ]


def find_evidence(
    db: Database, activity_uuid: str, participation_uuid: str | None, sha256: str
) -> EvidenceFile | None:
    rows = list(
        db.query(
            "SELECT * FROM labor_evidence WHERE activity_uuid = ? AND participation_uuid IS ?"
            " AND sha256 = ? AND deleted = 0",
            [activity_uuid, participation_uuid, sha256],
        )
    )
    return evidence_from_row(rows[0]) if rows else None


def evidence_hashes(db: Database) -> set[str]:
    return {
        r[0] for r in db.execute("SELECT DISTINCT sha256 FROM labor_evidence WHERE deleted = 0")
    }


def student_grades(db: Database, school_code: str, uuids: Sequence[str]) -> dict[str, int]:
    """student uuid → grade code of the live students of the school among ``uuids``."""
    found: dict[str, int] = {}
    for start in range(0, len(uuids), 500):
        chunk = list(uuids[start : start + 500])
        found.update(
            (r[0], r[1])
            for r in db.execute(
                "SELECT s.uuid, c.grade_code FROM students s JOIN classes c ON c.uuid = s.class_uuid"
                f" WHERE s.school_code = ? AND s.deleted = 0 AND s.uuid IN ({', '.join('?' * len(chunk))})",
                [school_code, *chunk],
            )
        )
    return found
