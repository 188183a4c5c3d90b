"""增值评价 (value-added, issue 3 part 8): each student's change against the previous 学年.

A student is compared when both years have a complete decisive result (the 补测 when there is one;
not exempt, every item present): the change of the 学年总分 and of each item score the student
has in both years (items change between 学段, e.g. 一分钟跳绳 stops after 六年级, so only shared
items are compared). Classes, grades and the school then get the number compared, the mean change
of the total, the share improved (total up), the share that moved up at least one level
(不及格 < 及格 < 良好 < 优秀), and the mean change of each item.

Students are those on roll now, grouped by their class now and the grade of the later year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlite_utils import Database

from app.i18n import tr
from app.scoring.fitness_score import FitnessResult
from app.services.fitness_stats_model import LEVELS
from app.services.fitness_values import grade_label
from app.services.fitness_year_rows import (
    ON_ROLL,
    class_index,
    class_name_in_year,
    year_results,
)
from app.services.workspace import current_term, require_school
from app.terms import parse_school_year, previous_school_year
from db.repo_fitness import MEASUREMENT_COLUMNS

LEVEL_RANK: Final = {level: i for i, level in enumerate(reversed(LEVELS))}  # 不及格 = 0 … 优秀 = 3
ITEM_ORDER: Final = ("bmi", *MEASUREMENT_COLUMNS)


@dataclass(frozen=True, slots=True)
class Change:
    """Two complete results of one student compared."""

    previous_total: float
    total: float
    total_change: float  # one decimal
    previous_level: str
    level: str
    item_changes: Mapping[str, int]  # item key → score change, items scored in both years

    @property
    def improved(self) -> bool:
        return self.total_change > 0

    @property
    def moved_up(self) -> bool:
        return LEVEL_RANK[self.level] > LEVEL_RANK[self.previous_level]


def compare(previous: FitnessResult, current: FitnessResult) -> Change | None:
    """The change between two results; None unless both are complete (not exempt, totalled)."""
    if previous.total_score is None or current.total_score is None:
        return None
    if previous.level is None or current.level is None:
        return None
    before = dict(zip(previous.keys, previous.scores, strict=True))
    items = {}
    for key, score in zip(current.keys, current.scores, strict=True):
        earlier = before.get(key)
        if score is not None and earlier is not None:
            items[key] = score - earlier
    return Change(
        previous_total=previous.total_score,
        total=current.total_score,
        total_change=round(current.total_score - previous.total_score, 1),
        previous_level=previous.level,
        level=current.level,
        item_changes=items,
    )


@dataclass(frozen=True, slots=True)
class StudentChange:
    student_uuid: str
    student_no: str
    name: str
    sex: str
    class_uuid: str
    class_name: str
    grade_code: int  # the grade of the later year
    change: Change


@dataclass(frozen=True)
class ChangeSummary:
    grouping: str  # school / grade / class
    key: tuple[Any, ...]
    label: str
    grade_code: int | None
    class_uuid: str | None
    n: int
    mean_change: float | None
    improved: int
    moved_up: int
    item_mean_changes: Mapping[str, float]  # item key → mean score change (over who has both)

    @property
    def improved_share(self) -> float | None:
        return self.improved / self.n if self.n else None

    @property
    def moved_up_share(self) -> float | None:
        return self.moved_up / self.n if self.n else None


@dataclass(frozen=True)
class ValueAdded:
    school_year: str
    previous_year: str
    students: tuple[StudentChange, ...]  # by grade, class, 学籍号
    school: ChangeSummary
    grades: tuple[ChangeSummary, ...]
    classes: tuple[ChangeSummary, ...]
    not_compared: int  # complete this year, but no complete result the year before


def summarize(
    grouping: str,
    key: tuple[Any, ...],
    label: str,
    changes: Sequence[StudentChange],
    *,
    grade_code: int | None = None,
    class_uuid: str | None = None,
) -> ChangeSummary:
    n = len(changes)
    sums: dict[str, list[int]] = {}
    for sc in changes:
        for item, delta in sc.change.item_changes.items():
            slot = sums.setdefault(item, [0, 0])
            slot[0] += 1
            slot[1] += delta
    return ChangeSummary(
        grouping=grouping,
        key=key,
        label=label,
        grade_code=grade_code,
        class_uuid=class_uuid,
        n=n,
        mean_change=sum(c.change.total_change for c in changes) / n if n else None,
        improved=sum(c.change.improved for c in changes),
        moved_up=sum(c.change.moved_up for c in changes),
        item_mean_changes={k: sums[k][1] / sums[k][0] for k in ITEM_ORDER if k in sums},
    )


def value_added(db: Database, school_year: str | None = None) -> ValueAdded:
    """Every on-roll student's change from the year before ``school_year`` (default: the current
    学年), summarised by class, grade and school."""
    current = current_term(db).school_year
    year = parse_school_year(school_year) if school_year else current
    before = previous_school_year(year)
    school = require_school(db).code
    now = year_results(db, school, year, statuses=ON_ROLL, complete_only=True)
    then = year_results(db, school, before, statuses=ON_ROLL, complete_only=True)
    people = _people(db, school)
    classes = class_index(db, school)
    students: list[StudentChange] = []
    not_compared = 0
    for uuid, sy in now.items():
        earlier = then.get(uuid)
        change = compare(earlier.result, sy.result) if earlier is not None else None
        if change is None:  # nothing complete last year (``now`` holds complete results only)
            not_compared += 1
            continue
        info = classes.get(sy.class_uuid)
        student_no, name = people.get(uuid, ("", ""))
        students.append(
            StudentChange(
                student_uuid=uuid,
                student_no=student_no,
                name=name,
                sex=sy.sex,
                class_uuid=sy.class_uuid,
                class_name=class_name_in_year(info, current, year) if info else "",
                grade_code=sy.grade_code,
                change=change,
            )
        )
    order = {u: (c.grade_now, c.class_no) for u, c in classes.items()}
    students.sort(key=lambda s: (s.grade_code, order.get(s.class_uuid, (0, 0)), s.student_no))
    return ValueAdded(
        school_year=year,
        previous_year=before,
        students=tuple(students),
        school=summarize("school", (), tr("Whole school"), students),
        grades=tuple(_by_grade(students)),
        classes=tuple(_by_class(students)),
        not_compared=not_compared,
    )


def _people(db: Database, school_code: str) -> dict[str, tuple[str, str]]:
    return {
        r[0]: (r[1], r[2])
        for r in db.execute(
            "SELECT uuid, student_no, name FROM students WHERE school_code = ? AND deleted = 0",
            [school_code],
        )
    }


def _grouped(students: Iterable[StudentChange], key: str) -> dict[Any, list[StudentChange]]:
    out: dict[Any, list[StudentChange]] = {}
    for s in students:
        out.setdefault(getattr(s, key), []).append(s)
    return out  # insertion order follows the students' order


def _by_grade(students: Sequence[StudentChange]) -> list[ChangeSummary]:
    return [
        summarize("grade", (g,), grade_label(g), group, grade_code=g)
        for g, group in _grouped(students, "grade_code").items()
    ]


def _by_class(students: Sequence[StudentChange]) -> list[ChangeSummary]:
    return [
        summarize(
            "class",
            (c,),
            group[0].class_name,
            group,
            grade_code=group[0].grade_code,
            class_uuid=c,
        )
        for c, group in _grouped(students, "class_uuid").items()
    ]
