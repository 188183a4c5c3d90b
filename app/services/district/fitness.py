"""体质健康 across the district: level distribution, 优良率/及格率, mean total and BMI categories
by school, grade and sex, with the district's figures beside them.

The rules are those of the school statistics (``fitness_stats``/``fitness_stats_model``): the
decisive attempt (the 补测 when there is one), students chosen by their roster status now (on
roll by default), 免测 students in ``exempt`` and in no rate, incomplete results out of the level
rates, BMI categories by the standard's bands compared in tenths, students on roll without a
record as ``untested`` (by the grade their class had in that year). Item scores are not cached, so
the district figures have no per-item means (``GroupStats.items`` is empty): scoring 300,000
students again would take seconds, and the district pages show levels and BMI.

The district figure is pooled (every student of the filtered schools counts once), not a mean
of school rates. One SQL pass over the year's tests makes school × grade × sex cells; every
group is a sum of cells.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlite_utils import Database

from app.i18n import tr
from app.models import StudentStatus
from app.scoring.bmi_category import BMI_CATEGORIES
from app.scoring.fitness_standard import standard
from app.services.district.scope import (
    ON_ROLL,
    SchoolInfo,
    SchoolType,
    analytics_cache,
    check_school,
    district_schools,
    grades_of,
    ordered_grades,
    schools_of_type,
    status_list,
)
from app.services.fitness_stats_model import LEVELS, Accumulator, GroupStats
from app.services.fitness_values import grade_in_year, grade_label, sex_label
from app.services.workspace import current_term
from app.terms import parse_school_year
from db.repo_fitness import ATTEMPT_RETEST

Cell = tuple[str, int, str]  # school code, grade code (of the test year), sex
_SEXES = ("male", "female")


@dataclass(frozen=True)
class FitnessView:
    """A scope's figures (the district, or one school) as a whole and by grade and sex."""

    total: GroupStats
    grades: tuple[GroupStats, ...]
    sexes: tuple[GroupStats, ...]
    grade_sex: tuple[GroupStats, ...]


@dataclass(frozen=True)
class DistrictFitness:
    school_year: str
    school_type: SchoolType | None
    school_code: str | None
    district: FitnessView  # every school of the type: the district's figures
    schools: tuple[GroupStats, ...]  # each school (only the chosen one with ``school_code``)
    school: FitnessView | None  # the chosen school's breakdown
    cells: Mapping[Cell, Accumulator] = field(default_factory=dict, repr=False, compare=False)

    def school_view(self, school_code: str, label: str) -> FitnessView:
        """Any school's breakdown, from the cells already counted."""
        return fitness_view(self.cells, label, school_code)


@cache
def _bmi_case() -> str:
    """The BMI category index (0 低体重 … 3 肥胖) of a row by its grade and sex, as nested CASEs
    (a join to a VALUES table of bands scanned the 32 rows for every test)."""
    tenths = "CAST(round(t.bmi * 10) AS INTEGER)"
    by_grade: dict[int, list[str]] = {}
    for r in standard().rules.values():
        u, n, o = r.bmi_edges
        by_grade.setdefault(r.grade_code, []).append(
            f"WHEN '{r.sex}' THEN CASE WHEN {tenths} <= {u} THEN 0 WHEN {tenths} <= {n} THEN 1 "
            f"WHEN {tenths} <= {o} THEN 2 ELSE 3 END"
        )
    grades = " ".join(
        f"WHEN {g} THEN CASE s.sex {' '.join(parts)} END" for g, parts in sorted(by_grade.items())
    )
    return f"CASE WHEN t.bmi IS NULL OR t.exempt != 0 THEN NULL ELSE CASE t.grade_code {grades} END END"


def decisive_where(alias: str = "t", year_param: str = ":school_year") -> str:
    """Rows of ``fitness_tests {alias}`` that decide their student's year: the 补测, or the first
    test of a student without one (the year's 补测 students are a short list, read once)."""
    a = alias
    return (
        f"{a}.school_year = {year_param} AND {a}.deleted = 0 AND ({a}.attempt = '{ATTEMPT_RETEST}'"
        f" OR {a}.student_uuid NOT IN (SELECT r.student_uuid FROM fitness_tests r WHERE "
        f"r.school_year = {year_param} AND r.attempt = '{ATTEMPT_RETEST}' AND r.deleted = 0))"
    )


def _count(condition: str) -> str:
    """How many rows meet ``condition`` (0, never NULL, for a group of students without tests)."""
    return f"COUNT(CASE WHEN {condition} THEN 1 END)"


def _cells_sql(statuses: Sequence[StudentStatus]) -> str:
    """One row per school × test grade × class grade now × sex: the students on roll and their
    decisive results (a student without one has a NULL test grade: ``untested``)."""
    levels = ", ".join(_count(f"exempt = 0 AND level = :level{i}") for i in range(len(LEVELS)))
    bmi = ", ".join(_count(f"cat = {i}") for i in range(len(BMI_CATEGORIES)))
    return f"""SELECT school_code, test_grade, class_grade, sex, {_count("test_grade IS NULL")},
    {_count("exempt = 0")}, {_count("exempt != 0")}, {_count("exempt = 0 AND total_score IS NULL")},
    TOTAL(CASE WHEN exempt = 0 THEN total_score END), {levels}, {bmi}
FROM (SELECT s.school_code, t.grade_code AS test_grade, c.grade_code AS class_grade, s.sex,
             t.exempt, t.total_score, t.level, {_bmi_case()} AS cat
      FROM students s JOIN classes c ON c.uuid = s.class_uuid
      LEFT JOIN fitness_tests t ON t.student_uuid = s.uuid AND {decisive_where()}
      WHERE s.deleted = 0 AND s.status IN ({status_list(statuses)}))
GROUP BY school_code, test_grade, class_grade, sex"""


