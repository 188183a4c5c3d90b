"""What an award counts for: the education-authority rule for 艺术特长, the MOE white-list flag,
and the spellings of levels, ranks and domains."""

from __future__ import annotations

import datetime as dt

import pytest

from app.arts.award_rules import (
    award_school_year,
    award_warnings,
    counts_toward_arts_specialty,
    whitelist_warning,
)
from app.arts.constants import (
    AwardDomain,
    AwardLevel,
    AwardRank,
    parse_domain,
    parse_level,
    parse_rank,
    specialty_group_of,
)
from app.models import RecordMeta
from tests.app.arts.records import award


@pytest.mark.parametrize("level", list(AwardLevel))
def test_awards_of_education_authorities_count_at_every_level_school_included(
    level: AwardLevel,
) -> None:
    assert counts_toward_arts_specialty(award(level, authority=True, whitelist=True))


@pytest.mark.parametrize("level", list(AwardLevel))
def test_awards_of_other_organisers_never_count(level: AwardLevel) -> None:
    assert not counts_toward_arts_specialty(award(level, authority=False, whitelist=True))


@pytest.mark.parametrize("domain", [AwardDomain.SPORTS, AwardDomain.LABOR, AwardDomain.OTHER])
def test_awards_of_other_domains_show_no_arts_specialty(domain: AwardDomain) -> None:
    assert not counts_toward_arts_specialty(award(domain=domain))


def test_a_deleted_award_does_not_count() -> None:
    assert not counts_toward_arts_specialty(award(meta=RecordMeta(uuid="x", deleted=True)))


def test_a_national_award_off_the_moe_list_is_flagged() -> None:
    off = whitelist_warning(award(AwardLevel.NATIONAL, whitelist=False, event="全国青少年才艺大赛"))
    assert off is not None and "全国青少年才艺大赛" in off and "not on" in off
    unknown = whitelist_warning(award(AwardLevel.NATIONAL, whitelist=None))
    assert unknown is not None and "not stated" in unknown
    assert whitelist_warning(award(AwardLevel.NATIONAL, whitelist=True)) is None


@pytest.mark.parametrize("level", [lv for lv in AwardLevel if lv is not AwardLevel.NATIONAL])
def test_only_national_awards_are_checked_against_the_list(level: AwardLevel) -> None:
    assert whitelist_warning(award(level, whitelist=None)) is None


def test_the_flag_is_a_warning_the_counting_rule_still_decides() -> None:
    flagged = award(AwardLevel.NATIONAL, authority=True, whitelist=False)
    assert counts_toward_arts_specialty(flagged)
    assert len(award_warnings(flagged)) == 1
    both = award(AwardLevel.NATIONAL, authority=False, whitelist=False)
    assert len(award_warnings(both)) == 2
    assert award_warnings(award(AwardLevel.CITY)) == []
    # A sports award from a club is not an arts question.
    assert award_warnings(award(domain=AwardDomain.SPORTS, authority=False)) == []


@pytest.mark.parametrize(
    ("day", "year"),
    [(dt.date(2026, 9, 1), "2026-2027"), (dt.date(2027, 1, 15), "2026-2027"),
     (dt.date(2027, 8, 31), "2026-2027"), (dt.date(2026, 8, 31), "2025-2026")],
)  # fmt: skip
def test_an_award_belongs_to_the_school_year_of_its_date(day: dt.date, year: str) -> None:
    assert award_school_year(award(date=day)) == year


@pytest.mark.parametrize(
    ("text", "level"),
    [("国家级", AwardLevel.NATIONAL), ("全国", AwardLevel.NATIONAL), ("省级", AwardLevel.PROVINCIAL),
     ("市级", AwardLevel.CITY), ("县（区）级", AwardLevel.COUNTY), ("区级", AwardLevel.COUNTY),
     ("县区级", AwardLevel.COUNTY), (" 校级 ", AwardLevel.SCHOOL), ("county", AwardLevel.COUNTY)],
)  # fmt: skip
def test_level_spellings(text: str, level: AwardLevel) -> None:
    assert parse_level(text) is level


@pytest.mark.parametrize("text", ["", "世界级", None, "国际"])
def test_unknown_levels(text: object) -> None:
    assert parse_level(text) is None


@pytest.mark.parametrize(
    ("text", "rank"),
    [("特等奖", AwardRank.SPECIAL), ("一等奖", AwardRank.FIRST), ("金奖", AwardRank.FIRST),
     ("第一名", AwardRank.FIRST), ("银奖", AwardRank.SECOND), ("三等奖", AwardRank.THIRD),
     ("铜奖", AwardRank.THIRD), ("优秀奖", AwardRank.MERIT), ("第四名", AwardRank.OTHER),
     ("最佳创意奖", AwardRank.OTHER)],
)  # fmt: skip
def test_rank_spellings_keep_unknown_ones_as_other(text: str, rank: AwardRank) -> None:
    assert parse_rank(text) is rank


def test_domain_spellings_and_specialty_groups() -> None:
    assert parse_domain("美育") is AwardDomain.ARTS and parse_domain("体育") is AwardDomain.SPORTS
    assert parse_domain("劳动教育") is AwardDomain.LABOR and parse_domain("数学") is None
    assert specialty_group_of("器乐") and specialty_group_of("器乐").value == "performance"  # type: ignore[union-attr]
    assert specialty_group_of("剪纸").value == "workshop"  # type: ignore[union-attr]
    assert specialty_group_of("钢琴") is None
