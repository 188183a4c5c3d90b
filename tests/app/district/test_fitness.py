"""District fitness figures against the fixture's results scored by hand, and against the
school-level statistics of the same school."""

from __future__ import annotations

import pytest

from app.errors import NotFoundError
from app.services.district import SchoolType, district_fitness, district_value_added
from app.services.fitness_stats import fitness_statistics
from app.services.fitness_stats_model import GroupStats
from app.services.value_added import value_added
from db import repo_settings
from tests.app.district import expect
from tests.app.district.district_fixture import PREVIOUS, YEAR, District


def _same(got: GroupStats, want: expect.Fitness) -> None:
    assert got.tested == want.tested
    assert got.exempt == want.exempt
    assert got.untested == want.untested
    assert {k: v for k, v in got.level_counts.items() if v} == dict(want.levels)
    assert {k: v for k, v in got.bmi_counts.items() if v} == dict(want.bmi)
    assert got.mean_total == pytest.approx(want.mean_total)
    assert got.excellent_good_rate == pytest.approx(want.excellent_good_rate)
    assert got.pass_rate == pytest.approx(want.pass_rate)


def test_each_school_and_the_district_match_the_results_scored_by_hand(district: District) -> None:
    found = district_fitness(district.ws.db, YEAR)
    _same(found.district.total, expect.fitness(district.kids.values(), YEAR))
    by_code = {g.key[0]: g for g in found.schools}
    assert set(by_code) >= set(district.codes.values())
    for key, code in district.codes.items():
        _same(by_code[code], expect.fitness(district.of(key), YEAR))
        assert by_code[code].label == district.names[code]
    # Untested P5 and exempt J13 are counted apart; transferred-out J15 is not counted at all.
    assert found.district.total.untested == 1 and found.district.total.exempt == 1


def test_grades_and_sexes_add_up_to_the_district(district: District) -> None:
    found = district_fitness(district.ws.db, YEAR).district
    assert [g.grade_code for g in found.grades] == [11, 13, 21]
    for g in found.grades:
        assert g.grade_code is not None
        _same(g, expect.fitness(district.kids.values(), YEAR, [g.grade_code]))
    assert sum(g.tested for g in found.sexes) == found.total.tested
    assert sum(g.tested for g in found.grade_sex) == found.total.tested


def test_the_school_type_follows_the_grade_so_a_nine_year_school_counts_twice(
    district: District,
) -> None:
    db = district.ws.db
    primary = district_fitness(db, YEAR, school_type=SchoolType.PRIMARY)
    junior = district_fitness(db, YEAR, school_type=SchoolType.JUNIOR)
    _same(primary.district.total, expect.fitness(district.kids.values(), YEAR, range(11, 17)))
    _same(junior.district.total, expect.fitness(district.kids.values(), YEAR, range(21, 24)))
    codes = district.codes
    # The enrolled school that sent nothing has no known stage: it is in no type's list.
    assert [g.key[0] for g in primary.schools] == [codes["P"], codes["N"]]
    assert [g.key[0] for g in junior.schools] == [codes["J"], codes["N"]]
    nine = {g.key[0]: g for g in junior.schools}[codes["N"]]
    _same(nine, expect.fitness(district.of("N"), YEAR, range(21, 24)))


def test_a_chosen_school_comes_with_its_breakdown_and_the_district_beside_it(
    district: District,
) -> None:
    code = district.codes["N"]
    found = district_fitness(district.ws.db, PREVIOUS, school_code=code)
    assert [g.key for g in found.schools] == [(code,)]
    assert found.school is not None
    _same(found.school.total, expect.fitness(district.of("N"), PREVIOUS))
    _same(found.district.total, expect.fitness(district.kids.values(), PREVIOUS))
    # Last year 七年级 was 六年级 and 三年级 was 二年级; 一年级 was not at school yet.
    assert [g.grade_code for g in found.district.grades] == [12, 16]


def test_an_unknown_school_is_refused(district: District) -> None:
    with pytest.raises(NotFoundError):
        district_fitness(district.ws.db, YEAR, school_code="4141099999")


def test_the_figures_of_a_school_equal_its_own_statistics_page(district: District) -> None:
    db = district.ws.db
    code = district.codes["J"]
    ours = {g.key[0]: g for g in district_fitness(db, YEAR).schools}[code]
    repo_settings.set_setting(db, "school_code", code)  # as the school's own workspace
    theirs = fitness_statistics(db, YEAR).school
    for name in ("tested", "exempt", "incomplete", "untested", "level_counts", "bmi_counts"):
        assert getattr(ours, name) == getattr(theirs, name)
    assert ours.mean_total == pytest.approx(theirs.mean_total)


def test_value_added_by_school_matches_the_changes_computed_by_hand(district: District) -> None:
    found = district_value_added(district.ws.db, YEAR)
    want = expect.value_added(district.kids.values(), YEAR, PREVIOUS)
    # P3, P4, J11, J12, J14 (its 补测 decides), N21, N23, N24; J13 is exempt, J15 off roll.
    assert found.district.n == want.n == 8
    assert found.district.mean_change == pytest.approx(sum(want.changes) / want.n)
    assert (found.district.improved, found.district.moved_up) == (want.improved, want.moved_up)
    by_code = {c.key[0]: c for c in found.schools}
    for key, code in district.codes.items():
        mine = expect.value_added(district.of(key), YEAR, PREVIOUS)
        assert by_code[code].n == mine.n
        assert by_code[code].improved == mine.improved
    # P1 and P2 (一年级) have nothing last year: not compared.
    assert found.not_compared[district.codes["P"]] == 2


def test_value_added_of_a_school_equals_its_own_evaluation(district: District) -> None:
    db = district.ws.db
    code = district.codes["N"]
    ours = {c.key[0]: c for c in district_value_added(db, YEAR).schools}[code]
    repo_settings.set_setting(db, "school_code", code)
    theirs = value_added(db, YEAR).school
    assert (ours.n, ours.improved, ours.moved_up) == (theirs.n, theirs.improved, theirs.moved_up)
    assert ours.mean_change == pytest.approx(theirs.mean_change)
