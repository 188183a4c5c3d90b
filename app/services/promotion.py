"""Grade promotion (升级) at the start of a school year: every class moves up one grade and the
school's last grade graduates.

Rules:
- Within a stage a class moves up one grade (11→12 … 15→16, 21→22, 22→23, 31→32, 32→33).
- 16 continues to 21 (六年级 → 七年级) in a nine-year school; elsewhere 16 graduates, as do 23
  and 33. A graduating class is marked ``graduated``; its on-roll students become 毕业 with a
  ``graduate`` event. Suspended students keep their status and class (the clerk decides later).
- A class keeps its number. Its name is recomputed only when it is still the conventional name
  of its old grade (三年级(2)班 → 四年级(2)班); a name the clerk chose (火箭班) is kept.
- Classes are processed from the highest grade down, so the class that used to hold a
  (grade, number) has always left it when the next one arrives: the unique index on active
  classes never sees two at once.
- Everything happens in one transaction, after a database backup. The school year is recorded
  (setting ``last_promotion_year``) so the same year cannot be promoted twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app.errors import UserError
from app.i18n import tr
from app.models import SchoolClass, SchoolStage, StudentStatus
from app.services.backup import backup_database
from app.services.workspace import require_school, set_current_term
from app.validation.codes import class_display_name
from db import repo_classes, repo_settings, repo_students
from db.repo_students import StudentQuery

LAST_PROMOTION_KEY = "last_promotion_year"
BACKUP_LABEL = "before-promotion"
_ON_ROLL = (StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN)
# Promotion normally happens in the summer holiday or at the start of term. From June on it is
# for the school year starting that autumn; January–May it catches up on the current one.
_NEW_YEAR_FROM_MONTH = 6


@dataclass(frozen=True)
class ClassMove:
    """What promotion does to one class."""

    class_uuid: str
    class_no: int
    from_grade: int
    to_grade: int | None  # None: the class graduates
    old_name: str
    new_name: str
    on_roll: int  # students who move up (or graduate) with the class
    suspended: int  # students who stay 休学 in the class

    @property
    def graduates(self) -> bool:
        return self.to_grade is None


@dataclass(frozen=True)
class PromotionPlan:
    school_year: str  # the school year the classes move into, e.g. 2026-2027
    moves: tuple[ClassMove, ...]  # in processing order: highest grade first

    @property
    def promoted(self) -> tuple[ClassMove, ...]:
        return tuple(m for m in self.moves if not m.graduates)

    @property
    def graduating(self) -> tuple[ClassMove, ...]:
        return tuple(m for m in self.moves if m.graduates)


@dataclass(frozen=True)
class PromotionReport:
    school_year: str
    term: str  # the current term afterwards, e.g. 2026-2027-1
    backup: Path
    classes_promoted: int
    classes_graduated: int
    students_graduated: int


def next_grade(stage: SchoolStage, grade_code: int) -> int | None:
    """The grade a class moves into, or None when it graduates."""
    if grade_code == 16 and stage is SchoolStage.NINE_YEAR:
        return 21
    if grade_code in (16, 23, 33):
        return None
    return grade_code + 1


def promotion_school_year(today: dt.date) -> str:
    start = today.year if today.month >= _NEW_YEAR_FROM_MONTH else today.year - 1
    return f"{start}-{start + 1}"


def plan_promotion(db: Database, *, today: dt.date | None = None) -> PromotionPlan:
    """What a promotion would do now; raises UserError if it cannot be done."""
    school = require_school(db)
    year = promotion_school_year(today or dt.date.today())
    _refuse_repeat(db, year)
    classes = repo_classes.list_classes(db, school.code)
    if not classes:
        raise UserError(
            tr("There are no classes to promote."),
            tr("Import the roster first: baosong-cli roster import FILE."),
        )
    on_roll, suspended = _student_counts(db, school.code)
    moves = [
        _move(school.stage, c, on_roll.get(c.meta.uuid, 0), suspended.get(c.meta.uuid, 0))
        for c in sorted(classes, key=lambda c: (-c.grade_code, c.class_no))
    ]
    return PromotionPlan(school_year=year, moves=tuple(moves))


def _move(stage: SchoolStage, c: SchoolClass, on_roll: int, suspended: int) -> ClassMove:
    to = next_grade(stage, c.grade_code)
    conventional = c.name == class_display_name(c.grade_code, c.class_no)
    new_name = class_display_name(to, c.class_no) if to is not None and conventional else c.name
    return ClassMove(
        class_uuid=c.meta.uuid,
        class_no=c.class_no,
        from_grade=c.grade_code,
        to_grade=to,
        old_name=c.name,
        new_name=new_name,
        on_roll=on_roll,
        suspended=suspended,
    )


def _student_counts(db: Database, school_code: str) -> tuple[dict[str, int], dict[str, int]]:
    on_roll: dict[str, int] = {}
    suspended: dict[str, int] = {}
    query = StudentQuery(school_code=school_code, statuses=(*_ON_ROLL, StudentStatus.SUSPENDED))
    for row in repo_students.list_students(db, query):
        target = suspended if row.student.status is StudentStatus.SUSPENDED else on_roll
        target[row.student.class_uuid] = target.get(row.student.class_uuid, 0) + 1
    return on_roll, suspended


def _refuse_repeat(db: Database, year: str) -> None:
    done = repo_settings.get_setting(db, LAST_PROMOTION_KEY)
    if done and str(done) >= year:
        raise UserError(
            tr("The classes were already promoted for school year {year}.", year=done),
            tr(
                "Nothing more to do. If that promotion was a mistake, restore the database from "
                "the backup named {label}-….sqlite3 in the workspace's backups folder.",
                label=BACKUP_LABEL,
            ),
        )


def promote_grades(
    db: Database, *, actor: str, backup_dir: Path, today: dt.date | None = None
) -> PromotionReport:
    """Back the database up, then promote every class in one transaction."""
    today = today or dt.date.today()
    plan = plan_promotion(db, today=today)
    school_code = require_school(db).code
    backup = backup_database(db, backup_dir, BACKUP_LABEL)
    graduated = 0
    with db.atomic():
        for move in plan.moves:
            if move.graduates:
                graduated += _graduate(db, school_code, move, actor=actor, today=today)
            else:
                repo_classes.update_class(
                    db, move.class_uuid, {"grade_code": move.to_grade, "name": move.new_name}, actor
                )
        repo_settings.set_setting(db, LAST_PROMOTION_KEY, plan.school_year)
        term = _advance_term(db, plan.school_year)
    return PromotionReport(
        school_year=plan.school_year,
        term=term,
        backup=backup,
        classes_promoted=len(plan.promoted),
        classes_graduated=len(plan.graduating),
        students_graduated=graduated,
    )


def _graduate(
    db: Database, school_code: str, move: ClassMove, *, actor: str, today: dt.date
) -> int:
    repo_classes.update_class(db, move.class_uuid, {"graduated": 1}, actor)
    rows = repo_students.list_students(
        db, StudentQuery(school_code=school_code, class_uuid=move.class_uuid, statuses=_ON_ROLL)
    )
    for row in rows:
        student = row.student
        repo_students.update_student(
            db, student.meta.uuid, {"status": StudentStatus.GRADUATED.value}, actor
        )
        repo_students.add_event(
            db,
            student_uuid=student.meta.uuid,
            kind="graduate",
            date=today,
            note="",
            actor=actor,
            old_value=student.status.value,
            new_value=StudentStatus.GRADUATED.value,
        )
    return len(rows)


def _advance_term(db: Database, school_year: str) -> str:
    """Move the current term to the new year's first term (never backwards)."""
    first_term = f"{school_year}-1"
    current = repo_settings.get_setting(db, "current_term")
    if current is None or str(current) < first_term:
        set_current_term(db, first_term)
        return first_term
    return str(current)
