"""The completeness check before an export: a list of checks, each a plain function."""

from __future__ import annotations

from app.models import StudentStatus
from app.packets import completeness
from app.services import packet_export
from app.services.demo import create_demo_school
from app.services.roster import ensure_class
from app.services.workspace import Workspace, require_school
from app.terms import parse_term
from db import repo_students
from db.records import insert_record
from tests.conftest import TODAY

TERM = "2026-2027-1"


def report(ws: Workspace) -> completeness.CompletenessReport:
    plan = packet_export.plan_export(ws.db, term=TERM)
    return packet_export.check_completeness(ws.db, plan)


def test_a_school_without_students_is_reported(school_ws: Workspace) -> None:
    result = report(school_ws)
    assert [f.check for f in result.findings] == ["no_students_on_roll"]
    assert not result.complete


def test_a_complete_demo_school_has_no_findings(workspace: Workspace) -> None:
    create_demo_school(workspace.db, students=60, seed=5, actor="t", today=TODAY)
    # The demo marks a few items 缺测 (demo_fitness.ABSENT_RATE): the one gap it leaves.
    assert [f.check for f in report(workspace).findings] == ["fitness_incomplete"]


def test_empty_classes_and_invalid_records_are_reported(workspace: Workspace) -> None:
    create_demo_school(workspace.db, students=60, seed=6, actor="t", today=TODAY)
    db = workspace.db
    school = require_school(db)
    with db.atomic():
        empty = ensure_class(db, school.code, 16, 9, "t")
        some = repo_students.list_students(db, repo_students.StudentQuery(school.code))[0].student
        insert_record(
            db,
            "students",
            {
                **repo_students.student_values(some),
                "student_no": "G410308201603090011",  # wrong check character
                "id_number": None,
                "class_uuid": empty,
                "status": StudentStatus.TRANSFERRED_OUT.value,  # not on the roll
            },
            "t",
        )
    result = report(workspace)
    by_check = {f.check: f for f in result.findings}
    assert set(by_check) == {"classes_without_students", "invalid_records", "fitness_incomplete"}
    assert by_check["classes_without_students"].count == 1
    assert by_check["classes_without_students"].examples == ("六年级(9)班",)
    assert by_check["invalid_records"].count == 1
    assert "check character" in by_check["invalid_records"].examples[0]


def test_checks_are_a_plain_list_that_can_grow(school_ws: Workspace) -> None:
    def always(ctx: completeness.CheckContext) -> list[completeness.Finding]:
        return [completeness.Finding("labor", f"{ctx.term.code}: no labor records", 3)]

    ctx = completeness.CheckContext(school_ws.db, "2141003456", parse_term(TERM), {})
    result = completeness.run_checks(ctx, (*completeness.CHECKS, always))
    assert [f.check for f in result.findings] == ["no_students_on_roll", "labor"]
