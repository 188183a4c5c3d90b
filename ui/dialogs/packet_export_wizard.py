"""导出报送包: term and mode → completeness check → passphrase and file → export and summary.

The check (planning the packet and checking it) and the export run through the TaskRunner,
each on the task's own database connection, with the runner's progress dialog. The passphrase
opens the signing key when Export is pressed and is dropped at once; the opened key is kept
only until the wizard closes (a failed export can be tried again without typing it again).
The save dialog is an edge: ``ask_save_path`` is an attribute that tests replace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from app.errors import UserError
from app.packets.completeness import CompletenessReport
from app.services import keys_service, packet_export
from app.services.packet_export import ExportPlan, ExportResult
from app.services.workspace import Workspace, current_term, require_school
from ui.dialogs.packet_export_pages import (
    ExportSummary,
    PacketCheckPage,
    PacketDonePage,
    PacketOptionsPage,
    PacketSignPage,
)
from ui.tasks import Task, TaskContext, TaskRunner

OPTIONS_PAGE, CHECK_PAGE, SIGN_PAGE, DONE_PAGE = range(4)
SUFFIX = ".bspkt"


class PacketExportWizard(QWizard):
    exported = Signal(object)  # the ExportSummary, as soon as the packet is written

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self.ask_save_path: Callable[[Path], Path | None] = self._ask_save_path
        self.task: Task | None = None
        self.busy = False
        self.output: Path | None = None
        self._signing_key: ed25519.Ed25519PrivateKey | None = None
        self._close_when_idle = False
        self._previous_id = -1
        self.school = require_school(ws.db)
        own = keys_service.school_key(ws.db)
        bureau = keys_service.require_trusted_bureau(ws.db)
        key_fp = own.fingerprint if own is not None else ""
        self.setWindowTitle(self.tr("Export a submission packet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.options_page = PacketOptionsPage(
            today or dt.date.today(), current_term(ws.db).code, bureau.bureau_name, key_fp
        )
        self.options_page.set_base(
            next((p for p in reversed(packet_export.list_packets(ws.db))
                  if p.status == "acknowledged"), None)
        )  # fmt: skip
        self.check_page = PacketCheckPage()
        self.sign_page = PacketSignPage(key_fp, ws.paths.exports)
        self.sign_page.validator = self._unlock
        self.done_page = PacketDonePage()
        for page_id, page in enumerate(
            (self.options_page, self.check_page, self.sign_page, self.done_page)
        ):
            self.setPage(page_id, page)
        self.sign_page.choose_requested.connect(self.choose_output)
        self.done_page.retry_requested.connect(self.start_export)
        self.done_page.choose_requested.connect(self._choose_and_retry)
        self.currentIdChanged.connect(self._page_entered)
        self.resize(760, 560)

    def _page_entered(self, page_id: int) -> None:
        forward = page_id > self._previous_id
        self._previous_id = page_id
        if page_id == CHECK_PAGE and forward:
            self.start_check()
        elif page_id == SIGN_PAGE and forward:
            self.output = self.default_output()
            self.sign_page.set_output(self.output)
        elif page_id == DONE_PAGE:
            self.start_export()

    # -- the edge -----------------------------------------------------------------------------

    def _ask_save_path(self, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the submission packet"),
            str(suggested),
            self.tr("Submission packet (*.bspkt)"),
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(SUFFIX) else Path(path + SUFFIX)

    # -- the check ----------------------------------------------------------------------------

    def start_check(self) -> None:
        self.check_page.show_running()
        job = _CheckJob(self.options_page.term(), self.options_page.incremental())
        self._run(job, self._checked, self._check_failed, self._check_cancelled,
                  self.tr("Checking the records…"))  # fmt: skip

    def _checked(self, result: tuple[ExportPlan, CompletenessReport]) -> None:
        self._idle()
        self.check_page.show_result(*result)

    def _check_failed(self, exc: Exception) -> None:
        self._idle()
        self.check_page.show_failed(self._message(exc))

    def _check_cancelled(self) -> None:
        self._idle()
        self.check_page.show_cancelled()

    # -- signing ------------------------------------------------------------------------------

    def default_output(self) -> Path:
        """``<school code>-<term>-<sequence>.bspkt`` in the exports folder: the name the
        service gives its own copy, so choosing it writes the file once."""
        packets = packet_export.list_packets(self._ws.db)
        sequence = packets[-1].sequence + 1 if packets else 1
        term = self.options_page.term()
        return self._ws.paths.exports / f"{self.school.code}-{term}-{sequence:04d}{SUFFIX}"

    def choose_output(self) -> None:
        current = self.output or self.default_output()
        chosen = self.ask_save_path(current)
        if chosen is not None:
            self.output = chosen
            self.sign_page.set_output(chosen)

    def _unlock(self) -> bool:
        """Export pressed: open the signing key with the passphrase, which is then dropped."""
        form = self.sign_page.form
        problem = form.problem()
        if problem is not None:
            form.show_error(problem)
            return False
        try:
            self._signing_key = keys_service.load_school_key(self._ws, form.take())
        except UserError as exc:
            form.show_error("\n".join(p for p in (exc.what or str(exc), exc.todo) if p))
            return False
        return True

    # -- the export ---------------------------------------------------------------------------

    def start_export(self) -> None:
        plan, key = self.check_page.plan, self._signing_key
        if self.busy or plan is None or key is None:
            return
        default = self.default_output()
        output = self.output or default
        # The service always keeps its copy under the default name; a second copy only elsewhere.
        out = None if output.resolve() == default.resolve() else output
        self.done_page.show_running()
        self._run(_ExportJob(self._ws, plan, key, out), self._exported, self._export_failed,
                  self._export_cancelled, self.tr("Exporting the packet…"), cancellable=False)  # fmt: skip

    def _exported(self, result: tuple[ExportResult, int]) -> None:
        export, size = result
        self._signing_key = None
        self._idle()
        packet = export.packet
        summary = ExportSummary(
            file=export.out or export.path,
            kept=export.path,
            size=size,
            sequence=packet.sequence,
            term=packet.term,
            mode=packet.mode,
            counts=dict(packet.counts),
            sha256=packet.sha256,
        )
        self.done_page.show_done(summary)
        self.exported.emit(summary)

    def _export_failed(self, exc: Exception) -> None:
        self._idle()
        self.done_page.show_failed(self._message(exc))

    def _export_cancelled(self) -> None:
        self._idle()

    def _choose_and_retry(self) -> None:
        self.choose_output()
        self.start_export()

    # -- running tasks ------------------------------------------------------------------------

    def _run(
        self,
        job: Callable[[TaskContext], object],
        on_done: Callable[[Any], object],
        on_error: Callable[[Exception], object],
        on_cancelled: Callable[[], object],
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
            on_cancelled=on_cancelled,
            progress_label=label,
            cancellable=cancellable,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for page in (self.check_page, self.sign_page, self.done_page):
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
            self.reject()

    def _message(self, exc: Exception) -> str:
        if isinstance(exc, UserError):
            return "\n".join(part for part in (exc.what or str(exc), exc.todo) if part)
        self._runner.reporter.report(exc)
        return self.tr("Something went wrong inside Baosong; no packet was written.")

    def reject(self) -> None:
        """Cancel (or Esc, or the window's X): stop the running task first, then close."""
        if self.busy and self.task is not None:
            self._close_when_idle = True
            self.task.cancel()
            return
        self.sign_page.form.clear()
        self._signing_key = None
        super().reject()

    def done(self, result: int) -> None:
        self._signing_key = None
        super().done(result)


class _CheckJob:
    """Plan the packet and check it, on the task's own connection."""

    def __init__(self, term: str, incremental: bool) -> None:
        self.term, self.incremental = term, incremental

    def __call__(self, ctx: TaskContext) -> tuple[ExportPlan, CompletenessReport]:
        plan = packet_export.plan_export(
            ctx.db,
            term=self.term,
            incremental=self.incremental,
            progress=ctx.progress,
            cancelled=ctx.cancelled,
        )
        return plan, packet_export.check_completeness(ctx.db, plan)


class _ExportJob:
    def __init__(
        self,
        ws: Workspace,
        plan: ExportPlan,
        key: ed25519.Ed25519PrivateKey,
        out: Path | None,
    ) -> None:
        self.ws, self.plan, self.key, self.out = ws, plan, key, out

    def __call__(self, ctx: TaskContext) -> tuple[ExportResult, int]:
        ws = replace(self.ws, db=ctx.db)  # the same workspace, through this thread's connection
        result = packet_export.export_packet(ws, self.plan, signing_key=self.key, out=self.out)
        return result, (result.out or result.path).stat().st_size
