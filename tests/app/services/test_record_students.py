"""Naming the student a flagged record is about, on a real demo school."""

from __future__ import annotations

from app.services.demo import create_demo_school
from app.services.record_students import student_names
from app.services.workspace import Workspace
from tests.conftest import TODAY


def test_students_and_student_records_are_named_others_left_out(workspace: Workspace) -> None:
    create_demo_school(workspace.db, students=30, seed=3, actor="tester", today=TODAY)
    db = workspace.db
    student_uuid, name = db.execute("SELECT uuid, name FROM students ORDER BY uuid").fetchone()
    participation, of_student = db.execute(
        "SELECT p.uuid, s.name FROM labor_participations p JOIN students s "
        "ON s.uuid = p.student_uuid ORDER BY p.uuid"
    ).fetchone()
    class_uuid = db.execute("SELECT uuid FROM classes").fetchone()[0]
    refs = [
        ("students", student_uuid),
        ("labor_participations", participation),
        ("classes", class_uuid),  # not a student's record
        ("students", "00000000-0000-4000-8000-000000000000"),  # not held here
        ("no_such_table", student_uuid),
    ]
    assert student_names(db, refs) == {
        ("students", student_uuid): name,
        ("labor_participations", participation): of_student,
    }


def test_many_records_are_looked_up_in_chunks(workspace: Workspace) -> None:
    create_demo_school(workspace.db, students=30, seed=3, actor="tester", today=TODAY)
    rows = workspace.db.execute("SELECT uuid FROM labor_participations").fetchall()
    assert len(rows) > 500  # more than one chunk of host parameters
    names = student_names(workspace.db, [("labor_participations", r[0]) for r in rows])
    assert len(names) == len(rows) and all(names.values())
