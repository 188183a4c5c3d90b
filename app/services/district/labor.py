"""劳动教育 across the district: out-of-class and home labor per student per week against the
thresholds, the share of students meeting them, and the mix of the three categories.

The rules of the school report (``labor_totals``), with the bureau's labor configuration:
the term's period is ``term_period`` (configured dates, else 1 Sep–31 Jan / 1 Feb–31 Jul, never
past today) and its length ``days / 7`` weeks; out-of-class minutes are those of present
participations in the configured settings (default 校内, 家庭, 社区); a student meets the
threshold of the 学段 of the class's grade now when ``minutes × 7 ≥ threshold × days``. Students
are those on roll now (在籍, 转入), by their class's grade now. Minutes are counted by the
activity's term (the per-student cache, ``labor_cache``); the category mix is over all minutes
of the term, every setting included. District figures are pooled over the students.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sqlite_utils import Database

from app.i18n import tr
from app.labor.config import LaborConfig
from app.labor.constants import Category, band_of_grade
from app.services.district.caches import refresh_district_caches
from app.services.district.labor_cache import out_of_class_sql
from app.services.district.scope import (
    ON_ROLL,
    SchoolType,
    analytics_cache,
    check_school,
    district_schools,
    grade_sql,
    ordered_grades,
    schools_of_type,
    status_list,
)
from app.services.fitness_values import grade_label
from app.services.labor_totals import term_period
from app.terms import parse_term
from app.validation.codes import ALL_GRADE_CODES
from db import repo_labor

CATEGORIES: Final = tuple(c.value for c in Category)


@dataclass
class LaborAcc:
    students: int = 0
    meeting: int = 0
    out_of_class: int = 0
    total: int = 0
    threshold_sum: int = 0
    by_category: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))

    def add(self, other: LaborAcc) -> None:
        self.students += other.students
        self.meeting += other.meeting
        self.out_of_class += other.out_of_class
        self.total += other.total
        self.threshold_sum += other.threshold_sum
        for c, n in other.by_category.items():
            self.by_category[c] += n


@dataclass(frozen=True)
class LaborFigures:
    key: tuple[Any, ...]
    label: str
    days: int
    students: int  # on roll
    meeting: int  # of them, meeting their threshold
    out_of_class_minutes: int
    total_minutes: int
    threshold_sum: int  # the students' weekly thresholds added up (their mean: ``mean_threshold``)
    by_category: Mapping[str, int]  # minutes, every category of CATEGORIES

    @property
    def weekly_out_of_class(self) -> float | None:
        """Mean out-of-class minutes per student per week."""
        return self.out_of_class_minutes * 7 / self.days / self.students if self.students else None

    @property
    def weekly_total(self) -> float | None:
        return self.total_minutes * 7 / self.days / self.students if self.students else None

    @property
    def mean_threshold(self) -> float | None:
        return self.threshold_sum / self.students if self.students else None

    @property
    def meeting_share(self) -> float | None:
        return self.meeting / self.students if self.students else None

    def category_share(self, category: str) -> float | None:
        return self.by_category[category] / self.total_minutes if self.total_minutes else None


def freeze(acc: LaborAcc, key: tuple[Any, ...], label: str, days: int) -> LaborFigures:
    return LaborFigures(key, label, days, acc.students, acc.meeting, acc.out_of_class, acc.total,
                        acc.threshold_sum, dict(acc.by_category))  # fmt: skip


@dataclass(frozen=True)
class DistrictLabor:
    term: str
    date_from: dt.date
    date_to: dt.date
    days: int
    thresholds: Mapping[int, int]  # 学段 → minutes per week
    school_type: SchoolType | None
    school_code: str | None
    district: LaborFigures
    district_grades: tuple[LaborFigures, ...]
    schools: tuple[LaborFigures, ...]  # each school (only the chosen one with ``school_code``)
    grades: tuple[LaborFigures, ...]  # the chosen school's grades (else the district's)
    cells: Mapping[tuple[str, int], LaborAcc] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def weeks(self) -> float:
        return self.days / 7

    def school_grades(self, school_code: str) -> tuple[LaborFigures, ...]:
        """Any school's grades, from the cells already counted."""
        return grade_figures(self.cells, school_code, self.days)


def threshold_case(config: LaborConfig, column: str) -> str:
    """The weekly threshold of a grade column, as a CASE (grades are few; a join scanned them)."""
    whens = " ".join(
        f"WHEN {g} THEN {config.threshold_for_band(band_of_grade(g))}" for g in ALL_GRADE_CODES
    )
    return f"(CASE {column} {whens} ELSE 0 END)"


