"""The feedback report the bureau sends back to a school (反馈报告): the school's figures beside
the district's for fitness, value added, labor and arts, then its students below the labor
threshold and its fitness 不及格 students, class by class.

"The district" is every school, whatever its type; a school is compared grade by grade too, so a
九年一贯制 school's 七年级 sits beside the district's 七年级. The figures are those of the
district pages (``district_figures``); computing them once and passing them in (``figures``)
makes a report per school cost two small queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlite_utils import Database

from app.services.bureau_workspace import bureau_profile
from app.services.district.arts import ArtsFigures
from app.services.district.fitness import decisive_where
from app.services.district.labor import LaborFigures, student_rows
from app.services.district.scope import ON_ROLL, SchoolInfo, check_school, district_schools
from app.services.district.workbook import DistrictFigures, district_figures
from app.services.fitness_stats_model import FAILED, GroupStats
from app.services.value_added import ChangeSummary
from app.terms import parse_term
from db import repo_labor

T = TypeVar("T", GroupStats, LaborFigures, ArtsFigures, ChangeSummary)


@dataclass(frozen=True)
class StudentLine:
    student_no: str
    name: str
    value: float | None  # weekly out-of-class minutes (labor) or total score (fitness)
    threshold: int | None  # the weekly threshold (labor)


@dataclass(frozen=True)
class ClassList:
    class_name: str
    grade_code: int
    students: tuple[StudentLine, ...]


@dataclass(frozen=True)
class SchoolFeedback:
    school: SchoolInfo
    bureau_name: str
    term: str
    school_year: str
    labor_days: int
    fitness: tuple[GroupStats, GroupStats]  # (school, district)
    fitness_grades: tuple[tuple[GroupStats, GroupStats | None], ...]
    value_added: tuple[ChangeSummary, ChangeSummary]
    labor: tuple[LaborFigures, LaborFigures]
    labor_grades: tuple[tuple[LaborFigures, LaborFigures | None], ...]
    arts: tuple[ArtsFigures, ArtsFigures]
    arts_grades: tuple[tuple[ArtsFigures, ArtsFigures | None], ...]
    labor_below: tuple[ClassList, ...]
    fitness_failing: tuple[ClassList, ...]


def _pairs(mine: Sequence[T], district: Sequence[T]) -> tuple[tuple[T, T | None], ...]:
    by_key = {d.key: d for d in district}
    return tuple((m, by_key.get(m.key)) for m in mine)


def _of(groups: Sequence[T], code: str) -> T:
    return next(g for g in groups if g.key == (code,))


def _classes(rows: Sequence[tuple[str, int, StudentLine]]) -> tuple[ClassList, ...]:
    """Rows in class order (name, grade, student) → one list per class."""
    out: dict[str, tuple[int, list[StudentLine]]] = {}
    for name, grade, line in rows:
        out.setdefault(name, (grade, []))[1].append(line)
    return tuple(ClassList(n, g, tuple(lines)) for n, (g, lines) in out.items())


def labor_below(db: Database, school_code: str, term: str, days: int) -> tuple[ClassList, ...]:
    config = repo_labor.get_config(db)
    rows = []
    for r in student_rows(db, term, school_code, days, config):
        _, number, name, _, class_name, grade, _, out, _, threshold = r
        if out * 7 < threshold * days:
            rows.append((class_name, grade, StudentLine(number, name, out * 7 / days, threshold)))
    return _classes(rows)


def fitness_failing(db: Database, school_code: str, school_year: str) -> tuple[ClassList, ...]:
    sql = f"""SELECT c.name, c.grade_code, s.student_no, s.name, t.total_score
FROM students s JOIN classes c ON c.uuid = s.class_uuid
JOIN fitness_tests t ON t.student_uuid = s.uuid AND {decisive_where("t", ":school_year")}
WHERE s.school_code = :school AND s.deleted = 0
  AND s.status IN ({", ".join(f"'{x.value}'" for x in ON_ROLL)})
  AND t.exempt = 0 AND t.level = :failed
ORDER BY c.grade_code, c.class_no, s.student_no"""
    params: dict[str, Any] = {"school": school_code, "school_year": school_year, "failed": FAILED}
    rows = [
        (cname, grade, StudentLine(number, name, total, None))
        for cname, grade, number, name, total in db.execute(sql, params)
    ]
    return _classes(rows)


def school_feedback(
    db: Database,
    school_code: str,
    term: str,
    *,
    figures: DistrictFigures | None = None,
    today: dt.date | None = None,
) -> SchoolFeedback:
    """The report of one school for ``term`` (and its 学年). ``figures`` must be the district's
    figures of that term without a school-type filter (``district_figures``)."""
    code = parse_term(term).code
    schools = district_schools(db)
    check_school(schools, school_code)
    f = figures or district_figures(db, term=code, today=today)
    school = schools[school_code]
    fit, lab, art, va = f.fitness, f.labor, f.arts, f.value_added
    profile = bureau_profile(db)
    return SchoolFeedback(
        school=school,
        bureau_name=profile.name if profile else "",
        term=code,
        school_year=fit.school_year,
        labor_days=lab.days,
        fitness=(_of(fit.schools, school_code), fit.district.total),
        fitness_grades=_pairs(
            fit.school_view(school_code, school.name).grades, fit.district.grades
        ),
        value_added=(_of(va.schools, school_code), va.district),
        labor=(_of(lab.schools, school_code), lab.district),
        labor_grades=_pairs(lab.school_grades(school_code), lab.district_grades),
        arts=(_of(art.schools, school_code), art.district),
        arts_grades=_pairs(art.school_grades(school_code), art.district_grades),
        labor_below=labor_below(db, school_code, code, lab.days),
        fitness_failing=fitness_failing(db, school_code, fit.school_year),
    )
