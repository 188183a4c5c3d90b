"""Conflicts kept for review: the same student at two schools, equal revisions that differ."""

from __future__ import annotations

import pytest

from app.errors import NotFoundError, UserError
from app.services.conflicts import (
    count_open_conflicts,
    differences,
    list_conflicts,
    resolve_conflict,
)
from app.services.workspace import Workspace, require_school
from db.records import update_record, verify_audit_chain
from tests.app.merge.helpers import central_dump, export, merge, rows
from tests.app.packets.conftest import Pair


def same_student_at_both(pair: Pair, other: Workspace) -> tuple[dict[str, object], str]:
    """Give the second school's first student the 学籍号 of the first school's first student."""
    a = rows(pair.school, "students")[0]
    b = rows(other, "students")[0]["uuid"]
    with other.db.atomic():
        update_record(other.db, "students", b, {"student_no": a["student_no"]}, "clerk")
    return a, b


def test_the_same_student_at_two_schools_is_a_transfer_conflict(
    pair: Pair, second_school: Workspace
) -> None:
    a, b = same_student_at_both(pair, second_school)
    cache_size = pair.bureau.db.execute("PRAGMA cache_size").fetchone()[0]
    merge(pair.bureau, export(pair.school, pair.files, "a1.bspkt"))
    [result] = merge(pair.bureau, export(second_school, pair.files, "b1.bspkt")).packets
    assert result.status == "merged"
    assert result.tables["students"].conflicts == 1
    held = [i for i in result.issues if i.status == "conflict"]
    assert [(i.table, i.uuid, i.reason) for i in held] == [("students", b, "transfer")]
    # Whatever hangs on the held student waits too: rejected for now, with the reason.
    children = [i for i in result.issues if i.status == "rejected"]
    assert children and all(i.reason == "missing_parent" for i in children)
    assert sum(c.rejected for c in result.tables.values()) == len(children)
    [conflict] = list_conflicts(pair.bureau.db)
    assert (conflict.kind, conflict.record_uuid, conflict.central_uuid) == (
        "transfer",
        b,
        a["uuid"],
    )
    assert conflict.central is not None and conflict.central["school_code"] == a["school_code"]
    assert conflict.incoming["school_code"] == require_school(second_school.db).code
    assert ("school_code", a["school_code"], conflict.incoming["school_code"]) in differences(
        conflict
    )
    assert b not in {r["uuid"] for r in rows(pair.bureau, "students")}
    # The intake merges with SQLite's reference checks off (the merge checks them itself): none
    # of the rejected children got in, and the connection has them on again.
    assert pair.bureau.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert pair.bureau.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # The intake's other settings (page cache, temporary storage in memory) are undone too.
    assert pair.bureau.db.execute("PRAGMA temp_store").fetchone()[0] == 0
    assert pair.bureau.db.execute("PRAGMA cache_size").fetchone()[0] == cache_size


def test_taking_the_incoming_transfer_moves_the_student(
    pair: Pair, second_school: Workspace
) -> None:
    a, b = same_student_at_both(pair, second_school)
    merge(pair.bureau, export(pair.school, pair.files, "a1.bspkt"))
    merge(pair.bureau, export(second_school, pair.files, "b1.bspkt"))
    [conflict] = list_conflicts(pair.bureau.db)
    resolved = resolve_conflict(pair.bureau.db, conflict.id, take="incoming", actor="局")
    assert (resolved.status, resolved.resolution, resolved.resolved_by) == (
        "resolved",
        "incoming",
        "局",
    )
    central = {r["uuid"]: r for r in rows(pair.bureau, "students")}
    assert central[a["uuid"]]["deleted"] == 1 and central[a["uuid"]]["revision"] == 2
    assert central[b] == next(r for r in rows(second_school, "students") if r["uuid"] == b)
    assert verify_audit_chain(pair.bureau.db) is None
    # The school's next packet brings the records that waited for the student.
    [again] = merge(pair.bureau, export(second_school, pair.files, "b2.bspkt")).packets
    assert all(c.rejected == 0 and c.conflicts == 0 for c in again.tables.values())
    assert count_open_conflicts(pair.bureau.db) == 0


