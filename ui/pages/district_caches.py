"""Bringing the district caches up to date in the background (``refresh_district_caches``: the
per-student labor minutes and the trends' yearly figures), once when the overview opens and
again after each Refresh.

The labor and trends services refresh the caches themselves before reading them, which after a
big intake means rebuilding many schools (~10 s for a whole district the first time). Doing it
here, as soon as the page opens, means those tabs usually find the caches fresh. A tab that
needs them while the refresh runs waits for it (``run_after``) rather than starting a second
refresh of the same schools beside it, which would do the work twice and fight for the lock.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal

from app.errors import UserError
from app.services.district.caches import refresh_district_caches
from ui.tasks import TaskContext, TaskRunner


class CacheRefreshJob:
    def __call__(self, ctx: TaskContext) -> int:
        return refresh_district_caches(ctx.db, progress=ctx.progress, cancelled=ctx.cancelled)


class DistrictCaches(QObject):
    finished = Signal()  # the refresh ended (well or not): waiting tabs may compute

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.running = False
        self._again = False
        self.rebuilt = 0  # schools rebuilt by the last refresh

    def refresh(self) -> None:
        if self.running:  # a merge may have happened since it began: once more afterwards
            self._again = True
            return
        self.running = True
        self._runner.run(
            CacheRefreshJob(),
            parent=None,
            on_done=self._done,
            on_error=self._failed,
            on_cancelled=self._ended,
            show_progress=False,  # housekeeping: the page stays usable
        )

    def _done(self, rebuilt: int) -> None:
        self.rebuilt = rebuilt
        self._ended()

    def _failed(self, exc: Exception) -> None:
        # The services refresh the caches themselves too, and report a failure where it shows.
        if not isinstance(exc, UserError):
            self._runner.reporter.report(exc)
        self._ended()

    def _ended(self) -> None:
        if not shiboken6.isValid(self):  # the page was closed while the refresh ran
            return
        self.running = False
        if self._again:
            self._again = False
            self.refresh()
            return
        self.finished.emit()
