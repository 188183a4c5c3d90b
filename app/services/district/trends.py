"""Year-over-year trends of the district (and of one school beside it): fitness 优良率, 及格率
and mean total per 学年, arts bands per 学年, labor minutes per week per term.

A trend counts every student with a record of that year or term, whatever their roster status
now (a past year keeps its graduates and students who left), unlike the one-year pages, which
follow the roll now. Fitness: the decisive complete results of the year by the grade at test
time. Arts: the year's assessments with a band, by the grade the class had that year. Labor:
the students with labor recorded in the term (present at least once), their out-of-class
minutes per week over the term's period and whether they met the threshold of their grade
(the class's grade when the cache was built). All three read the per-school caches
(``caches``): joining every test and assessment of every year to its student took ~2.5 s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlite_utils import Database

from app.arts.config import BANDS
from app.services.district.caches import refresh_district_caches
from app.services.district.labor import term_days, threshold_case
from app.services.district.labor_cache import out_of_class_sql
from app.services.district.scope import (
    SchoolType,
    analytics_cache,
    check_school,
    class_places,
    district_schools,
    grade_sql,
    grades_of,
    schools_of_type,
)
from db import repo_labor


@dataclass
class YearTrend:
    school_year: str
    fitness_complete: int = 0  # students with a complete decisive result
    excellent_good: int = 0
    passed: int = 0
    total_sum: float = 0.0
    arts_assessed: int = 0
    arts_bands: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))

    @property
    def excellent_good_rate(self) -> float | None:
        return self.excellent_good / self.fitness_complete if self.fitness_complete else None

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.fitness_complete if self.fitness_complete else None

    @property
    def mean_total(self) -> float | None:
        return self.total_sum / self.fitness_complete if self.fitness_complete else None

    def band_rate(self, band: str) -> float | None:
        return self.arts_bands[band] / self.arts_assessed if self.arts_assessed else None


@dataclass
class TermTrend:
    term: str
    days: int
    students: int = 0  # with labor recorded in the term
    out_of_class: int = 0
    meeting: int = 0

    @property
    def weekly_out_of_class(self) -> float | None:
        return self.out_of_class * 7 / self.days / self.students if self.students else None

    @property
    def meeting_share(self) -> float | None:
        return self.meeting / self.students if self.students else None


@dataclass(frozen=True)
class DistrictTrends:
    school_type: SchoolType | None
    school_code: str | None
    years: tuple[YearTrend, ...]  # the district, oldest first
    terms: tuple[TermTrend, ...]
    school_years: tuple[YearTrend, ...] = ()  # the chosen school
    school_terms: tuple[TermTrend, ...] = ()


def _years(
    db: Database, school_type: SchoolType | None, schools: Mapping[str, object]
) -> dict[tuple[str, str], YearTrend]:
    """(school year, school) → the year's figures, from the yearly caches."""
    out: dict[tuple[str, str], YearTrend] = {}
    wanted = set(grades_of(school_type))
    for school, year, grade, n, good, passed, total in db.execute(
        "SELECT school_code, school_year, grade_code, complete, excellent_good, passed, "
        "total_sum FROM district_fitness_years"
    ):
        if school in schools and grade in wanted:
            trend = out.setdefault((year, school), YearTrend(year))
            trend.fitness_complete += n
            trend.excellent_good += good
            trend.passed += passed
            trend.total_sum += total
    places: dict[str, dict[str, tuple[str, int | None]]] = {}
    for school, year, klass, band, n in db.execute(
        "SELECT school_code, school_year, class_uuid, band, students FROM district_arts_years"
    ):
        if year not in places:
            places[year] = class_places(db, year)
        grade = places[year].get(klass, ("", None))[1]
        if school in schools and grade in wanted:
            trend = out.setdefault((year, school), YearTrend(year))
            trend.arts_assessed += n
            trend.arts_bands[band] += n
    return out


def _terms(
    db: Database,
    school_type: SchoolType | None,
    schools: Mapping[str, object],
    today: dt.date | None,
) -> dict[tuple[str, str], TermTrend]:
    """(term, school) → the term's labor figures, from the per-student cache."""
    config = repo_labor.get_config(db)
    out_min = out_of_class_sql([s.value for s in config.out_of_class_settings])
    days = {t: term_days(db, t, today)[2] for (t,) in db.execute(
        "SELECT DISTINCT term FROM district_labor_minutes")}  # fmt: skip
    if not days:
        return {}
    day_case = " ".join(f"WHEN '{t}' THEN {d}" for t, d in days.items())
    sql = f"""SELECT m.term, m.school_code, COUNT(*), TOTAL({out_min}),
    COUNT(CASE WHEN ({out_min}) * 7 >= {threshold_case(config, "m.grade_code")}
        * (CASE m.term {day_case} END) THEN 1 END)
FROM district_labor_minutes m
WHERE {grade_sql("m.grade_code", school_type)}
GROUP BY m.term, m.school_code"""
    out: dict[tuple[str, str], TermTrend] = {}
    for term, school, n, minutes, meeting in db.execute(sql):
        if school in schools:
            out[(term, school)] = TermTrend(term, days[term], n, int(minutes), meeting)
    return out


def _sum_years(
    found: Mapping[tuple[str, str], YearTrend], school: str | None
) -> tuple[YearTrend, ...]:
    years: dict[str, YearTrend] = {}
    for (year, code), t in found.items():
        if school is None or code == school:
            y = years.setdefault(year, YearTrend(year))
            y.fitness_complete += t.fitness_complete
            y.excellent_good += t.excellent_good
            y.passed += t.passed
            y.total_sum += t.total_sum
            y.arts_assessed += t.arts_assessed
            for band, n in t.arts_bands.items():
                y.arts_bands[band] += n
    return tuple(years[y] for y in sorted(years))


def _sum_terms(
    found: Mapping[tuple[str, str], TermTrend], school: str | None
) -> tuple[TermTrend, ...]:
    terms: dict[str, TermTrend] = {}
    for (term, code), t in found.items():
        if school is None or code == school:
            x = terms.setdefault(term, TermTrend(term, t.days))
            x.students += t.students
            x.out_of_class += t.out_of_class
            x.meeting += t.meeting
    return tuple(terms[t] for t in sorted(terms))


def district_trends(
    db: Database,
    *,
    school_type: SchoolType | None = None,
    school_code: str | None = None,
    today: dt.date | None = None,
) -> DistrictTrends:
    """Every school year (fitness, arts) and term (labor) the database holds, oldest first."""
    schools = schools_of_type(district_schools(db), school_type)
    check_school(schools, school_code)
    refresh_district_caches(db)
    with analytics_cache(db):
        years = _years(db, school_type, schools)
        terms = _terms(db, school_type, schools, today)
    return DistrictTrends(
        school_type=school_type,
        school_code=school_code,
        years=_sum_years(years, None),
        terms=_sum_terms(terms, None),
        school_years=_sum_years(years, school_code) if school_code else (),
        school_terms=_sum_terms(terms, school_code) if school_code else (),
    )
