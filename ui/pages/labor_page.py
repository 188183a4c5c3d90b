"""劳动教育: what students actually did, who is below the required labor hours, and each term's
labor literacy evaluation. The class tree and the term (left and top) choose what the three tabs
show: 活动记录 (activities), 学生时长 (totals per student), 素养评价 (evaluations)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from app.services.workspace import Workspace
from ui.pages.labor_activities_tab import LaborActivitiesTab
from ui.pages.labor_evaluation_tab import LaborEvaluationTab
from ui.pages.labor_totals_tab import LaborTotalsTab
from ui.pages.scoped_page import ScopedPage
from ui.tasks import TaskRunner


class LaborPage(ScopedPage):
    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ws, runner, today=today, parent=parent)
        self.activities_tab = LaborActivitiesTab(self)
        self.totals_tab = LaborTotalsTab(self)
        self.evaluation_tab = LaborEvaluationTab(self)
        self.tabs.addTab(self.activities_tab, self.tr("Activities"))
        self.tabs.addTab(self.totals_tab, self.tr("Hours per student"))
        self.tabs.addTab(self.evaluation_tab, self.tr("Literacy evaluation"))
        # Writing activities changes the totals: they are read again when next shown.
        self.activities_tab.activities_changed.connect(self._activities_changed)
        self.build()
        self.reload()

    def no_students_text(self) -> str:
        return self.tr(
            "No students yet. Labor is recorded for the students of the roster: import the "
            "roster first, then record what the classes did."
        )

    def _activities_changed(self) -> None:
        self.mark_stale(except_tab=self.activities_tab)
