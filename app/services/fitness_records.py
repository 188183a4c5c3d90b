"""体质健康 entry: a class's sheet for a 学年, and the writes the entry grid makes.

Rules (issue 3): a value is checked against the national import range and refused for an item the
student's grade and sex is not tested on; 免测 is recorded with a reason on the first attempt and
keeps the student out of the rates (never scored 0); one 补测 per year is kept beside the first
test and decides the year (``choose_attempt``); an item can be marked 缺测 (absent), which leaves
the year incomplete. Every write rescores the attempt and rewrites its cached scores.

Values given to the writes are partial: keys left out keep what is stored, ``None`` (or "")
clears a value. Raw text is accepted as typed (``"3'45"``, ``"８.５"``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from sqlite_utils import Database

from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import tr
from app.models import StudentStatus
from app.scoring.fitness_score import FitnessResult, LevelSummary, choose_attempt, summarize_levels
from app.services.fitness_values import (
    applicable_keys,
    grade_columns,
    grade_in_year,
    parse_item_value,
    result_of,
)
from app.services.fitness_writes import AttemptWriter, get_live_student
from app.services.fitness_writes import recompute_all as recompute_all
from app.services.roster import find_students
from app.services.workspace import current_term
from app.terms import parse_school_year
from db import repo_classes, repo_fitness
from db.repo_fitness import ATTEMPT_FIRST, ATTEMPT_RETEST, FitnessTest

ON_ROLL: Final = (StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN)
RawValues = Mapping[str, object]


@dataclass(frozen=True)
class SheetRow:
    """One student of the class sheet: both attempts as stored and as scored."""

    student_uuid: str
    student_no: str
    name: str
    sex: str
    grade_code: int  # the grade of the year (stored with the test, else from the roster)
    keys: tuple[str, ...]  # input keys this student is tested on
    first: FitnessTest | None
    retest: FitnessTest | None
    first_result: FitnessResult | None
    retest_result: FitnessResult | None

    @property
    def result(self) -> FitnessResult | None:
        """The year's result: the 补测 when there is one (None before anything is entered)."""
        if self.first_result is None:
            return None
        return choose_attempt(self.first_result, self.retest_result)

    @property
    def exempt(self) -> bool:
        return self.first is not None and self.first.exempt


@dataclass(frozen=True)
class FitnessSheet:
    class_uuid: str
    class_name: str
    grade_code: int  # the class's grade in the sheet's year
    school_year: str
    columns: tuple[str, ...]  # input keys tested in this grade (either sex), national order
    rows: tuple[SheetRow, ...]

    def summary(self) -> LevelSummary:
        """Level counts over the year results (exempt and incomplete students kept apart)."""
        return summarize_levels(r.result for r in self.rows if r.result is not None)


@dataclass(frozen=True)
class CellError:
    student_uuid: str
    key: str
    message: str


@dataclass(frozen=True)
class BulkSaveReport:
    saved: int  # students whose attempt was written (or was already equal)
    errors: tuple[CellError, ...]  # refused cells; the other cells of their rows are saved


def class_sheet(db: Database, class_uuid: str, school_year: str) -> FitnessSheet:
    """The students of the class on roll, with their attempts of ``school_year``, by 学籍号."""
    school_year = parse_school_year(school_year)
    klass = repo_classes.get_class(db, class_uuid)
    if klass is None or klass.meta.deleted:
        raise NotFoundError(tr("The class no longer exists."), tr("Refresh the list."))
    current = current_term(db).school_year
    year_grade = grade_in_year(klass.grade_code, current, school_year) or klass.grade_code
    tests = {
        (t.student_uuid, t.attempt): t
        for t in repo_fitness.tests_for_class(db, class_uuid, school_year)
    }
    rows = []
    for row in find_students(db, class_uuid=class_uuid, statuses=ON_ROLL):
        s = row.student
        first = tests.get((s.meta.uuid, ATTEMPT_FIRST))
        retest = tests.get((s.meta.uuid, ATTEMPT_RETEST))
        grade = first.grade_code if first is not None else year_grade
        rows.append(
            SheetRow(
                student_uuid=s.meta.uuid,
                student_no=s.student_no,
                name=s.name,
                sex=s.sex.value,
                grade_code=grade,
                keys=applicable_keys(grade, s.sex.value),
                first=first,
                retest=retest,
                first_result=None if first is None else result_of(first, s.sex.value),
                retest_result=None if retest is None else result_of(retest, s.sex.value),
            )
        )
    return FitnessSheet(
        class_uuid=class_uuid,
        class_name=klass.name,
        grade_code=year_grade,
        school_year=school_year,
        columns=grade_columns([year_grade, *(r.grade_code for r in rows)]),
        rows=tuple(rows),
    )


