"""体质健康 statistics of a 学年 by grade, class and sex (issue 3 part 6): the statistics page and
the workbook read these figures.

How it is computed (fast for a 5,000-student school):

1. One SQL aggregate over the cached columns of the decisive attempts (``fitness_year_rows``)
   counts, per cell grade × class × sex, the tested, exempt and incomplete students, the level
   counts, the sum of totals and the BMI categories (the standard's bands joined as a ``VALUES``
   table, BMI compared in tenths as the engine does).
2. Item scores are not cached, so the non-exempt decisive attempts are scored once more
   (``score_student``, > 100,000 students/s) for the item means and pass rates.
3. Students on roll with no record of the year are counted per cell as ``untested``.
4. Cells are added up into the requested groupings and the school.

Denominators are documented in ``fitness_stats_model``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, Final

from sqlite_utils import Database

from app.i18n import tr
from app.models import StudentStatus
from app.scoring.bmi_category import BMI_CATEGORIES
from app.scoring.fitness_standard import standard
from app.services.fitness_stats_model import (
    LEVELS,
    PASS_SCORE,
    Accumulator,
    FitnessStats,
    GroupStats,
)
from app.services.fitness_values import grade_in_year, grade_label, sex_label
from app.services.fitness_year_rows import (
    ON_ROLL,
    ClassInfo,
    class_index,
    class_name_in_year,
    decisive_cte,
    status_list,
    year_results,
)
from app.services.workspace import current_term, require_school
from app.terms import parse_school_year
from db.repo_fitness import MEASUREMENT_COLUMNS

GROUPINGS: Final = ("grade", "class", "sex", "grade_sex")
Cell = tuple[int, str, str]  # grade code of the year, class uuid, sex
_SEX_ORDER: Final = {"male": 0, "female": 1}


@cache
def _bands_sql() -> str:
    """``bands(grade_code, sex, u, n, o)``: the BMI band edges in tenths, from the standard."""
    rows = ", ".join(
        f"({r.grade_code}, '{r.sex}', {r.bmi_edges[0]}, {r.bmi_edges[1]}, {r.bmi_edges[2]})"
        for r in standard().rules.values()
    )
    return f"bands(grade_code, sex, u, n, o) AS (VALUES {rows})"


def _aggregate_sql(statuses: Iterable[StudentStatus]) -> str:
    tenths = "CAST(round(d.bmi * 10) AS INTEGER)"
    bmi_cases = {
        "underweight": f"{tenths} <= b.u",
        "normal": f"{tenths} > b.u AND {tenths} <= b.n",
        "overweight": f"{tenths} > b.n AND {tenths} <= b.o",
        "obese": f"{tenths} > b.o",
    }
    assert tuple(bmi_cases) == BMI_CATEGORIES
    # COALESCE: in a cell of incomplete students ``level = …`` is NULL for every row.
    levels = ", ".join(
        f"COALESCE(SUM(d.exempt = 0 AND d.level = :level{i}), 0)" for i in range(len(LEVELS))
    )
    bmi = ", ".join(
        f"COALESCE(SUM(d.exempt = 0 AND d.bmi IS NOT NULL AND {c}), 0)" for c in bmi_cases.values()
    )
    return f"""{decisive_cte(statuses)}, {_bands_sql()}
SELECT d.grade_code, d.s_class, d.s_sex,
    SUM(d.exempt = 0), SUM(d.exempt), SUM(d.exempt = 0 AND d.total_score IS NULL),
    TOTAL(CASE WHEN d.exempt = 0 THEN d.total_score END), {levels}, {bmi}
FROM decisive d LEFT JOIN bands b ON b.grade_code = d.grade_code AND b.sex = d.s_sex
GROUP BY d.grade_code, d.s_class, d.s_sex"""


def _cells_from_sql(
    db: Database, school_code: str, year: str, statuses: Sequence[StudentStatus]
) -> dict[Cell, Accumulator]:
    params: dict[str, Any] = {"school_code": school_code, "school_year": year}
    params.update({f"level{i}": level for i, level in enumerate(LEVELS)})
    cells: dict[Cell, Accumulator] = {}
    n_levels = len(LEVELS)
    for row in db.execute(_aggregate_sql(statuses), params):
        grade, klass, sex, tested, exempt, incomplete, total_sum = row[:7]
        acc = Accumulator(tested=tested, exempt=exempt, incomplete=incomplete, total_sum=total_sum)
        acc.levels = dict(zip(LEVELS, row[7 : 7 + n_levels], strict=True))
        acc.bmi = dict(zip(BMI_CATEGORIES, row[7 + n_levels :], strict=True))
        cells[(grade, klass, sex)] = acc
    return cells


def _add_item_scores(
    db: Database,
    school_code: str,
    year: str,
    statuses: Sequence[StudentStatus],
    cells: dict[Cell, Accumulator],
) -> None:
    found = year_results(db, school_code, year, statuses=statuses, include_exempt=False)
    for sy in found.values():
        acc = cells.setdefault((sy.grade_code, sy.class_uuid, sy.sex), Accumulator())
        items = acc.items
        for key, score in zip(sy.result.keys, sy.result.scores, strict=True):
            if score is None:
                continue
            slot = items.get(key)
            if slot is None:
                slot = items[key] = [0, 0, 0]
            slot[0] += 1
            slot[1] += score
            slot[2] += score >= PASS_SCORE


def _add_untested(
    db: Database,
    school_code: str,
    year: str,
    statuses: Sequence[StudentStatus],
    classes: dict[str, ClassInfo],
    cells: dict[Cell, Accumulator],
) -> None:
    current = current_term(db).school_year
    sql = f"""SELECT s.class_uuid, s.sex, COUNT(*) FROM students s
