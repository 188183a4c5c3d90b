"""The roster import's comparison with the database and its one-transaction bulk write.

Bulk on purpose (DESIGN.md §1): students go in through ``executemany`` with the same meta columns
``db.records.insert_record``/``update_record`` would write one by one. The created students are
audited by one ``create_many`` entry naming the file, a changed student by its own entry with
the old and new values of what changed (db/records.py says why).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from app.errors import Cancelled
from app.models import StudentStatus
from app.services.roster_rows import ValidRow
from app.validation.codes import class_display_name
from app.validation.student import StudentFields
from db.records import (
    EncodedEntry,
    append_audit_encoded,
    canonical_json,
    created_batch_entry,
    new_uuids,
    now_utc,
)
from db.repo_classes import active_class_index, create_class
from db.repo_students import STUDENT_CONTENT_COLUMNS, students_by_number

CHUNK = 2000  # rows per executemany between cancel checks
# The columns an import sets; status and 体育免修 belong to the roster's own screens.
IMPORTED_COLUMNS = ("name", "sex", "birth_date", "ethnicity_code", "id_number", "class_uuid")
# A created student's columns: those that differ from student to student (in the order
# _new_student gives them), the school, and what every imported student starts with.
_VARYING_COLUMNS = (
    "uuid",
    "student_no",
    "name",
    "sex",
    "birth_date",
    "ethnicity_code",
    "id_number",
    "class_uuid",
)
_NEW_STUDENT_DEFAULTS = {
    "status": StudentStatus.ENROLLED.value,
    "pe_exempt": 0,
    "pe_exempt_reason": "",
}
if {*_VARYING_COLUMNS, "school_code", *_NEW_STUDENT_DEFAULTS} != {"uuid", *STUDENT_CONTENT_COLUMNS}:
    raise RuntimeError("roster_writes' created columns are out of step with the students table")
_INSERT = (
    f"INSERT INTO students ({', '.join(_VARYING_COLUMNS)}, school_code,"
    f" {', '.join(_NEW_STUDENT_DEFAULTS)}, updated_at, updated_by, revision, deleted)"
    f" VALUES ({', '.join('?' * (len(_VARYING_COLUMNS) + len(_NEW_STUDENT_DEFAULTS) + 3))}, 1, 0)"
)  # + 3: school_code, updated_at, updated_by
_imported = itemgetter(*IMPORTED_COLUMNS)
_UPDATE = (
    "UPDATE students SET name = ?, sex = ?, birth_date = ?, ethnicity_code = ?, id_number = ?,"
    " class_uuid = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE uuid = ?"
)


@dataclass(frozen=True)
class StudentUpdate:
    uuid: str
    old: dict[str, Any]  # changed columns, stored values
    new: dict[str, Any]  # changed columns, imported values
    values: dict[str, Any]  # every imported column as it will be stored


@dataclass
class RosterDiff:
    # New students with the uuid of their class: the row is built straight into the INSERT's
    # parameters at write time, without an intermediate dict per student.
    creates: list[tuple[StudentFields, str]] = field(default_factory=list)
    updates: list[StudentUpdate] = field(default_factory=list)
    unchanged: int = 0
    new_classes: list[tuple[int, int]] = field(default_factory=list)


def compare(
    db: Database,
    school_code: str,
    valid: Sequence[ValidRow],
    *,
    classes: Mapping[tuple[int, int], str] | None,
) -> RosterDiff:
    """What importing ``valid`` would change; classes missing from ``classes`` are new."""
    index = dict(classes) if classes is not None else active_class_index(db, school_code)
    stored = students_by_number(db, school_code)
    diff = RosterDiff()
    for v in valid:
        f = v.fields
        key = (f.grade_code, f.class_no)
        class_uuid = index.get(key)
        if class_uuid is None:
            diff.new_classes.append(key)
            class_uuid = index[key] = f"(new class {key})"  # differs from every stored uuid
        old = stored.get(f.student_no)
        if old is None:
            diff.creates.append((f, class_uuid))
            continue
        update = _update(f, class_uuid, v.given, old)
        if update is None:
            diff.unchanged += 1
        else:
            diff.updates.append(update)
    return diff


def _update(
    f: StudentFields, class_uuid: str, given: frozenset[str], old: Mapping[str, Any]
) -> StudentUpdate | None:
    values: dict[str, Any] = {
        "name": f.name,
        "sex": f.sex.value,
        "birth_date": f.birth_date.isoformat(),
        "ethnicity_code": f.ethnicity_code,
        "id_number": f.id_number,
        "class_uuid": class_uuid,
    }
    # A blank optional cell keeps what is stored: an import never erases data.
    if "ethnicity" not in given:
        values["ethnicity_code"] = old["ethnicity_code"]
    if "id_number" not in given:
        values["id_number"] = old["id_number"]
    changed = {k: val for k, val in values.items() if old[k] != val}
    if not changed:
        return None
    return StudentUpdate(old["uuid"], {k: old[k] for k in changed}, changed, values)


def write_roster(
    db: Database,
    school_code: str,
    valid: Sequence[ValidRow],
    *,
    actor: str,
    source: str = "roster import",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RosterDiff:
    """Create missing classes, insert new and update changed students, audit it: one transaction.
    ``source`` (e.g. the file's name) goes into the audit entry of the created students."""
    total = len(valid)
    _tick(0, total, progress, cancelled)
    with db.atomic():
        index = _create_classes(db, school_code, valid, actor)
        diff = compare(db, school_code, valid, classes=index)
        at = now_utc()
        audit: list[EncodedEntry] = []
        created_uuids: list[str] = []
        done = diff.unchanged
        same = (school_code, *_NEW_STUDENT_DEFAULTS.values(), at, actor)  # the INSERT's tail
        # Handed out in sorted order, so the uuid indexes of students and audit_log are appended
        # to rather than updated at random places (the uuids themselves stay random).
        uuids = iter(new_uuids(len(diff.creates)))
        for chunk in _chunks(diff.creates):
            created = [_new_student(next(uuids), f, c, same) for f, c in chunk]
            db.conn.executemany(_INSERT, created)
            created_uuids.extend(c[0] for c in created)
            done += len(chunk)
            _tick(done, total, progress, cancelled)
        for chunk in _chunks(diff.updates):
            db.conn.executemany(_UPDATE, [(*_imported(u.values), at, actor, u.uuid) for u in chunk])
            audit.extend(
                ("students", u.uuid, "update", canonical_json(u.old), canonical_json(u.new))
                for u in chunk
            )
            done += len(chunk)
            _tick(done, total, progress, cancelled)
        if created_uuids:
            audit.append(created_batch_entry("students", canonical_json(created_uuids), source))
        append_audit_encoded(db, actor, audit)
    return diff


def _create_classes(
    db: Database, school_code: str, valid: Sequence[ValidRow], actor: str
) -> dict[tuple[int, int], str]:
    """The school's class index, with the classes ``valid`` names but the school lacks added."""
    index = active_class_index(db, school_code)
    for grade, no in sorted({(v.fields.grade_code, v.fields.class_no) for v in valid}):
        if (grade, no) not in index:
            index[grade, no] = create_class(
                db,
                school_code=school_code,
                grade_code=grade,
                class_no=no,
                name=class_display_name(grade, no),
                actor=actor,
            )
    return index


def _new_student(
    uuid: str, f: StudentFields, class_uuid: str, same: tuple[Any, ...]
) -> tuple[Any, ...]:
    """A new student's INSERT parameters: _VARYING_COLUMNS, then ``same`` (the columns that are
    the same for every student of the import)."""
    birth = f.birth_date.isoformat()
    return (uuid, f.student_no, f.name, f.sex.value, birth, f.ethnicity_code, f.id_number,
            class_uuid, *same)  # fmt: skip


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _tick(
    done: int,
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(done, total)
