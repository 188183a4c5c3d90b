"""Helpers the arts and awards services share: student checks, 学年 ranges, membership lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from app.errors import UserError, ValidationError
from app.i18n import tr
from app.models import StudentStatus
from app.terms import parse_school_year, parse_term
from db.records import insert_many
from db.repo_arts import tombstone_many

ON_ROLL = tuple(s.value for s in StudentStatus if s.is_on_roll)


def school_year_range(school_year: str) -> tuple[dt.date, dt.date]:
    """First and last day of a 学年: 1 September to 31 August."""
    start = int(parse_school_year(school_year)[:4])
    return dt.date(start, 9, 1), dt.date(start + 1, 8, 31)


def checked_term(term: str) -> str:
    return parse_term(term).code


def checked_school_year(school_year: str) -> str:
    return parse_school_year(school_year)


def require_students(db: Database, school_code: str, uuids: Iterable[str]) -> list[str]:
    """The uuids, de-duplicated in order; refuses any that is not an active student of the school."""
    wanted = list(dict.fromkeys(uuids))
    if not wanted:
        return wanted
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            r[0]
            for r in db.execute(
                "SELECT uuid FROM students WHERE school_code = ? AND deleted = 0"
                f" AND uuid IN ({', '.join('?' for _ in chunk)})",
                [school_code, *chunk],
            )
        )
    missing = [u for u in wanted if u not in found]
    if missing:
        raise ValidationError(
            tr("{n} of the chosen students are not students of this school.", n=len(missing)),
            tr("Refresh the list and choose the students again."),
        )
    return wanted


def class_students_on_roll(db: Database, school_code: str, class_uuid: str) -> list[str]:
    """Uuids of the class's students on the roll (在籍, 转入), in 学籍号 order."""
    rows = db.execute(
        "SELECT uuid FROM students WHERE school_code = ? AND class_uuid = ? AND deleted = 0"
        f" AND status IN ({', '.join('?' for _ in ON_ROLL)}) ORDER BY student_no",
        [school_code, class_uuid, *ON_ROLL],
    ).fetchall()
    if (
        not rows
        and db.execute(
            "SELECT 1 FROM classes WHERE uuid = ? AND school_code = ? AND deleted = 0",
            [class_uuid, school_code],
        ).fetchone()
        is None
    ):
        raise UserError(tr("The class no longer exists."), tr("Refresh the list."))
    return [r[0] for r in rows]


def students_on_roll(db: Database, school_code: str) -> int:
    row = db.execute(
        "SELECT count(*) FROM students WHERE school_code = ? AND deleted = 0"
        f" AND status IN ({', '.join('?' for _ in ON_ROLL)})",
        [school_code, *ON_ROLL],
    ).fetchone()
    return int(row[0])


def sync_students(
    db: Database,
    table: str,
    parent: Mapping[str, Any],
    current: Mapping[str, str],
    wanted: Sequence[str],
    actor: str,
) -> tuple[int, int]:
    """Make the active rows of ``table`` under ``parent`` (column → value) be exactly ``wanted``
    students: insert the missing, tombstone the others. ``current``: student uuid → record uuid.
    Returns (added, removed). Call inside ``db.atomic()``."""
    keep = set(wanted)
    added = [s for s in wanted if s not in current]
    removed = [rec for student, rec in current.items() if student not in keep]
    insert_many(db, table, [{**parent, "student_uuid": s} for s in added], actor)
    tombstone_many(db, table, removed, actor)
    return len(added), len(removed)


def add_students(
    db: Database,
    table: str,
    parent: Mapping[str, Any],
    current: Mapping[str, str],
    students: Sequence[str],
    actor: str,
) -> int:
    """Add students not yet under ``parent``; nobody is removed. Returns how many were added."""
    added = [s for s in dict.fromkeys(students) if s not in current]
    insert_many(db, table, [{**parent, "student_uuid": s} for s in added], actor)
    return len(added)
