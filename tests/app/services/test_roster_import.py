"""Roster import, the database side: commit, dry run, re-import, updates, cancel, progress."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.errors import Cancelled, UserError
from app.services.roster_import import (
    commit_roster_import,
    guess_roster_mapping,
    import_roster,
    plan_roster_import,
    read_roster_file,
)
from app.services.workspace import Workspace
from db.records import verify_audit_chain
from tests.app.services.roster_files import HEADERS, dump, student_row, write_xlsx
from tests.conftest import TODAY


def roster(tmp_path: Path, *rows: list[object], name: str = "roster.xlsx") -> Path:
    return write_xlsx(tmp_path / name, [HEADERS, *rows])


def three_students(tmp_path: Path) -> Path:
    return roster(
        tmp_path,
        student_row(1),
        student_row(2),
        student_row(3, grade="一年级", klass="1班"),
    )


def students(ws: Workspace) -> dict[str, dict[str, Any]]:
    return {r["student_no"]: r for r in ws.db.query("SELECT * FROM students")}


def audit(ws: Workspace, table: str) -> list[dict[str, Any]]:
    return list(ws.db.query("SELECT * FROM audit_log WHERE table_name = ? ORDER BY id", [table]))


def test_commit_creates_the_classes_and_the_students(school_ws: Workspace, tmp_path: Path) -> None:
    report = import_roster(school_ws.db, three_students(tmp_path), actor="clerk", today=TODAY)

    assert (report.created, report.updated, report.unchanged, report.rejected) == (3, 0, 0, [])
    assert report.committed and report.headers == tuple(HEADERS)
    classes = {
        (r["grade_code"], r["class_no"]): r
        for r in school_ws.db.query("SELECT * FROM classes WHERE deleted = 0")
    }
    assert {k: c["name"] for k, c in classes.items()} == {
        (13, 2): "三年级(2)班",
        (11, 1): "一年级(1)班",
    }
    stored = students(school_ws)
    first = stored[str(student_row(1)[0])]
    assert (first["name"], first["sex"], first["birth_date"]) == ("学生乙1", "male", "2017-03-02")
    assert (first["ethnicity_code"], first["id_number"]) == ("01", str(student_row(1)[5]))
    assert first["class_uuid"] == classes[13, 2]["uuid"]
    assert stored[str(student_row(3)[0])]["class_uuid"] == classes[11, 1]["uuid"]
    assert {
        (s["status"], s["revision"], s["updated_by"], s["deleted"]) for s in stored.values()
    } == {("enrolled", 1, "clerk", 0)}
    [created] = audit(school_ws, "students")  # one entry for the import's new students
    assert (created["action"], created["actor"], created["old"]) == ("create_many", "clerk", None)
    content = json.loads(created["new"])
    assert sorted(content["uuids"]) == sorted(s["uuid"] for s in stored.values())
    assert content["source"] == "roster import: roster.xlsx [Sheet]"
    assert len(audit(school_ws, "classes")) == 2
    assert verify_audit_chain(school_ws.db) is None


def test_a_dry_run_reports_and_writes_nothing(school_ws: Workspace, tmp_path: Path) -> None:
    before = dump(school_ws.db)
    report = import_roster(
        school_ws.db, three_students(tmp_path), actor="clerk", dry_run=True, today=TODAY
    )
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    assert not report.committed
    assert dump(school_ws.db) == before


def test_reimporting_the_same_file_changes_nothing(school_ws: Workspace, tmp_path: Path) -> None:
    path = three_students(tmp_path)
    import_roster(school_ws.db, path, actor="clerk", today=TODAY)
    before = dump(school_ws.db)

    report = import_roster(school_ws.db, path, actor="someone else", today=TODAY)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert dump(school_ws.db) == before  # no revision bumps, no audit rows, no new classes


def test_a_changed_row_updates_the_student_with_an_audit_entry(
    school_ws: Workspace, tmp_path: Path
) -> None:
    import_roster(school_ws.db, three_students(tmp_path), actor="clerk", today=TODAY)
    number = str(student_row(2)[0])
    uuid = students(school_ws)[number]["uuid"]
    changed = roster(
        tmp_path,
        student_row(1),
        student_row(2, 姓名="王欣怡", klass="3班"),
        student_row(3, grade="一年级", klass="1班"),
        name="changed.xlsx",
    )

    report = import_roster(school_ws.db, changed, actor="teacher", today=TODAY)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    row = students(school_ws)[number]
    assert (row["name"], row["revision"], row["updated_by"]) == ("王欣怡", 2, "teacher")
    new_class = school_ws.db.execute(
        "SELECT uuid FROM classes WHERE grade_code = 13 AND class_no = 3"
    ).fetchone()[0]
    assert row["class_uuid"] == new_class
    [update] = [a for a in audit(school_ws, "students") if a["action"] == "update"]
    assert update["record_uuid"] == uuid and update["actor"] == "teacher"
    assert set(json.loads(update["old"])) == {"name", "class_uuid"}
    assert json.loads(update["old"])["name"] == "学生丙2"
    assert json.loads(update["new"]) == {"name": "王欣怡", "class_uuid": new_class}
    assert verify_audit_chain(school_ws.db) is None


def test_a_blank_optional_cell_never_erases_stored_data(
    school_ws: Workspace, tmp_path: Path
) -> None:
    import_roster(
        school_ws.db, roster(tmp_path, student_row(1, ethnicity="回族")), actor="c", today=TODAY
    )
    before = dump(school_ws.db)
    blanked = roster(
        tmp_path, student_row(1, ethnicity=None, 身份证号=None, 出生日期=None), name="b.xlsx"
    )
    report = import_roster(school_ws.db, blanked, actor="c", today=TODAY)
    assert (report.updated, report.unchanged) == (0, 1)
    assert dump(school_ws.db) == before


def test_cancelling_mid_commit_leaves_the_database_untouched(
    school_ws: Workspace, tmp_path: Path
) -> None:
    path = three_students(tmp_path)
    before = dump(school_ws.db)
    seen_inside: list[int] = []

    def cancelled() -> bool:
        # Called at each step; by the 4th call the students are written (not yet committed).
        seen_inside.append(school_ws.db.execute("SELECT count(*) FROM students").fetchone()[0])
        return len(seen_inside) == 4

    with pytest.raises(Cancelled):
        import_roster(school_ws.db, path, actor="c", today=TODAY, cancelled=cancelled)

    assert seen_inside[-1] == 3, "the cancel came after the rows were written"
    assert not school_ws.db.conn.in_transaction
    assert dump(school_ws.db) == before


def test_cancelling_while_checking_rows_writes_nothing(
    school_ws: Workspace, tmp_path: Path
) -> None:
    before = dump(school_ws.db)
    with pytest.raises(Cancelled):
        import_roster(
            school_ws.db, three_students(tmp_path), actor="c", today=TODAY, cancelled=lambda: True
        )
    assert dump(school_ws.db) == before


def test_progress_runs_once_from_zero_to_the_total(school_ws: Workspace, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    import_roster(
        school_ws.db,
        three_students(tmp_path),
        actor="c",
        today=TODAY,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls[0] == (0, 6) and calls[-1] == (6, 6)  # 3 rows checked + 3 rows written
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert {t for _, t in calls} == {6}


def test_a_commit_compares_again_inside_its_transaction(
    school_ws: Workspace, tmp_path: Path
) -> None:
    table = read_roster_file(three_students(tmp_path))
    mapping, unknown = guess_roster_mapping(table)
    assert unknown == []
    plan = plan_roster_import(school_ws.db, table, mapping, today=TODAY)
    assert (plan.created, plan.new_classes) == (3, ((13, 2), (11, 1)))

    first = commit_roster_import(school_ws.db, plan, actor="c")
    again = commit_roster_import(school_ws.db, plan, actor="c")  # e.g. a double click

    assert (first.created, first.unchanged) == (3, 0)
    assert (again.created, again.unchanged) == (0, 3)
    assert school_ws.db.execute("SELECT count(*) FROM classes").fetchone()[0] == 2


def test_the_json_report_has_exactly_the_cli_shape(school_ws: Workspace, tmp_path: Path) -> None:
    path = roster(tmp_path, student_row(1), student_row(2, 性别="男"))
    report = import_roster(school_ws.db, path, actor="c", dry_run=True, today=TODAY)
    assert report.to_json() == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "rejected": [{"row": 3, "field": "性别", "reason": report.rejected[0].reason}],
    }
    json.dumps(report.to_json())  # serialisable as it is


def test_importing_needs_a_school(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no school"):
        import_roster(workspace.db, three_students(tmp_path), actor="c", today=TODAY)
