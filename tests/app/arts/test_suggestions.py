"""The suggested 发展指标 points: 校外 specialties are 校外学习 only, in-school specialties and
awards of education authorities are 艺术特长, the best evidence counts, both capped."""

from __future__ import annotations

from dataclasses import replace

from app.arts.config import ArtsConfig, DevelopmentRule
from app.arts.constants import AwardLevel, SpecialtyRoute
from app.arts.scoring import suggest_points
from tests.app.arts.records import award, specialty

CFG = ArtsConfig()


def test_no_records_no_points() -> None:
    s = suggest_points(CFG, "st", "2026-2027", [], [])
    assert (s.outside_learning, s.art_specialty, s.evidence) == (0, 0, ())


def test_the_outside_route_counts_as_outside_learning_not_as_specialty() -> None:
    s = suggest_points(CFG, "st", "2026-2027", [specialty("器乐", SpecialtyRoute.OUTSIDE)], [])
    assert (s.outside_learning, s.art_specialty) == (5, 0)
    assert s.evidence[0].kind == "outside_specialty"


def test_in_school_routes_count_toward_the_specialty() -> None:
    for route in (SpecialtyRoute.IN_SCHOOL_SPECIALIST, SpecialtyRoute.CLUB):
        s = suggest_points(CFG, "st", "2026-2027", [specialty("书法", route)], [])
        assert (s.outside_learning, s.art_specialty) == (0, 4)


def test_outside_learning_adds_up_to_its_maximum() -> None:
    three = [specialty(c, SpecialtyRoute.OUTSIDE, c) for c in ("器乐", "舞蹈", "绘画")]
    assert suggest_points(CFG, "st", "2026-2027", three[:2], []).outside_learning == 10
    assert suggest_points(CFG, "st", "2026-2027", three, []).outside_learning == 10


def test_the_best_award_of_an_education_authority_counts() -> None:
    awards = [award(AwardLevel.SCHOOL, uuid="a"), award(AwardLevel.CITY, uuid="b")]
    s = suggest_points(CFG, "st", "2026-2027", [specialty("声乐", SpecialtyRoute.CLUB)], awards)
    assert s.art_specialty == 8
    assert {e.uuid: e.points for e in s.evidence} == {"s1": 4, "a": 4, "b": 8}


def test_awards_of_other_organisers_earn_nothing_but_are_shown() -> None:
    s = suggest_points(CFG, "st", "2026-2027", [], [award(AwardLevel.PROVINCIAL, authority=False)])
    assert s.art_specialty == 0
    (e,) = s.evidence
    assert e.points == 0 and "not counted" in e.reason and "education authority" in e.reason


def test_points_are_capped_at_the_configured_maximum_and_follow_the_rule() -> None:
    national = [award(AwardLevel.NATIONAL, whitelist=True)]
    assert suggest_points(CFG, "st", "2026-2027", [], national).art_specialty == 10
    rule = DevelopmentRule(outside_points_each=2, in_school_specialty_points=1,
                           award_points={**DevelopmentRule().award_points, AwardLevel.NATIONAL: 15})  # fmt: skip
    cfg = replace(CFG, development=rule)
    assert suggest_points(cfg, "st", "2026-2027", [], national).art_specialty == 10
    outside = [specialty("器乐", SpecialtyRoute.OUTSIDE)]
    assert suggest_points(cfg, "st", "2026-2027", outside, []).outside_learning == 2
    split = replace(CFG, sub_maxima={**CFG.sub_maxima, "outside_learning": 12, "art_specialty": 8})
    assert suggest_points(split, "st", "2026-2027", [], national).art_specialty == 8
