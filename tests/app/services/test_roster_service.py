"""Roster use cases: save_student (create, update, per-field errors, duplicates, L→G renumbering),
change_status with its event, and the audit trail they leave."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.errors import NotFoundError
from app.models import StudentStatus
from app.services import roster
from app.services.roster import StudentExtras, StudentInvalid
from app.services.workspace import Workspace
from app.validation.ids import mod11_2_check_char
from db import repo_students
from db.records import verify_audit_chain
from tests.conftest import TODAY


def make_id(birth: str, seq: str, area: str = "410322") -> str:
    first17 = area + birth + seq
    return first17 + mod11_2_check_char(first17)


BOY_ID = make_id("20170304", "011")
GIRL_ID = make_id("20160611", "022", "410306")


def raw(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "student_no": "G" + BOY_ID,
        "name": "王浩宇",
        "sex": "男",
        "birth_date": "2017-03-04",
        "ethnicity": "汉族",
        "id_number": BOY_ID,
        "grade": "三年级",
        "class": "2",
    }
    base.update(overrides)
    return base


def audit_rows(ws: Workspace, uuid: str) -> list[dict[str, Any]]:
    return list(ws.db.query("SELECT * FROM audit_log WHERE record_uuid = ? ORDER BY id", [uuid]))


def test_save_student_creates_the_student_and_its_class(school_ws: Workspace) -> None:
    student = roster.save_student(school_ws.db, raw(), actor="clerk", today=TODAY)
    assert (student.student_no, student.name, student.sex.label_zh) == (
        "G" + BOY_ID,
        "王浩宇",
        "男",
    )
    assert student.birth_date == dt.date(2017, 3, 4)
    assert student.status is StudentStatus.ENROLLED
    assert student.meta.revision == 1 and student.meta.updated_by == "clerk"
    [cls] = roster.list_classes(school_ws.db)
    assert (cls.grade_code, cls.class_no, cls.name) == (13, 2, "三年级(2)班")
    assert student.class_uuid == cls.meta.uuid
    [row] = roster.find_students(school_ws.db, grade_code=13)
    assert row.student.meta.uuid == student.meta.uuid and row.class_name == "三年级(2)班"


def test_a_second_student_of_the_same_class_reuses_it(school_ws: Workspace) -> None:
    roster.save_student(school_ws.db, raw(), actor="clerk", today=TODAY)
    girl = raw(student_no="G" + GIRL_ID, id_number=GIRL_ID, name="李欣怡", sex="女",
               birth_date="2016-06-11", **{"class": "三(2)班"})  # fmt: skip
    roster.save_student(school_ws.db, girl, actor="clerk", today=TODAY)
    assert len(roster.list_classes(school_ws.db)) == 1
    assert [r.student.name for r in roster.find_students(school_ws.db, text="欣")] == ["李欣怡"]


def test_update_changes_fields_and_bumps_the_revision(school_ws: Workspace) -> None:
    created = roster.save_student(school_ws.db, raw(), actor="clerk", today=TODAY)
    extras = StudentExtras(pe_exempt=True, pe_exempt_reason="骨折术后康复")
    updated = roster.save_student(
        school_ws.db,
        raw(name="王浩然", ethnicity="回族", grade="四年级"),
        actor="head",
        uuid=created.meta.uuid,
        extras=extras,
        today=TODAY,
    )
    assert updated.meta.uuid == created.meta.uuid
    assert (updated.name, updated.ethnicity_code, updated.pe_exempt) == ("王浩然", "03", True)
    assert updated.pe_exempt_reason == "骨折术后康复"
    assert updated.meta.revision == 2 and updated.meta.updated_by == "head"
    [row] = roster.find_students(school_ws.db)
    assert (row.grade_code, row.class_no) == (14, 2)
    create, update = audit_rows(school_ws, created.meta.uuid)
    assert (create["action"], update["action"]) == ("create", "update")
    assert '"name":"王浩宇"' in update["old"] and '"name":"王浩然"' in update["new"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("student_no", "X123"),
        ("name", ""),
        ("sex", "女"),  # the ID's sequence digit says 男
        ("birth_date", "2017-03-05"),  # the ID says 2017-03-04
        ("ethnicity", "火星族"),
        ("id_number", BOY_ID[:-1] + ("0" if BOY_ID[-1] != "0" else "1")),  # wrong check char
        ("grade", "高一"),  # a nine-year school has no 高一
        ("class", "甲班"),
    ],
)
def test_each_invalid_field_is_reported_under_its_key(
    school_ws: Workspace, field: str, value: object
) -> None:
    with pytest.raises(StudentInvalid) as info:
        roster.save_student(school_ws.db, raw(**{field: value}), actor="clerk", today=TODAY)
    assert field in info.value.errors
    assert info.value.errors[field] in str(info.value)
    assert roster.find_students(school_ws.db) == [], "nothing is written"
    assert roster.list_classes(school_ws.db) == []


def test_pe_exemption_needs_a_reason(school_ws: Workspace) -> None:
    with pytest.raises(StudentInvalid) as info:
        roster.save_student(
            school_ws.db, raw(), actor="c", extras=StudentExtras(pe_exempt=True), today=TODAY
        )
    assert set(info.value.errors) == {"pe_exempt_reason"}


def test_a_student_number_of_another_student_is_refused(school_ws: Workspace) -> None:
    roster.save_student(school_ws.db, raw(), actor="clerk", today=TODAY)
    other = raw(name="张三", id_number=None)  # same 学籍号, another person
    with pytest.raises(StudentInvalid) as info:
        roster.save_student(school_ws.db, other, actor="clerk", today=TODAY)
    assert info.value.errors["student_no"] == f"Student number G{BOY_ID} already belongs to 王浩宇."
    assert len(roster.find_students(school_ws.db)) == 1


def test_an_l_number_becoming_a_g_number_keeps_its_history(school_ws: Workspace) -> None:
    temporary = "L410308201703041234"
    created = roster.save_student(
        school_ws.db, raw(student_no=temporary), actor="clerk", today=TODAY
    )
    renumbered = roster.save_student(
        school_ws.db, raw(), actor="clerk", uuid=created.meta.uuid, today=TODAY
    )
    assert renumbered.student_no == "G" + BOY_ID
    [event] = roster.student_history(school_ws.db, created.meta.uuid)
    assert (event["kind"], event["old_value"], event["new_value"]) == (
        "renumber",
        temporary,
        "G" + BOY_ID,
    )
    assert event["date"] == TODAY.isoformat()
    # The old number belongs to nobody now; the student is found by the new one.
    assert repo_students.find_by_student_no(school_ws.db, temporary) is None
    [row] = roster.find_students(school_ws.db, text="G" + BOY_ID[:8])
    assert row.student.meta.uuid == created.meta.uuid


def test_change_status_transfer_out_records_an_event(school_ws: Workspace) -> None:
    student = roster.save_student(school_ws.db, raw(), actor="clerk", today=TODAY)
    day = dt.date(2026, 11, 20)
    moved = roster.change_status(
        school_ws.db,
        student.meta.uuid,
        StudentStatus.TRANSFERRED_OUT,
        date=day,
        note=" 转往偃师区实验小学 ",
        actor="clerk",
    )
    assert moved.status is StudentStatus.TRANSFERRED_OUT and moved.meta.revision == 2
    [event] = roster.student_history(school_ws.db, student.meta.uuid)
    assert (event["kind"], event["date"], event["note"]) == (
        "transfer_out",
        "2026-11-20",
        "转往偃师区实验小学",
    )
    assert (event["old_value"], event["new_value"]) == ("enrolled", "transferred_out")
    on_roll = roster.find_students(
        school_ws.db, statuses=(StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN)
    )
    assert on_roll == []
    # The same status again is not a new event.
    roster.change_status(
        school_ws.db, student.meta.uuid, StudentStatus.TRANSFERRED_OUT, date=day, note="", actor="c"
    )
    assert len(roster.student_history(school_ws.db, student.meta.uuid)) == 1


def test_every_write_is_audited_and_the_chain_verifies(school_ws: Workspace) -> None:
    student = roster.save_student(school_ws.db, raw(), actor="clerk", today=TODAY)
    roster.change_status(
        school_ws.db, student.meta.uuid, StudentStatus.SUSPENDED, date=TODAY, note="", actor="c"
    )
    tables = {
        r["table_name"]: r["action"]
        for r in school_ws.db.query("SELECT table_name, action FROM audit_log")
    }
    assert {"classes", "students", "student_events"} <= set(tables)
    assert [r["action"] for r in audit_rows(school_ws, student.meta.uuid)] == ["create", "update"]
    assert verify_audit_chain(school_ws.db) is None
    # Tampering with a past entry is detected.
    school_ws.db.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 2")
    assert verify_audit_chain(school_ws.db) == 2


def test_an_unknown_student_is_a_user_error(school_ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        roster.get_student(school_ws.db, "no-such-uuid")
