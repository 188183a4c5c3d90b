"""The import wizard: file → column mapping → dry run → commit, for any ``ImportSpec``.

The pages only show things; this wizard runs the work through the TaskRunner (reading the file,
the dry run, the commit, saving the rejected rows), each on the task's own database connection,
with the runner's progress dialog and Cancel. While a task runs, Back is disabled and Cancel
cancels the task first; the wizard closes once the task has stopped, so no callback ever reaches
a closed wizard. File dialogs are edges: ``ask_open_path`` and ``ask_save_path`` are attributes
that tests replace.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from app.errors import UserError
from app.excel.table_reader import RawTable
from app.services.import_spec import ImportOutcome, ImportSpec
from app.services.workspace import Workspace
from ui.errors import show_user_error
from ui.imports.mapping_page import MappingPage
from ui.imports.wizard_pages import CommitPage, DryRunPage, FilePage
from ui.tasks import Task, TaskContext, TaskRunner

FILE_PAGE, MAPPING_PAGE, DRY_RUN_PAGE, COMMIT_PAGE = range(4)
ACCEPTED_SUFFIXES = (".xlsx", ".xls", ".csv")


class ImportWizard(QWizard):
    imported = Signal(object)  # the commit's report, as soon as the commit succeeded

    def __init__(
        self,
        spec: ImportSpec[Any, Any],
        ws: Workspace,
        runner: TaskRunner,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self._ws = ws
        self._runner = runner
        self.ask_open_path: Callable[[], Path | None] = self._ask_open_path
        self.ask_save_path: Callable[[Path], Path | None] = self._ask_save_path
        self.table: RawTable | None = None
        self.plan: Any = None
        self.dry_run_report: ImportOutcome | None = None
        self.report: ImportOutcome | None = None  # the commit's
        self.task: Task | None = None
        self.busy = False
        self._close_when_idle = False
        self.setWindowTitle(spec.title)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.file_page = FilePage()
        self.mapping_page = MappingPage(spec.fields)
        self.dry_run_page = DryRunPage()
        self.commit_page = CommitPage()
        for page_id, page in enumerate(
            (self.file_page, self.mapping_page, self.dry_run_page, self.commit_page)
        ):
            self.setPage(page_id, page)
        self.file_page.choose_requested.connect(self.choose_file)
        self.dry_run_page.save_requested.connect(self.save_rejected)
        # Not initializePage(): the wizard updates its buttons after that, and would enable Back
        # again while the task runs. Both pages are only ever entered forwards.
        self.currentIdChanged.connect(self._page_entered)
        self.commit_page.retry_requested.connect(self.start_commit)
        self.resize(860, 660)

    def _page_entered(self, page_id: int) -> None:
        if page_id == DRY_RUN_PAGE:
            self.start_dry_run()
        elif page_id == COMMIT_PAGE:
            self.start_commit()

    # -- the edges ----------------------------------------------------------------------------

    def _ask_open_path(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.xls *.csv)"),
        )
        return Path(path) if path else None

    def _ask_save_path(self, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save rejected rows"), str(suggested), self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")

    # -- page 1: the file ---------------------------------------------------------------------

    def choose_file(self) -> None:
        if self.busy:
            return
        path = self.ask_open_path()
        if path is None:
            return
        if path.suffix.lower() not in ACCEPTED_SUFFIXES:
            self.file_page.path_label.setText(str(path))
            self.file_page.show_error(self.tr("Choose an .xlsx, .xls or .csv file."))
            return
        self.table = None
        self.file_page.show_reading(str(path))
        self._run(
            _ReadJob(self.spec, path),
            self._file_read,
            self._file_failed,
            None,
            self.tr("Reading the file…"),
            cancellable=False,
        )

    def _file_read(self, table: RawTable) -> None:
        self._idle()
        self.file_page.show_table(table)
        if self.file_page.table is table:
            self.table = table
            self.mapping_page.set_table(table, *self.spec.guess_mapping(table))

    def _file_failed(self, exc: Exception) -> None:
        self._idle()
        self.file_page.show_error(self._message(exc))

    # -- page 3: the dry run ------------------------------------------------------------------

    def start_dry_run(self) -> None:
        assert self.table is not None  # the file page is complete only with a table
        self.plan = self.dry_run_report = None
        self.dry_run_page.show_running()
        self._run(
            _PlanJob(self.spec, self.table, self.mapping_page.mapping()),
            self._planned,
            self._plan_failed,
            self._plan_cancelled,
            self.tr("Checking every row…"),
        )

    def _planned(self, result: tuple[Any, ImportOutcome]) -> None:
        self.plan, self.dry_run_report = result
        self._idle()
        self.dry_run_page.show_plan(self.dry_run_report)

    def _plan_failed(self, exc: Exception) -> None:
        self._idle()
        self.dry_run_page.show_failed(self._message(exc))

    def _plan_cancelled(self) -> None:
        self._idle()
        self.dry_run_page.show_cancelled()

    def save_rejected(self) -> None:
        report = self.dry_run_report
        if self.busy or report is None or self.table is None:
            return
        folder = self._ws.paths.exports
        folder.mkdir(parents=True, exist_ok=True)
        name = self.tr("{name} rejected rows.xlsx").format(name=self.table.source.stem)
        path = self.ask_save_path(folder / name)
        if path is None:
            return
        self._run(
            _SaveJob(self.spec, report, path),
            self._rejected_saved,
            self._save_failed,
            None,
            self.tr("Saving the rejected rows…"),
            cancellable=False,
        )

    def _rejected_saved(self, path: Path) -> None:
        self._idle()
        self.dry_run_page.show_saved(str(path))

    def _save_failed(self, exc: Exception) -> None:
        self._idle()
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            self._runner.reporter.report(exc)

    # -- page 4: the commit -------------------------------------------------------------------

    def start_commit(self) -> None:
        if self.busy or self.plan is None:
            return
        self.commit_page.show_running()
        self._run(
            _CommitJob(self.spec, self.plan, self._ws.actor),
            self._committed,
            self._commit_failed,
            self._commit_cancelled,
            self.tr("Importing…"),
        )

    def _committed(self, report: ImportOutcome) -> None:
        self.report = report
        self.plan = None  # written: a second commit of the same plan would be a mistake
        self._idle()
        self.commit_page.show_done(report)
        self.imported.emit(report)

    def _commit_failed(self, exc: Exception) -> None:
        self._idle()
        self.commit_page.show_failed(self._message(exc))

    def _commit_cancelled(self) -> None:
        self._idle()
        self.commit_page.show_cancelled()

    # -- running tasks ------------------------------------------------------------------------

    def _run(
        self,
        job: Callable[[TaskContext], object],
        on_done: Callable[[Any], object],
        on_error: Callable[[Exception], object],
        on_cancelled: Callable[[], object] | None,
        label: str,
        *,
        cancellable: bool = True,
    ) -> None:
        self._set_busy(True)
        self.task = self._runner.run(
            job,
            parent=self,
            on_done=on_done,
            on_error=on_error,
            on_cancelled=on_cancelled or self._idle,
            progress_label=label,
            cancellable=cancellable,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for page in (self.file_page, self.dry_run_page, self.commit_page):
            page.busy = busy
        current = self.currentPage()
        if current is not None:
            current.completeChanged.emit()  # the wizard re-evaluates its buttons here…
        if busy:  # …so Back is disabled after it
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def _idle(self) -> None:
        self.task = None
        self._set_busy(False)
        if self._close_when_idle:
            self._close_when_idle = False
            super().reject()

    def _message(self, exc: Exception) -> str:
        """A UserError's what and todo; a bug goes to the crash reporter and says so briefly."""
        if isinstance(exc, UserError):
            return "\n".join(part for part in (exc.what or str(exc), exc.todo) if part)
        self._runner.reporter.report(exc)
        return self.tr("Something went wrong inside Baosong; nothing was written.")

    def reject(self) -> None:
        """Cancel (or Esc, or the window's X): stop the running task first, then close."""
        if self.busy and self.task is not None:
            self._close_when_idle = True
            self.task.cancel()
            return
        super().reject()


