"""区域概览 → 体质健康: the 学年's fitness figures of the district's schools (of a school type, or
one school) by school, grade and sex with the district's beside them (``district_fitness``):
level distribution, 优良率 and 及格率 against the district, BMI categories, and the table."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from app.services.district.fitness import DistrictFitness, district_fitness
from ui.models.district_charts import (
    bmi_by_school,
    good_rate_by_school,
    levels_by_school,
    pass_rate_by_school,
    rates_by_grade,
    rates_by_sex,
)
from ui.models.district_fitness_model import fitness_columns, fitness_rows
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


class DistrictFitnessTab(DistrictTab):
    def __init__(self, context: DistrictContext, parent: QWidget | None = None) -> None:
        super().__init__(context, period=YEAR, parent=parent)

    def build_content(self) -> QWidget:
        self.model = FiguresModel(fitness_columns(), self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(6, 20))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.level_chart = self.chart(stacked=True, horizontal=True)
        self.good_chart = self.chart(horizontal=True)
        self.pass_chart = self.chart(horizontal=True)
        self.grade_chart = self.chart()
        self.sex_chart = self.chart()
        self.bmi_chart = self.chart(horizontal=True)
        self.chart_tabs = QTabWidget()
        self.chart_tabs.addTab(scrolled(self.level_chart), self.tr("Levels by school"))
        self.chart_tabs.addTab(scrolled(self.good_chart), self.tr("Excellent or good by school"))
        self.chart_tabs.addTab(scrolled(self.pass_chart), self.tr("Pass rate by school"))
        self.chart_tabs.addTab(self.grade_chart, self.tr("By grade"))
        self.chart_tabs.addTab(self.sex_chart, self.tr("By sex"))
        self.chart_tabs.addTab(scrolled(self.bmi_chart), self.tr("BMI categories"))
        return self.table_and_charts(self.table, self.chart_tabs)

    def charts(self) -> tuple[BarChart, ...]:
        return (self.level_chart, self.good_chart, self.pass_chart, self.grade_chart,
                self.sex_chart, self.bmi_chart)  # fmt: skip

    def filter_key(self) -> tuple[object, ...]:
        f = self.filters
        return (f.school_year, f.school_type, f.school_code)  # a 学年: either term of it

    def compute(self) -> Compute:
        f = self.filters
        return partial(
            district_fitness,
            school_year=f.school_year,
            school_type=f.school_type,
            school_code=f.school_code,
        )

    def show_result(self, result: DistrictFitness) -> None:
        total = result.district.total
        if total.tested + total.exempt == 0:
            self.model.set_rows([])
            self.show_empty(
                self.tr(
                    "No fitness results of {year} have reached the bureau for these schools yet. "
                    "They arrive with the schools' packets: merge them under Packet intake, or "
                    "choose another school year."
                ).format(year=result.school_year)
            )
            return
        self.model.set_rows(fitness_rows(result))
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order
        self.table.resizeColumnsToContents()
        self.summary.setText(self._summary(result))
        show_chart(self.level_chart, levels_by_school(result), percent=True)
        show_chart(self.good_chart, good_rate_by_school(result), percent=True)
        show_chart(self.pass_chart, pass_rate_by_school(result), percent=True)
        show_chart(self.grade_chart, rates_by_grade(result), percent=True)
        show_chart(self.sex_chart, rates_by_sex(result), percent=True)
        show_chart(self.bmi_chart, bmi_by_school(result), percent=True)
        self.stack.show_content()

    def _summary(self, df: DistrictFitness) -> str:
        d = df.district.total
        text = self.tr(
            "{year}, district ({schools} schools): {tested} tested, {exempt} exempt, "
            "{incomplete} incomplete, {untested} not tested. Mean total {mean}; excellent or "
            "good {good}; pass rate {passed}."
        ).format(
            year=df.school_year,
            schools=len(self.filters.schools_of_type()),
            tested=d.tested,
            exempt=d.exempt,
            incomplete=d.incomplete,
            untested=d.untested,
            mean=decimal(d.mean_total),
            good=percent(d.excellent_good_rate),
            passed=percent(d.pass_rate),
        )
        if df.school is not None:
            s = df.school.total
            text += "\n" + self.tr(
                "{school}: mean total {mean}; excellent or good {good}; pass rate {passed}."
            ).format(
                school=s.label,
                mean=decimal(s.mean_total),
                good=percent(s.excellent_good_rate),
                passed=percent(s.pass_rate),
            )
        return text
