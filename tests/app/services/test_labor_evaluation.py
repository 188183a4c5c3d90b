"""Literacy evaluations: the 公示 workflow, its illegal transitions, and corrections with history."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.errors import NotFoundError, UserError
from app.labor.constants import EvaluationStatus
from app.labor.models import EvaluationFields
from app.services import labor_evaluation as ev
from app.services import labor_records as lr
from app.services.labor_checks import LaborEntryInvalid
from app.services.labor_evaluation import EvaluationStateError
from app.services.workspace import Workspace
from db.records import verify_audit_chain
from tests.app.services.labor_helpers import LaborSchool, make_labor_school

TERM = "2026-2027-1"
FULL = EvaluationFields("优秀", "良好", "良好", "优秀", "良好", "能主动做家务", ("煮鸡蛋",))
NOTICE = (dt.date(2026, 12, 21), dt.date(2026, 12, 25))


@pytest.fixture
def school(school_ws: Workspace) -> LaborSchool:
    return make_labor_school(school_ws)


def confirmed(school: LaborSchool) -> str:
    uuid = ev.create_evaluation(school.ws.db, school.grade_3[0], TERM, FULL, actor="t")
    ev.publicize(school.ws.db, [uuid], date_from=NOTICE[0], date_to=NOTICE[1], actor="t")
    ev.confirm(school.ws.db, [uuid], reviewer="王主任", actor="t", today=dt.date(2026, 12, 26))
    return uuid


def test_draft_publicized_confirmed(school: LaborSchool) -> None:
    db = school.ws.db
    uuid = ev.create_evaluation(db, school.grade_3[0], TERM, EvaluationFields(), actor="t")
    assert ev.get_evaluation(db, uuid).status is EvaluationStatus.DRAFT
    ev.update_evaluation(db, uuid, FULL, actor="t")

    assert ev.publicize(db, [uuid], date_from=NOTICE[0], date_to=NOTICE[1], actor="t") == 1
    e = ev.get_evaluation(db, uuid)
    assert (e.status, e.publicity_from, e.publicity_to) == (EvaluationStatus.PUBLICIZED, *NOTICE)

    ev.confirm(db, [uuid], reviewer=" 王主任 ", actor="t", today=dt.date(2026, 12, 26))
    e = ev.get_evaluation(db, uuid)
    assert (e.status, e.reviewer, e.fields) == (EvaluationStatus.CONFIRMED, "王主任", FULL)
    assert e.confirmed_at and e.student_name and e.class_name == "三年级(1)班"
    assert verify_audit_chain(db) is None


def test_confirming_during_the_public_notice_is_refused(school: LaborSchool) -> None:
    db = school.ws.db
    uuid = ev.create_evaluation(db, school.grade_3[0], TERM, FULL, actor="t")
    ev.publicize(db, [uuid], date_from=NOTICE[0], date_to=NOTICE[1], actor="t")
    with pytest.raises(EvaluationStateError, match="runs until 2026-12-25"):
        ev.confirm(db, [uuid], reviewer="王主任", actor="t", today=NOTICE[1])
    with pytest.raises(UserError, match="reviewer"):
        ev.confirm(db, [uuid], reviewer="  ", actor="t", today=dt.date(2027, 1, 1))
    assert ev.get_evaluation(db, uuid).status is EvaluationStatus.PUBLICIZED


def test_illegal_transitions(school: LaborSchool) -> None:
    db = school.ws.db
    draft = ev.create_evaluation(db, school.grade_3[0], TERM, FULL, actor="t")
    done = confirmed(replace(school, grade_3=school.grade_3[1:]))
    with pytest.raises(EvaluationStateError, match="draft; you cannot confirm it"):
        ev.confirm(db, [draft], reviewer="王", actor="t", today=dt.date(2027, 1, 1))
    with pytest.raises(EvaluationStateError):
        ev.withdraw_publicity(db, [draft], actor="t")
    with pytest.raises(EvaluationStateError):
        ev.correct_evaluation(db, draft, FULL, reason="x", actor="t")
    for action in (
        lambda: ev.update_evaluation(db, done, FULL, actor="t"),
        lambda: ev.delete_evaluation(db, done, actor="t"),
        lambda: ev.publicize(db, [done], date_from=NOTICE[0], date_to=NOTICE[1], actor="t"),
    ):
        with pytest.raises(EvaluationStateError, match="confirmed"):
            action()
    # All or none: one confirmed evaluation in the batch stops the draft being publicized too.
    with pytest.raises(EvaluationStateError):
        ev.publicize(db, [draft, done], date_from=NOTICE[0], date_to=NOTICE[1], actor="t")
    assert ev.get_evaluation(db, draft).status is EvaluationStatus.DRAFT


def test_publicizing_needs_complete_ratings_and_a_long_enough_notice(school: LaborSchool) -> None:
    db = school.ws.db
    partial = ev.create_evaluation(db, school.grade_3[0], TERM, replace(FULL, spirit=""), actor="t")
    with pytest.raises(EvaluationStateError, match="not complete"):
        ev.publicize(db, [partial], date_from=NOTICE[0], date_to=NOTICE[1], actor="t")
    ev.update_evaluation(db, partial, FULL, actor="t")
    with pytest.raises(EvaluationStateError, match="at least 5 days"):
        ev.publicize(
            db, [partial], date_from=NOTICE[0], date_to=NOTICE[0] + dt.timedelta(days=3), actor="t"
        )
    ev.publicize(
        db, [partial], date_from=NOTICE[0], date_to=NOTICE[0] + dt.timedelta(days=4), actor="t"
    )


def test_withdrawing_a_notice_returns_to_an_editable_draft(school: LaborSchool) -> None:
    db = school.ws.db
    uuid = ev.create_evaluation(db, school.grade_3[0], TERM, FULL, actor="t")
    ev.publicize(db, [uuid], date_from=NOTICE[0], date_to=NOTICE[1], actor="t")
    with pytest.raises(EvaluationStateError):
        ev.update_evaluation(db, uuid, replace(FULL, overall="优秀"), actor="t")
    ev.withdraw_publicity(db, [uuid], actor="t")
    e = ev.get_evaluation(db, uuid)
    assert (e.status, e.publicity_from, e.publicity_to) == (EvaluationStatus.DRAFT, None, None)
    ev.update_evaluation(db, uuid, replace(FULL, overall="优秀"), actor="t")
    assert ev.get_evaluation(db, uuid).fields.overall == "优秀"


def test_a_correction_needs_a_reason_and_is_recorded(school: LaborSchool) -> None:
    db = school.ws.db
    uuid = confirmed(school)
    fixed = replace(FULL, overall="优秀", life_skills=("煮鸡蛋", "包饺子"))
    with pytest.raises(UserError, match="reason"):
        ev.correct_evaluation(db, uuid, fixed, reason="  ", actor="t")

    assert ev.correct_evaluation(db, uuid, fixed, reason="家长申诉后复核", actor="主任")
    assert not ev.correct_evaluation(db, uuid, fixed, reason="再次保存", actor="主任")

    e = ev.get_evaluation(db, uuid)
    assert (e.status, e.fields) == (EvaluationStatus.CONFIRMED, fixed)
    (c,) = ev.corrections(db, uuid)
    assert (c.reason, c.corrected_by) == ("家长申诉后复核", "主任")
    assert c.old == {"overall": "良好", "life_skills": '["煮鸡蛋"]'}
    assert c.new == {"overall": "优秀", "life_skills": '["煮鸡蛋", "包饺子"]'}


def test_ratings_must_be_on_the_configured_scale(school: LaborSchool) -> None:
    db = school.ws.db
    with pytest.raises(LaborEntryInvalid) as info:
        ev.create_evaluation(db, school.grade_3[0], TERM, replace(FULL, concept="A"), actor="t")
    assert set(info.value.errors) == {"concept"}
    scale = ("A", "B", "C", "D")
    lr.save_labor_config(db, replace(lr.labor_config(db), evaluation_scale=scale))
    uuid = ev.create_evaluation(db, school.grade_3[0], TERM, EvaluationFields(*"ABCDA"), actor="t")
    assert ev.get_evaluation(db, uuid).fields.overall == "A"


def test_one_evaluation_per_student_and_term(school: LaborSchool) -> None:
    db = school.ws.db
    uuid = ev.create_evaluation(db, school.grade_3[0], TERM, FULL, actor="t")
    with pytest.raises(EvaluationStateError, match="already has"):
        ev.create_evaluation(db, school.grade_3[0], TERM, FULL, actor="t")
    ev.create_evaluation(db, school.grade_3[0], "2026-2027-2", FULL, actor="t")
    ev.delete_evaluation(db, uuid, actor="t")
    with pytest.raises(NotFoundError):
        ev.get_evaluation(db, uuid)
    ev.create_evaluation(db, school.grade_3[0], TERM, FULL, actor="t")  # allowed after deletion
    with pytest.raises(NotFoundError):
        ev.create_evaluation(db, "no-such-student", TERM, FULL, actor="t")


def test_drafts_for_a_whole_class_skip_students_who_have_one(school: LaborSchool) -> None:
    db = school.ws.db
    ev.create_evaluation(db, school.grade_3[0], TERM, FULL, actor="t")
    assert ev.create_drafts_for_class(db, school.class_3, TERM, actor="t") == 2
    assert ev.create_drafts_for_class(db, school.class_3, TERM, actor="t") == 0
    listed = ev.list_evaluations(db, term=TERM, class_uuid=school.class_3)
    assert [e.student_uuid for e in listed] == list(school.grade_3)
    drafts = ev.list_evaluations(db, term=TERM, status=EvaluationStatus.DRAFT)
    assert len(drafts) == 3 and drafts[1].fields == EvaluationFields()
    assert verify_audit_chain(db) is None


def test_life_skill_gaps_of_grades_3_to_6(school: LaborSchool) -> None:
    db = school.ws.db
    a, b, c = school.grade_3
    ev.create_evaluation(db, a, "2025-2026-1", replace(FULL, life_skills=("叠被子",)), actor="t")
    ev.create_evaluation(db, b, "2025-2026-2", replace(FULL, life_skills=()), actor="t")
    gaps = ev.life_skill_gaps(db, "2025-2026")
    assert [(g.student_uuid, g.skills) for g in gaps] == [(b, ()), (c, ())]  # grades 1 and 7 exempt