class _ReadJob:
    """Each job runs on a worker thread, with the task's own connection (``ctx.db``)."""

    def __init__(self, spec: ImportSpec[Any, Any], path: Path) -> None:
        self.spec, self.path = spec, path

    def __call__(self, ctx: TaskContext) -> RawTable:
        return self.spec.read_file(self.path)


class _PlanJob:
    def __init__(
        self, spec: ImportSpec[Any, Any], table: RawTable, mapping: Mapping[str, int]
    ) -> None:
        self.spec, self.table, self.mapping = spec, table, dict(mapping)

    def __call__(self, ctx: TaskContext) -> tuple[Any, ImportOutcome]:
        plan = self.spec.plan(
            ctx.db, self.table, self.mapping, progress=ctx.progress, cancelled=ctx.cancelled
        )
        return plan, plan.report()


class _CommitJob:
    def __init__(self, spec: ImportSpec[Any, Any], plan: Any, actor: str) -> None:
        self.spec, self.plan, self.actor = spec, plan, actor

    def __call__(self, ctx: TaskContext) -> ImportOutcome:
        report: ImportOutcome = self.spec.commit(
            ctx.db, self.plan, actor=self.actor, progress=ctx.progress, cancelled=ctx.cancelled
        )
        return report


class _SaveJob:
    def __init__(self, spec: ImportSpec[Any, Any], report: ImportOutcome, path: Path) -> None:
        self.spec, self.report, self.path = spec, report, path

    def __call__(self, ctx: TaskContext) -> Path:
        self.spec.save_rejected(self.report, self.path)
        return self.path
