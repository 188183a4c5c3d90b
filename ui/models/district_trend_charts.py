"""What the trend lines of the district show (``district_trends``): fitness 优良率 and 及格率 and
the mean total per 学年, out-of-class labor minutes per week per term, and the arts bands per
学年; the district's line, and a chosen school's beside it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from PySide6.QtCore import QCoreApplication

from app.arts.config import BANDS
from app.services.district.trends import DistrictTrends, TermTrend, YearTrend
from ui.models.arts_labels import band_labels
from ui.models.district_arts_model import BAND_COLORS
from ui.models.district_charts import GOOD_COLOR, PASS_COLOR
from ui.models.fitness_stats_charts import ChartData

translate = QCoreApplication.translate
SCHOOL_GOOD: Final = "#81c784"
SCHOOL_PASS: Final = "#64b5f6"
DISTRICT_COLOR: Final = "#4e79a7"
SCHOOL_COLOR: Final = "#f28e2b"
Values = tuple[float | None, ...]


def _line(keys: Sequence[str], found: Sequence[Any], key: str, get: Callable[[Any], float | None]
          ) -> Values:  # fmt: skip
    """One value per key (a year or term) from the trends that have it."""
    by_key = {getattr(t, key): t for t in found}
    return tuple(get(by_key[k]) if k in by_key else None for k in keys)


def _years(tr: DistrictTrends) -> tuple[str, ...]:
    return tuple(y.school_year for y in tr.years)


def fitness_rates(tr: DistrictTrends, school: str) -> ChartData:
    years = _years(tr)

    def good(t: YearTrend) -> float | None:
        return t.excellent_good_rate

    def passed(t: YearTrend) -> float | None:
        return t.pass_rate

    series = [
        (translate("DistrictTrendCharts", "District excellent or good"), _line(years, tr.years, "school_year", good),
         GOOD_COLOR),
        (translate("DistrictTrendCharts", "District pass rate"), _line(years, tr.years, "school_year", passed),
         PASS_COLOR),
    ]  # fmt: skip
    if tr.school_code:
        series += [
            (translate("DistrictTrendCharts", "{school} excellent or good").format(school=school),
             _line(years, tr.school_years, "school_year", good), SCHOOL_GOOD),
            (translate("DistrictTrendCharts", "{school} pass rate").format(school=school),
             _line(years, tr.school_years, "school_year", passed), SCHOOL_PASS),
        ]  # fmt: skip
    return ChartData(translate("DistrictTrendCharts", "Fitness: excellent or good, and pass rate"), years,
                     tuple(series))  # fmt: skip


def mean_total(tr: DistrictTrends, school: str) -> ChartData:
    years = _years(tr)

    def mean(t: YearTrend) -> float | None:
        return t.mean_total

    series = [(translate("DistrictTrendCharts", "District"), _line(years, tr.years, "school_year", mean),
               DISTRICT_COLOR)]  # fmt: skip
    if tr.school_code:
        series.append((school, _line(years, tr.school_years, "school_year", mean), SCHOOL_COLOR))
    return ChartData(translate("DistrictTrendCharts", "Fitness: mean total"), years, tuple(series))


def labor_minutes(tr: DistrictTrends, school: str) -> ChartData:
    terms = tuple(t.term for t in tr.terms)

    def weekly(t: TermTrend) -> float | None:
        return t.weekly_out_of_class

    series = [
        (
            translate("DistrictTrendCharts", "District"),
            _line(terms, tr.terms, "term", weekly),
            DISTRICT_COLOR,
        )
    ]
    if tr.school_code:
        series.append((school, _line(terms, tr.school_terms, "term", weekly), SCHOOL_COLOR))
    return ChartData(
        translate("DistrictTrendCharts", "Labor: out-of-class minutes per student per week"),
        terms,
        tuple(series),
    )


def arts_bands(tr: DistrictTrends, school: str) -> ChartData:
    """The bands of the scope: the chosen school's, else the district's."""
    years = _years(tr)
    found = tr.school_years if tr.school_code else tr.years
    names = band_labels()
    series = tuple(
        (names[b], _line(years, found, "school_year", lambda t, b=b: t.band_rate(b)),
         BAND_COLORS[b])
        for b in BANDS
    )  # fmt: skip
    scope = school if tr.school_code else translate("DistrictTrendCharts", "District")
    return ChartData(translate("DistrictTrendCharts", "Arts: assessment bands ({scope})").format(scope=scope),
                     years, series)  # fmt: skip
