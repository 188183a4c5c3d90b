"""增值评价 across the district: each school's change against the previous 学年.

The rules of the school evaluation (``app.services.value_added``): on-roll students with a
complete decisive result in both years (not exempt, totalled, the 补测 when there is one), the
change of the total rounded to one decimal, "improved" when it is above 0, "moved up" when the
level rose (不及格 < 及格 < 良好 < 优秀); grouped by the grade of the later year. Per-item
changes need item scores, which are not cached, so the district summary has none
(``item_mean_changes`` is empty). One SQL pass joins each student's two decisive results.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.i18n import tr
from app.services.district.fitness import decisive_where
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
from app.services.value_added import LEVEL_RANK, ChangeSummary
from app.terms import parse_school_year, previous_school_year


@dataclass
class _Acc:
    n: int = 0
    change_sum: float = 0.0
    improved: int = 0
    moved_up: int = 0
    not_compared: int = 0

    def add(self, other: _Acc) -> None:
        for name, value in other.__dict__.items():
            setattr(self, name, getattr(self, name) + value)

    def freeze(self, grouping: str, key: tuple[Any, ...], label: str, grade: int | None = None
               ) -> ChangeSummary:  # fmt: skip
        return ChangeSummary(
            grouping=grouping,
            key=key,
            label=label,
            grade_code=grade,
            class_uuid=None,
            n=self.n,
            mean_change=self.change_sum / self.n if self.n else None,
            improved=self.improved,
            moved_up=self.moved_up,
            item_mean_changes={},
        )


@dataclass(frozen=True)
class DistrictValueAdded:
    school_year: str
    previous_year: str
    school_type: SchoolType | None
    school_code: str | None
    district: ChangeSummary
    district_grades: tuple[ChangeSummary, ...]
    schools: tuple[ChangeSummary, ...]  # each school (only the chosen one with ``school_code``)
    grades: tuple[ChangeSummary, ...]  # the chosen school's grades (else the district's)
    not_compared: Mapping[str, int] = field(default_factory=dict)  # school code → students
    cells: Mapping[tuple[str, int], _Acc] = field(default_factory=dict, repr=False, compare=False)

    def school_grades(self, school_code: str) -> tuple[ChangeSummary, ...]:
        """Any school's grades, from the cells already counted."""
        return _grades(self.cells, school_code)


def _rank(column: str) -> str:
    cases = " ".join(f"WHEN '{level}' THEN {rank}" for level, rank in LEVEL_RANK.items())
    return f"(CASE {column} {cases} END)"


def _sql(school_type: SchoolType | None) -> str:
    complete = "{a}.exempt = 0 AND {a}.total_score IS NOT NULL AND {a}.level IS NOT NULL"
    change = "round(n.total_score - b.total_score, 1)"
    return f"""SELECT s.school_code, n.grade_code, COUNT(b.uuid), COUNT(*) - COUNT(b.uuid),
    TOTAL({change}), COUNT(CASE WHEN {change} > 0 THEN 1 END),
    COUNT(CASE WHEN {_rank("n.level")} > {_rank("b.level")} THEN 1 END)
FROM fitness_tests n CROSS JOIN students s ON s.uuid = n.student_uuid
LEFT JOIN fitness_tests b ON b.student_uuid = n.student_uuid
    AND {decisive_where("b", ":previous")} AND {complete.format(a="b")}
WHERE {decisive_where("n", ":school_year")} AND {complete.format(a="n")}
  AND s.deleted = 0 AND s.status IN ({status_list(ON_ROLL)})
  AND {grade_sql("n.grade_code", school_type)}
GROUP BY s.school_code, n.grade_code"""


def district_value_added(
    db: Database,
    school_year: str,
    *,
    school_type: SchoolType | None = None,
    school_code: str | None = None,
) -> DistrictValueAdded:
    """Every school's value added from the year before ``school_year`` to it."""
    year = parse_school_year(school_year)
    before = previous_school_year(year)
    schools = schools_of_type(district_schools(db), school_type)
    check_school(schools, school_code)
    cells: dict[tuple[str, int], _Acc] = {}
    with analytics_cache(db):
        for school, grade, n, missing, total, improved, up in db.execute(
            _sql(school_type), {"school_year": year, "previous": before}
        ):
            cells[(school, grade)] = _Acc(n, total, improved, up, missing)
    per_school: dict[str, _Acc] = {}
    district = _Acc()
    for (school, _), acc in cells.items():
        per_school.setdefault(school, _Acc()).add(acc)
        district.add(acc)
    shown = [school_code] if school_code else list(schools)
    return DistrictValueAdded(
        school_year=year,
        previous_year=before,
        school_type=school_type,
        school_code=school_code,
        district=district.freeze("district", (), tr("District")),
        district_grades=_grades(cells, None),
        schools=tuple(
            per_school.get(c, _Acc()).freeze("school", (c,), schools[c].name) for c in shown
        ),
        grades=_grades(cells, school_code),
        not_compared={c: per_school.get(c, _Acc()).not_compared for c in shown},
        cells=cells,
    )


def _grades(cells: Mapping[tuple[str, int], _Acc], school: str | None) -> tuple[ChangeSummary, ...]:
    grades: dict[int, _Acc] = {}
    for (code, grade), acc in cells.items():
        if school is None or code == school:
            grades.setdefault(grade, _Acc()).add(acc)
    return tuple(grades[g].freeze("grade", (g,), grade_label(g), g) for g in ordered_grades(grades))
