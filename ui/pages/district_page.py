"""区域概览 (the bureau's district overview), without writing a query: which schools submitted
each term (报送情况), how the district's students are doing in fitness, value-added, labor and
arts by school, grade and sex against the district and over the years, and the exports to send
on (national upload files) or back (a feedback report per school).

The tabs share one set of filters (term, school type, school; ``DistrictFilters``). Each tab
computes in the background, only while it is shown (``district_tab_base``); ``reload()`` reads
the list of schools again and marks every tab stale (after a merge), which the bureau window
calls when the page is opened again. The district caches (labor minutes, the trends' yearly
figures) are brought up to date in the background when the page opens and on every
``reload()`` (``district_caches``); the labor and trends tabs wait for that refresh.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from app.services.district.scope import district_schools
from app.services.workspace import Workspace, current_term
from ui.models.district_filters import DistrictFilters, recent_terms
from ui.pages.district_arts_tab import DistrictArtsTab
from ui.pages.district_caches import DistrictCaches
from ui.pages.district_export_tab import DistrictExportTab
from ui.pages.district_fitness_tab import DistrictFitnessTab
from ui.pages.district_labor_tab import DistrictLaborTab
from ui.pages.district_submissions_tab import DistrictSubmissionsTab
from ui.pages.district_tab_base import DistrictContext, DistrictTab
from ui.pages.district_trends_tab import DistrictTrendsTab
from ui.pages.district_value_added_tab import DistrictValueAddedTab
from ui.tasks import TaskRunner


class DistrictPage(QTabWidget):
    intake_wanted = Signal()  # an empty tab's "Go to packet intake"

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.today = today or dt.date.today()
        current = current_term(ws.db).code
        self.filters = DistrictFilters(recent_terms(self.today, current), current, self)
        self.caches = DistrictCaches(runner, self)
        context = DistrictContext(ws, runner, self.filters, self.today, self.caches)
        self.submissions_tab = DistrictSubmissionsTab(context)
        self.fitness_tab = DistrictFitnessTab(context)
        self.value_added_tab = DistrictValueAddedTab(context)
        self.labor_tab = DistrictLaborTab(context)
        self.arts_tab = DistrictArtsTab(context)
        self.trends_tab = DistrictTrendsTab(context)
        self.export_tab = DistrictExportTab(context)
        self.addTab(self.submissions_tab, self.tr("Submissions"))
        self.addTab(self.fitness_tab, self.tr("Fitness"))
        self.addTab(self.value_added_tab, self.tr("Value-added"))
        self.addTab(self.labor_tab, self.tr("Labor education"))
        self.addTab(self.arts_tab, self.tr("Arts education"))
        self.addTab(self.trends_tab, self.tr("Trends"))
        self.addTab(self.export_tab, self.tr("Exports"))
        for tab in self.tabs():
            tab.refresh_requested.connect(self.reload)
            tab.intake_wanted.connect(self.intake_wanted)
        self.export_tab.refresh_requested.connect(self.reload)
        self._read_schools()

    def tabs(self) -> tuple[DistrictTab, ...]:
        """The tabs that compute (every tab but the exports)."""
        return (self.submissions_tab, self.fitness_tab, self.value_added_tab, self.labor_tab,
                self.arts_tab, self.trends_tab)  # fmt: skip

    def _read_schools(self) -> None:
        # A few hundred rows at most (the registry and the schools held): quick on this thread.
        self.filters.set_schools(district_schools(self.ws.db))
        if self.filters.schools:
            self.caches.refresh()

    def reload(self) -> None:
        """Read the database again: the schools, then the shown tab's figures (the others when
        they are next shown)."""
        self._read_schools()
        for tab in self.tabs():
            tab.mark_stale()

    @property
    def loading(self) -> bool:
        return any(tab.loading for tab in self.tabs())
