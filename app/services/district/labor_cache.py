"""The per-student labor minutes cache (``district_labor_minutes``, see ``caches``): per term,
school and student, the minutes of present participations in live activities by setting and by
category, with the student's class and its grade when the cache was built."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from sqlite_utils import Database

from app.labor.constants import Category, Setting

SETTING_COLUMNS: Final = tuple(s.value for s in Setting)
CATEGORY_COLUMNS: Final = tuple(c.value for c in Category)
MINUTE_COLUMNS: Final = (*SETTING_COLUMNS, *CATEGORY_COLUMNS)


def _sums() -> str:
    settings = [f"TOTAL(CASE WHEN a.setting = '{s}' THEN p.minutes END)" for s in SETTING_COLUMNS]
    cats = [f"TOTAL(CASE WHEN a.category = '{c}' THEN p.minutes END)" for c in CATEGORY_COLUMNS]
    return ", ".join(f"CAST({e} AS INTEGER)" for e in (*settings, *cats))


# Grouped per student and term first, then joined to the student (a lookup per student, not per
# participation). GROUP BY student first: grouped by term first, the planner walked the term
# index through the whole district's activities for every school.
_REBUILD: Final = f"""INSERT INTO district_labor_minutes (school_code, term, student_uuid,
    {", ".join(MINUTE_COLUMNS)}, activities, class_uuid, grade_code)
SELECT g.*, s.class_uuid, c.grade_code
FROM (SELECT a.school_code, a.term, p.student_uuid, {_sums()}, COUNT(*)
      FROM labor_activities a JOIN labor_participations p ON p.activity_uuid = a.uuid
      WHERE a.school_code = ? AND a.deleted = 0 AND p.deleted = 0 AND p.status = 'present'
      GROUP BY p.student_uuid, a.term) g
JOIN students s ON s.uuid = g.student_uuid JOIN classes c ON c.uuid = s.class_uuid"""


def rebuild_labor(db: Database, school_code: str) -> None:
    """Replace one school's rows (inside the caller's transaction)."""
    db.execute("DELETE FROM district_labor_minutes WHERE school_code = ?", [school_code])
    db.execute(_REBUILD, [school_code])


def out_of_class_sql(settings: Sequence[str], alias: str = "m") -> str:
    """The sum of the cached setting columns counted as out-of-class labor (0 for none)."""
    known = [s for s in settings if s in SETTING_COLUMNS]
    return " + ".join(f"{alias}.{s}" for s in known) or "0"
