"""区域概览 → 美育: the 学年's arts across the district (``district_arts``): assessment bands by
school, participation in arts activities against the district, specialties by category and
awards by level, and the table by school and grade."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from app.services.district.arts import DistrictArts, district_arts
from ui.models.district_arts_model import (
    arts_columns,
    arts_rows,
    awards_by_school,
    bands_by_school,
    participation_by_school,
    specialties_by_category,
)
from ui.models.district_rows import FiguresModel, decimal, percent
from ui.models.record_table_model import RecordFilterProxy
from ui.pages.district_filter_bar import YEAR
from ui.pages.district_tab_base import (
    Compute,
    DistrictContext,
    DistrictTab,
    scrolled,
    show_chart,
)
from ui.widgets.charts import BarChart
from ui.widgets.record_view import record_table


class DistrictArtsTab(DistrictTab):
    def __init__(self, context: DistrictContext, parent: QWidget | None = None) -> None:
        super().__init__(context, period=YEAR, parent=parent)

    def build_content(self) -> QWidget:
        self.model = FiguresModel(arts_columns(), self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(6, 20))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.band_chart = self.chart(stacked=True, horizontal=True)
        self.participation_chart = self.chart(horizontal=True)
        self.specialty_chart = self.chart()
        self.award_chart = self.chart(stacked=True, horizontal=True)
        self.chart_tabs = QTabWidget()
        self.chart_tabs.addTab(scrolled(self.band_chart), self.tr("Bands by school"))
        self.chart_tabs.addTab(scrolled(self.participation_chart), self.tr("Participation"))
        self.chart_tabs.addTab(self.specialty_chart, self.tr("Specialties"))
        self.chart_tabs.addTab(scrolled(self.award_chart), self.tr("Awards by level"))
        return self.table_and_charts(self.table, self.chart_tabs)

    def charts(self) -> tuple[BarChart, ...]:
        return (self.band_chart, self.participation_chart, self.specialty_chart,
                self.award_chart)  # fmt: skip

    def filter_key(self) -> tuple[object, ...]:
        f = self.filters
        return (f.school_year, f.school_type, f.school_code)  # a 学年: either term of it

    def compute(self) -> Compute:
        f = self.filters
        return partial(
            district_arts,
            school_year=f.school_year,
            school_type=f.school_type,
            school_code=f.school_code,
        )

    def show_result(self, result: DistrictArts) -> None:
        d = result.district
        if d.assessed == 0 and d.participants == 0 and not any(d.awards.values()):
            self.model.set_rows([])
            self.show_empty(
                self.tr(
                    "No arts records of {year} have reached the bureau for these schools yet. "
                    "They arrive with the schools' packets: merge them under Packet intake, or "
                    "choose another school year."
                ).format(year=result.school_year)
            )
            return
        self.model.set_rows(arts_rows(result))
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr(
                "{year}, district: {students} students, {assessed} assessed (mean total "
                "{mean}, excellent or good {good}), {participation} taking part in arts "
                "activities, {specialty} with a specialty, {awards} arts awards."
            ).format(
                year=result.school_year,
                students=d.students,
                assessed=d.assessed,
                mean=decimal(d.mean_total),
                good=percent(d.excellent_good_rate),
                participation=percent(d.participation_rate),
                specialty=d.with_specialty,
                awards=sum(d.awards.values()),
            )
        )
        show_chart(self.band_chart, bands_by_school(result), percent=True)
        show_chart(self.participation_chart, participation_by_school(result), percent=True)
        show_chart(self.specialty_chart, specialties_by_category(result))
        show_chart(self.award_chart, awards_by_school(result))
        self.stack.show_content()
