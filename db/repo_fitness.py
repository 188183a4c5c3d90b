"""体质健康测试 records (table ``fitness_tests``): one per student, 学年 and attempt.

Rows in, ``FitnessTest`` out. Single writes go through ``db.records``; the bulk paths (import,
demo, recompute) write the same meta columns and audit entries with ``executemany``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlite_utils import Database

from app.models import RecordMeta
from db.records import (
    BULK_SOURCE,
    AuditEntry,
    append_audit,
    audit_created,
    insert_record,
    meta_from_row,
    now_utc,
    update_record,
)

TABLE: Final = "fitness_tests"
ATTEMPT_FIRST: Final = "first"
ATTEMPT_RETEST: Final = "retest"
ATTEMPTS: Final = (ATTEMPT_FIRST, ATTEMPT_RETEST)
# Named like the scoring engine's input keys (app.scoring.fitness_ranges.IMPORT_RANGES), in the
# national upload's column order; times in seconds.
MEASUREMENT_COLUMNS: Final = (
    "height_cm",
    "weight_kg",
    "vital_capacity",
    "run_50m",
    "sit_and_reach",
    "rope_skip_1min",
    "sit_up_1min",
    "shuttle_50m_x8",
    "standing_long_jump",
    "pull_up",
    "run_1000m",
    "run_800m",
)
CACHE_COLUMNS: Final = ("bmi", "standard_score", "bonus_total", "total_score", "level")
CONTENT_COLUMNS: Final = (
    "student_uuid",
    "school_year",
    "attempt",
    "test_date",
    "grade_code",
    *MEASUREMENT_COLUMNS,
    "absent_items",
    "exempt",
    "exempt_reason",
    *CACHE_COLUMNS,
)
_INSERT: Final = (
    f"INSERT INTO {TABLE} (uuid, {', '.join(CONTENT_COLUMNS)}, revision, updated_at, updated_by,"
    f" deleted) VALUES ({', '.join('?' * (len(CONTENT_COLUMNS) + 1))}, 1, ?, ?, 0)"
)
_UPDATE: Final = (
    f"UPDATE {TABLE} SET {', '.join(f'{c} = ?' for c in CONTENT_COLUMNS)},"
    " revision = revision + 1, updated_at = ?, updated_by = ? WHERE uuid = ?"
)


@dataclass(frozen=True, slots=True)
class FitnessTest:
    """One stored attempt. ``values`` maps every measurement key to its number or None."""

    student_uuid: str
    school_year: str
    attempt: str
    test_date: str | None  # ISO date
    grade_code: int  # the grade at test time
    values: Mapping[str, float | None]
    absent_items: frozenset[str]
    exempt: bool
    exempt_reason: str
    bmi: float | None
    standard_score: float | None
    bonus_total: int | None
    total_score: float | None
    level: str | None
    meta: RecordMeta

    @property
    def uuid(self) -> str:
        return self.meta.uuid


def absent_text(items: Iterable[str]) -> str:
    """The stored form of the absent items: a canonical JSON list, sorted."""
    return json.dumps(sorted(set(items)), ensure_ascii=False, separators=(",", ":"))


def fitness_test_from_row(row: Mapping[str, Any]) -> FitnessTest:
    return FitnessTest(
        student_uuid=row["student_uuid"],
        school_year=row["school_year"],
        attempt=row["attempt"],
        test_date=row["test_date"],
        grade_code=row["grade_code"],
        values={k: row[k] for k in MEASUREMENT_COLUMNS},
        absent_items=frozenset(json.loads(row["absent_items"] or "[]")),
        exempt=bool(row["exempt"]),
        exempt_reason=row["exempt_reason"],
        bmi=row["bmi"],
        standard_score=row["standard_score"],
        bonus_total=row["bonus_total"],
        total_score=row["total_score"],
        level=row["level"],
        meta=meta_from_row(row),
    )


def content_of(test: FitnessTest) -> dict[str, Any]:
    """The content columns of a stored test, as stored."""
    return {
        "student_uuid": test.student_uuid,
        "school_year": test.school_year,
        "attempt": test.attempt,
        "test_date": test.test_date,
        "grade_code": test.grade_code,
        **{k: test.values.get(k) for k in MEASUREMENT_COLUMNS},
        "absent_items": absent_text(test.absent_items),
        "exempt": int(test.exempt),
        "exempt_reason": test.exempt_reason,
        "bmi": test.bmi,
        "standard_score": test.standard_score,
        "bonus_total": test.bonus_total,
        "total_score": test.total_score,
        "level": test.level,
    }


def find_test(
    db: Database, student_uuid: str, school_year: str, attempt: str
) -> FitnessTest | None:
    rows = list(
        db.query(
            f"SELECT * FROM {TABLE} WHERE student_uuid = ? AND school_year = ? AND attempt = ?"
            " AND deleted = 0",
            [student_uuid, school_year, attempt],
        )
    )
    return fitness_test_from_row(rows[0]) if rows else None


def tests_for_class(db: Database, class_uuid: str, school_year: str) -> list[FitnessTest]:
    """The live tests of the year of every student now in the class."""
    sql = (
        f"SELECT t.* FROM {TABLE} t JOIN students s ON s.uuid = t.student_uuid"
        " WHERE s.class_uuid = ? AND t.school_year = ? AND t.deleted = 0"
    )
    return [fitness_test_from_row(r) for r in db.query(sql, [class_uuid, school_year])]


def tests_for_year(db: Database, school_code: str, school_year: str) -> list[FitnessTest]:
    """The live tests of the year of the school's students (any status)."""
    sql = (
        f"SELECT t.* FROM {TABLE} t JOIN students s ON s.uuid = t.student_uuid"
        " WHERE s.school_code = ? AND t.school_year = ? AND t.deleted = 0"
    )
    return [fitness_test_from_row(r) for r in db.query(sql, [school_code, school_year])]


