"""Roster use cases: browse classes and students, add or edit a student, record transfers and
status changes. The student dialog and the CLI both come through here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from app.errors import NotFoundError, UserError
from app.i18n import tr
from app.models import STAGE_GRADES, SchoolClass, Student, StudentRow, StudentStatus
from app.services.workspace import require_school
from app.validation.codes import class_display_name
from app.validation.student import StudentFields, validate_student
from app.validation.text import clean_name
from db import repo_classes, repo_students
from db.repo_students import StudentQuery


class StudentInvalid(UserError):
    """The student form has field errors; ``errors`` maps field key → message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__(tr("The student cannot be saved:") + " " + " ".join(errors.values()))


def list_classes(db: Database) -> list[SchoolClass]:
    return repo_classes.list_classes(db, require_school(db).code)


def find_students(
    db: Database,
    *,
    class_uuid: str | None = None,
    grade_code: int | None = None,
    statuses: tuple[StudentStatus, ...] = (),
    text: str = "",
) -> list[StudentRow]:
    school = require_school(db)
    return repo_students.list_students(
        db,
        StudentQuery(
            school_code=school.code,
            class_uuid=class_uuid,
            grade_code=grade_code,
            statuses=statuses,
            text=text,
        ),
    )


def get_student(db: Database, uuid: str) -> Student:
    student = repo_students.get_student(db, uuid)
    if student is None or student.meta.deleted:
        raise NotFoundError(tr("The student no longer exists."), tr("Refresh the list."))
    return student


def ensure_class(db: Database, school_code: str, grade_code: int, class_no: int, actor: str) -> str:
    """The uuid of the active class (grade, number), created with its conventional name if new."""
    found = repo_classes.find_active_class(db, school_code, grade_code, class_no)
    if found is not None:
        return found.meta.uuid
    return repo_classes.create_class(
        db,
        school_code=school_code,
        grade_code=grade_code,
        class_no=class_no,
        name=class_display_name(grade_code, class_no),
        actor=actor,
    )


@dataclass(frozen=True)
class StudentExtras:
    """Fields of the dialog that the roster file does not carry."""

    status: StudentStatus = StudentStatus.ENROLLED
    pe_exempt: bool = False
    pe_exempt_reason: str = ""


def validate_student_form(
    db: Database, raw: Mapping[str, object], *, today: dt.date | None = None
) -> tuple[StudentFields | None, dict[str, str]]:
    """Field-by-field check for the dialog, with the school's grades."""
    school = require_school(db)
    return validate_student(raw, today=today, allowed_grades=STAGE_GRADES[school.stage])


def save_student(
    db: Database,
    raw: Mapping[str, object],
    *,
    actor: str,
    uuid: str | None = None,
    extras: StudentExtras = StudentExtras(),
    today: dt.date | None = None,
) -> Student:
    """Create (uuid None) or update a student; raises StudentInvalid with per-field messages."""
    school = require_school(db)
    fields, errors = validate_student_form(db, raw, today=today)
    if fields is None:
        raise StudentInvalid(errors)
    if extras.pe_exempt and not extras.pe_exempt_reason.strip():
        raise StudentInvalid({"pe_exempt_reason": tr("Give the reason for the PE exemption.")})
    other = repo_students.find_by_student_no(db, fields.student_no)
    if other is not None and other.meta.uuid != uuid:
        raise StudentInvalid(
            {
                "student_no": tr(
                    "Student number {number} already belongs to {name}.",
                    number=fields.student_no,
                    name=other.name,
                )
            }
        )
    with db.atomic():
        class_uuid = ensure_class(db, school.code, fields.grade_code, fields.class_no, actor)
        values = {
            "school_code": school.code,
            "student_no": fields.student_no,
            "name": fields.name,
            "sex": fields.sex.value,
            "birth_date": fields.birth_date.isoformat(),
            "ethnicity_code": fields.ethnicity_code,
            "id_number": fields.id_number,
            "class_uuid": class_uuid,
            "status": extras.status.value,
            "pe_exempt": int(extras.pe_exempt),
            "pe_exempt_reason": extras.pe_exempt_reason.strip(),
        }
        if uuid is None:
            uuid = repo_students.create_student(db, values, actor)
        else:
            before = get_student(db, uuid)
            repo_students.update_student(db, uuid, values, actor)
            if before.student_no != fields.student_no:
                # An L (temporary) number becoming a G number keeps its history.
                repo_students.add_event(
                    db,
                    student_uuid=uuid,
                    kind="renumber",
                    date=today or dt.date.today(),
                    note="",
                    actor=actor,
                    old_value=before.student_no,
                    new_value=fields.student_no,
                )
    return get_student(db, uuid)


_EVENT_FOR_STATUS = {
    StudentStatus.TRANSFERRED_OUT: "transfer_out",
    StudentStatus.TRANSFERRED_IN: "transfer_in",
    StudentStatus.SUSPENDED: "suspend",
    StudentStatus.ENROLLED: "resume",
    StudentStatus.GRADUATED: "graduate",
}


def change_status(
    db: Database,
    uuid: str,
    status: StudentStatus,
    *,
    date: dt.date,
    note: str,
    actor: str,
) -> Student:
    """Record a transfer out/in, a suspension, a return or a graduation, with its date and note."""
    student = get_student(db, uuid)
    if student.status == status:
        return student
    with db.atomic():
        repo_students.update_student(db, uuid, {"status": status.value}, actor)
        repo_students.add_event(
            db,
            student_uuid=uuid,
            kind=_EVENT_FOR_STATUS[status],
            date=date,
            note=note.strip(),
            actor=actor,
            old_value=student.status.value,
            new_value=status.value,
        )
    return get_student(db, uuid)


def student_history(db: Database, uuid: str) -> list[dict[str, object]]:
    return repo_students.list_events(db, uuid)


def update_class_details(
    db: Database, class_uuid: str, *, name: str, head_teacher: str, actor: str
) -> SchoolClass:
    """Rename a class (e.g. 三(2)班 → 火箭班) or record its head teacher (班主任)."""
    found = repo_classes.get_class(db, class_uuid)
    if found is None or found.meta.deleted:
        raise NotFoundError(tr("The class no longer exists."), tr("Refresh the list."))
    name = clean_name(name)
    if not name:
        raise UserError(tr("The class name is empty."), tr("Enter a name such as 三(2)班."))
    with db.atomic():
        repo_classes.update_class(
            db, class_uuid, {"name": name, "head_teacher": clean_name(head_teacher)}, actor
        )
    updated = repo_classes.get_class(db, class_uuid)
    assert updated is not None
    return updated
