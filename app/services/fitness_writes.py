"""Writing one attempt of one student, and rescoring every stored attempt.

``AttemptWriter`` holds what a write needs to know (the student, the stored attempt, the grade of
the year and the items it is tested on) so that the entry functions in ``fitness_records`` only
say what changes. It runs inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlite_utils import Database

from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import tr
from app.models import Student
from app.scoring.fitness_score import FitnessResult
from app.services.fitness_values import (
    INPUT_KEYS,
    applicable_keys,
    content,
    grade_in_year,
    not_tested,
)
from app.services.workspace import current_term
from app.terms import parse_school_year
from db import repo_classes, repo_fitness, repo_students
from db.repo_fitness import ATTEMPT_FIRST, ATTEMPT_RETEST, ATTEMPTS, FitnessTest


def get_live_student(db: Database, student_uuid: str) -> Student:
    student = repo_students.get_student(db, student_uuid)
    if student is None or student.meta.deleted:
        raise NotFoundError(tr("The student no longer exists."), tr("Refresh the list."))
    return student


class AttemptWriter:
    """One attempt of one student being written (inside the caller's transaction)."""

    def __init__(self, db: Database, student_uuid: str, school_year: str, attempt: str) -> None:
        if attempt not in ATTEMPTS:
            raise ValueError(f"attempt must be one of {ATTEMPTS}, not {attempt!r}")
        self.db = db
        self.year = parse_school_year(school_year)
        self.attempt = attempt
        self.student = get_live_student(db, student_uuid)
        self.stored = repo_fitness.find_test(db, student_uuid, self.year, attempt)
        first = (
            self.stored
            if attempt == ATTEMPT_FIRST
            else repo_fitness.find_test(db, student_uuid, self.year, ATTEMPT_FIRST)
        )
        self.first = first
        if attempt == ATTEMPT_RETEST:
            _check_retest_allowed(first)
        self.grade = self.stored.grade_code if self.stored else self._grade(first)
        self.sex = self.student.sex.value
        self.tested = applicable_keys(self.grade, self.sex)

    def _grade(self, first: FitnessTest | None) -> int:
        if first is not None:
            return first.grade_code
        klass = repo_classes.get_class(self.db, self.student.class_uuid)
        grade = None
        if klass is not None:
            grade = grade_in_year(klass.grade_code, current_term(self.db).school_year, self.year)
        if grade is None:
            raise ValidationError(
                tr("{name} was not at school in {year}.", name=self.student.name, year=self.year),
                tr("Choose the school year of the test."),
            )
        return grade

    def check_tested(self, key: str, value: object = "x") -> None:
        """Refuse a value for an item this student is not tested on (clearing one is fine)."""
        if key not in INPUT_KEYS:
            raise ValueError(f"not a fitness measurement: {key!r}")
        empty = value is None or (isinstance(value, str) and not value.strip())
        if key not in self.tested and not empty:
            raise not_tested(key, self.grade, self.sex)

    def write(
        self,
        values: Mapping[str, float | None],
        *,
        test_date: dt.date | None = None,
        exempt: tuple[bool, str] | None = None,
        absent: tuple[set[str], bool] | None = None,
        actor: str,
    ) -> FitnessResult:
        old = self.stored
        merged = dict(old.values) if old else starting_values(self.attempt, self.first)
        merged.update(values)
        absent_items = set(old.absent_items) if old else set()
        absent_items -= {k for k, v in values.items() if v is not None}
        if absent is not None:
            items, on = absent
            absent_items = absent_items | items if on else absent_items - items
        is_exempt, reason = (
            exempt
            if exempt is not None
            else ((old.exempt, old.exempt_reason) if old else (False, ""))
        )
        row, result = content(
            student_uuid=self.student.meta.uuid,
            school_year=self.year,
            attempt=self.attempt,
            test_date=test_date.isoformat() if test_date else (old.test_date if old else None),
            grade_code=self.grade,
            sex=self.sex,
            values=merged,
            absent=absent_items,
            exempt=is_exempt,
            exempt_reason=reason,
        )
        if old is None:
            repo_fitness.insert_test(self.db, row, actor)
        else:
            repo_fitness.update_test(self.db, old.uuid, row, actor)
        return result


def starting_values(attempt: str, first: FitnessTest | None) -> dict[str, float | None]:
    """The values a new attempt starts from: a 补测 starts as a copy of the first test, so the
    items not taken again (height, weight, the items passed) keep their first results."""
    if attempt == ATTEMPT_RETEST and first is not None:
        return dict(first.values)
    return dict.fromkeys(INPUT_KEYS)


def _check_retest_allowed(first: FitnessTest | None) -> None:
    if first is None:
        raise UserError(
            tr("There is no first test this year to retest."),
            tr("Enter the first test's results first."),
        )
    if first.exempt:
        raise UserError(
            tr("An exempt (免测) student is not retested."),
            tr("Lift the exemption first if the student was tested."),
        )


def recompute_all(db: Database, *, actor: str) -> int:
    """Rescore every stored attempt (after a standard upgrade); returns how many changed.

    A changed cache is a real change of what the school reports, so it is written like any other
    change: revision + 1 and an audit entry, in one transaction.
    """
    updates: list[repo_fitness.FitnessUpdate] = []
    with db.atomic():
        for test, sex in repo_fitness.iter_live_tests(db):
            stored = repo_fitness.content_of(test)
            fresh, _ = content(
                student_uuid=test.student_uuid,
                school_year=test.school_year,
                attempt=test.attempt,
                test_date=test.test_date,
                grade_code=test.grade_code,
                sex=sex,
                values=test.values,
                absent=test.absent_items,
                exempt=test.exempt,
                exempt_reason=test.exempt_reason,
            )
            old, new = repo_fitness.changed_columns(stored, fresh)
            if new:
                updates.append(repo_fitness.FitnessUpdate(test.uuid, fresh, old, new))
        repo_fitness.update_tests(db, updates, actor)
    return len(updates)
