"""School-level arts records: 一校一品 programmes, clubs and interest groups with their members
per 学年, and the annual 艺术教育工作自评."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.arts.constants import ProgrammeField, ProgrammeKind
from app.arts.models import Programme
from db.records import meta_from_row

_PROGRAMME_SELECT = (
    "SELECT p.*, (SELECT count(*) FROM programme_members m WHERE m.programme_uuid = p.uuid"
    " AND m.deleted = 0 AND m.school_year = :school_year) AS n_members FROM school_programmes p"
)


def programme_from_row(r: dict[str, Any]) -> Programme:
    return Programme(
        school_code=r["school_code"],
        kind=ProgrammeKind(r["kind"]),
        field=ProgrammeField(r["field"]),
        name=r["name"],
        project=r["project"],
        description=r["description"],
        adviser=r["adviser"],
        meta=meta_from_row(r),
        members=r.get("n_members") or 0,
    )


def list_programmes(
    db: Database, school_code: str, school_year: str, kinds: tuple[ProgrammeKind, ...] = ()
) -> list[Programme]:
    """Active programmes, with their member count in ``school_year``."""
    sql = _PROGRAMME_SELECT + " WHERE p.school_code = :school_code AND p.deleted = 0"
    params: dict[str, Any] = {"school_code": school_code, "school_year": school_year}
    if kinds:
        names = [f"k{i}" for i in range(len(kinds))]
        sql += f" AND p.kind IN ({', '.join(':' + n for n in names)})"
        params.update({n: k.value for n, k in zip(names, kinds, strict=True)})
    return [programme_from_row(r) for r in db.query(sql + " ORDER BY p.kind, p.name", params)]


def get_programme(db: Database, uuid: str, school_year: str = "") -> Programme | None:
    rows = list(
        db.query(
            _PROGRAMME_SELECT + " WHERE p.uuid = :uuid", {"uuid": uuid, "school_year": school_year}
        )
    )
    return programme_from_row(rows[0]) if rows else None


def find_programme(db: Database, school_code: str, kind: ProgrammeKind, name: str) -> str | None:
    row = db.execute(
        "SELECT uuid FROM school_programmes WHERE school_code = ? AND kind = ? AND name = ?"
        " AND deleted = 0",
        [school_code, kind.value, name],
    ).fetchone()
    return str(row[0]) if row else None


def active_members(db: Database, programme_uuid: str, school_year: str) -> dict[str, str]:
    """student uuid → member record uuid."""
    return {
        r[0]: r[1]
        for r in db.execute(
            "SELECT student_uuid, uuid FROM programme_members WHERE programme_uuid = ?"
            " AND school_year = ? AND deleted = 0",
            [programme_uuid, school_year],
        )
    }


def students_in_groups(db: Database, school_code: str, school_year: str) -> int:
    """Distinct students of the school in any programme, club or arts activity that 学年."""
    row = db.execute(
        "SELECT count(DISTINCT student_uuid) FROM ("
        " SELECT m.student_uuid FROM programme_members m JOIN school_programmes p"
        "  ON p.uuid = m.programme_uuid WHERE p.school_code = :s AND m.school_year = :y"
        "  AND m.deleted = 0 AND p.deleted = 0"
        " UNION ALL"
        " SELECT ap.student_uuid FROM arts_activity_participants ap JOIN arts_activities a"
        "  ON a.uuid = ap.activity_uuid WHERE a.school_code = :s AND substr(a.term, 1, 9) = :y"
        "  AND ap.deleted = 0 AND a.deleted = 0)",
        {"s": school_code, "y": school_year},
    ).fetchone()
    return int(row[0])


def self_evaluation_row(db: Database, school_code: str, school_year: str) -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT * FROM arts_self_evaluations WHERE school_code = ? AND school_year = ?"
            " AND deleted = 0",
            [school_code, school_year],
        )
    )
    if not rows:
        return None
    row = rows[0]
    row["sections"] = json.loads(row["sections"])
    row["weights"] = json.loads(row["weights"])
    return row
