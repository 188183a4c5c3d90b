"""Arts records of students (写实记录): course records per term and subject (→ 课程学习),
activities with their participants (→ 课外活动) and specialties (→ 发展指标).

Course records are entered for a whole class at once (a grid), so they are saved in bulk: one
transaction, one executemany per kind of change, one audit entry per record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from app.arts.constants import (
    ActivityKind,
    ArtsSubject,
    Rating,
    SpecialtyGroup,
    SpecialtyRoute,
    specialty_group_of,
)
from app.arts.models import Activity, CourseRecord, Specialty
from app.errors import NotFoundError, UserError
from app.i18n import tr
from app.services.arts_common import (
    add_students,
    checked_school_year,
    checked_term,
    class_students_on_roll,
    require_students,
    sync_students,
)
from app.services.workspace import require_school
from app.terms import term_for_date
from app.validation.text import clean_name
from db import repo_arts
from db.records import insert_many, insert_record, tombstone_record, update_record
from db.repo_arts import tombstone_many, update_many


class ArtsRecordInvalid(UserError):
    """Entries with problems; ``errors`` maps a key (student uuid or field) → message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__(tr("The arts records cannot be saved:") + " " + " ".join(errors.values()))


@dataclass(frozen=True)
class CourseEntry:
    student_uuid: str
    attendance_pct: int | None = None
    participation: Rating | None = None
    tasks_completed: int | None = None
    tasks_total: int | None = None
    note: str = ""


@dataclass(frozen=True)
class BatchResult:
    created: int
    updated: int
    unchanged: int


def _course_problem(e: CourseEntry) -> str | None:
    if e.attendance_pct is not None and not 0 <= e.attendance_pct <= 100:
        return tr("Attendance must be between 0 and 100 %.")
    for n in (e.tasks_completed, e.tasks_total):
        if n is not None and n < 0:
            return tr("Task counts cannot be negative.")
    if (
        e.tasks_completed is not None
        and e.tasks_total is not None
        and e.tasks_completed > e.tasks_total
    ):
        return tr(
            "More tasks completed ({done}) than set ({total}).",
            done=e.tasks_completed,
            total=e.tasks_total,
        )
    return None


def save_course_records(
    db: Database,
    *,
    term: str,
    subject: ArtsSubject,
    entries: Sequence[CourseEntry],
    actor: str,
    teacher: str = "",
) -> BatchResult:
    """Create or update one record per entry (student, term, subject); all or nothing."""
    school = require_school(db)
    term = checked_term(term)
    errors = {e.student_uuid: p for e in entries if (p := _course_problem(e))}
    if errors:
        raise ArtsRecordInvalid(errors)
    students = require_students(db, school.code, [e.student_uuid for e in entries])
    if len(students) != len(entries):
        raise ArtsRecordInvalid({"": tr("A student appears twice in the list.")})
    teacher = clean_name(teacher)
    with db.atomic():
        stored = repo_arts.course_rows(db, term, subject.value, students)
        creates, updates, unchanged = [], [], 0
        for e in entries:
            values = {
                "attendance_pct": e.attendance_pct,
                "participation": e.participation.value if e.participation else None,
                "tasks_completed": e.tasks_completed,
                "tasks_total": e.tasks_total,
                "teacher": teacher,
                "note": e.note.strip(),
            }
            old = stored.get(e.student_uuid)
            if old is None:
                creates.append(
                    {
                        "student_uuid": e.student_uuid,
                        "term": term,
                        "subject": subject.value,
                        **values,
                    }
                )
                continue
            new = {k: v for k, v in values.items() if old[k] != v}
            if new:
                updates.append((old["uuid"], {k: old[k] for k in new}, new))
            else:
                unchanged += 1
        insert_many(db, "arts_course_records", creates, actor)
        update_many(db, "arts_course_records", updates, actor)
    return BatchResult(len(creates), len(updates), unchanged)


def class_course_records(
    db: Database, class_uuid: str, term: str, subject: ArtsSubject
) -> list[tuple[str, CourseRecord | None]]:
    """(student uuid, record or None) for every student on the roll of the class: the grid."""
    school = require_school(db)
    students = class_students_on_roll(db, school.code, class_uuid)
    stored = repo_arts.course_rows(db, checked_term(term), subject.value, students)
    return [
        (s, repo_arts.course_record_from_row(stored[s]) if s in stored else None) for s in students
    ]


def student_course_records(db: Database, student_uuid: str) -> list[CourseRecord]:
    return repo_arts.list_course_records(db, student_uuid)


# -- activities -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityInput:
    kind: ActivityKind
    name: str
    term: str
    date: dt.date | None = None
    class_uuid: str | None = None
    programme_uuid: str | None = None
    description: str = ""


