"""体质健康 → 统计分析: the figures of a 学年 by grade, class or sex (tested, exempt, mean total,
level rates, 优良率 and 及格率, BMI categories, item means and pass rates), the value-added
against the year before (增值评价), their charts, and the statistics workbook.

The year's figures are computed on a background task (``fitness_statistics`` with every
grouping at once, then ``value_added``; about half a second for a big school), so switching
the grouping is instant and the window never waits. They are computed again whenever the tab
is shown: results may have been typed on the entry tab meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.fitness_stats import fitness_statistics
from app.services.fitness_stats_model import FitnessStats
from app.services.value_added import ValueAdded, value_added
from app.services.workspace import Workspace, current_term, require_school, school_code
from app.terms import previous_school_year
from ui.errors import show_info, show_user_error
from ui.icons import icon
from ui.models.fitness_stats_charts import (
    ChartData,
    bmi_chart,
    change_chart,
    improved_chart,
    level_chart,
)
from ui.models.fitness_stats_model import (
    GROUPINGS,
    FitnessStatsModel,
    change_text,
    decimal,
    grouping_labels,
    percent,
)
from ui.models.record_table_model import RecordFilterProxy
from ui.tasks import TaskContext, TaskRunner
from ui.widgets.chart_data import signed
from ui.widgets.charts import BarChart
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table

YEARS_SHOWN = 4  # this 学年 and the three before it, as on the entry tab
Computed = tuple[int, FitnessStats, ValueAdded]


class FitnessStatsView(QWidget):
    results_wanted = Signal()  # the empty state's button: go and enter results

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self._generation = 0
        self.loading = False
        self.stats: FitnessStats | None = None
        self.value_added: ValueAdded | None = None
        self.last_export: Path | None = None
        self.ask_save_path: Callable[[Path], Path | None] = self._ask_save_path  # an edge
        self.model = FitnessStatsModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self._build()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.year_combo = QComboBox()
        year = current_term(self._ws.db).school_year
        for _ in range(YEARS_SHOWN):
            self.year_combo.addItem(year, year)
            year = previous_school_year(year)
        self.year_combo.currentIndexChanged.connect(self.reload)
        self.grouping_combo = QComboBox()
        for key in GROUPINGS:
            self.grouping_combo.addItem(grouping_labels()[key], key)
        self.grouping_combo.currentIndexChanged.connect(self._show)
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.export_button = QPushButton(icon("export"), self.tr("Export workbook…"))
        self.export_button.setToolTip(
            self.tr(
                "The statistics and the value-added of the school year as an Excel workbook "
                "(.xlsx), with charts, by grade, class and sex."
            )
        )
        self.export_button.clicked.connect(self.export_workbook)
        self.busy_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("School year:")))
        bar.addWidget(self.year_combo)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.grouping_combo)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.busy_label)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = record_table(self.proxy)
        self.table.horizontalHeader().setStretchLastSection(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_charts())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.summary)
        inner.addWidget(splitter, 1)
        hint = EmptyHint()
        self.enter_button = hint.add_button(
            self.tr("Enter results"), self.results_wanted.emit, icon("fitness")
        )
        self.stack = HintStack(content, hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    def _build_charts(self) -> QTabWidget:
        self.level_chart = BarChart(stacked=True)
        self.bmi_chart = BarChart()
        self.change_chart = BarChart()
        self.improved_chart = BarChart()
        for chart in self.charts():
            chart.export_folder = self._ws.paths.exports
        added = QWidget()
        row = QHBoxLayout(added)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.change_chart)
        row.addWidget(self.improved_chart)
        self.chart_tabs = QTabWidget()
        self.chart_tabs.addTab(self.level_chart, self.tr("Levels"))
        self.chart_tabs.addTab(self.bmi_chart, self.tr("BMI categories"))
        self.chart_tabs.addTab(added, self.tr("Value-added"))
        return self.chart_tabs

    def charts(self) -> tuple[BarChart, ...]:
        return (self.level_chart, self.bmi_chart, self.change_chart, self.improved_chart)

    # -- computing ----------------------------------------------------------------------------

    @property
    def school_year(self) -> str:
        return str(self.year_combo.currentData())

    @property
    def grouping(self) -> str:
        return str(self.grouping_combo.currentData())

    def set_grouping(self, grouping: str) -> None:
        self.grouping_combo.setCurrentIndex(self.grouping_combo.findData(grouping))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # not a window restored: results may have changed
            self.reload()

    def reload(self) -> None:
        """Compute the chosen year's figures again, in the background."""
        if school_code(self._ws.db) is None:
            self.export_button.setEnabled(False)
            self.stack.show_hint(
                self.tr("This workspace has no school yet. Set the school up in Settings first."),
                buttons=False,
            )
            return
        self._generation += 1
        self.loading = True
        self.busy_label.setText(
            self.tr("Computing the figures of {year}…").format(year=self.school_year)
        )
        self._runner.run(
            _StatsJob(self._generation, self.school_year),
            parent=self,
            on_done=self._computed,
            on_error=self._failed,
            show_progress=False,  # the table and charts stay usable; the label says it works
        )

    def _computed(self, result: Computed) -> None:
        generation, stats, va = result
        if generation != self._generation:  # another year was chosen meanwhile
            return
        self.loading = False
        self.busy_label.clear()
        self.stats, self.value_added = stats, va
        self._show()

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.busy_label.clear()
        if isinstance(exc, UserError):
            self.stack.show_hint(str(exc), buttons=False)
        else:
            self._runner.reporter.report(exc)

    # -- showing ------------------------------------------------------------------------------

    def _show(self) -> None:
        stats, va = self.stats, self.value_added
        if stats is None or va is None:
            return
        self.export_button.setEnabled(True)
        if stats.school.tested + stats.school.exempt == 0:
            self.model.set_rows([])
            self.stack.show_hint(
                self.tr(
                    "No fitness results for {year} yet. Enter them class by class or import them "
                    "on the entry tab first: the figures, charts and value-added appear here."
                ).format(year=stats.school_year)
            )
            return
        self.model.show(stats, va, self.grouping)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order
        self.table.resizeColumnsToContents()  # a few dozen rows: cheap
        self.summary.setText(self._summary_text(stats, va))
        rows = self.model.rows
        self._chart(self.level_chart, level_chart(rows), percent=True)
        self._chart(self.bmi_chart, bmi_chart(rows), percent=True)
        if va.classes:
            self._chart(self.change_chart, change_chart(va), value_format=signed)
            self._chart(self.improved_chart, improved_chart(va), percent=True)
        else:
            empty = self.tr(
                "No student has complete results in both {previous} and {year} yet: the "
                "value-added compares each student with the year before."
            ).format(previous=va.previous_year, year=va.school_year)
            self.change_chart.clear(empty)
            self.improved_chart.clear(empty)
        self.stack.show_content()

    def _chart(
        self,
        chart: BarChart,
        data: ChartData,
        *,
        percent: bool = False,
        value_format: Callable[[float], str] | None = None,
    ) -> None:
        chart.set_data(
            data.categories,
            data.series,
            title=data.title,
            reference=data.reference,
            percent=percent,
            value_format=value_format,
        )

    def _summary_text(self, stats: FitnessStats, va: ValueAdded) -> str:
        s = stats.school
        first = self.tr(
            "{year}: {tested} tested, {exempt} exempt, {incomplete} incomplete, {untested} not "
            "tested. Mean total {mean}; excellent or good {good}; pass rate {passed}."
        ).format(
            year=stats.school_year,
            tested=s.tested,
            exempt=s.exempt,
            incomplete=s.incomplete,
            untested=s.untested,
            mean=decimal(s.mean_total),
            good=percent(s.excellent_good_rate),
            passed=percent(s.pass_rate),
        )
        second = self.tr(
            "Value-added against {previous}: {n} students compared, mean change {change}, "
            "{improved} improved, {up} moved up a level; {missing} without a complete result "
            "the year before."
        ).format(
            previous=va.previous_year,
            n=va.school.n,
            change=change_text(va.school.mean_change),
            improved=percent(va.school.improved_share),
            up=percent(va.school.moved_up_share),
            missing=va.not_compared,
        )
        return f"{first}\n{second}"

    # -- the workbook -------------------------------------------------------------------------

    def export_workbook(self) -> None:
        year = self.school_year
        try:
            suggested = self._suggested_path(year)
        except UserError as exc:
            show_user_error(self, exc)
            return
        path = self.ask_save_path(suggested)
        if path is None:
            return
        self._runner.run(
            _ExportJob(path, year),
            parent=self,
            on_done=self._exported,
            progress_label=self.tr("Writing the statistics workbook…"),
            cancellable=False,
        )

    def _suggested_path(self, year: str) -> Path:
        folder = self._ws.paths.exports
        folder.mkdir(parents=True, exist_ok=True)
        name = self.tr("{school} {year} fitness statistics.xlsx").format(
            school=require_school(self._ws.db).name, year=year
        )
        return folder / name

    def _ask_save_path(self, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export statistics workbook"), str(suggested),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if not path:
            return None
        return Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")

    def _exported(self, path: Path) -> None:
        self.last_export = path
        show_info(
            self,
            self.tr("Export statistics workbook"),
            self.tr("The statistics workbook was written to {path}.").format(path=path),
        )


class _StatsJob:
    """Runs on a worker thread with the task's own connection."""

    def __init__(self, generation: int, school_year: str) -> None:
        self.generation = generation
        self.school_year = school_year

    def __call__(self, ctx: TaskContext) -> Computed:
        stats = fitness_statistics(ctx.db, self.school_year, group_by=GROUPINGS)
        ctx.check_cancelled()
        return self.generation, stats, value_added(ctx.db, self.school_year)


class _ExportJob:
    def __init__(self, path: Path, school_year: str) -> None:
        self.path = path
        self.school_year = school_year

    def __call__(self, ctx: TaskContext) -> Path:
        from app.services.fitness_workbook import export_statistics_workbook

        export_statistics_workbook(ctx.db, self.path, self.school_year)
        return self.path
