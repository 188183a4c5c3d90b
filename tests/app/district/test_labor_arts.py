"""District labor and arts figures against the fixture's records, counted by hand."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from app.arts.constants import AwardLevel
from app.labor.config import LaborConfig
from app.labor.constants import Setting
from app.services.district import SchoolType, district_arts, district_labor
from app.services.district.caches import refresh_district_caches
from app.services.labor_totals import student_hours, term_period
from db import repo_settings
from tests.app.district import expect
from tests.app.district.district_fixture import TERM, YEAR, District, labor
from tests.conftest import TODAY


def _days(district: District) -> int:
    start, end = term_period(district.ws.db, TERM, today=TODAY)
    return (end - start).days + 1


def test_labor_per_school_matches_the_minutes_recorded(district: District) -> None:
    days = _days(district)
    found = district_labor(district.ws.db, TERM, today=TODAY)
    assert found.days == days == 92  # 1 September to TODAY (1 December)
    assert dict(found.thresholds) == LaborConfig().weekly_out_of_class_minutes
    for key, code in district.codes.items():
        want = expect.labor(district.of(key), days)
        got = {x.key[0]: x for x in found.schools}[code]
        assert (got.students, got.meeting) == (want.students, want.meeting)
        assert got.out_of_class_minutes == want.out_of_class
        assert got.total_minutes == want.total
        assert {c: n for c, n in got.by_category.items() if n} == dict(want.by_category)
        assert got.weekly_out_of_class == pytest.approx(
            want.out_of_class * 7 / days / want.students
        )
    everyone = expect.labor(district.kids.values(), days)
    assert found.district.meeting == everyone.meeting == 3  # P1 (band 1), P3 and J11
    assert found.district.meeting_share == pytest.approx(3 / everyone.students)


def test_who_meets_the_threshold_is_what_the_school_report_says(district: District) -> None:
    db = district.ws.db
    code = district.codes["P"]
    start, end = term_period(db, TERM, today=TODAY)
    repo_settings.set_setting(db, "school_code", code)
    school = {t.student_uuid: t for t in student_hours(db, date_from=start, date_to=end, term=TERM)}
    found = district_labor(db, TERM, school_code=code, today=TODAY)
    meeting = sum(t.meets_threshold for t in school.values() if t.on_roll)
    assert found.schools[0].meeting == meeting == 2
    assert [g.key for g in found.grades] == [(11,), (13,)]


def test_the_cache_follows_new_records_school_by_school(district: District) -> None:
    db = district.ws.db
    before = district_labor(db, TERM, today=TODAY)
    assert refresh_district_caches(db) == 0  # fresh: nothing to rebuild
    repo_settings.set_setting(db, "school_code", district.codes["N"])
    labor(district, dt.date(2026, 11, 4), Setting.HOME, 600, [23, 24])
    assert refresh_district_caches(db) == 1  # only the school whose records changed
    after = district_labor(db, TERM, today=TODAY)
    n_code = district.codes["N"]
    grew = {x.key[0]: x.out_of_class_minutes for x in after.schools}
    was = {x.key[0]: x.out_of_class_minutes for x in before.schools}
    assert grew[n_code] == was[n_code] + 1200
    assert grew[district.codes["J"]] == was[district.codes["J"]]


def test_labor_by_school_type_takes_the_grades_of_that_type(district: District) -> None:
    junior = district_labor(district.ws.db, TERM, school_type=SchoolType.JUNIOR, today=TODAY)
    kids = [k for k in district.kids.values() if k.grade == 21]
    want = expect.labor(kids, _days(district))
    assert junior.district.students == want.students
    assert junior.district.out_of_class_minutes == want.out_of_class


def test_arts_bands_participation_specialties_and_awards(district: District) -> None:
    found = district_arts(district.ws.db, YEAR)
    by_code = {a.key[0]: a for a in found.schools}
    for key, code in district.codes.items():
        bands, totals = expect.arts_bands(district.of(key), YEAR)
        got = by_code[code]
        assert {b: n for b, n in got.band_counts.items() if n} == dict(bands)
        assert got.assessed == len(totals)
        assert got.mean_total == pytest.approx(sum(totals) / len(totals))
        assert got.students == sum(k.on_roll for k in district.of(key))
    p, j, n = (by_code[district.codes[k]] for k in "PJN")
    assert (p.participants, j.participants, n.participants) == (2, 0, 1)
    assert p.participation_rate == pytest.approx(2 / 5)
    assert (p.with_specialty, j.with_specialty, n.with_specialty) == (1, 1, 1)
    assert p.awards[AwardLevel.COUNTY.value] == 1
    assert sum(j.awards.values()) == 0  # the provincial award is a sports award
    assert (n.awards[AwardLevel.CITY.value], n.awards[AwardLevel.SCHOOL.value]) == (1, 1)
    assert found.categories == {("performance", "声乐"): 1, ("works", "书法"): 1,
                                ("workshop", "剪纸"): 1}  # fmt: skip
    all_bands, _ = expect.arts_bands(district.kids.values(), YEAR)
    assert Counter({b: n for b, n in found.district.band_counts.items() if n}) == all_bands


def test_arts_of_primary_grades_leave_the_nine_year_schools_junior_classes_out(
    district: District,
) -> None:
    found = district_arts(district.ws.db, YEAR, school_type=SchoolType.PRIMARY)
    nine = {a.key[0]: a for a in found.schools}[district.codes["N"]]
    bands, _ = expect.arts_bands([k for k in district.of("N") if k.grade == 13], YEAR)
    assert nine.assessed == sum(bands.values()) == 1  # N21 only (N22 was not assessed)
    assert nine.participants == 0  # N23 took part, but is in 七年级
    assert nine.awards[AwardLevel.CITY.value] == 1  # awards belong to the school
