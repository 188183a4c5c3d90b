"""一校一品 programmes, clubs and members per 学年, and the annual self-evaluation with its
生师比 computed from the roster."""

from __future__ import annotations

import json

import pytest

from app.arts.constants import ActivityKind, ProgrammeField, ProgrammeKind
from app.errors import UserError
from app.models import StudentStatus
from app.services import school_arts as sa
from app.services.arts_records import ActivityInput, save_activity, set_participants
from app.services.roster import change_status
from app.services.school_arts import ProgrammeInput, SelfEvaluationInvalid
from app.services.workspace import Workspace
from tests.app.services.arts_helpers import TERM, YEAR, add_students, class_of
from tests.conftest import TODAY

TEACHERS = {"total": 3, "full_time": 2, "part_time": 1, "music": 2, "fine_art": 1, "other": 0}


def test_programmes_and_clubs_have_members_per_school_year(school_ws: Workspace) -> None:
    students = add_students(school_ws, 5)
    brand = sa.save_programme(
        school_ws.db,
        ProgrammeInput(ProgrammeKind.SIGNATURE, ProgrammeField.SPORT, "校园足球"),
        actor="t",
    )
    choir = sa.save_programme(
        school_ws.db,
        ProgrammeInput(ProgrammeKind.CLUB, ProgrammeField.ART, "合唱团", "合唱"),
        actor="t",
    )
    assert sa.set_members(school_ws.db, choir.meta.uuid, YEAR, students[:3], actor="t") == (3, 0)
    assert sa.set_members(school_ws.db, choir.meta.uuid, YEAR, students[1:4], actor="t") == (1, 1)
    assert (
        sa.add_class_members(
            school_ws.db, brand.meta.uuid, YEAR, class_of(school_ws, students[0]), actor="t"
        )
        == 5
    )
    assert set(sa.members(school_ws.db, choir.meta.uuid, YEAR)) == set(students[1:4])
    assert sa.members(school_ws.db, choir.meta.uuid, "2025-2026") == []
    assert [(c.name, c.members) for c in sa.list_clubs(school_ws.db, YEAR)] == [("合唱团", 3)]
    listed = {p.name: p for p in sa.list_programmes(school_ws.db, YEAR)}
    assert listed["校园足球"].kind is ProgrammeKind.SIGNATURE and listed["校园足球"].members == 5
    with pytest.raises(UserError, match="already has"):
        sa.save_programme(
            school_ws.db,
            ProgrammeInput(ProgrammeKind.CLUB, ProgrammeField.ART, "合唱团"),
            actor="t",
        )
    sa.delete_programme(school_ws.db, choir.meta.uuid, actor="t")
    assert [p.name for p in sa.list_programmes(school_ws.db, YEAR)] == ["校园足球"]
    assert (
        school_ws.db.execute(
            "SELECT count(*) FROM programme_members m JOIN school_programmes p ON p.uuid = m.programme_uuid"
            " WHERE p.name = '合唱团' AND m.deleted = 0"
        ).fetchone()[0]
        == 0
    )


def test_the_self_evaluation_computes_the_student_teacher_ratio_from_the_roll(
    school_ws: Workspace,
) -> None:
    students = add_students(school_ws, 7)
    change_status(
        school_ws.db, students[0], StudentStatus.TRANSFERRED_OUT, date=TODAY, note="", actor="t"
    )
    saved = sa.save_self_evaluation(
        school_ws.db, YEAR,
        {"teachers": {"score": 15, "fields": {**TEACHERS, "student_teacher_ratio": 99}},
         "courses": {"score": 27, "fields": {"music_hours": 2, "fine_art_hours": 2}}},
        actor="t",
    )  # fmt: skip
    teachers = saved.sections["teachers"]["fields"]
    assert teachers["students_on_roll"] == 6 and teachers["student_teacher_ratio"] == 2.0
    assert saved.weights == {
        "courses": 30,
        "activities": 20,
        "teachers": 20,
        "conditions": 20,
        "features": 10,
    }
    assert saved.total_score is None  # three sections unscored
    scores = {"courses": 27, "activities": 18, "teachers": 15, "conditions": 16, "features": 8}
    again = sa.save_self_evaluation(
        school_ws.db,
        YEAR,
        {
            k: {"score": v, "fields": {**TEACHERS} if k == "teachers" else {}}
            for k, v in scores.items()
        },
        actor="t",
    )
    assert (
        again.total_score == 84 and again.meta.revision == 2 and again.meta.uuid == saved.meta.uuid
    )
    assert sa.get_self_evaluation(school_ws.db, "2025-2026") is None


def test_the_prefill_counts_clubs_festivals_and_participation(school_ws: Workspace) -> None:
    students = add_students(school_ws, 10)
    club = sa.save_programme(
        school_ws.db,
        ProgrammeInput(ProgrammeKind.CLUB, ProgrammeField.ART, "民乐团", "民乐"),
        actor="t",
    )
    sa.save_programme(
        school_ws.db,
        ProgrammeInput(ProgrammeKind.CLUB, ProgrammeField.SPORT, "篮球社", "篮球"),
        actor="t",
    )
    sa.set_members(school_ws.db, club.meta.uuid, YEAR, students[:2], actor="t")
    fest = save_activity(
        school_ws.db, ActivityInput(ActivityKind.FESTIVAL, "艺术节", TERM), actor="t"
    )
    set_participants(school_ws.db, fest.meta.uuid, students[1:4], actor="t")
    fields = sa.prefill_self_evaluation(school_ws.db, YEAR)["activities"]["fields"]
    assert fields == {
        "festivals_per_year": 1,
        "clubs_count": 1,
        "club_projects": ["民乐"],
        "participation_pct": 40.0,
    }


def test_a_bad_self_evaluation_is_refused_and_nothing_is_written(school_ws: Workspace) -> None:
    with pytest.raises(SelfEvaluationInvalid) as info:
        sa.save_self_evaluation(school_ws.db, YEAR, {"courses": {"score": 40}}, actor="t")
    assert set(info.value.errors) == {"courses.score"}
    with pytest.raises(SelfEvaluationInvalid):
        sa.save_self_evaluation(
            school_ws.db, YEAR, {"features": {"fields": {"特色成果": "很长" * 1000}}}, actor="t"
        )
    assert school_ws.db.execute("SELECT count(*) FROM arts_self_evaluations").fetchone()[0] == 0


def test_the_stored_sections_are_compact_json(school_ws: Workspace) -> None:
    sa.save_self_evaluation(school_ws.db, YEAR, {}, actor="t")
    raw = school_ws.db.execute("SELECT sections FROM arts_self_evaluations").fetchone()[0]
    assert json.loads(raw)["teachers"]["fields"]["student_teacher_ratio"] is None
    assert ": " not in raw
