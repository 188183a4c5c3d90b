"""The roster page's longer operations, each through the TaskRunner: export to .xlsx and grade
promotion (升级, after the user confirmed the plan)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog

from app.errors import UserError
from app.services.workspace import Workspace, require_school
from ui.errors import show_info, show_user_error
from ui.models.class_tree_model import Scope
from ui.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:
    from ui.pages.roster_page import RosterPage


def service_available(module: str) -> bool:
    """Whether an app service module is present (some are written by later changes)."""
    return importlib.util.find_spec(module) is not None


class RosterOperations(QObject):
    def __init__(
        self, ws: Workspace, runner: TaskRunner, *, page: RosterPage, today: dt.date | None
    ) -> None:
        super().__init__(page)
        self._ws = ws
        self._runner = runner
        self._page = page
        self._today = today
        self.last_export: tuple[Path, int] | None = None
        self.last_promotion: Any = None

    # -- export -------------------------------------------------------------------------------

    def ask_save_path(self, suggested: Path) -> Path | None:
        """The file dialog (replaced in tests: file dialogs are an edge)."""
        path, _filter = QFileDialog.getSaveFileName(
            self._page, self.tr("Export roster"), str(suggested), self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")

    def export(self, scope: Scope, *, include_left: bool) -> None:
        if not service_available("app.services.roster_export"):
            self._not_available(self.tr("Export roster"))
            return
        school = require_school(self._ws.db)
        self._ws.paths.exports.mkdir(parents=True, exist_ok=True)
        suggested = self._ws.paths.exports / self.tr("{school} roster.xlsx").format(
            school=school.name
        )
        path = self.ask_save_path(suggested)
        if path is None:
            return
        job = _ExportJob(path, scope.class_uuid, include_left)
        self._runner.run(
            job,
            parent=self._page,
            on_done=self._export_done,
            progress_label=self.tr("Exporting the roster…"),
            cancellable=False,
        )

    def _export_done(self, result: tuple[Path, int]) -> None:
        self.last_export = result
        path, count = result
        show_info(
            self._page,
            self.tr("Export roster"),
            self.tr("{count} students were exported to {path}.").format(count=count, path=path),
        )

    # -- promotion ----------------------------------------------------------------------------

    def promote(self) -> None:
        if not service_available("app.services.promotion"):
            self._not_available(self.tr("Promote grades"))
            return
        from app.services.promotion import plan_promotion
        from ui.dialogs.promotion_dialog import PromotionDialog

        try:
            plan = plan_promotion(self._ws.db, today=self._today)
        except UserError as exc:
            show_user_error(self._page, exc)
            return
        dialog = PromotionDialog(plan, parent=self._page)
        dialog.finished.connect(self._promotion_confirmed)
        self.confirm_dialog = dialog
        dialog.open()

    def _promotion_confirmed(self, result: int) -> None:
        self.confirm_dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        self._runner.run(
            _PromoteJob(self._ws.actor, self._ws.paths.backups, self._today),
            parent=self._page,
            on_done=self._promotion_done,
            progress_label=self.tr("Promoting the classes…"),
            cancellable=False,
        )

    def _promotion_done(self, report: Any) -> None:
        self.last_promotion = report
        self._page.reload()
        self._page.roster_changed.emit()
        show_info(
            self._page,
            self.tr("Promote grades"),
            self.tr(
                "The classes moved up to school year {year}; {graduated} students graduated. "
                "A backup was saved first: {backup}"
            ).format(
                year=report.school_year,
                graduated=report.students_graduated,
                backup=report.backup,
            ),
        )

    def _not_available(self, title: str) -> None:
        show_info(self._page, title, self.tr("This is not available yet in this version."))


class _ExportJob:
    """Runs on the worker thread with the task's own connection."""

    def __init__(self, path: Path, class_uuid: str | None, include_left: bool) -> None:
        self.path = path
        self.class_uuid = class_uuid
        self.include_left = include_left

    def __call__(self, ctx: TaskContext) -> tuple[Path, int]:
        from app.services.roster_export import export_roster

        count = export_roster(
            ctx.db, self.path, class_uuid=self.class_uuid, include_left=self.include_left
        )
        return self.path, count


class _PromoteJob:
    def __init__(self, actor: str, backup_dir: Path, today: dt.date | None) -> None:
        self.actor = actor
        self.backup_dir = backup_dir
        self.today = today

    def __call__(self, ctx: TaskContext) -> Any:
        from app.services.promotion import promote_grades

        return promote_grades(
            ctx.db, actor=self.actor, backup_dir=self.backup_dir, today=self.today
        )
