"""The district caches (migration 0008): when they are stale and how they are brought up to date.

Three per-school caches feed the pages that would otherwise read every record of several years
or terms: the per-student labor minutes (``labor_cache``) and the yearly fitness and arts
figures for the trends (``trend_cache``). Freshness follows the audit log, which every write of
a synchronised record extends (school entry, the bureau's merge, a conflict decision):
``district_cache_state`` keeps the audit mark the caches were built at. A refresh rebuilds only
the schools whose students, classes, fitness tests, arts assessments or labor records have
audit entries after that mark, or every school when there is no mark yet or more than
``FULL_REBUILD_AFTER`` changed records to read through (``db.records.changes_after``: reading
them would cost more than the rebuild). The pages that read a cache refresh it first; the UI can also run
``refresh_district_caches`` in the background after an intake, so that they open at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from sqlite_utils import Database

from app.errors import Cancelled
from app.services.district.labor_cache import rebuild_labor
from app.services.district.trend_cache import rebuild_years
from db.records import changes_after, now_utc

CACHE_NAME: Final = "district"
FULL_REBUILD_AFTER: Final = 200_000
Progress = Callable[[int, int], None]
BUILDERS: Final = (rebuild_labor, rebuild_years)
CACHE_TABLES: Final = ("district_labor_minutes", "district_fitness_years", "district_arts_years")

_VIA_STUDENT = """SELECT s.school_code FROM audit_record_changes l JOIN {table} x ON x.uuid = l.record_uuid
    JOIN students s ON s.uuid = x.student_uuid WHERE l.id > :mark AND l.table_name = '{table}'"""
# Schools with records changed after an audit mark, table by table.
_CHANGED: Final = " UNION ".join(
    (
        "SELECT s.school_code FROM audit_record_changes l JOIN students s ON s.uuid = l.record_uuid "
        "WHERE l.id > :mark AND l.table_name = 'students'",
        "SELECT c.school_code FROM audit_record_changes l JOIN classes c ON c.uuid = l.record_uuid "
        "WHERE l.id > :mark AND l.table_name = 'classes'",
        _VIA_STUDENT.format(table="fitness_tests"),
        _VIA_STUDENT.format(table="arts_assessments"),
        "SELECT a.school_code FROM audit_record_changes l JOIN labor_activities a ON a.uuid = l.record_uuid "
        "WHERE l.id > :mark AND l.table_name = 'labor_activities'",
        "SELECT a.school_code FROM audit_record_changes l JOIN labor_participations p "
        "ON p.uuid = l.record_uuid JOIN labor_activities a ON a.uuid = p.activity_uuid "
        "WHERE l.id > :mark AND l.table_name = 'labor_participations'",
    )
)


def audit_mark(db: Database) -> int:
    return int(db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0])


def cached_mark(db: Database) -> int | None:
    row = db.execute(
        "SELECT audit_mark FROM district_cache_state WHERE name = ?", [CACHE_NAME]
    ).fetchone()
    return int(row[0]) if row else None


def stale_schools(db: Database) -> tuple[list[str], int]:
    """(schools to rebuild, the audit mark they are rebuilt at)."""
    mark = audit_mark(db)
    built = cached_mark(db)
    if built is not None and built == mark:
        return [], mark
    if built is None or changes_after(db, built) > FULL_REBUILD_AFTER:
        every = " UNION ".join(f"SELECT school_code FROM {t}" for t in CACHE_TABLES)
        codes = db.execute(f"SELECT school_code FROM students UNION {every}")
    else:
        codes = db.execute(_CHANGED, {"mark": built})
    return sorted({r[0] for r in codes}), mark


def refresh_district_caches(
    db: Database,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Bring the caches up to date; returns how many schools were rebuilt. Each school is its
    own transaction, so a cancelled refresh keeps the schools done (and stays stale)."""
    schools, mark = stale_schools(db)
    for done, code in enumerate(schools):
        if cancelled is not None and cancelled():
            raise Cancelled()
        with db.atomic():
            for build in BUILDERS:
                build(db, code)
        if progress is not None:
            progress(done + 1, len(schools))
    if cached_mark(db) != mark:
        with db.atomic():
            db.execute(
                "INSERT INTO district_cache_state (name, audit_mark, refreshed_at) VALUES (?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET audit_mark = excluded.audit_mark,"
                " refreshed_at = excluded.refreshed_at",
                [CACHE_NAME, mark, now_utc()],
            )
    return len(schools)