def save_activity(
    db: Database, data: ActivityInput, *, actor: str, uuid: str | None = None
) -> Activity:
    school = require_school(db)
    term = checked_term(data.term)
    name = clean_name(data.name)
    if not name:
        raise ArtsRecordInvalid({"name": tr("Enter the activity's name.")})
    if data.date is not None and term_for_date(data.date).code != term:
        raise ArtsRecordInvalid(
            {
                "date": tr(
                    "The date {date} is not in term {term}.", date=data.date.isoformat(), term=term
                )
            }
        )
    values = {
        "term": term,
        "kind": ActivityKind(data.kind).value,
        "name": name,
        "date": data.date.isoformat() if data.date else None,
        "class_uuid": data.class_uuid,
        "programme_uuid": data.programme_uuid,
        "description": data.description.strip(),
    }
    with db.atomic():
        if uuid is None:
            uuid = insert_record(
                db, "arts_activities", {"school_code": school.code, **values}, actor
            )
        else:
            get_activity(db, uuid)
            update_record(db, "arts_activities", uuid, values, actor)
    return get_activity(db, uuid)


def get_activity(db: Database, uuid: str) -> Activity:
    found = repo_arts.get_activity(db, uuid)
    if found is None or found.meta.deleted:
        raise NotFoundError(tr("The activity no longer exists."), tr("Refresh the list."))
    return found


def list_activities(db: Database, term: str | None = None) -> list[Activity]:
    return repo_arts.list_activities(
        db, require_school(db).code, checked_term(term) if term else None
    )


def delete_activity(db: Database, uuid: str, *, actor: str) -> None:
    get_activity(db, uuid)
    with db.atomic():
        current = repo_arts.active_participants(db, uuid)
        tombstone_many(db, "arts_activity_participants", current.values(), actor)
        tombstone_record(db, "arts_activities", uuid, actor)


def set_participants(
    db: Database, activity_uuid: str, student_uuids: Sequence[str], *, actor: str
) -> tuple[int, int]:
    """Make the participant list exactly these students; returns (added, removed)."""
    get_activity(db, activity_uuid)
    students = require_students(db, require_school(db).code, student_uuids)
    with db.atomic():
        current = repo_arts.active_participants(db, activity_uuid)
        return sync_students(
            db,
            "arts_activity_participants",
            {"activity_uuid": activity_uuid},
            current,
            students,
            actor,
        )


def add_class_to_activity(db: Database, activity_uuid: str, class_uuid: str, *, actor: str) -> int:
    """Add every student on the roll of a class (a class performance, a whole-class festival
    entry); returns how many were added."""
    get_activity(db, activity_uuid)
    students = class_students_on_roll(db, require_school(db).code, class_uuid)
    with db.atomic():
        current = repo_arts.active_participants(db, activity_uuid)
        return add_students(
            db,
            "arts_activity_participants",
            {"activity_uuid": activity_uuid},
            current,
            students,
            actor,
        )


def participants(db: Database, activity_uuid: str) -> list[str]:
    return list(repo_arts.active_participants(db, activity_uuid))


# -- specialties ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpecialtyInput:
    student_uuid: str
    school_year: str
    category: str
    route: SpecialtyRoute
    group: SpecialtyGroup | None = None  # derived from the category when it is on the list
    sub_type: str = ""
    level_description: str = ""
    note: str = ""


def save_specialty(
    db: Database, data: SpecialtyInput, *, actor: str, uuid: str | None = None
) -> Specialty:
    school = require_school(db)
    require_students(db, school.code, [data.student_uuid])
    category = clean_name(data.category)
    group = data.group or specialty_group_of(category)
    if not category:
        raise ArtsRecordInvalid({"category": tr("Enter the specialty (e.g. 声乐, 书法, 剪纸).")})
    if group is None:
        raise ArtsRecordInvalid(
            {
                "group": tr(
                    "{category} is not on the list; choose its group (表演, 作品 or 工作坊).",
                    category=category,
                )
            }
        )
    values = {
        "student_uuid": data.student_uuid,
        "school_year": checked_school_year(data.school_year),
        "category_group": group.value,
        "category": category,
        "sub_type": clean_name(data.sub_type),
        "level_description": data.level_description.strip(),
        "route": SpecialtyRoute(data.route).value,
        "note": data.note.strip(),
    }
    with db.atomic():
        if uuid is None:
            uuid = insert_record(db, "arts_specialties", values, actor)
        else:
            _specialty(db, uuid)
            update_record(db, "arts_specialties", uuid, values, actor)
    return _specialty(db, uuid)


def _specialty(db: Database, uuid: str) -> Specialty:
    found = repo_arts.get_specialty(db, uuid)
    if found is None or found.meta.deleted:
        raise NotFoundError(tr("The specialty record no longer exists."), tr("Refresh the list."))
    return found


def delete_specialty(db: Database, uuid: str, *, actor: str) -> None:
    _specialty(db, uuid)
    with db.atomic():
        tombstone_record(db, "arts_specialties", uuid, actor)


def list_specialties(
    db: Database, *, student_uuid: str | None = None, school_year: str | None = None
) -> list[Specialty]:
    return repo_arts.list_specialties(
        db,
        student_uuid=student_uuid,
        school_year=checked_school_year(school_year) if school_year else None,
        school_code=require_school(db).code,
    )