WHERE s.school_code = ? AND s.deleted = 0 AND s.status IN ({status_list(statuses)})
  AND NOT EXISTS (SELECT 1 FROM fitness_tests t
                  WHERE t.student_uuid = s.uuid AND t.school_year = ? AND t.deleted = 0)
GROUP BY s.class_uuid, s.sex"""
    for klass, sex, n in db.execute(sql, [school_code, year]):
        info = classes.get(klass)
        grade = grade_in_year(info.grade_now, current, year) if info else None
        if grade is None:  # not at school in that year (e.g. this year's 一年级 last year)
            continue
        cells.setdefault((grade, klass, sex), Accumulator()).untested += n


def _item_order(cells: Iterable[Accumulator]) -> tuple[str, ...]:
    present = {k for acc in cells for k in acc.items}
    return tuple(k for k in ("bmi", *MEASUREMENT_COLUMNS) if k in present)


def fitness_statistics(
    db: Database,
    school_year: str,
    *,
    group_by: Sequence[str] = ("grade", "class", "sex"),
    statuses: Sequence[StudentStatus] = ON_ROLL,
) -> FitnessStats:
    """The year's statistics for the school and each requested grouping (``GROUPINGS``).

    ``statuses`` chooses the students by their roster status now (default: on roll).
    """
    unknown = [g for g in group_by if g not in GROUPINGS]
    if unknown:
        raise ValueError(f"unknown groupings {unknown}; use {GROUPINGS}")
    year = parse_school_year(school_year)
    school = require_school(db).code
    classes = class_index(db, school)
    cells = _cells_from_sql(db, school, year, statuses)
    _add_item_scores(db, school, year, statuses, cells)
    _add_untested(db, school, year, statuses, classes, cells)
    order = _item_order(cells.values())
    grouper = _Grouper(classes, current_term(db).school_year, year, order)
    total = Accumulator()
    for acc in cells.values():
        total.add(acc)
    return FitnessStats(
        school_year=year,
        school=total.freeze("school", (), tr("Whole school"), item_order=order),
        groups={g: grouper.groups(g, cells) for g in group_by},
        item_keys=order,
    )


class _Grouper:
    """Adds cells up into the groups of one grouping, labelled and in display order."""

    def __init__(
        self, classes: dict[str, ClassInfo], current: str, year: str, order: tuple[str, ...]
    ) -> None:
        self.classes = classes
        self.current = current
        self.year = year
        self.order = order

    def groups(self, grouping: str, cells: dict[Cell, Accumulator]) -> tuple[GroupStats, ...]:
        key_of: Callable[[Cell], tuple[Any, ...]] = {
            "grade": lambda c: (c[0],),
            "class": lambda c: (c[1],),
            "sex": lambda c: (c[2],),
            "grade_sex": lambda c: (c[0], c[2]),
        }[grouping]
        merged: dict[tuple[Any, ...], Accumulator] = {}
        grades: dict[tuple[Any, ...], int] = {}
        for cell, acc in cells.items():
            key = key_of(cell)
            merged.setdefault(key, Accumulator()).add(acc)
            grades[key] = min(grades.get(key, cell[0]), cell[0])
        out = [self._freeze(grouping, key, acc, grades[key]) for key, acc in merged.items()]
        return tuple(sorted(out, key=self._sort_key))

    def _freeze(
        self, grouping: str, key: tuple[Any, ...], acc: Accumulator, grade: int
    ) -> GroupStats:
        if grouping == "grade":
            return acc.freeze(
                grouping, key, grade_label(key[0]), item_order=self.order, grade_code=key[0]
            )
        if grouping == "sex":
            return acc.freeze(grouping, key, sex_label(key[0]), item_order=self.order, sex=key[0])
        if grouping == "grade_sex":
            label = f"{grade_label(key[0])} {sex_label(key[1])}"
            return acc.freeze(
                grouping, key, label, item_order=self.order, grade_code=key[0], sex=key[1]
            )
        info = self.classes.get(key[0])
        label = class_name_in_year(info, self.current, self.year) if info else key[0]
        return acc.freeze(
            grouping, key, label, item_order=self.order, grade_code=grade, class_uuid=key[0]
        )

    def _sort_key(self, g: GroupStats) -> tuple[int, int, int, str]:
        info = self.classes.get(g.class_uuid or "")
        return (
            g.grade_code or 0,
            info.class_no if info else 0,
            _SEX_ORDER.get(g.sex or "", 0),
            g.label,
        )