def fitness_cells(
    db: Database,
    school_year: str,
    school_type: SchoolType | None = None,
    statuses: Sequence[StudentStatus] = ON_ROLL,
) -> dict[Cell, Accumulator]:
    """School × grade × sex → the counts of ``fitness_stats_model.Accumulator``.

    One pass over the students (tests joined by the live-key index): 25 % faster than the tests
    and the untested students in two queries. The grade is the test's; for a student without a
    result, the grade the class had in that year (``fitness_stats`` does the same).
    """
    params: dict[str, Any] = {"school_year": school_year}
    params.update({f"level{i}": level for i, level in enumerate(LEVELS)})
    current = current_term(db).school_year
    wanted = set(grades_of(school_type))
    cells: dict[Cell, Accumulator] = {}
    n = len(LEVELS)
    for row in db.execute(_cells_sql(statuses), params):
        school, test_grade, class_grade, sex, untested, tested, exempt, incomplete = row[:8]
        grade = test_grade or grade_in_year(class_grade, current, school_year)
        if grade is None or grade not in wanted:  # None: not at school in that year
            continue
        acc = Accumulator(tested=tested, exempt=exempt, incomplete=incomplete,
                          untested=untested, total_sum=row[8])  # fmt: skip
        acc.levels = dict(zip(LEVELS, row[9 : 9 + n], strict=True))
        acc.bmi = dict(zip(BMI_CATEGORIES, row[9 + n :], strict=True))
        cells.setdefault((school, grade, sex), Accumulator()).add(acc)
    return cells


def add_up(
    cells: Mapping[Cell, Accumulator], key: Callable[[Cell], Hashable]
) -> dict[Any, Accumulator]:
    out: dict[Any, Accumulator] = {}
    for cell, acc in cells.items():
        out.setdefault(key(cell), Accumulator()).add(acc)
    return out


def fitness_view(cells: Mapping[Cell, Accumulator], label: str, school: str | None) -> FitnessView:
    """The figures of one school (or of every cell with ``school`` None)."""
    mine = {c: a for c, a in cells.items() if school is None or c[0] == school}
    total = Accumulator()
    for acc in mine.values():
        total.add(acc)
    grades = add_up(mine, lambda c: c[1])
    sexes = add_up(mine, lambda c: c[2])
    pairs = add_up(mine, lambda c: (c[1], c[2]))
    scope = "district" if school is None else "school"
    return FitnessView(
        total=total.freeze(scope, (school,) if school else (), label, item_order=()),
        grades=tuple(
            grades[g].freeze("grade", (g,), grade_label(g), item_order=(), grade_code=g)
            for g in ordered_grades(grades)
        ),
        sexes=tuple(
            sexes[s].freeze("sex", (s,), sex_label(s), item_order=(), sex=s)
            for s in _SEXES
            if s in sexes
        ),
        grade_sex=tuple(
            pairs[(g, s)].freeze("grade_sex", (g, s), f"{grade_label(g)} {sex_label(s)}",
                                 item_order=(), grade_code=g, sex=s)
            for g in ordered_grades(k[0] for k in pairs)
            for s in _SEXES
            if (g, s) in pairs
        ),
    )  # fmt: skip


def school_groups(
    cells: Mapping[Cell, Accumulator], schools: Mapping[str, SchoolInfo]
) -> tuple[GroupStats, ...]:
    """One group per school of ``schools`` (in that order), empty ones included."""
    per = add_up(cells, lambda c: c[0])
    return tuple(
        per.get(code, Accumulator()).freeze("school", (code,), info.name, item_order=())
        for code, info in schools.items()
    )


def district_fitness(
    db: Database,
    school_year: str,
    *,
    school_type: SchoolType | None = None,
    school_code: str | None = None,
    statuses: Sequence[StudentStatus] = ON_ROLL,
) -> DistrictFitness:
    """The year's figures of the district's schools of ``school_type`` (all without one), by
    school, grade and sex; with ``school_code`` also that school's breakdown."""
    year = parse_school_year(school_year)
    schools = schools_of_type(district_schools(db), school_type)
    check_school(schools, school_code)
    with analytics_cache(db):
        cells = fitness_cells(db, year, school_type, statuses)
    shown = {school_code: schools[school_code]} if school_code else schools
    return DistrictFitness(
        school_year=year,
        school_type=school_type,
        school_code=school_code,
        district=fitness_view(cells, tr("District"), None),
        schools=school_groups(cells, shown),
        school=fitness_view(cells, schools[school_code].name, school_code) if school_code else None,
        cells=cells,
    )
