"""区域概览 → 劳动教育: the term's labor across the district (``district_labor``): out-of-class
minutes per student per week against the threshold by school and grade, the share of students
meeting it, and the mix of daily-life, productive and service labor."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from app.services.district.labor import DistrictLabor, district_labor
from ui.models.district_labor_model import (
    categories_by_school,
    labor_columns,
    labor_rows,
    meeting_by_school,
    minutes_by_grade,
    minutes_by_school,
)
from ui.models.district_rows import FiguresModel, decimal, percent
from ui.models.record_table_model import RecordFilterProxy
from ui.pages.district_filter_bar import TERM
from ui.pages.district_tab_base import (
    Compute,
    DistrictContext,
    DistrictTab,
    scrolled,
    show_chart,
)
from ui.widgets.charts import BarChart
from ui.widgets.record_view import record_table


class DistrictLaborTab(DistrictTab):
    needs_caches = True

    def __init__(self, context: DistrictContext, parent: QWidget | None = None) -> None:
        super().__init__(context, period=TERM, parent=parent)

    def build_content(self) -> QWidget:
        self.model = FiguresModel(labor_columns(), self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(6, 20))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.minutes_chart = self.chart(horizontal=True)
        self.meeting_chart = self.chart(horizontal=True)
        self.category_chart = self.chart(stacked=True, horizontal=True)
        self.grade_chart = self.chart()
        self.chart_tabs = QTabWidget()
        self.chart_tabs.addTab(scrolled(self.minutes_chart), self.tr("Minutes by school"))
        self.chart_tabs.addTab(scrolled(self.meeting_chart), self.tr("Meeting the threshold"))
        self.chart_tabs.addTab(scrolled(self.category_chart), self.tr("Categories"))
        self.chart_tabs.addTab(self.grade_chart, self.tr("By grade"))
        return self.table_and_charts(self.table, self.chart_tabs)

    def charts(self) -> tuple[BarChart, ...]:
        return (self.minutes_chart, self.meeting_chart, self.category_chart, self.grade_chart)

    def compute(self) -> Compute:
        f = self.filters
        return partial(
            district_labor,
            term=f.term,
            school_type=f.school_type,
            school_code=f.school_code,
            today=self.ctx.today,
        )

    def show_result(self, result: DistrictLabor) -> None:
        if result.district.total_minutes == 0:
            self.model.set_rows([])
            self.show_empty(
                self.tr(
                    "No labor of {term} has reached the bureau for these schools yet. It arrives "
                    "with the schools' packets: merge them under Packet intake, or choose "
                    "another term."
                ).format(term=result.term)
            )
            return
        self.model.set_rows(labor_rows(result))
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        self.summary.setText(self._summary(result))
        show_chart(self.minutes_chart, minutes_by_school(result))
        show_chart(self.meeting_chart, meeting_by_school(result), percent=True)
        show_chart(self.category_chart, categories_by_school(result), percent=True)
        show_chart(self.grade_chart, minutes_by_grade(result))
        self.stack.show_content()

    def _summary(self, dl: DistrictLabor) -> str:
        d = dl.district
        thresholds = ", ".join(
            self.tr("学段 {band}: {minutes}").format(band=band, minutes=minutes)
            for band, minutes in sorted(dl.thresholds.items())
        )
        return self.tr(
            "{term}, {start} – {end} ({weeks} weeks), district: {students} students, "
            "{minutes} out-of-class minutes per student per week, {meeting} meeting their "
            "threshold. Thresholds in minutes per week: {thresholds}."
        ).format(
            term=dl.term,
            start=dl.date_from.isoformat(),
            end=dl.date_to.isoformat(),
            weeks=f"{dl.weeks:.1f}",
            students=d.students,
            minutes=decimal(d.weekly_out_of_class),
            meeting=percent(d.meeting_share),
            thresholds=thresholds,
        )