def test_keeping_the_central_version_is_not_asked_again(
    pair: Pair, second_school: Workspace
) -> None:
    same_student_at_both(pair, second_school)
    merge(pair.bureau, export(pair.school, pair.files, "a1.bspkt"))
    merge(pair.bureau, export(second_school, pair.files, "b1.bspkt"))
    [conflict] = list_conflicts(pair.bureau.db)
    before = rows(pair.bureau, "students")
    resolve_conflict(pair.bureau.db, conflict.id, take="central", actor="局")
    assert rows(pair.bureau, "students") == before
    [again] = merge(pair.bureau, export(second_school, pair.files, "b2.bspkt")).packets
    assert again.tables["students"].conflicts == 0
    assert list_conflicts(pair.bureau.db) == []
    assert [c.resolution for c in list_conflicts(pair.bureau.db, status=None)] == ["central"]


def equal_revision_conflict(pair: Pair) -> str:
    """The bureau holds revision 2 of a student; the school then sends another revision 2 (as
    after restoring an old backup and editing again)."""
    uuid = rows(pair.school, "students")[0]["uuid"]
    merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt"))
    with pair.school.db.atomic():
        update_record(pair.school.db, "students", uuid, {"name": "甲"}, "clerk")
    merge(pair.bureau, export(pair.school, pair.files, "p2.bspkt"))
    pair.school.db.execute("UPDATE students SET name = '乙' WHERE uuid = ?", [uuid])
    return uuid


def test_an_equal_revision_with_other_content_is_held_and_central_kept(pair: Pair) -> None:
    uuid = equal_revision_conflict(pair)
    before = central_dump(pair.bureau)
    [result] = merge(pair.bureau, export(pair.school, pair.files, "p3.bspkt")).packets
    assert result.tables["students"].conflicts == 1
    central = {r["uuid"]: r for r in rows(pair.bureau, "students")}
    assert central[uuid]["name"] == "甲"
    [conflict] = list_conflicts(pair.bureau.db)
    assert conflict.kind == "revision" and differences(conflict) == [("name", "甲", "乙")]
    changed = [line for line in central_dump(pair.bureau) if line not in before]
    assert all("merge_conflicts" in line or "receipts" in line for line in changed)
    resolve_conflict(pair.bureau.db, conflict.id, take="incoming", actor="局")
    assert {r["uuid"]: r for r in rows(pair.bureau, "students")}[uuid]["name"] == "乙"
    [again] = merge(pair.bureau, export(pair.school, pair.files, "p4.bspkt")).packets
    assert again.tables["students"].conflicts == 0 and again.tables["students"].updated == 0


def test_a_newer_revision_supersedes_an_open_conflict(pair: Pair) -> None:
    uuid = equal_revision_conflict(pair)
    merge(pair.bureau, export(pair.school, pair.files, "p3.bspkt"))
    with pair.school.db.atomic():
        update_record(pair.school.db, "students", uuid, {"name": "丙"}, "clerk")
    [result] = merge(pair.bureau, export(pair.school, pair.files, "p4.bspkt")).packets
    assert result.tables["students"].updated == 1
    assert list_conflicts(pair.bureau.db) == []
    [closed] = list_conflicts(pair.bureau.db, status="resolved")
    assert closed.resolution == "superseded"


def test_resolving_checks_its_arguments_and_the_central_record(pair: Pair) -> None:
    uuid = equal_revision_conflict(pair)
    merge(pair.bureau, export(pair.school, pair.files, "p3.bspkt"))
    [conflict] = list_conflicts(pair.bureau.db)
    with pytest.raises(NotFoundError):
        resolve_conflict(pair.bureau.db, 999, take="central", actor="局")
    with pytest.raises(UserError, match="not a way"):
        resolve_conflict(pair.bureau.db, conflict.id, take="both", actor="局")
    pair.bureau.db.execute("UPDATE students SET name = '丁' WHERE uuid = ?", [uuid])
    with pytest.raises(UserError, match="has changed"):
        resolve_conflict(pair.bureau.db, conflict.id, take="incoming", actor="局")
    resolve_conflict(pair.bureau.db, conflict.id, take="central", actor="局")
    with pytest.raises(UserError, match="already resolved"):
        resolve_conflict(pair.bureau.db, conflict.id, take="central", actor="局")
