"""Grade promotion: the moves per stage, graduation, names, refusal of a repeat, the backup taken
first and the single transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import UserError
from app.models import SchoolStage, StudentStatus
from app.services import promotion, roster
from app.services.promotion import next_grade, plan_promotion, promote_grades
from app.services.roster import StudentExtras
from app.services.workspace import Workspace, current_term, init_school
from app.validation.codes import class_display_name
from app.validation.ids import mod11_2_check_char
from db import repo_classes, repo_settings
from db.records import verify_audit_chain
from tests.conftest import TODAY

SUMMER = dt.date(2027, 8, 25)  # promotion into school year 2027-2028


class Roster:
    """Adds students through the roster service, each with a fresh valid ID."""

    def __init__(self, ws: Workspace) -> None:
        self.db = ws.db
        self.count = 0

    def add(
        self, grade: int, class_no: int, n: int = 1, status: StudentStatus = StudentStatus.ENROLLED
    ) -> list[str]:
        uuids = []
        for _ in range(n):
            self.count += 1
            first17 = f"410322201205{self.count // 100 + 1:02d}{self.count % 100:02d}1"
            id_number = first17 + mod11_2_check_char(first17)
            student = roster.save_student(
                self.db,
                {
                    "student_no": "G" + id_number,
                    "name": f"学生{self.count}",
                    "sex": "男",
                    "grade": grade,
                    "class": class_no,
                    "id_number": id_number,
                },
                actor="clerk",
                extras=StudentExtras(status=status),
                today=TODAY,
            )
            uuids.append(student.meta.uuid)
        return uuids


@pytest.fixture
def make_school(workspace: Workspace) -> Callable[[SchoolStage], Roster]:
    def make(stage: SchoolStage) -> Roster:
        init_school(
            workspace.db, code="2141000001", name="测试学校", stage=stage, actor="t", today=TODAY
        )
        return Roster(workspace)

    return make


def classes(ws: Workspace, *, graduated: bool = False) -> dict[tuple[int, int], str]:
    return {
        (c.grade_code, c.class_no): c.name
        for c in repo_classes.list_classes(ws.db, "2141000001", include_graduated=True)
        if c.graduated == graduated
    }


def promote(ws: Workspace, today: dt.date = SUMMER) -> promotion.PromotionReport:
    return promote_grades(ws.db, actor="clerk", backup_dir=ws.paths.backups, today=today)


@pytest.mark.parametrize(
    ("stage", "grade", "expected"),
    [
        (SchoolStage.PRIMARY, 11, 12),
        (SchoolStage.PRIMARY, 15, 16),
        (SchoolStage.PRIMARY, 16, None),
        (SchoolStage.NINE_YEAR, 16, 21),
        (SchoolStage.NINE_YEAR, 22, 23),
        (SchoolStage.NINE_YEAR, 23, None),
        (SchoolStage.JUNIOR, 21, 22),
        (SchoolStage.COMPLETE, 23, None),
        (SchoolStage.COMPLETE, 31, 32),
        (SchoolStage.SENIOR, 33, None),
    ],
)
def test_next_grade(stage: SchoolStage, grade: int, expected: int | None) -> None:
    assert next_grade(stage, grade) == expected


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (dt.date(2027, 8, 25), "2027-2028"),
        (dt.date(2027, 9, 3), "2027-2028"),
        (dt.date(2027, 6, 30), "2027-2028"),
        (dt.date(2028, 3, 1), "2027-2028"),  # a late catch-up during the school year
    ],
)
def test_the_school_year_promoted_into(today: dt.date, year: str) -> None:
    assert promotion.promotion_school_year(today) == year


def test_primary_school_moves_up_and_its_sixth_grade_graduates(
    workspace: Workspace, make_school: Callable[[SchoolStage], Roster]
) -> None:
    r = make_school(SchoolStage.PRIMARY)
    r.add(11, 1, 2)
    r.add(15, 2, 3)
    sixth = r.add(16, 1, 4)
    plan = plan_promotion(workspace.db, today=SUMMER)
    assert plan.school_year == "2027-2028"
    assert [(m.from_grade, m.to_grade, m.on_roll) for m in plan.moves] == [
        (16, None, 4),
        (15, 16, 3),
        (11, 12, 2),
    ]
    report = promote(workspace)
    assert (report.classes_promoted, report.classes_graduated, report.students_graduated) == (
        2,
        1,
        4,
    )
    assert classes(workspace) == {(12, 1): "二年级(1)班", (16, 2): "六年级(2)班"}
    assert classes(workspace, graduated=True) == {(16, 1): "六年级(1)班"}
    for uuid in sixth:
        assert roster.get_student(workspace.db, uuid).status is StudentStatus.GRADUATED
        [event] = roster.student_history(workspace.db, uuid)
        assert (event["kind"], event["date"]) == ("graduate", SUMMER.isoformat())
        assert (event["old_value"], event["new_value"]) == ("enrolled", "graduated")
    assert verify_audit_chain(workspace.db) is None


def test_nine_year_school_continues_from_sixth_to_seventh_grade(
    workspace: Workspace, make_school: Callable[[SchoolStage], Roster]
) -> None:
    r = make_school(SchoolStage.NINE_YEAR)
    sixth = r.add(16, 1, 2)
    r.add(21, 1)
    r.add(22, 1)
    ninth = r.add(23, 1)
    promote(workspace)
    # 16-1 moved into 21-1 while the old 21-1 had left for 22-1: no unique-index collision.
    assert classes(workspace) == {
        (21, 1): "七年级(1)班",
        (22, 1): "八年级(1)班",
        (23, 1): "九年级(1)班",
    }
    assert classes(workspace, graduated=True) == {(23, 1): "九年级(1)班"}
    assert all(roster.get_student(workspace.db, u).status is StudentStatus.ENROLLED for u in sixth)
    [row] = roster.find_students(workspace.db, grade_code=21)[:1]
    assert row.student.meta.uuid in sixth
    assert roster.get_student(workspace.db, ninth[0]).status is StudentStatus.GRADUATED


def test_junior_school_graduates_grade_23(
    workspace: Workspace, make_school: Callable[[SchoolStage], Roster]
) -> None:
    r = make_school(SchoolStage.JUNIOR)
    r.add(21, 1)
    r.add(21, 2)
    r.add(22, 1)
    r.add(23, 1, 3)
    report = promote(workspace)
    assert report.students_graduated == 3
    assert set(classes(workspace)) == {(22, 1), (22, 2), (23, 1)}


def test_only_on_roll_students_graduate(
    workspace: Workspace, make_school: Callable[[SchoolStage], Roster]
) -> None:
    r = make_school(SchoolStage.JUNIOR)
    [enrolled] = r.add(23, 1)
    [came_in] = r.add(23, 1, status=StudentStatus.TRANSFERRED_IN)
    [suspended] = r.add(23, 1, status=StudentStatus.SUSPENDED)
    [left] = r.add(23, 1, status=StudentStatus.TRANSFERRED_OUT)
    plan = plan_promotion(workspace.db, today=SUMMER)
    assert (plan.moves[0].on_roll, plan.moves[0].suspended) == (2, 1)
    assert promote(workspace).students_graduated == 2
    status = {
        u: roster.get_student(workspace.db, u).status for u in (enrolled, came_in, suspended, left)
    }
    assert status == {
        enrolled: StudentStatus.GRADUATED,
        came_in: StudentStatus.GRADUATED,
        suspended: StudentStatus.SUSPENDED,
        left: StudentStatus.TRANSFERRED_OUT,
    }
    assert roster.student_history(workspace.db, left) == []


def test_a_custom_class_name_is_kept(
    workspace: Workspace, make_school: Callable[[SchoolStage], Roster]
) -> None:
    r = make_school(SchoolStage.PRIMARY)
    r.add(13, 1)
    r.add(13, 2)
    [custom] = [c for c in repo_classes.list_classes(workspace.db, "2141000001") if c.class_no == 2]
    repo_classes.update_class(workspace.db, custom.meta.uuid, {"name": "火箭班"}, "clerk")
    promote(workspace)
    assert classes(workspace) == {(14, 1): class_display_name(14, 1), (14, 2): "火箭班"}


def test_a_second_promotion_in_the_same_school_year_is_refused(
    workspace: Workspace, make_school: Callable[[SchoolStage], Roster]
) -> None:
    r = make_school(SchoolStage.PRIMARY)
    r.add(11, 1)
    report = promote(workspace)
    assert repo_settings.get_setting(workspace.db, "last_promotion_year") == "2027-2028"
    assert report.term == current_term(workspace.db).code == "2027-2028-1"
    backups = sorted(workspace.paths.backups.glob("before-promotion-*.sqlite3"))
    with pytest.raises(UserError) as info:
        promote(workspace, today=SUMMER + dt.timedelta(days=30))
    assert "already promoted for school year 2027-2028" in info.value.what
    assert "backup" in info.value.todo
    with pytest.raises(UserError):
        plan_promotion(workspace.db, today=SUMMER)
    assert set(classes(workspace)) == {(12, 1)}, "nothing moved twice"
    assert sorted(workspace.paths.backups.glob("before-promotion-*.sqlite3")) == backups
    # The next school year is allowed again.
    promote(workspace, today=dt.date(2028, 8, 25))
    assert set(classes(workspace)) == {(13, 1)}


def test_no_classes_is_a_user_error(
    workspace: Workspace, make_school: Callable[[SchoolStage], Roster]
) -> None:
    make_school(SchoolStage.PRIMARY)
    with pytest.raises(UserError, match="no classes to promote"):
        promote(workspace)


def test_the_backup_holds_the_data_before_the_promotion(
    workspace: Workspace, make_school: Callable[[SchoolStage], Roster]
) -> None:
    r = make_school(SchoolStage.PRIMARY)
    r.add(11, 1, 2)
    r.add(16, 1)
    report = promote(workspace)
    assert report.backup.parent == workspace.paths.backups
    assert report.backup.name.startswith("before-promotion-")
    assert report.backup.suffix == ".sqlite3"
    copy = sqlite3.connect(report.backup)
    try:
        grades = copy.execute("SELECT grade_code, graduated FROM classes ORDER BY grade_code")
        assert grades.fetchall() == [(11, 0), (16, 0)]
        statuses = copy.execute("SELECT DISTINCT status FROM students").fetchall()
        assert statuses == [("enrolled",)]
        assert copy.execute("SELECT count(*) FROM students").fetchone()[0] == 3
    finally:
        copy.close()


def dump(db: Any) -> list[str]:
    return list(db.conn.iterdump())


def test_a_failure_midway_changes_nothing(
    workspace: Workspace,
    make_school: Callable[[SchoolStage], Roster],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    r = make_school(SchoolStage.NINE_YEAR)
    for grade in (14, 15, 16, 21, 23):
        r.add(grade, 1, 2)
    before = dump(workspace.db)
    real_update = repo_classes.update_class
    calls = []

    def failing_update(*args: Any, **kwargs: Any) -> bool:
        calls.append(args)
        if len(calls) == 3:
            raise RuntimeError("disk unplugged")
        return real_update(*args, **kwargs)

    monkeypatch.setattr(repo_classes, "update_class", failing_update)
    with pytest.raises(RuntimeError, match="disk unplugged"):
        promote(workspace)
    assert len(calls) == 3, "two classes (and the graduates) were written before the failure"
    assert dump(workspace.db) == before
    assert not workspace.db.conn.in_transaction


def test_the_term_never_moves_backwards(
    workspace: Workspace, make_school: Callable[[SchoolStage], Roster]
) -> None:
    r = make_school(SchoolStage.PRIMARY)
    r.add(11, 1)
    repo_settings.set_setting(workspace.db, "current_term", "2028-2029-1")
    assert promote(workspace).term == "2028-2029-1"
    assert current_term(workspace.db).code == "2028-2029-1"


def test_a_demo_sized_school_promotes_with_every_record_audited(tmp_path: Path) -> None:
    from app.services.demo import create_demo_school
    from app.services.workspace import open_workspace

    ws = open_workspace(tmp_path / "demo")
    try:
        create_demo_school(ws.db, students=900, seed=5, actor="t", today=TODAY)
        plan = plan_promotion(ws.db, today=SUMMER)
        report = promote(ws)
        graduating = plan.graduating
        assert report.students_graduated == sum(m.on_roll for m in graduating) > 0
        assert {m.from_grade for m in graduating} == {23}
        assert {c[0] for c in classes_of(ws)} == {12, 13, 14, 15, 16, 21, 22, 23}
        assert verify_audit_chain(ws.db) is None
    finally:
        ws.close()


def classes_of(ws: Workspace) -> set[tuple[int, int]]:
    return {(c.grade_code, c.class_no) for c in roster.list_classes(ws.db)}
