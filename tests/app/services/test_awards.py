"""Awards: record with winners, correct, delete (tombstones travel), list by year and student."""

from __future__ import annotations

import datetime as dt

import pytest

from app.arts.constants import AwardDomain, AwardLevel, AwardRank
from app.errors import NotFoundError, ValidationError
from app.services import awards
from app.services.awards import AwardInput, AwardInvalid
from app.services.workspace import Workspace
from db.records import verify_audit_chain
from tests.app.services.arts_helpers import YEAR, add_students, give_award
from tests.conftest import TODAY


def test_an_award_is_saved_with_its_winners_and_its_rank_from_the_certificate(
    school_ws: Workspace,
) -> None:
    a, b = add_students(school_ws, 2)
    uuid = give_award(school_ws, [a, b], AwardLevel.CITY, rank_text="金奖", adviser="王老师",
                      certificate_no="ＬＹ２０２６-01", category="合唱")  # fmt: skip
    award = awards.get_award(school_ws.db, uuid)
    assert award.winners == (a, b)
    assert award.rank is AwardRank.FIRST and award.rank_text == "金奖"
    assert award.level is AwardLevel.CITY and award.certificate_no == "LY2026-01"
    assert award.adviser == "王老师" and award.category == "合唱"
    assert awards.counts_toward_arts_specialty(award)
    assert verify_audit_chain(school_ws.db) is None


def test_the_white_list_answer_is_kept_only_for_national_awards(school_ws: Workspace) -> None:
    (a,) = add_students(school_ws, 1)
    county = give_award(school_ws, [a], AwardLevel.COUNTY, on_moe_whitelist=True)
    assert awards.get_award(school_ws.db, county).on_moe_whitelist is None
    national = awards.get_award(
        school_ws.db, give_award(school_ws, [a], AwardLevel.NATIONAL, on_moe_whitelist=False)
    )
    assert national.on_moe_whitelist is False
    assert awards.whitelist_warning(national) is not None


def test_correcting_an_award_changes_its_winners_by_tombstone(school_ws: Workspace) -> None:
    a, b, c = add_students(school_ws, 3)
    uuid = give_award(school_ws, [a, b])
    award = awards.get_award(school_ws.db, uuid)
    data = AwardInput(event=award.event, organizer=award.organizer, organizer_is_education_authority=True,
                      level="省级", rank_text="二等奖", date="2026-11-02")  # fmt: skip
    awards.save_award(school_ws.db, data, winners=[b, c], actor="t", uuid=uuid, today=TODAY)
    again = awards.get_award(school_ws.db, uuid)
    assert again.winners == (b, c) and again.level is AwardLevel.PROVINCIAL
    assert again.meta.revision == 2 and again.date == dt.date(2026, 11, 2)
    rows = school_ws.db.execute(
        "SELECT student_uuid, deleted, revision FROM award_winners WHERE award_uuid = ? ORDER BY rowid",
        [uuid],
    ).fetchall()
    assert rows == [(a, 1, 2), (b, 0, 1), (c, 0, 1)]


def test_deleting_an_award_tombstones_it_and_its_winners(school_ws: Workspace) -> None:
    a, b = add_students(school_ws, 2)
    uuid = give_award(school_ws, [a, b])
    awards.delete_award(school_ws.db, uuid, actor="t")
    with pytest.raises(NotFoundError):
        awards.get_award(school_ws.db, uuid)
    assert (
        school_ws.db.execute("SELECT count(*) FROM award_winners WHERE deleted = 1").fetchone()[0]
        == 2
    )
    assert awards.list_awards(school_ws.db) == []


def test_awards_are_listed_by_school_year_domain_and_student(school_ws: Workspace) -> None:
    a, b = add_students(school_ws, 2)
    this_year = give_award(school_ws, [a])
    last_year = give_award(school_ws, [a], date=dt.date(2026, 6, 1))
    sports = give_award(school_ws, [b], domain=AwardDomain.SPORTS, event="区田径运动会")
    uuids = lambda found: {x.meta.uuid for x in found}  # noqa: E731
    assert uuids(awards.list_awards(school_ws.db, school_year=YEAR)) == {this_year, sports}
    assert uuids(awards.list_awards(school_ws.db, school_year="2025-2026")) == {last_year}
    assert uuids(awards.list_awards(school_ws.db, domain=AwardDomain.SPORTS)) == {sports}
    assert uuids(awards.list_awards(school_ws.db, student_uuid=a)) == {this_year, last_year}


def test_a_team_award_may_have_a_team_name_and_no_listed_students(school_ws: Workspace) -> None:
    uuid = give_award(school_ws, [], domain=AwardDomain.SPORTS, team_name="校足球队")
    assert awards.get_award(school_ws.db, uuid).winners == ()


def test_the_form_reports_every_problem_and_writes_nothing(school_ws: Workspace) -> None:
    bad = AwardInput(event=" ", organizer="", organizer_is_education_authority=True, level="世界级",
                     rank_text="", date="2027-01-01")  # fmt: skip
    with pytest.raises(AwardInvalid) as info:
        awards.save_award(school_ws.db, bad, winners=[], actor="t", today=TODAY)
    assert set(info.value.errors) == {"event", "organizer", "level", "rank_text", "date", "winners"}
    assert school_ws.db.execute("SELECT count(*) FROM awards").fetchone()[0] == 0


def test_winners_must_be_students_of_the_school(school_ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="not students of this school"):
        give_award(school_ws, ["00000000-0000-4000-8000-000000000000"])
    assert school_ws.db.execute("SELECT count(*) FROM awards").fetchone()[0] == 0
