"""区域概览 → 趋势: year over year (``district_trends``): fitness 优良率, 及格率 and mean total per
学年, labor minutes per week per term, arts bands per 学年; the district's line and a chosen
school's. Every year the bureau holds counts, so there is no year filter."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from app.services.district.trends import DistrictTrends, district_trends
from ui.models.district_trend_charts import arts_bands, fitness_rates, labor_minutes, mean_total
from ui.models.fitness_stats_charts import ChartData
from ui.pages.district_tab_base import Compute, DistrictContext, DistrictTab
from ui.widgets.charts import LineChart


def show_line(chart: LineChart, data: ChartData, *, percent: bool = False, empty: str) -> None:
    values = [v for _name, vs, _c in data.series for v in vs if v is not None]
    if not values:
        chart.title = data.title
        chart.clear(empty)
        return
    chart.set_data(data.categories, data.series, title=data.title, percent=percent)


class DistrictTrendsTab(DistrictTab):
    needs_caches = True

    def __init__(self, context: DistrictContext, parent: QWidget | None = None) -> None:
        super().__init__(context, period=None, parent=parent)

    def build_content(self) -> QWidget:
        # Rates and minutes from zero (a padded axis would dip below 0 %); the mean total fits
        # its data, so a change from 74 to 76 points shows.
        self.rates_chart = self._line_chart(from_zero=True)
        self.total_chart = self._line_chart()
        self.labor_chart = self._line_chart(from_zero=True)
        self.arts_chart = self._line_chart(from_zero=True)
        grid = QGridLayout()
        grid.addWidget(self.rates_chart, 0, 0)
        grid.addWidget(self.total_chart, 0, 1)
        grid.addWidget(self.labor_chart, 1, 0)
        grid.addWidget(self.arts_chart, 1, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)
        return content

    def _line_chart(self, *, from_zero: bool = False) -> LineChart:
        chart = LineChart(from_zero=from_zero)
        chart.export_folder = self.ctx.ws.paths.exports
        return chart

    def charts(self) -> tuple[LineChart, ...]:
        return (self.rates_chart, self.total_chart, self.labor_chart, self.arts_chart)

    def filter_key(self) -> tuple[object, ...]:
        return (self.filters.school_type, self.filters.school_code)  # every year

    def compute(self) -> Compute:
        f = self.filters
        return partial(
            district_trends,
            school_type=f.school_type,
            school_code=f.school_code,
            today=self.ctx.today,
        )

    def show_result(self, result: DistrictTrends) -> None:
        if not result.years and not result.terms:
            self.show_empty(
                self.tr(
                    "No fitness, labor or arts records have reached the bureau for these "
                    "schools yet. The trends fill in as the schools' packets are merged, year "
                    "after year."
                )
            )
            return
        school = self.filters.school_name()
        none = self.tr("No records of this kind yet.")
        show_line(self.rates_chart, fitness_rates(result, school), percent=True, empty=none)
        show_line(self.total_chart, mean_total(result, school), empty=none)
        show_line(self.labor_chart, labor_minutes(result, school), empty=none)
        show_line(self.arts_chart, arts_bands(result, school), percent=True, empty=none)
        years = [y.school_year for y in result.years]
        terms = [t.term for t in result.terms]
        self.summary.setText(
            self.tr("School years: {years}. Terms with labor records: {terms}.").format(
                years=", ".join(years) or "–", terms=", ".join(terms) or "–"
            )
        )
        self.stack.show_content()