def labor_sql(config: LaborConfig, school_type: SchoolType | None, per_student: bool) -> str:
    """Per school × grade (or per student with ``per_student``): on-roll students joined to
    their cached minutes of ``:term``; ``:days`` is the period's length."""
    out = f"coalesce({out_of_class_sql([s.value for s in config.out_of_class_settings])}, 0)"
    cats = [f"coalesce(m.{c}, 0)" for c in CATEGORIES]
    thr = threshold_case(config, "c.grade_code")
    head = "s.uuid, s.student_no, s.name, c.uuid, c.name, c.grade_code, c.class_no"
    if per_student:
        select = f"{head}, {out}, {' + '.join(cats)}, {thr}"
        group = "ORDER BY c.grade_code, c.class_no, s.student_no"
    else:
        select = (
            f"s.school_code, c.grade_code, COUNT(*), "
            f"COUNT(CASE WHEN {out} * 7 >= {thr} * :days THEN 1 END), TOTAL({out}), "
            f"TOTAL({' + '.join(cats)}), TOTAL({thr}), {', '.join(f'TOTAL({x})' for x in cats)}"
        )
        group = "GROUP BY s.school_code, c.grade_code"
    return f"""SELECT {select}
FROM students s JOIN classes c ON c.uuid = s.class_uuid
LEFT JOIN district_labor_minutes m
    ON m.school_code = s.school_code AND m.term = :term AND m.student_uuid = s.uuid
WHERE s.deleted = 0 AND s.status IN ({status_list(ON_ROLL)})
  AND {grade_sql("c.grade_code", school_type)} {"AND s.school_code = :school" if per_student else ""}
{group}"""


def labor_cells(
    db: Database, term: str, days: int, school_type: SchoolType | None, config: LaborConfig
) -> dict[tuple[str, int], LaborAcc]:
    cells: dict[tuple[str, int], LaborAcc] = {}
    for row in db.execute(labor_sql(config, school_type, False), {"term": term, "days": days}):
        school, grade, n, meeting, out, total, thr = row[:7]
        cats = dict(zip(CATEGORIES, (int(v) for v in row[7:]), strict=True))
        cells[(school, grade)] = LaborAcc(n, meeting, int(out), int(total), int(thr), cats)
    return cells


def term_days(db: Database, term: str, today: dt.date | None) -> tuple[dt.date, dt.date, int]:
    start, end = term_period(db, parse_term(term).code, today=today)
    return start, end, (end - start).days + 1


def district_labor(
    db: Database,
    term: str,
    *,
    school_type: SchoolType | None = None,
    school_code: str | None = None,
    today: dt.date | None = None,
) -> DistrictLabor:
    """The term's labor figures of the district's schools of ``school_type``, by school and
    grade; refreshes the per-student cache first when records changed."""
    code = parse_term(term).code
    schools = schools_of_type(district_schools(db), school_type)
    check_school(schools, school_code)
    config = repo_labor.get_config(db)
    start, end, days = term_days(db, code, today)
    refresh_district_caches(db)
    with analytics_cache(db):
        cells = labor_cells(db, code, days, school_type, config)
    per_school: dict[str, LaborAcc] = {}
    district = LaborAcc()
    for (school, _), acc in cells.items():
        per_school.setdefault(school, LaborAcc()).add(acc)
        district.add(acc)
    shown = [school_code] if school_code else list(schools)
    return DistrictLabor(
        term=code,
        date_from=start,
        date_to=end,
        days=days,
        thresholds=dict(config.weekly_out_of_class_minutes),
        school_type=school_type,
        school_code=school_code,
        district=freeze(district, (), tr("District"), days),
        district_grades=grade_figures(cells, None, days),
        schools=tuple(
            freeze(per_school.get(c, LaborAcc()), (c,), schools[c].name, days) for c in shown
        ),
        grades=grade_figures(cells, school_code, days),
        cells=cells,
    )


def grade_figures(
    cells: Mapping[tuple[str, int], LaborAcc], school: str | None, days: int
) -> tuple[LaborFigures, ...]:
    grades: dict[int, LaborAcc] = {}
    for (code, grade), acc in cells.items():
        if school is None or code == school:
            grades.setdefault(grade, LaborAcc()).add(acc)
    return tuple(freeze(grades[g], (g,), grade_label(g), days) for g in ordered_grades(grades))


def student_rows(
    db: Database, term: str, school_code: str, days: int, config: LaborConfig
) -> Sequence[tuple[Any, ...]]:
    """(uuid, 学籍号, name, class uuid, class name, grade, class no, out-of-class minutes, total
    minutes, weekly threshold) of the school's on-roll students, by grade, class, 学籍号."""
    refresh_district_caches(db)
    return db.execute(
        labor_sql(config, None, True), {"term": term, "days": days, "school": school_code}
    ).fetchall()
