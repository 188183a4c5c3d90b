"""美育 across the district: assessment bands, activity participation, specialties and awards.

For a 学年 and the students on roll now, by the grade their class had that year:

* bands (优秀/良好/合格/不合格) over the assessments with a band (every sub-score entered), the
  mean total over the same; ``assessed`` counts them;
* participation: students taking part in at least one live arts activity of a term of the year,
  over the students on roll;
* specialties: the year's specialty records of those students, by group and category, and how
  many students have one;
* awards: the school's live arts awards dated in the year (1 September – 31 August), by level.
  Awards belong to the school, not to a grade: with a school type they are those of the schools
  of that type, and a grade has none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from sqlite_utils import Database

from app.arts.config import BANDS
from app.arts.constants import AwardDomain, AwardLevel
from app.i18n import tr
from app.services.arts_common import school_year_range
from app.services.district.scope import (
    ON_ROLL,
    SchoolType,
    analytics_cache,
    check_school,
    class_places,
    district_schools,
    grades_of,
    ordered_grades,
    schools_of_type,
    status_list,
)
from app.services.fitness_values import grade_label
from app.terms import parse_school_year

LEVELS: Final = tuple(level.value for level in AwardLevel)


@dataclass
class ArtsAcc:
    students: int = 0
    assessed: int = 0
    total_sum: int = 0
    participants: int = 0
    with_specialty: int = 0
    bands: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))
    specialties: Counter[str] = field(default_factory=Counter)  # group → records
    awards: Counter[str] = field(default_factory=Counter)  # level → awards

    def add(self, other: ArtsAcc) -> None:
        for name in ("students", "assessed", "total_sum", "participants", "with_specialty"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for band, n in other.bands.items():
            self.bands[band] += n
        self.specialties.update(other.specialties)
        self.awards.update(other.awards)


@dataclass(frozen=True)
class ArtsFigures:
    key: tuple[Any, ...]
    label: str
    students: int
    assessed: int
    band_counts: Mapping[str, int]  # every band of BANDS
    total_sum: int
    participants: int
    with_specialty: int
    specialties: Mapping[str, int]  # specialty group → records
    awards: Mapping[str, int]  # award level → awards (school groups only)

    def band_rate(self, band: str) -> float | None:
        return self.band_counts[band] / self.assessed if self.assessed else None

    @property
    def excellent_good_rate(self) -> float | None:
        if not self.assessed:
            return None
        return (self.band_counts["excellent"] + self.band_counts["good"]) / self.assessed

    @property
    def mean_total(self) -> float | None:
        return self.total_sum / self.assessed if self.assessed else None

    @property
    def participation_rate(self) -> float | None:
        return self.participants / self.students if self.students else None

    @property
    def specialty_rate(self) -> float | None:
        return self.with_specialty / self.students if self.students else None


def freeze(acc: ArtsAcc, key: tuple[Any, ...], label: str) -> ArtsFigures:
    return ArtsFigures(key, label, acc.students, acc.assessed, dict(acc.bands), acc.total_sum,
                       acc.participants, acc.with_specialty, dict(acc.specialties),
                       {level: acc.awards[level] for level in LEVELS})  # fmt: skip


@dataclass(frozen=True)
class DistrictArts:
    school_year: str
    school_type: SchoolType | None
    school_code: str | None
    district: ArtsFigures
    district_grades: tuple[ArtsFigures, ...]
    schools: tuple[ArtsFigures, ...]  # each school (only the chosen one with ``school_code``)
    grades: tuple[ArtsFigures, ...]  # the chosen school's grades (else the district's)
    categories: Mapping[tuple[str, str], int]  # (group, category) → records, of the scope
    cells: Mapping[tuple[str, int], ArtsAcc] = field(
        default_factory=dict, repr=False, compare=False
    )

    def school_grades(self, school_code: str) -> tuple[ArtsFigures, ...]:
        """Any school's grades, from the cells already counted."""
        return _grades(self.cells, school_code)


