"""The completeness check's fitness and labor duties: students of the roll without a complete
体质健康 result for the term's 学年, classes without a labor record in the term, and fitness
scores the bureau would reject."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import StudentStatus
from app.packets import completeness
from app.services import fitness_records, packet_export
from app.services.demo import create_demo_school
from app.services.roster import change_status
from app.services.workspace import Workspace, require_school
from db.records import insert_record, update_record
from tests.conftest import TODAY

TERM = "2026-2027-1"
YEAR = TERM[:9]
# A plausible value for each item, as a clerk would type it (times in seconds).
TYPED = {"height_cm": 150.0, "weight_kg": 40.0, "vital_capacity": 1800, "run_50m": 9.5,
         "sit_and_reach": 6.5, "rope_skip_1min": 110, "sit_up_1min": 30, "shuttle_50m_x8": 110,
         "standing_long_jump": 160, "pull_up": 4, "run_1000m": 250, "run_800m": 240}  # fmt: skip


@pytest.fixture
def demo(workspace: Workspace) -> Workspace:
    create_demo_school(workspace.db, students=60, seed=5, actor="t", today=TODAY)
    return workspace


def findings(ws: Workspace, term: str = TERM) -> dict[str, completeness.Finding]:
    plan = packet_export.plan_export(ws.db, term=term)
    return {f.check: f for f in packet_export.check_completeness(ws.db, plan).findings}


def students(ws: Workspace, where: str) -> list[dict[str, object]]:
    """On-roll students with their class name and first test of the year, filtered by ``where``."""
    sql = (
        "SELECT s.uuid, s.name, c.name AS class_name, t.uuid AS test_uuid, t.absent_items "
        "FROM students s JOIN classes c ON c.uuid = s.class_uuid "
        "JOIN fitness_tests t ON t.student_uuid = s.uuid AND t.school_year = ? "
        "AND t.attempt = 'first' AND t.deleted = 0 "
        "WHERE s.status IN ('enrolled', 'transferred_in') AND s.pe_exempt = 0 AND " + where
    )
    return list(ws.db.query(sql + " ORDER BY c.grade_code, c.class_no, s.name", [YEAR]))


def complete_student(ws: Workspace) -> dict[str, object]:
    return students(
        ws,
        "t.total_score IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fitness_tests r WHERE "
        "r.student_uuid = s.uuid AND r.school_year = t.school_year AND r.attempt = 'retest')",
    )[0]


def test_a_result_with_an_item_absent_is_incomplete(demo: Workspace) -> None:
    [absent] = students(demo, "t.total_score IS NULL AND t.exempt = 0")
    found = findings(demo)
    assert set(found) == {"fitness_incomplete"}
    assert found["fitness_incomplete"].count == 1
    assert found["fitness_incomplete"].examples == (f"{absent['class_name']} {absent['name']}",)
    assert YEAR in found["fitness_incomplete"].message


def test_a_retest_that_completes_the_year_settles_it(demo: Workspace) -> None:
    [absent] = students(demo, "t.total_score IS NULL AND t.exempt = 0")
    items = [k for k in TYPED if k in str(absent["absent_items"])]
    assert items, "the demo's incomplete result has a 缺测 item"
    values = {k: TYPED[k] for k in items}
    fitness_records.record_retest(demo.db, str(absent["uuid"]), YEAR, values, actor="t")
    assert "fitness_incomplete" not in findings(demo)


def test_a_student_without_any_result_is_reported_unless_exempt_or_gone(demo: Workspace) -> None:
    student = complete_student(demo)
    uuid = str(student["uuid"])
    fitness_records.delete_attempt(demo.db, uuid, YEAR, "first", actor="t")
    found = findings(demo)["students_without_fitness"]
    assert (found.count, found.examples) == (1, (f"{student['class_name']} {student['name']}",))
    with demo.db.atomic():
        update_record(
            demo.db, "students", uuid, {"pe_exempt": 1, "pe_exempt_reason": "心脏病"}, "t"
        )
    assert "students_without_fitness" not in findings(demo)
    with demo.db.atomic():
        update_record(demo.db, "students", uuid, {"pe_exempt": 0, "pe_exempt_reason": ""}, "t")
    change_status(demo.db, uuid, StudentStatus.TRANSFERRED_OUT, date=TODAY, note="", actor="t")
    assert "students_without_fitness" not in findings(demo)


def test_an_exempt_result_counts_as_done(demo: Workspace) -> None:
    student = complete_student(demo)
    fitness_records.set_exempt(demo.db, str(student["uuid"]), YEAR, "骨折，有医院证明", actor="t")
    assert set(findings(demo)) == {"fitness_incomplete"}  # the demo's one 缺测, nothing new


def test_scores_the_bureau_would_reject_are_invalid_records(demo: Workspace) -> None:
    student = complete_student(demo)
    test = demo.db.execute(
        "SELECT uuid, standard_score, total_score FROM fitness_tests WHERE uuid = ?",
        [student["test_uuid"]],
    ).fetchone()
    changes = {"standard_score": test[1] + 5, "total_score": test[2] + 5}  # shape still right
    with demo.db.atomic():
        update_record(demo.db, "fitness_tests", test[0], changes, "t")
    found = findings(demo)["invalid_records"]
    assert found.count == 1
    assert found.examples[0].startswith(f"fitness_tests {test[0]}: ")
    assert "differs from the scoring engine" in found.examples[0]


def test_classes_without_labor_in_the_term_are_reported(demo: Workspace) -> None:
    assert "classes_without_labor" not in findings(demo)  # the demo's term has labor everywhere
    later = "2026-2027-2"
    classes = list(demo.db.query("SELECT uuid, name FROM classes ORDER BY grade_code, class_no"))
    found = findings(demo, later)["classes_without_labor"]
    assert found.count == len(classes) and later in found.message
    school = require_school(demo.db).code
    first, second, third = classes[:3]
    pupils = [
        demo.db.execute(
            "SELECT uuid FROM students WHERE class_uuid = ? AND status = 'enrolled'", [c["uuid"]]
        ).fetchone()[0]
        for c in (second, third)
    ]
    entries = (
        (first["uuid"], None, None),
        (None, pupils[0], "present"),
        (None, pupils[1], "absent"),
    )
    with demo.db.atomic():
        for class_uuid, student, status in entries:
            activity = insert_record(
                demo.db,
                "labor_activities",
                {
                    "school_code": school,
                    "term": later,
                    "date": dt.date(2027, 3, 12).isoformat(),
                    "category": "daily",
                    "task_group": 1,
                    "project": "整理书包",
                    "setting": "classroom",
                    "minutes": 30,
                    "description": "",
                    "class_uuid": class_uuid,
                    "organiser": "",
                },
                "t",
            )
            if student is not None:
                insert_record(
                    demo.db,
                    "labor_participations",
                    {
                        "activity_uuid": activity,
                        "student_uuid": student,
                        "status": status,
                        "minutes": 30,
                        "ratings": "{}",
                        "note": "",
                    },
                    "t",
                )
    found = findings(demo, later)["classes_without_labor"]
    assert found.count == len(classes) - 2  # by the class's activity, by a pupil present
    assert first["name"] not in found.examples and second["name"] not in found.examples
    assert third["name"] in found.examples  # absent from an activity is no labor record
