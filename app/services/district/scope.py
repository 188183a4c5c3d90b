"""What the district pages filter on: school types (学段), the schools of the district, the
students counted, and the SQL pieces every district aggregate shares.

School type is decided **by grade**, not by school: 小学 = grades 11–16, 初中 = 21–23, 高中 =
31–33. A 九年一贯制 school's grades 1–6 count under 小学 and 7–9 under 初中; a 完全中学's 7–9
under 初中 and 10–12 under 高中. A school belongs to every type its stage has grades of
(``SchoolInfo.types``); figures that are only known per school (awards) follow that list.

Which grade a record has: a fitness test its grade at test time (``fitness_tests.grade_code``);
arts and labor records the grade of the student's class now, moved to the record's 学年
(``class_places``), as the school-level services do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from sqlite_utils import Database

from app.errors import NotFoundError
from app.i18n import tr
from app.models import STAGE_GRADES, SchoolStage
from app.services.fitness_values import grade_in_year
from app.services.fitness_year_rows import ON_ROLL, status_list
from app.services.workspace import current_term
from app.validation.codes import ALL_GRADE_CODES

# Re-exported: the district modules take the roster statuses from here.
__all__ = ["ON_ROLL", "status_list"]


class SchoolType(StrEnum):
    PRIMARY = "primary"  # 小学
    JUNIOR = "junior"  # 初中
    SENIOR = "senior"  # 高中

    @property
    def label(self) -> str:
        return {
            SchoolType.PRIMARY: tr("primary school"),
            SchoolType.JUNIOR: tr("junior secondary"),
            SchoolType.SENIOR: tr("senior secondary"),
        }[self]

    @property
    def label_zh(self) -> str:
        return {SchoolType.PRIMARY: "小学", SchoolType.JUNIOR: "初中", SchoolType.SENIOR: "高中"}[
            self
        ]


TYPE_GRADES: Final[dict[SchoolType, tuple[int, ...]]] = {
    SchoolType.PRIMARY: (11, 12, 13, 14, 15, 16),
    SchoolType.JUNIOR: (21, 22, 23),
    SchoolType.SENIOR: (31, 32, 33),
}
CHINA_UTC_OFFSET_HOURS: Final = 8  # no daylight saving in China
ANALYTICS_CACHE_KIB: Final = 64 * 1024


def type_of_grade(grade_code: int) -> SchoolType | None:
    for school_type, grades in TYPE_GRADES.items():
        if grade_code in grades:
            return school_type
    return None


def types_of_stage(stage: str) -> tuple[SchoolType, ...]:
    """The school types a stage has grades of ('' or unknown: none)."""
    try:
        grades = STAGE_GRADES[SchoolStage(stage)]
    except ValueError:
        return ()
    return tuple(t for t in SchoolType if set(TYPE_GRADES[t]) & set(grades))


def grades_of(school_type: SchoolType | None) -> tuple[int, ...]:
    return ALL_GRADE_CODES if school_type is None else TYPE_GRADES[SchoolType(school_type)]


def grade_sql(column: str, school_type: SchoolType | None) -> str:
    """A condition on a grade column for the type (``1`` without a type); literals only."""
    if school_type is None:
        return "1"
    return f"{column} IN ({', '.join(str(g) for g in grades_of(school_type))})"


def class_places(db: Database, school_year: str) -> dict[str, tuple[str, int | None]]:
    """class uuid → (school code, the grade the class had in ``school_year``; None when it was
    not at school then), from its grade now and the workspace's current 学年. District queries
    group students by class and place the few thousand classes here: joining classes cost a
    lookup per student."""
    current = current_term(db).school_year
    return {
        uuid: (school, grade_in_year(grade, current, school_year))
        for uuid, school, grade in db.execute("SELECT uuid, school_code, grade_code FROM classes")
    }


@dataclass(frozen=True)
class SchoolInfo:
    code: str
    name: str
    stage: str  # a SchoolStage value, '' for an enrolled school that has sent nothing yet

    @property
    def types(self) -> tuple[SchoolType, ...]:
        return types_of_stage(self.stage)

    @property
    def stage_label(self) -> str:
        try:
            return SchoolStage(self.stage).label_zh
        except ValueError:
            return ""


def district_schools(db: Database) -> dict[str, SchoolInfo]:
    """code → school: the schools held (their records merged) and the schools enrolled in the
    registry with a key not revoked, by code."""
    found: dict[str, SchoolInfo] = {}
    for code, name in db.execute(
        "SELECT school_code, school_name FROM school_registry WHERE status != 'revoked' "
        "ORDER BY enrolled_at"
    ):
        found[code] = SchoolInfo(code, name, "")
    for code, name, stage in db.execute("SELECT code, name, stage FROM schools WHERE deleted = 0"):
        found[code] = SchoolInfo(code, name, stage)
    return dict(sorted(found.items()))


def schools_of_type(
    schools: dict[str, SchoolInfo], school_type: SchoolType | None
) -> dict[str, SchoolInfo]:
    if school_type is None:
        return schools
    return {c: s for c, s in schools.items() if SchoolType(school_type) in s.types}


def check_school(schools: dict[str, SchoolInfo], school_code: str | None) -> None:
    if school_code is not None and school_code not in schools:
        raise NotFoundError(
            tr("The bureau holds no school {code}.", code=school_code),
            tr("Choose a school from the list."),
        )


@contextmanager
def analytics_cache(db: Database) -> Iterator[None]:
    """At least a 64 MiB page cache while (and after) a district aggregate runs: a district's
    tables outgrow SQLite's default 2 MiB, and the pages one page reads are the next one's.
    The size is not lowered afterwards: lowering it drops the cached pages, which made every
    following aggregate read them again (~0.3 s each on a 100-school district)."""
    before = int(db.execute("PRAGMA cache_size").fetchone()[0])
    page_kib = int(db.execute("PRAGMA page_size").fetchone()[0]) // 1024
    kib = -before if before < 0 else before * page_kib  # negative: KiB; positive: pages
    if kib < ANALYTICS_CACHE_KIB:
        db.execute(f"PRAGMA cache_size = {-ANALYTICS_CACHE_KIB}")
    yield


def ordered_grades(grades: Iterable[int]) -> list[int]:
    return sorted(
        set(grades), key=lambda g: ALL_GRADE_CODES.index(g) if g in ALL_GRADE_CODES else 99
    )