def iter_live_tests(db: Database) -> Iterator[tuple[FitnessTest, str]]:
    """Every live test with its student's sex (for a recompute of the cached scores)."""
    sql = (
        f"SELECT t.*, s.sex AS s_sex FROM {TABLE} t JOIN students s ON s.uuid = t.student_uuid"
        " WHERE t.deleted = 0 ORDER BY t.uuid"
    )
    for row in db.query(sql):
        yield fitness_test_from_row(row), row["s_sex"]


def insert_test(db: Database, content: Mapping[str, Any], actor: str) -> str:
    return insert_record(db, TABLE, content, actor)


def update_test(db: Database, uuid: str, changes: Mapping[str, Any], actor: str) -> bool:
    return update_record(db, TABLE, uuid, changes, actor)


def insert_tests(
    db: Database,
    rows: Sequence[tuple[str, Mapping[str, Any]]],
    actor: str,
    *,
    source: str = BULK_SOURCE,
) -> None:
    """Insert new tests in bulk: (uuid, content columns) each; revision 1; audited by one
    ``create_many`` entry naming ``source``."""
    if not rows:
        return
    at = now_utc()
    db.conn.executemany(
        _INSERT, [(uuid, *(c[k] for k in CONTENT_COLUMNS), at, actor) for uuid, c in rows]
    )
    audit_created(db, actor, TABLE, [uuid for uuid, _ in rows], source)


@dataclass(frozen=True)
class FitnessUpdate:
    uuid: str
    values: Mapping[str, Any]  # every content column as it will be stored
    old: Mapping[str, Any]  # changed columns, stored values
    new: Mapping[str, Any]  # changed columns, new values


def update_tests(db: Database, updates: Sequence[FitnessUpdate], actor: str) -> None:
    """Rewrite changed tests in bulk (revision + 1), auditing old → new of the changed columns."""
    if not updates:
        return
    at = now_utc()
    db.conn.executemany(
        _UPDATE, [(*(u.values[k] for k in CONTENT_COLUMNS), at, actor, u.uuid) for u in updates]
    )
    append_audit(db, actor, [AuditEntry(TABLE, u.uuid, "update", u.old, u.new) for u in updates])


def changed_columns(
    old: Mapping[str, Any], new: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(old, new) restricted to the content columns that differ."""
    keys = [k for k in CONTENT_COLUMNS if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}
