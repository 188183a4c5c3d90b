"""区域概览 → 增值评价: each school's fitness change against the year before
(``district_value_added``): the mean change of the total and the shares improved and moved up a
level, by school and by grade, with the district's as the reference line."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from app.services.district.value_added import DistrictValueAdded, district_value_added
from ui.models.district_charts import change_by_grade, change_by_school, improved_by_school
from ui.models.district_fitness_model import value_added_columns, value_added_rows
from ui.models.district_rows import FiguresModel, change_text, percent
from ui.models.record_table_model import RecordFilterProxy
from ui.pages.district_filter_bar import YEAR
from ui.pages.district_tab_base import (
    Compute,
    DistrictContext,
    DistrictTab,
    scrolled,
    show_chart,
)
from ui.widgets.chart_data import signed
from ui.widgets.charts import BarChart
from ui.widgets.record_view import record_table


class DistrictValueAddedTab(DistrictTab):
    def __init__(self, context: DistrictContext, parent: QWidget | None = None) -> None:
        super().__init__(context, period=YEAR, parent=parent)

    def build_content(self) -> QWidget:
        self.model = FiguresModel([], self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(6, 20))
        self.change_chart = self.chart(horizontal=True)
        self.improved_chart = self.chart(horizontal=True)
        self.grade_chart = self.chart()
        self.chart_tabs = QTabWidget()
        self.chart_tabs.addTab(scrolled(self.change_chart), self.tr("Mean change by school"))
        self.chart_tabs.addTab(scrolled(self.improved_chart), self.tr("Improved by school"))
        self.chart_tabs.addTab(self.grade_chart, self.tr("By grade"))
        return self.table_and_charts(self.table, self.chart_tabs)

    def charts(self) -> tuple[BarChart, ...]:
        return (self.change_chart, self.improved_chart, self.grade_chart)

    def filter_key(self) -> tuple[object, ...]:
        f = self.filters
        return (f.school_year, f.school_type, f.school_code)

    def compute(self) -> Compute:
        f = self.filters
        return partial(
            district_value_added,
            school_year=f.school_year,
            school_type=f.school_type,
            school_code=f.school_code,
        )

    def show_result(self, result: DistrictValueAdded) -> None:
        if result.district.n == 0:
            self.model.set_rows([])
            self.show_empty(
                self.tr(
                    "No student of these schools has complete fitness results both in {previous} "
                    "and in {year} at the bureau yet: the value-added compares each student with "
                    "the year before. Merge both years' packets, or choose another school year."
                ).format(previous=result.previous_year, year=result.school_year)
            )
            return
        self.model.set_columns(value_added_columns(result))
        self.model.set_rows(value_added_rows(result))
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        d = result.district
        self.summary.setText(
            self.tr(
                "{previous} → {year}, district: {n} students compared, mean change {change}, "
                "{improved} improved, {up} moved up a level."
            ).format(
                previous=result.previous_year,
                year=result.school_year,
                n=d.n,
                change=change_text(d.mean_change),
                improved=percent(d.improved_share),
                up=percent(d.moved_up_share),
            )
        )
        show_chart(self.change_chart, change_by_school(result), value_format=signed)
        show_chart(self.improved_chart, improved_by_school(result), percent=True)
        show_chart(self.grade_chart, change_by_grade(result), value_format=signed)
        self.stack.show_content()
