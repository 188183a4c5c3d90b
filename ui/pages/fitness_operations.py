"""The 体质健康 page's operations beyond typing: row marks (缺考, 免测), the sheet's test date,
the import wizard, and the national upload file (through the TaskRunner).

Dialogs are edges: ``ask_save_path`` and ``ask_exempt_reason`` are attributes tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from app.errors import UserError
from app.services.workspace import Workspace, require_school
from ui.errors import show_info, show_user_error
from ui.labels import grade_labels
from ui.models.fitness_store import ATTEMPT_FIRST
from ui.pages.roster_operations import service_available
from ui.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:
    from ui.pages.fitness_page import FitnessPage


class FitnessOperations(QObject):
    def __init__(self, ws: Workspace, runner: TaskRunner, *, page: FitnessPage) -> None:
        super().__init__(page)
        self._ws = ws
        self._runner = runner
        self._page = page
        self.ask_save_path: Callable[[Path], Path | None] = self._ask_save_path
        self.ask_exempt_reason: Callable[[str], str | None] = self._ask_exempt_reason
        self.last_export: tuple[Path, int] | None = None
        self.active_dialog: QObject | None = None

    # -- the edges ----------------------------------------------------------------------------

    def _ask_save_path(self, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self._page,
            self.tr("Export national upload file"),
            str(suggested),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")

    def _ask_exempt_reason(self, name: str) -> str | None:
        reason, ok = QInputDialog.getText(
            self._page,
            self.tr("Mark exempt (免测)"),
            self.tr("Why is {name} exempt from the test (e.g. a doctor's certificate)?").format(
                name=name
            ),
            QLineEdit.EchoMode.Normal,
        )
        return reason.strip() if ok and reason.strip() else None

    # -- marks --------------------------------------------------------------------------------

    def mark_absent(self, row: int) -> None:
        """缺考: the selected empty cells of the row, else every item of the row still empty."""
        model, view = self._page.model, self._page.view
        grid_row = model.rows[row]
        empty = [k for k in grid_row.tested if grid_row.values.get(k) is None]
        chosen = {
            key
            for index in view.selectedIndexes()
            if index.row() == row and (key := model.item_key(index.column())) in empty
        }
        items = sorted(chosen or empty)
        if not items:
            self._page.show_message(self.tr("Every item of this student has a value."))
            return
        self._write(lambda: model.store.set_absent(grid_row.uuid, items, absent=True))

    def mark_exempt(self, row: int) -> None:
        grid_row = self._page.model.rows[row]
        reason = self.ask_exempt_reason(grid_row.name)
        if reason:
            self._write(lambda: self._page.model.store.set_exempt(grid_row.uuid, reason))

    def clear_marks(self, row: int) -> None:
        grid_row = self._page.model.rows[row]
        store = self._page.model.store

        def clear() -> object:
            if grid_row.exempt:
                store.set_exempt(grid_row.uuid, None)
            if grid_row.absent:
                store.set_absent(grid_row.uuid, sorted(grid_row.absent), absent=False)
            return None

        self._write(clear)

    def _write(self, write: Callable[[], object]) -> None:
        try:
            write()
        except UserError as exc:
            show_user_error(self._page, exc)
        self._page.load_sheet()  # the sheet on screen, read again: marks are rare

    # -- the test date ------------------------------------------------------------------------

    def apply_test_date(self) -> None:
        """Record the sheet's date on the results already stored (new ones get it anyway)."""
        model, store = self._page.model, self._page.model.store
        if store.test_date is None:
            return
        day = store.test_date.isoformat()
        first = store.attempt == ATTEMPT_FIRST
        rows = [
            r for r in model.rows if (r.has_first if first else r.has_retest) and r.test_date != day
        ]
        if not rows:
            return
        try:
            count = store.apply_test_date(r.uuid for r in rows)
        except UserError as exc:
            show_user_error(self._page, exc)
            return
        for row in rows:  # nothing on screen shows the date: no need to read the sheet again
            row.test_date = day
        self._page.show_message(
            self.tr("The test date {date} was recorded for {count} students.").format(
                date=day, count=count
            )
        )

    # -- import -------------------------------------------------------------------------------

    def start_import(self) -> None:
        if not service_available("app.services.fitness_import_spec"):
            show_info(
                self._page,
                self.tr("Import results"),
                self.tr("This is not available yet in this version."),
            )
            return
        from app.services.fitness_import_spec import FitnessImportSpec
        from ui.dialogs.import_wizard import ImportWizard

        spec = FitnessImportSpec(school_year=self._page.school_year, attempt=self._page.attempt)
        wizard = ImportWizard(spec, self._ws, self._runner, parent=self._page)
        self.active_dialog = wizard
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._imported)
        wizard.open()

    def _imported(self, _report: object) -> None:
        self._page.reload()

    # -- the national upload file -------------------------------------------------------------

    def export_national_file(self, scope: str) -> None:
        """Write the national upload file for this class, this grade or the whole school."""
        if not service_available("app.services.fitness_export"):
            show_info(
                self._page,
                self.tr("Export national upload file"),
                self.tr("This is not available yet in this version."),
            )
            return
        page = self._page
        class_uuid = page.scope.class_uuid if scope == "class" else None
        grade = page.scope.grade_code
        if page.scope.class_uuid in page.classes:
            grade = page.classes[page.scope.class_uuid][0]
        if (scope == "class" and class_uuid is None) or (scope == "grade" and grade is None):
            page.show_message(self.tr("Choose a class (or a grade) in the tree first."))
            return
        path = self.ask_save_path(self._suggested_path(scope, class_uuid, grade))
        if path is None:
            return
        job = _ExportJob(path, page.school_year, class_uuid, grade if scope == "grade" else None)
        self._runner.run(
            job,
            parent=page,
            on_done=self._exported,
            progress_label=self.tr("Writing the national upload file…"),
            cancellable=False,
        )

    def _suggested_path(self, scope: str, class_uuid: str | None, grade: int | None) -> Path:
        if class_uuid is not None:
            what = self._page.classes[class_uuid][1]
        elif scope == "grade" and grade is not None:
            what = grade_labels().get(grade, str(grade))
        else:
            what = self.tr("whole school")
        folder = self._ws.paths.exports
        folder.mkdir(parents=True, exist_ok=True)
        name = self.tr("{school} {year} fitness upload, {what}.xlsx").format(
            school=require_school(self._ws.db).name, year=self._page.school_year, what=what
        )
        return folder / name

    def _exported(self, result: tuple[Path, int]) -> None:
        self.last_export = result
        path, count = result
        show_info(
            self._page,
            self.tr("Export national upload file"),
            self.tr("{count} students were written to {path}.").format(count=count, path=path),
        )


class _ExportJob:
    """Runs on the worker thread with the task's own connection."""

    def __init__(
        self, path: Path, school_year: str, class_uuid: str | None, grade_code: int | None
    ) -> None:
        self.path = path
        self.school_year = school_year
        self.class_uuid = class_uuid
        self.grade_code = grade_code

    def __call__(self, ctx: TaskContext) -> tuple[Path, int]:
        from app.services.fitness_export import export_national

        count = export_national(
            ctx.db,
            self.path,
            school_year=self.school_year,
            class_uuid=self.class_uuid,
            grade_code=self.grade_code,
        )
        return self.path, count
