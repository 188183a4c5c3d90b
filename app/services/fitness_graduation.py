"""毕业成绩 for students in a graduating grade (六年级, 初三, 高三, 大四).

The rule (国家学生体质健康标准 说明): 毕业当年学年总分 × 50% + 其他学年总分平均得分 × 50%.
"Other years" are the student's earlier years in the same 学段 (a 初三 student's 初一 and 初二, not
their primary-school years), each taken at its decisive attempt (the 补测 when there is one), and
only years with a complete total: exempt and incomplete years have no total to average.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from app.scoring.fitness_score import graduation_score, is_graduating_grade, level_of
from db.repo_fitness import ATTEMPT_RETEST


@dataclass(frozen=True, slots=True)
class Graduation:
    score: float
    level: str
    other_years: tuple[str, ...]  # the school years averaged besides the final one


def graduation_results(
    db: Database, finals: Iterable[tuple[str, int, float]], school_year: str
) -> dict[str, Graduation]:
    """For (student uuid, grade at test, final-year total) of ``school_year``: the 毕业成绩 of
    those in a graduating grade. Students in other grades are left out."""
    wanted = {uuid: (grade, total) for uuid, grade, total in finals if is_graduating_grade(grade)}
    if not wanted:
        return {}
    earlier = _earlier_totals(db, list(wanted), school_year)
    out = {}
    for uuid, (grade, total) in wanted.items():
        years = sorted((y, t) for y, g, t in earlier.get(uuid, ()) if g // 10 == grade // 10)
        score = graduation_score(total, [t for _, t in years])
        out[uuid] = Graduation(score, level_of(score), tuple(y for y, _ in years))
    return out


def _earlier_totals(
    db: Database, students: list[str], school_year: str
) -> dict[str, list[tuple[str, int, float]]]:
    found: dict[str, list[tuple[str, int, float]]] = defaultdict(list)
    for start in range(0, len(students), 500):  # keep under SQLite's parameter limit
        chunk = students[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(
            f"""SELECT t.student_uuid, t.school_year, t.grade_code, t.total_score
            FROM fitness_tests t
            WHERE t.student_uuid IN ({marks}) AND t.deleted = 0 AND t.school_year < ?
              AND t.total_score IS NOT NULL
              AND (t.attempt = ? OR NOT EXISTS (
                  SELECT 1 FROM fitness_tests r
                  WHERE r.student_uuid = t.student_uuid AND r.school_year = t.school_year
                    AND r.attempt = ? AND r.deleted = 0))""",
            [*chunk, school_year, ATTEMPT_RETEST, ATTEMPT_RETEST],
        )
        for uuid, year, grade, total in rows:
            found[uuid].append((year, int(grade), float(total)))
    return found
