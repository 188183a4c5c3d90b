"""Workspace settings (key → JSON value), the school profile and terms."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.models import School, SchoolStage, Term
from db.records import insert_record, meta_from_row, update_record


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else default


def set_setting(db: Database, key: str, value: Any) -> None:
    db.execute(
        "INSERT INTO settings(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value, ensure_ascii=False)],
    )


def _school(row: dict[str, Any]) -> School:
    return School(
        code=row["code"],
        name=row["name"],
        district=row["district"],
        stage=SchoolStage(row["stage"]),
        meta=meta_from_row(row),
    )


def list_schools(db: Database) -> list[School]:
    return [_school(r) for r in db.query("SELECT * FROM schools WHERE deleted = 0 ORDER BY code")]


def get_school(db: Database, code: str) -> School | None:
    rows = list(db.query("SELECT * FROM schools WHERE code = ?", [code]))
    return _school(rows[0]) if rows else None


def save_school(
    db: Database, *, code: str, name: str, district: str, stage: SchoolStage, actor: str
) -> School:
    """Create the school, or update its name/district/stage."""
    existing = get_school(db, code)
    values = {"name": name, "district": district, "stage": stage.value}
    if existing is None:
        insert_record(db, "schools", {"code": code, **values}, actor)
    else:
        update_record(db, "schools", existing.meta.uuid, {**values, "deleted": 0}, actor)
    school = get_school(db, code)
    assert school is not None
    return school


def ensure_term(db: Database, term: Term) -> None:
    db.execute(
        "INSERT INTO terms(code, school_year, semester) VALUES(?, ?, ?) ON CONFLICT DO NOTHING",
        [term.code, term.school_year, term.semester],
    )


def list_terms(db: Database) -> list[Term]:
    return [
        Term(code=r["code"], school_year=r["school_year"], semester=r["semester"])
        for r in db.query("SELECT * FROM terms ORDER BY code")
    ]
