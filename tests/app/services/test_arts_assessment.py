"""艺术素质测评 service: saving scores (total and band cached), refusals that write nothing,
suggested and confirmed development points from real records, class summary, new settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.arts.constants import AwardDomain, AwardLevel, SpecialtyRoute
from app.errors import ValidationError
from app.services import arts_assessment as aa
from app.services.arts_assessment import AssessmentInvalid
from app.services.arts_records import SpecialtyInput, save_specialty
from app.services.arts_settings import load_arts_config
from app.services.workspace import Workspace
from tests.app.services.arts_helpers import YEAR, add_students, class_of, give_award

FULL = {"course_learning": 18, "extracurricular": 17, "basic_knowledge": 16, "basic_skills": 24,
        "outside_learning": 5, "art_specialty": 0}  # fmt: skip  # = 80


def test_scores_are_saved_with_their_total_and_band(school_ws: Workspace) -> None:
    (a,) = add_students(school_ws, 1)
    saved = aa.save_assessment(school_ws.db, a, YEAR, FULL, actor="t", teacher="王老师")
    assert (saved.total, saved.band) == (80, "good")
    assert saved.development_points_confirmed and saved.teacher == "王老师"
    again = aa.save_assessment(school_ws.db, a, YEAR, {"basic_skills": 14}, actor="t")
    assert (again.total, again.band, again.meta.revision) == (70, "pass", 2)
    assert again.scores["course_learning"] == 18  # keys left out keep their value
    cleared = aa.save_assessment(school_ws.db, a, YEAR, {"basic_skills": None}, actor="t")
    assert (cleared.total, cleared.band) == (None, None)


@pytest.mark.parametrize(("bonus", "total", "band"), [(4, 90, "excellent"), (3, 89, "good")])
def test_the_90_boundary_reached_with_the_bonus(
    school_ws: Workspace, bonus: int, total: int, band: str
) -> None:
    (a,) = add_students(school_ws, 1)
    scores = {**FULL, "basic_skills": 30, "art_specialty": bonus}  # 18+17+16+30+5 = 86
    saved = aa.save_assessment(school_ws.db, a, YEAR, scores, actor="t")
    assert (saved.total, saved.band) == (total, band)


def test_a_score_over_its_maximum_refuses_the_whole_class(school_ws: Workspace) -> None:
    a, b = add_students(school_ws, 2)
    with pytest.raises(AssessmentInvalid) as info:
        aa.save_assessments(
            school_ws.db, YEAR, {a: FULL, b: {**FULL, "basic_knowledge": 21}}, actor="t"
        )
    assert list(info.value.errors) == [b] and list(info.value.errors[b]) == ["basic_knowledge"]
    assert school_ws.db.execute("SELECT count(*) FROM arts_assessments").fetchone()[0] == 0


def test_a_partial_assessment_has_no_total_and_unconfirmed_development(
    school_ws: Workspace,
) -> None:
    (a,) = add_students(school_ws, 1)
    saved = aa.save_assessment(school_ws.db, a, YEAR, {"course_learning": 20}, actor="t")
    assert (saved.total, saved.band, saved.development_points_confirmed) == (None, None, False)


def test_suggestions_count_education_authority_awards_and_in_school_specialties(
    school_ws: Workspace,
) -> None:
    a, b = add_students(school_ws, 2)
    save_specialty(school_ws.db, SpecialtyInput(a, YEAR, "器乐", SpecialtyRoute.OUTSIDE), actor="t")
    save_specialty(school_ws.db, SpecialtyInput(a, YEAR, "书法", SpecialtyRoute.CLUB), actor="t")
    give_award(school_ws, [a], AwardLevel.CITY)  # counts: 8
    give_award(school_ws, [a], AwardLevel.PROVINCIAL, authority=False)  # 社会竞赛: 0
    give_award(school_ws, [a], AwardLevel.NATIONAL, date=dt.date(2026, 5, 1))  # last 学年
    give_award(school_ws, [a], AwardLevel.NATIONAL, domain=AwardDomain.SPORTS)  # not arts
    s = aa.suggest_development_points(school_ws.db, a, YEAR)
    assert (s.outside_learning, s.art_specialty) == (5, 8)
    assert sorted(e.points for e in s.evidence) == [0, 4, 5, 8]
    nothing = aa.suggest_development_points(school_ws.db, b, YEAR)
    assert (nothing.outside_learning, nothing.art_specialty, nothing.evidence) == (0, 0, ())


def test_the_teacher_confirms_the_suggestion_or_other_points(school_ws: Workspace) -> None:
    a, b = add_students(school_ws, 2)
    give_award(school_ws, [a, b], AwardLevel.COUNTY)
    confirmed = aa.confirm_development_points(school_ws.db, a, YEAR, actor="t")
    assert confirmed.scores["art_specialty"] == 6 and confirmed.scores["outside_learning"] == 0
    assert confirmed.development_points_confirmed
    other = aa.confirm_development_points(
        school_ws.db, b, YEAR, actor="t", outside_learning=7, art_specialty=6
    )
    assert (other.scores["outside_learning"], other.scores["art_specialty"]) == (7, 6)
    with pytest.raises(AssessmentInvalid):
        aa.confirm_development_points(school_ws.db, b, YEAR, actor="t", art_specialty=11)


def test_prefilled_suggestions_never_overwrite_confirmed_points(school_ws: Workspace) -> None:
    a, b = add_students(school_ws, 2)
    give_award(school_ws, [a, b], AwardLevel.CITY)
    aa.confirm_development_points(
        school_ws.db, a, YEAR, actor="t", art_specialty=3, outside_learning=2
    )
    assert aa.apply_suggestions(school_ws.db, YEAR, [a, b], actor="t") == 1
    first, second = (aa.get_assessment(school_ws.db, s, YEAR) for s in (a, b))
    assert first is not None and second is not None
    assert first.scores["art_specialty"] == 3 and first.development_points_confirmed
    assert second.scores["art_specialty"] == 8 and not second.development_points_confirmed


def test_class_summary_counts_bands_and_missing(school_ws: Workspace) -> None:
    students = add_students(school_ws, 6)
    totals = {students[0]: 95, students[1]: 90, students[2]: 80, students[3]: 59}
    for s, total in totals.items():
        # 20 + 20 + 20 + rest in basic skills (≤ 30) + outside + specialty
        rest = total - 60
        scores = {**FULL, "course_learning": 20, "extracurricular": 20, "basic_knowledge": 20,
                  "basic_skills": min(30, rest), "outside_learning": max(0, rest - 30), "art_specialty": 0}  # fmt: skip
        if total < 60:
            scores.update(
                course_learning=19, basic_skills=0, basic_knowledge=20, extracurricular=20
            )
        aa.save_assessment(school_ws.db, s, YEAR, scores, actor="t")
    aa.save_assessment(school_ws.db, students[4], YEAR, {"course_learning": 10}, actor="t")
    summary = aa.class_summary(school_ws.db, class_of(school_ws, students[0]), YEAR)
    assert summary.bands == {"excellent": 2, "good": 1, "pass": 0, "fail": 1}
    assert (summary.students, summary.complete, summary.incomplete, summary.missing) == (6, 4, 1, 1)
    assert summary.average == round((95 + 90 + 80 + 59) / 4, 1)
    grid = aa.class_assessments(school_ws.db, class_of(school_ws, students[0]), YEAR)
    assert [x is None for _, x in grid] == [False] * 5 + [True]


def test_new_settings_recompute_bands_and_refuse_scores_over_new_maxima(
    school_ws: Workspace,
) -> None:
    (a,) = add_students(school_ws, 1)
    aa.save_assessment(school_ws.db, a, YEAR, FULL, actor="t")  # 80, good
    cfg = load_arts_config(school_ws.db)
    changed = aa.save_arts_config(
        school_ws.db,
        replace(cfg, band_minima={**cfg.band_minima, "good": 81, "pass": 60}),
        actor="t",
    )
    assert changed == 1
    assert aa.get_assessment(school_ws.db, a, YEAR).band == "pass"  # type: ignore[union-attr]
    assert load_arts_config(school_ws.db).band_minima["good"] == 81
    tighter = replace(
        cfg, sub_maxima={**cfg.sub_maxima, "course_learning": 15, "extracurricular": 25}
    )
    with pytest.raises(ValidationError, match="course_learning"):
        aa.save_arts_config(school_ws.db, tighter, actor="t")
    assert load_arts_config(school_ws.db).sub_maxima["course_learning"] == 20