_ON_ROLL = f"s.deleted = 0 AND s.status IN ({status_list(ON_ROLL)})"
_BANDS = ", ".join(f"COUNT(CASE WHEN a.band = '{b}' THEN 1 END)" for b in BANDS)
# Grouped by class alone, which is the order of the students_class index (no sort by school),
# and mapped to school and grade once per class afterwards. Three queries: the same counts as
# CASE … IN (…) columns of one query took 40 % longer.
_ASSESSED = f"""SELECT s.class_uuid, COUNT(*), COUNT(a.band),
    TOTAL(CASE WHEN a.band IS NOT NULL THEN a.total END), {_BANDS}
FROM students s LEFT JOIN arts_assessments a
    ON a.student_uuid = s.uuid AND a.school_year = :school_year AND a.deleted = 0
WHERE {_ON_ROLL} GROUP BY s.class_uuid"""
# A year has few activities: read them one by one with their participants (CROSS JOIN).
_PARTICIPANTS = f"""SELECT s.class_uuid, COUNT(*) FROM students s
WHERE {_ON_ROLL} AND s.uuid IN (SELECT p.student_uuid FROM arts_activities v
    CROSS JOIN arts_activity_participants p ON p.activity_uuid = v.uuid
    WHERE v.term IN (:term1, :term2) AND v.deleted = 0 AND p.deleted = 0)
GROUP BY s.class_uuid"""
_SPECIALISTS = f"""SELECT s.class_uuid, COUNT(*) FROM students s
WHERE {_ON_ROLL} AND s.uuid IN (SELECT student_uuid FROM arts_specialties
    WHERE school_year = :school_year AND deleted = 0)
GROUP BY s.class_uuid"""
_SPECIALTIES = f"""SELECT s.class_uuid, sp.category_group, sp.category, COUNT(*)
FROM arts_specialties sp JOIN students s ON s.uuid = sp.student_uuid
WHERE sp.school_year = :school_year AND sp.deleted = 0 AND {_ON_ROLL}
GROUP BY 1, 2, 3"""


def arts_cells(
    db: Database, year: str, school_type: SchoolType | None
) -> tuple[dict[tuple[str, int], ArtsAcc], Counter[tuple[str, str, str]]]:
    """School × grade → counts, and (school, group, category) → specialty records."""
    classes = class_places(db, year)
    wanted = set(grades_of(school_type))
    params = {"school_year": year, "term1": f"{year}-1", "term2": f"{year}-2"}
    cells: dict[tuple[str, int], ArtsAcc] = {}

    def cell(klass: str) -> ArtsAcc | None:
        school, grade = classes.get(klass, ("", None))
        if grade is None or grade not in wanted:
            return None
        return cells.setdefault((school, grade), ArtsAcc())

    for klass, n, assessed, total, *bands in db.execute(_ASSESSED, params):
        if (acc := cell(klass)) is not None:
            acc.add(ArtsAcc(n, assessed, int(total), bands=dict(zip(BANDS, bands, strict=True))))
    for klass, n in db.execute(_PARTICIPANTS, params):
        if (acc := cell(klass)) is not None:
            acc.participants += n
    for klass, n in db.execute(_SPECIALISTS, params):
        if (acc := cell(klass)) is not None:
            acc.with_specialty += n
    categories: Counter[tuple[str, str, str]] = Counter()
    for klass, group, category, n in db.execute(_SPECIALTIES, params):
        if (acc := cell(klass)) is not None:
            acc.specialties[group] += n
            categories[(classes[klass][0], group, category)] += n
    return cells, categories


def award_counts(db: Database, year: str) -> dict[str, Counter[str]]:
    start, end = school_year_range(year)
    out: dict[str, Counter[str]] = {}
    for school, level, n in db.execute(
        "SELECT school_code, level, COUNT(*) FROM awards WHERE domain = ? AND deleted = 0 "
        "AND date BETWEEN ? AND ? GROUP BY school_code, level",
        [AwardDomain.ARTS.value, start.isoformat(), end.isoformat()],
    ):
        out.setdefault(school, Counter())[level] = n
    return out


def district_arts(
    db: Database,
    school_year: str,
    *,
    school_type: SchoolType | None = None,
    school_code: str | None = None,
) -> DistrictArts:
    year = parse_school_year(school_year)
    schools = schools_of_type(district_schools(db), school_type)
    check_school(schools, school_code)
    with analytics_cache(db):
        cells, categories = arts_cells(db, year, school_type)
        awards = award_counts(db, year)
    per_school: dict[str, ArtsAcc] = {}
    for (school, _), acc in cells.items():
        per_school.setdefault(school, ArtsAcc()).add(acc)
    district = ArtsAcc()
    for code in schools:
        mine = per_school.setdefault(code, ArtsAcc())
        mine.awards.update(awards.get(code, Counter()))
        district.add(mine)
    shown = [school_code] if school_code else list(schools)
    scope: Counter[tuple[str, str]] = Counter()
    for (school, group, category), n in categories.items():
        if school in schools and (school_code is None or school == school_code):
            scope[(group, category)] += n
    return DistrictArts(
        school_year=year,
        school_type=school_type,
        school_code=school_code,
        district=freeze(district, (), tr("District")),
        district_grades=_grades(cells, None),
        schools=tuple(freeze(per_school[c], (c,), schools[c].name) for c in shown),
        grades=_grades(cells, school_code),
        categories=dict(sorted(scope.items(), key=lambda kv: (-kv[1], kv[0]))),
        cells=cells,
    )


def _grades(
    cells: Mapping[tuple[str, int], ArtsAcc], school: str | None
) -> tuple[ArtsFigures, ...]:
    grades: dict[int, ArtsAcc] = {}
    for (code, grade), acc in cells.items():
        if school is None or code == school:
            grades.setdefault(grade, ArtsAcc()).add(acc)
    return tuple(freeze(grades[g], (g,), grade_label(g)) for g in ordered_grades(grades))
