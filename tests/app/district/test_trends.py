"""Year-over-year trends from the per-school caches, against the fixture counted by hand."""

from __future__ import annotations

import pytest

from app.labor.config import LaborConfig
from app.labor.constants import band_of_grade
from app.services.district import district_trends
from app.services.labor_totals import term_period
from tests.app.district.district_fixture import PREVIOUS, TERM, YEAR, District, Kid
from tests.conftest import TODAY


def _complete(kids: list[Kid], year: str) -> list[tuple[float, str]]:
    """(total, level) of every kid's complete result of the year, off-roll kids included."""
    out = []
    for kid in kids:
        result = kid.result(year)
        if result is not None and result.total_score is not None and result.level is not None:
            out.append((result.total_score, result.level))
    return out


def test_fitness_and_arts_per_school_year_count_every_student_of_that_year(
    district: District,
) -> None:
    trends = district_trends(district.ws.db, today=TODAY)
    assert [y.school_year for y in trends.years] == [PREVIOUS, YEAR]
    for y in trends.years:
        done = _complete(list(district.kids.values()), y.school_year)
        assert y.fitness_complete == len(done)  # J15, transferred out since, still counts
        good = sum(level in ("优秀", "良好") for _, level in done)
        assert y.excellent_good_rate == pytest.approx(good / len(done))
        assert y.mean_total == pytest.approx(sum(t for t, _ in done) / len(done))
        bands = [k.arts_band(y.school_year)[1] for k in district.kids.values()]
        assert y.arts_assessed == sum(b is not None for b in bands)
        assert y.arts_bands["excellent"] == bands.count("excellent")


def test_labor_per_term_counts_the_students_with_labor_recorded(district: District) -> None:
    trends = district_trends(district.ws.db, today=TODAY)
    start, end = term_period(district.ws.db, TERM, today=TODAY)
    days = (end - start).days + 1
    recorded = [k for k in district.kids.values() if k.total_labor > 0]
    config = LaborConfig()
    meeting = sum(
        k.out_of_class * 7 >= config.threshold_for_band(band_of_grade(k.grade)) * days
        for k in recorded
    )
    (term,) = trends.terms
    assert (term.term, term.students, term.meeting) == (TERM, len(recorded), meeting)
    assert term.weekly_out_of_class == pytest.approx(
        sum(k.out_of_class for k in recorded) * 7 / days / len(recorded)
    )


def test_a_chosen_school_has_its_own_trend_beside_the_districts(district: District) -> None:
    code = district.codes["J"]
    trends = district_trends(district.ws.db, school_code=code, today=TODAY)
    mine = {y.school_year: y for y in trends.school_years}
    assert mine[YEAR].fitness_complete == len(_complete(district.of("J"), YEAR)) == 4
    assert trends.school_terms[0].students == 5
    assert trends.years[-1].fitness_complete > mine[YEAR].fitness_complete
