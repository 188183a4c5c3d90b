"""The yearly caches behind the trends (``district_fitness_years``, ``district_arts_years``; see
``caches``): per school and 学年, the complete decisive fitness results by the grade at test
time, and the arts assessments with a band by class (placed in a grade when read)."""

from __future__ import annotations

from typing import Final

from sqlite_utils import Database

from app.services.fitness_stats_model import EXCELLENT, FAILED, GOOD
from db.repo_fitness import ATTEMPT_RETEST

# Every student of the school whatever the roster status now (a trend keeps a year's leavers).
_FITNESS: Final = f"""INSERT INTO district_fitness_years (school_code, school_year, grade_code,
    complete, excellent_good, passed, total_sum)
SELECT s.school_code, t.school_year, t.grade_code, COUNT(*),
    COUNT(CASE WHEN t.level IN ('{EXCELLENT}', '{GOOD}') THEN 1 END),
    COUNT(CASE WHEN t.level != '{FAILED}' THEN 1 END), TOTAL(t.total_score)
FROM students s JOIN fitness_tests t ON t.student_uuid = s.uuid
WHERE s.school_code = ? AND s.deleted = 0 AND t.deleted = 0 AND t.exempt = 0
  AND t.total_score IS NOT NULL AND t.level IS NOT NULL
  AND (t.attempt = '{ATTEMPT_RETEST}' OR NOT EXISTS (SELECT 1 FROM fitness_tests r
       WHERE r.school_year = t.school_year AND r.student_uuid = t.student_uuid
         AND r.attempt = '{ATTEMPT_RETEST}' AND r.deleted = 0))
GROUP BY t.school_year, t.grade_code"""
_ARTS: Final = """INSERT INTO district_arts_years (school_code, school_year, class_uuid, band,
    students)
SELECT s.school_code, a.school_year, s.class_uuid, a.band, COUNT(*)
FROM students s JOIN arts_assessments a ON a.student_uuid = s.uuid
WHERE s.school_code = ? AND s.deleted = 0 AND a.deleted = 0 AND a.band IS NOT NULL
GROUP BY a.school_year, s.class_uuid, a.band"""


def rebuild_years(db: Database, school_code: str) -> None:
    """Replace one school's rows of both yearly caches (inside the caller's transaction)."""
    for table, insert in (("district_fitness_years", _FITNESS), ("district_arts_years", _ARTS)):
        db.execute(f"DELETE FROM {table} WHERE school_code = ?", [school_code])
        db.execute(insert, [school_code])