def save_values(
    db: Database,
    student_uuid: str,
    school_year: str,
    values: RawValues,
    *,
    attempt: str = ATTEMPT_FIRST,
    test_date: dt.date | None = None,
    actor: str,
) -> FitnessResult:
    """Check and store measured values of one attempt; returns that attempt's new result.

    Raises ValidationError (nothing written) for a bad value or an item not tested.
    """
    with db.atomic():
        writer = AttemptWriter(db, student_uuid, school_year, attempt)
        parsed: dict[str, float | None] = {}
        for key, raw in values.items():
            writer.check_tested(key, raw)
            parsed[key] = parse_item_value(key, raw)
        return writer.write(parsed, test_date=test_date, actor=actor)


def record_retest(
    db: Database,
    student_uuid: str,
    school_year: str,
    values: RawValues,
    *,
    test_date: dt.date | None = None,
    actor: str,
) -> FitnessResult:
    """The year's one 补测; it decides the year's result from now on. A new 补测 starts as a copy
    of the first test, so ``values`` need only hold the items taken again."""
    return save_values(
        db,
        student_uuid,
        school_year,
        values,
        attempt=ATTEMPT_RETEST,
        test_date=test_date,
        actor=actor,
    )


def set_exempt(
    db: Database, student_uuid: str, school_year: str, reason: str | None, *, actor: str
) -> FitnessResult:
    """Mark the student 免测 for the year with ``reason``; None or "" lifts the exemption."""
    reason = (reason or "").strip()
    with db.atomic():
        writer = AttemptWriter(db, student_uuid, school_year, ATTEMPT_FIRST)
        if reason and repo_fitness.find_test(db, student_uuid, writer.year, ATTEMPT_RETEST):
            raise UserError(
                tr("This student has a retest this year and cannot be marked exempt."),
                tr("Delete the retest first if the student is really exempt."),
            )
        return writer.write({}, exempt=(bool(reason), reason), actor=actor)


def set_absent(
    db: Database,
    student_uuid: str,
    school_year: str,
    items: Iterable[str],
    *,
    absent: bool = True,
    attempt: str = ATTEMPT_FIRST,
    actor: str,
) -> FitnessResult:
    """Mark items 缺测 (their values are cleared) or take the mark off again."""
    with db.atomic():
        writer = AttemptWriter(db, student_uuid, school_year, attempt)
        items = list(items)
        for key in items:
            writer.check_tested(key)
        return writer.write(
            dict.fromkeys(items) if absent else {}, absent=(set(items), absent), actor=actor
        )


def delete_attempt(
    db: Database, student_uuid: str, school_year: str, attempt: str, *, actor: str
) -> bool:
    """Tombstone an attempt (a wrongly entered 补测, say). False if there was none."""
    with db.atomic():
        found = repo_fitness.find_test(db, student_uuid, parse_school_year(school_year), attempt)
        if found is None:
            return False
        if attempt == ATTEMPT_FIRST and repo_fitness.find_test(
            db, student_uuid, found.school_year, ATTEMPT_RETEST
        ):
            raise UserError(
                tr("The first test cannot be deleted while a retest is recorded."),
                tr("Delete the retest first."),
            )
        return repo_fitness.update_test(db, found.uuid, {"deleted": 1}, actor)


def bulk_save(
    db: Database,
    school_year: str,
    rows: Sequence[tuple[str, RawValues]],
    *,
    attempt: str = ATTEMPT_FIRST,
    actor: str,
) -> BulkSaveReport:
    """A pasted block: every valid cell is saved in one transaction, bad cells are reported
    (a row that cannot be written at all, e.g. a 补测 without a first test, with key "")."""
    errors: list[CellError] = []
    saved = 0
    with db.atomic():
        for student_uuid, raw in rows:
            try:
                writer = AttemptWriter(db, student_uuid, school_year, attempt)
            except UserError as exc:
                errors.append(CellError(student_uuid, "", str(exc)))
                continue
            good: dict[str, float | None] = {}
            for key, value in raw.items():
                try:
                    writer.check_tested(key, value)
                    good[key] = parse_item_value(key, value)
                except ValidationError as exc:
                    errors.append(CellError(student_uuid, key, str(exc)))
            if good:
                writer.write(good, actor=actor)
                saved += 1
    return BulkSaveReport(saved, tuple(errors))


def year_result(db: Database, student_uuid: str, school_year: str) -> FitnessResult | None:
    """choose_attempt(first, retest) for the year; None when nothing is recorded."""
    student = get_live_student(db, student_uuid)
    first = repo_fitness.find_test(db, student_uuid, school_year, ATTEMPT_FIRST)
    if first is None:
        return None
    retest = repo_fitness.find_test(db, student_uuid, school_year, ATTEMPT_RETEST)
    return choose_attempt(
        result_of(first, student.sex.value),
        None if retest is None else result_of(retest, student.sex.value),
    )
