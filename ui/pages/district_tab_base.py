"""What every tab of the district overview shares: the filter bar, computing in the background,
the empty state, and charts that scroll.

A tab computes only while it is shown: when it is first shown, when a filter changes while it is
shown, and after ``mark_stale`` (the page's Refresh, a merge); a hidden tab just remembers that
its figures are stale. The service call runs on a TaskRunner worker with the task's own
connection (``ComputeJob``); the figures already on screen stay usable meanwhile and the bar says
"Computing…". A result that arrives after the filters changed again is dropped (``generation``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.workspace import Workspace
from ui.icons import icon
from ui.models.district_filters import DistrictFilters
from ui.models.fitness_stats_charts import ChartData
from ui.pages.district_caches import DistrictCaches
from ui.pages.district_filter_bar import YEAR, DistrictFilterBar
from ui.tasks import TaskContext, TaskRunner
from ui.widgets.chart_data import ValueFormat
from ui.widgets.charts import BarChart, ChartWidget
from ui.widgets.empty_hint import EmptyHint, HintStack

if TYPE_CHECKING:
    from sqlite_utils import Database

Compute = Callable[["Database"], Any]


@dataclass(frozen=True)
class DistrictContext:
    """What the page hands each tab."""

    ws: Workspace
    runner: TaskRunner
    filters: DistrictFilters
    today: dt.date
    caches: DistrictCaches


class ComputeJob:
    """Runs a service on a worker thread with the task's own connection."""

    def __init__(self, generation: int, compute: Compute) -> None:
        self.generation = generation
        self.compute = compute

    def __call__(self, ctx: TaskContext) -> tuple[int, Any]:
        return self.generation, self.compute(ctx.db)


class DistrictTab(QWidget):
    refresh_requested = Signal()  # the bar's Refresh: the page reads everything again
    intake_wanted = Signal()  # the empty state's button
    needs_caches = False  # reads the district caches: waits for their refresh (district_caches)

    def __init__(
        self,
        context: DistrictContext,
        *,
        period: str | None = YEAR,
        school: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = context
        self.loading = False
        self.result: Any = None
        self._generation = 0
        self._stale = True
        self._waiting = False  # for the caches' refresh
        self._key: tuple[object, ...] | None = None  # the filters the figures were computed for
        self.bar = DistrictFilterBar(context.filters, period=period, school=school)
        self.bar.refresh_requested.connect(self.refresh_requested)
        context.filters.changed.connect(self._filters_changed)
        context.caches.finished.connect(self._caches_ready)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = EmptyHint()
        self.intake_button = hint.add_button(
            self.tr("Go to packet intake"), self.intake_wanted.emit, icon("packet")
        )
        self.stack = HintStack(self.build_content(), hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)

    # -- what a tab provides ------------------------------------------------------------------

    def build_content(self) -> QWidget:
        raise NotImplementedError

    def compute(self) -> Compute:
        """The service call for the current filters (runs on the worker)."""
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        raise NotImplementedError

    # -- computing ----------------------------------------------------------------------------

    @property
    def filters(self) -> DistrictFilters:
        return self.ctx.filters

    def filter_key(self) -> tuple[object, ...]:
        """The filters this tab's figures depend on (a tab without a term leaves it out)."""
        f = self.filters
        return (f.term, f.school_type, f.school_code)

    def _filters_changed(self) -> None:
        if self.filter_key() != self._key:
            self.mark_stale()

    def mark_stale(self) -> None:
        """The figures may be out of date: compute now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        if not self.filters.schools:
            self.loading = False
            self.bar.set_busy("")
            self.stack.show_hint(no_schools_text())
            return
        self._generation += 1
        self._key = self.filter_key()
        self.loading = True
        if self.needs_caches and self.ctx.caches.running:
            self._waiting = True
            self.bar.set_busy(self.tr("Bringing the district's figures up to date…"))
            return
        self.bar.set_busy(self.tr("Computing…"))
        self.ctx.runner.run(
            ComputeJob(self._generation, self.compute()),
            parent=self,
            on_done=self._computed,
            on_error=self._failed,
            show_progress=False,  # the page stays usable; the bar says it is computing
        )

    def _caches_ready(self) -> None:
        if self._waiting:
            self._waiting = False
            self.loading = False
            self.mark_stale()

    def _computed(self, outcome: tuple[int, Any]) -> None:
        generation, result = outcome
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the page was closed, or the filters changed meanwhile
        self.loading = False
        self.bar.set_busy("")
        self.result = result
        self.show_result(result)

    def _failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.loading = False
        self.bar.set_busy("")
        if isinstance(exc, UserError):
            self.stack.show_hint(str(exc), buttons=False)
        else:
            self.ctx.runner.reporter.report(exc)

    def show_empty(self, text: str) -> None:
        """Nothing to show for these filters: say what to do first."""
        self.stack.show_hint(text, buttons=False)

    # -- building blocks ----------------------------------------------------------------------

    def chart(self, *, stacked: bool = False, horizontal: bool = False) -> BarChart:
        chart = BarChart(stacked=stacked, horizontal=horizontal)
        chart.export_folder = self.ctx.ws.paths.exports
        return chart

    def table_and_charts(self, table: QTableView, charts: QTabWidget) -> QWidget:
        """The summary line, then the table above the charts."""
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table)
        splitter.addWidget(charts)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        return content


def no_schools_text() -> str:
    return QCoreApplication.translate(
        "DistrictTab",
        "No school has sent its data yet. Enrol the schools under School registry and merge "
        "their packets under Packet intake first: this overview fills in as packets arrive.",
    )


def scrolled(chart: ChartWidget) -> QScrollArea:
    """A chart of many categories (a district's schools) in a scroll area: it grows down."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(chart)
    return area


def show_chart(
    chart: BarChart,
    data: ChartData,
    *,
    percent: bool = False,
    value_format: ValueFormat | None = None,
    empty: str = "",
) -> None:
    """Set a chart's data (or its empty text when there is none); a horizontal chart keeps the
    height its categories need, so its scroll area scrolls instead of squeezing the bars."""
    if not data.categories or not data.series:
        chart.title = data.title
        chart.clear(empty or None)
    else:
        chart.set_data(
            data.categories,
            data.series,
            title=data.title,
            reference=data.reference,
            percent=percent,
            value_format=value_format,
        )
    if chart.horizontal:
        chart.setMinimumHeight(chart.sizeHint().height())
