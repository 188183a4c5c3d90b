"""劳动教育 → 学生时长: each student's minutes in the chosen period (the term up to today, or a
date range) by category and task group, the weekly out-of-class average against the threshold
(rows below it highlighted; "only below" filter), the classes below, and the labor course and
劳动周 checks. The totals are computed on a background task (a whole school's year of records)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.labor.models import StudentLaborTotal, ThresholdReport
from app.services.labor_totals import below_threshold, student_hours, term_period
from ui.errors import show_user_error
from ui.icons import icon
from ui.models.labor_totals_model import ClassSummaryModel, LaborTotalsModel, LaborTotalsProxy
from ui.models.record_table_model import RecordFilterProxy
from ui.tasks import TaskContext
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table

if TYPE_CHECKING:
    from ui.pages.labor_page import LaborPage


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class LaborTotalsTab(QWidget):
    def __init__(self, page: LaborPage) -> None:
        super().__init__()
        self.page = page
        self.loading = False
        self._generation = 0
        self.period: tuple[dt.date, dt.date] | None = None
        self.report: ThresholdReport | None = None
        self.model = LaborTotalsModel(self)
        self.proxy = LaborTotalsProxy(self.model, self)
        self.class_model = ClassSummaryModel(self)
        self.class_proxy = RecordFilterProxy(self.class_model, self)
        self._build()

    def _build(self) -> None:
        self.by_term = QRadioButton(self.tr("Whole term, up to today"))
        self.by_term.setChecked(True)
        self.by_dates = QRadioButton(self.tr("Dates:"))
        self.date_from = QDateEdit(_qdate(self.page.today - dt.timedelta(days=27)))
        self.date_to = QDateEdit(_qdate(self.page.today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._period_changed)
        self.by_dates.toggled.connect(self._mode_changed)
        self.only_below = QCheckBox(self.tr("Only students below the threshold"))
        self.only_below.toggled.connect(self.proxy.set_only_below)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.by_term)
        bar.addWidget(self.by_dates)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.date_to)
        bar.addStretch(1)
        bar.addWidget(self.only_below)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = record_table(self.proxy, widths=(21, 8, 10, 6, 11, 8, 9, 6, 6, 6, 6, 6))
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.class_table = record_table(self.class_proxy, widths=(12, 6, 6, 8, 6, 10, 8))
        self.labor_week = QLabel()
        self.labor_week.setWordWrap(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("Classes (those below are highlighted):")))
        lower_layout.addWidget(self.class_table, 1)
        lower_layout.addWidget(self.labor_week)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.summary)
        inner.addWidget(splitter, 1)
        hint = EmptyHint()
        self.first_new_button = hint.add_button(
            self.tr("New activity"), self._first_activity, icon("add")
        )
        self.stack = HintStack(content, hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    # -- the period ---------------------------------------------------------------------------

    def _mode_changed(self, by_dates: bool) -> None:
        self.date_from.setEnabled(by_dates)
        self.date_to.setEnabled(by_dates)
        self.reload()

    def _period_changed(self, _date: QDate) -> None:
        if self.by_dates.isChecked():
            self.reload()

    def set_dates(self, date_from: dt.date, date_to: dt.date) -> None:
        """Choose a date range as the user would."""
        self.date_from.blockSignals(True)
        self.date_from.setDate(_qdate(date_from))
        self.date_from.blockSignals(False)
        self.date_to.setDate(_qdate(date_to))
        self.by_dates.setChecked(True)

    def chosen_period(self) -> tuple[dt.date, dt.date, str | None]:
        if self.by_dates.isChecked():
            return _pydate(self.date_from.date()), _pydate(self.date_to.date()), None
        start, end = term_period(self.page.ws.db, self.page.term, today=self.page.today)
        return start, end, self.page.term

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        date_from, date_to, term = self.chosen_period()
        if date_to < date_from:
            self.summary.setText(self.tr("The period ends before it starts."))
            return
        self._generation += 1
        self.loading = True
        self.summary.setText(self.tr("Adding up the minutes…"))
        job = _TotalsJob(self._generation, date_from, date_to, term, self.page.class_uuid)
        self.page.runner.run(
            job,
            parent=self,
            on_done=self._loaded,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            progress_label=self.tr("Adding up the labor minutes…"),
        )

    def _loaded(self, result: tuple[int, list[StudentLaborTotal], ThresholdReport]) -> None:
        generation, totals, report = result
        if generation != self._generation:  # a newer period or class was chosen meanwhile
            return
        self.loading = False
        self.report = report
        self.period = (report.date_from, report.date_to)
        totals = [t for t in totals if self.page.in_scope(t.student_uuid)]
        self.model.set_rows(totals)
        classes = set(self.page.scope_class_uuids() or ())
        self.class_model.set_rows(
            [c for c in report.classes if not classes or c.class_uuid in classes]
        )
        self._show_summary(totals, report)
        if any(t.total_minutes for t in totals):
            self.stack.show_content()
        else:
            self.stack.show_hint(
                self.tr(
                    "No labor has been recorded for these students in this period yet, so every "
                    "one of them is below the threshold. Record the activities first."
                )
            )

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        if isinstance(exc, UserError):
            self.summary.setText(exc.what or str(exc))
            show_user_error(self, exc)
        else:
            self.page.runner.reporter.report(exc)

    def _cancelled(self) -> None:
        self.loading = False
        self.summary.setText(self.tr("Cancelled."))

    def _show_summary(self, totals: list[StudentLaborTotal], report: ThresholdReport) -> None:
        below = sum(t.on_roll and not t.meets_threshold for t in totals)
        classes = sum(1 for c in self.class_model.rows if c.below_threshold or not c.course_ok)
        self.summary.setText(
            self.tr(
                "{start} to {end} ({weeks} weeks): {below} of {students} students below the "
                "weekly threshold; {classes} classes below or short of labor lessons."
            ).format(
                start=report.date_from.isoformat(),
                end=report.date_to.isoformat(),
                weeks=f"{report.weeks:.1f}",
                below=below,
                students=sum(t.on_roll for t in totals),
                classes=classes,
            )
        )
        lines = []
        for week in report.labor_weeks:
            if week.held:
                text = self.tr(
                    "Labor week of {year}: held ({count} activities, {first} to {last})."
                )
            else:
                text = self.tr("Labor week of {year}: not held yet (expected {start} to {end}).")
            lines.append(
                text.format(
                    year=week.school_year,
                    count=week.activities,
                    first=week.first_date.isoformat() if week.first_date else "",
                    last=week.last_date.isoformat() if week.last_date else "",
                    start=week.expected_start.isoformat(),
                    end=week.expected_end.isoformat(),
                )
            )
        self.labor_week.setText("\n".join(lines))

    def _first_activity(self) -> None:
        self.page.tabs.setCurrentWidget(self.page.activities_tab)
        self.page.activities_tab.new_activity()


class _TotalsJob:
    """Runs on a worker thread with the task's own connection."""

    def __init__(
        self,
        generation: int,
        date_from: dt.date,
        date_to: dt.date,
        term: str | None,
        class_uuid: str | None,
    ) -> None:
        self.generation = generation
        self.date_from, self.date_to, self.term, self.class_uuid = (
            date_from, date_to, term, class_uuid,
        )  # fmt: skip

    def __call__(self, ctx: TaskContext) -> tuple[int, list[StudentLaborTotal], ThresholdReport]:
        totals = student_hours(
            ctx.db, date_from=self.date_from, date_to=self.date_to, term=self.term,
            class_uuid=self.class_uuid,
        )  # fmt: skip
        ctx.check_cancelled()
        report = below_threshold(
            ctx.db, date_from=self.date_from, date_to=self.date_to, term=self.term,
            class_uuid=self.class_uuid,
        )  # fmt: skip
        return self.generation, totals, report
