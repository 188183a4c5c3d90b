"""Labor records: batch entry with per-student exceptions, checks, edits, tombstones, listing."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.errors import NotFoundError
from app.labor.constants import Category, ParticipationStatus, Setting
from app.labor.models import ActivityFilter, ParticipantEntry
from app.services import labor_records as lr
from app.services.labor_checks import LaborEntryInvalid
from app.services.workspace import Workspace
from db.records import verify_audit_chain
from tests.app.services.labor_helpers import LaborSchool, draft, everyone, make_labor_school
from tests.conftest import TODAY

ABSENT = ParticipationStatus.ABSENT


@pytest.fixture
def school(school_ws: Workspace) -> LaborSchool:
    return make_labor_school(school_ws)


def stored(school: LaborSchool, activity: str) -> dict[str, dict[str, object]]:
    return {
        r["student_uuid"]: r
        for r in school.ws.db.query(
            "SELECT * FROM labor_participations WHERE activity_uuid = ? ORDER BY rowid", [activity]
        )
    }


def test_a_class_entry_with_an_absentee_and_different_minutes(school: LaborSchool) -> None:
    a, b, c = school.grade_3
    entries = [
        ParticipantEntry(a, ratings={"teacher": "优秀", "self": "良好"}),
        ParticipantEntry(b, status=ABSENT, minutes=40),  # absent: the minutes are ignored
        ParticipantEntry(c, minutes=25, note="提前离开"),
    ]
    uuid = lr.record_activity(
        school.ws.db,
        draft(setting=Setting.CLASSROOM, minutes=40, class_uuid=school.class_3),
        entries,
        actor="teacher",
        today=TODAY,
    )

    rows = stored(school, uuid)
    assert {s: (r["status"], r["minutes"]) for s, r in rows.items()} == {
        a: ("present", 40),
        b: ("absent", 0),
        c: ("present", 25),
    }
    assert json.loads(str(rows[a]["ratings"])) == {"self": "良好", "teacher": "优秀"}
    assert rows[c]["note"] == "提前离开"
    detail = lr.activity_detail(school.ws.db, uuid)
    assert detail.activity.term == "2026-2027-1" and detail.activity.class_uuid == school.class_3
    assert [p.student_uuid for p in detail.participants] == [a, b, c]
    assert detail.participants[0].class_name == "三年级(1)班"
    entries = school.ws.db.execute(
        "SELECT action, new FROM audit_log WHERE table_name = 'labor_participations'"
    ).fetchall()
    assert [a for a, _ in entries] == ["create_many"]  # the class entered in one action
    assert sorted(json.loads(entries[0][1])["uuids"]) == sorted(
        p.meta.uuid for p in detail.participants
    )
    assert verify_audit_chain(school.ws.db) is None


def test_one_student_alone_is_an_activity_too(school: LaborSchool) -> None:
    uuid = lr.record_activity(
        school.ws.db, draft(), [ParticipantEntry(school.grade_1[0])], actor="t", today=TODAY
    )
    row = lr.list_activities(school.ws.db)[0]
    assert (row.activity.meta.uuid, row.participants, row.present) == (uuid, 1, 1)


def test_every_problem_is_reported_per_field(school: LaborSchool) -> None:
    bad = draft(
        day=TODAY + dt.timedelta(days=1),
        group=10,
        minutes=0,
        project="  ",
        term="2025-2026-1",
    )
    bad = type(bad)(**{**bad.__dict__, "category": Category.DAILY})
    g1, g3, g7 = school.grade_1[0], school.grade_3[0], school.grade_7[0]
    entries = [
        ParticipantEntry(g1),
        ParticipantEntry(g1),
        ParticipantEntry(g3, ratings={"teacher": "A+"}),
        ParticipantEntry("no-such-student"),
        ParticipantEntry(g7, minutes=5000),
    ]
    with pytest.raises(LaborEntryInvalid) as info:
        lr.record_activity(school.ws.db, bad, entries, actor="t", today=TODAY)
    errors = info.value.errors
    assert set(errors) == {
        "date", "category", "minutes", "project", "term", f"participant:{g1}",
        f"participant:{g3}", "participant:no-such-student", f"participant:{g7}",
    }  # fmt: skip
    assert errors[f"participant:{g1}"] == "The student is listed twice."
    assert errors[f"participant:{g3}"] == "'A+' is not on the rating scale (优秀/良好/合格/待改进)."
    assert errors[f"participant:{g7}"] == "Enter between 1 and 600 minutes."
    assert (
        errors["category"]
        == "Task group 公益劳动与志愿服务 belongs to 服务性劳动, not 日常生活劳动."
    )
    assert str(info.value).startswith("The labor entry cannot be saved: ")
    assert school.ws.db.execute("SELECT count(*) FROM labor_activities").fetchone()[0] == 0


def test_a_task_group_the_school_does_not_run_in_the_stage_is_refused(school: LaborSchool) -> None:
    # Default matrix: 清洁与卫生 (group 1) is not run in 第四学段 (grades 7–9).
    with pytest.raises(LaborEntryInvalid) as info:
        lr.record_activity(
            school.ws.db, draft(group=1), everyone(school.grade_7), actor="t", today=TODAY
        )
    assert set(info.value.errors) == {f"participant:{s}" for s in school.grade_7}
    lr.record_activity(
        school.ws.db, draft(group=1), everyone(school.grade_3), actor="t", today=TODAY
    )


def test_an_empty_participant_list_is_refused(school: LaborSchool) -> None:
    with pytest.raises(LaborEntryInvalid) as info:
        lr.record_activity(school.ws.db, draft(), [], actor="t", today=TODAY)
    assert set(info.value.errors) == {"participants"}


def test_editing_the_default_moves_the_students_who_followed_it(school: LaborSchool) -> None:
    a, b, c = school.grade_3
    entries = [
        ParticipantEntry(a),
        ParticipantEntry(b, minutes=25),
        ParticipantEntry(c, status=ABSENT),
    ]
    uuid = lr.record_activity(school.ws.db, draft(minutes=40), entries, actor="t", today=TODAY)

    assert lr.update_activity(school.ws.db, uuid, draft(minutes=45), actor="t2", today=TODAY)

    rows = stored(school, uuid)
    assert {s: (r["status"], r["minutes"]) for s, r in rows.items()} == {
        a: ("present", 45),
        b: ("present", 25),
        c: ("absent", 0),
    }
    assert rows[a]["revision"] == 2 and rows[b]["revision"] == 1
    assert lr.get_activity(school.ws.db, uuid).minutes == 45
    assert not lr.update_activity(school.ws.db, uuid, draft(minutes=45), actor="t", today=TODAY)


def test_editing_with_a_participant_list_adds_changes_and_removes(school: LaborSchool) -> None:
    a, b, c = school.grade_3
    uuid = lr.record_activity(school.ws.db, draft(), everyone((a, b)), actor="t", today=TODAY)
    new = [ParticipantEntry(b, minutes=90), ParticipantEntry(c)]
    assert lr.update_activity(school.ws.db, uuid, draft(), new, actor="t", today=TODAY)

    rows = stored(school, uuid)
    assert (rows[a]["deleted"], rows[b]["minutes"], rows[c]["minutes"]) == (1, 90, 60)
    live = [p.student_uuid for p in lr.activity_detail(school.ws.db, uuid).participants]
    assert live == [b, c]
    # A removed student may be added back: the uniqueness is over live rows only.
    lr.update_activity(school.ws.db, uuid, draft(), everyone((a, b, c)), actor="t", today=TODAY)
    assert len(lr.activity_detail(school.ws.db, uuid).participants) == 3


def test_deleting_tombstones_the_activity_and_its_participations(school: LaborSchool) -> None:
    uuid = lr.record_activity(
        school.ws.db, draft(), everyone(school.grade_1), actor="t", today=TODAY
    )
    lr.delete_activity(school.ws.db, uuid, actor="t")

    row = school.ws.db.execute(
        "SELECT deleted, revision FROM labor_activities WHERE uuid = ?", [uuid]
    ).fetchone()
    assert tuple(row) == (1, 2)
    assert {r["deleted"] for r in stored(school, uuid).values()} == {1}
    assert lr.list_activities(school.ws.db) == []
    with pytest.raises(NotFoundError):
        lr.activity_detail(school.ws.db, uuid)
    with pytest.raises(NotFoundError):
        lr.update_activity(school.ws.db, uuid, draft(), actor="t", today=TODAY)


def test_listing_filters_by_class_term_category_dates_and_text(school: LaborSchool) -> None:
    db = school.ws.db
    lesson = lr.record_activity(
        db,
        draft(setting=Setting.CLASSROOM, class_uuid=school.class_3, day=dt.date(2026, 10, 12)),
        everyone(school.grade_3),
        actor="t",
        today=TODAY,
    )
    home = lr.record_activity(
        db, draft(group=3, project="煮鸡蛋"), everyone(school.grade_1[:1]), actor="t", today=TODAY
    )
    service = lr.record_activity(
        db,
        draft(group=10, project="敬老院慰问", setting=Setting.COMMUNITY, day=dt.date(2026, 3, 5)),
        everyone(school.grade_3[:1] + school.grade_7),
        actor="t",
        today=TODAY,
    )

    def found(**kwargs: object) -> list[str]:
        return [r.activity.meta.uuid for r in lr.list_activities(db, ActivityFilter(**kwargs))]  # type: ignore[arg-type]

    assert found() == [home, lesson, service]  # newest first
    assert found(class_uuid=school.class_3) == [lesson, service]
    assert found(class_uuid=school.class_1) == [home]
    assert found(term="2025-2026-2") == [service]
    assert found(category=Category.SERVICE) == [service]
    assert found(setting=Setting.CLASSROOM) == [lesson]
    assert found(date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 10, 31)) == [lesson]
    assert found(text="鸡蛋") == [home]
    assert found(student_uuid=school.grade_7[0]) == [service]
    rows = lr.list_activities(db, ActivityFilter(class_uuid=school.class_3))
    assert rows[0].class_name == "三年级(1)班" and rows[1].class_name == ""
