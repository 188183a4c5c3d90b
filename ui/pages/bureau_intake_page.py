"""报送接收: the schools' packet files in, checked, then merged.

Files come by drag and drop (files or folders) or through "Add files…"/"Add folder…". "Check"
asks the passphrase of the bureau's keys and runs the dry run in the background: who sent each
packet, whether it is whole and in sequence, and per table what a merge would do, while the
central database stays as it was. "Merge" then commits each packet in its own transaction;
refused files are copied to the quarantine folder with a reason file. The decryption keys of a
check are kept until that merge (so the passphrase is asked once) and dropped after it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.bureau_intake import IntakeReport
from app.services.bureau_keys import list_registry
from app.services.intake_files import PACKET_SUFFIX, packet_files
from app.services.workspace import Workspace
from ui.dialogs.bureau_passphrase import ask_bureau_passphrase
from ui.errors import show_user_error
from ui.icons import icon
from ui.models.bureau_intake_model import IntakeRow, IntakeTableModel, checked_row, pending_row
from ui.models.record_table_model import RecordFilterProxy
from ui.pages.bureau_intake_job import IntakeJob
from ui.tasks import TaskRunner
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.intake_detail import IntakeDetail
from ui.widgets.record_view import record_table, selected_records


class BureauIntakePage(QWidget):
    merged = Signal()  # packets were committed: conflicts, receipts and the registry changed
    status_message = Signal(str, int)

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        # File dialogs and the passphrase prompt are edges: tests replace these three.
        self.ask_files: Callable[[], list[Path]] = self._ask_files
        self.ask_folder: Callable[[], Path | None] = self._ask_folder
        self.ask_passphrase: Callable[[str], str | None] = self._ask_passphrase
        self.rows: list[IntakeRow] = []
        self.busy = False
        self.running_dry_run = False
        self.checked = False  # the current list went through a dry run
        self.last_report: IntakeReport | None = None
        self._keys: Mapping[str, Any] | None = None
        self.setAcceptDrops(True)
        self.model = IntakeTableModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(14, 28, 5, 18, 6, 6, 6, 6, 8))
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        self.stack = HintStack(self._content(), self._hint())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro())
        layout.addLayout(self._buttons())
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary)
        self._refresh()

    # -- layout -------------------------------------------------------------------------------

    def _intro(self) -> QLabel:
        label = QLabel(
            self.tr(
                "Drop the schools' packet files (.bspkt) or folders here. Check them first: "
                "the check shows who sent each packet and what merging it would change, and "
                "changes nothing. Then merge."
            )
        )
        label.setWordWrap(True)
        return label

    def _buttons(self) -> QHBoxLayout:
        self.add_files_button = QPushButton(icon("import"), self.tr("Add files…"))
        self.add_files_button.clicked.connect(self.add_files)
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.add_folder_button.clicked.connect(self.add_folder)
        self.clear_button = QPushButton(self.tr("Clear the list"))
        self.clear_button.clicked.connect(self.clear)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.merge_button = QPushButton(icon("packet"), self.tr("Merge"))
        self.merge_button.clicked.connect(self.merge)
        row = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.clear_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.check_button)
        row.addWidget(self.merge_button)
        return row

    def _content(self) -> QWidget:
        self.detail = IntakeDetail()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([300, 250])
        return splitter

    def _hint(self) -> EmptyHint:
        hint = EmptyHint(
            self.tr(
                "No packets yet. Drop the packet files the schools sent (.bspkt, e.g. from a "
                "USB stick) onto this page, or add them with the buttons. Enrol each school "
                "on the School registry page first, or its packets are refused."
            )
        )
        hint.add_button(self.tr("Add files…"), self.add_files, icon("import"))
        hint.add_button(self.tr("Add folder…"), self.add_folder)
        return hint

    # -- the list -----------------------------------------------------------------------------

    def _names(self) -> dict[str, str]:
        return {k.school_code: k.school_name for k in list_registry(self.ws.db)}

    def add_paths(self, paths: Sequence[Path]) -> int:
        """Add files, or the packet files of folders; returns how many new files were added."""
        if self.busy:
            return 0
        known = {r.path.resolve() for r in self.rows}
        names = self._names()
        added = 0
        for path in packet_files([Path(p) for p in paths]):
            if path.resolve() in known:
                continue
            known.add(path.resolve())
            self.rows.append(pending_row(path, names))
            added += 1
        if added:
            self._list_changed()
            self.summary.setText(self.tr("{n} files added. Check them next.").format(n=added))
        else:
            self.summary.setText(self.tr("No new packet files: they are listed already."))
        return added

    def add_files(self) -> None:
        files = self.ask_files()
        if files:
            self.add_paths(files)

    def add_folder(self) -> None:
        folder = self.ask_folder()
        if folder is not None:
            self.add_paths([folder])

    def clear(self) -> None:
        if self.busy:
            return
        self.rows = []
        self._list_changed()
        self.summary.clear()

    def _list_changed(self) -> None:
        self.checked = False
        self._keys = None
        self._refresh()

    def _refresh(self) -> None:
        self.model.set_rows(self.rows)
        if self.rows:
            self.stack.show_content()
            self.table.selectRow(0)
        else:
            self.stack.show_hint()
            self._show_detail()
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.busy
        for button in (self.add_files_button, self.add_folder_button):
            button.setEnabled(idle)
        self.clear_button.setEnabled(idle and bool(self.rows))
        self.check_button.setEnabled(idle and bool(self.rows))
        ready = any(r.state in ("verified", "rejected") for r in self.rows)
        self.merge_button.setEnabled(idle and self.checked and ready)

    def _show_detail(self, *_args: object) -> None:
        chosen = selected_records(self.table) if self.rows else []
        self.detail.show_row(chosen[0] if chosen else None)

    # -- drag and drop ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.busy and _dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _dropped_paths(event)
        if not paths or self.busy:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths(paths)

    # -- check and merge ----------------------------------------------------------------------

    def check(self) -> None:
        if self.busy or not self.rows:
            return
        passphrase = self.ask_passphrase(
            self.tr("Enter the passphrase of the bureau's keys to open and check the packets.")
        )
        if passphrase is None:
            return
        self._start(IntakeJob(self.ws, self._files(), passphrase, None, dry_run=True))

    def merge(self) -> None:
        if self.busy or not self.checked:
            return
        self._start(IntakeJob(self.ws, self._files(), None, self._keys, dry_run=False))

    def _files(self) -> list[Path]:
        return [r.path for r in self.rows]

    def _start(self, job: IntakeJob) -> None:
        self.busy = True
        self.running_dry_run = job.dry_run
        self._update_buttons()
        label = self.tr("Checking the packets…") if job.dry_run else self.tr("Merging packets…")
        self.runner.run(
            job,
            parent=self,
            on_done=self._done,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            progress_label=label,
        )

    def _done(self, outcome: tuple[IntakeReport, Mapping[str, Any]]) -> None:
        report, keys = outcome
        self.busy = False
        self.last_report = report
        names = self._names()
        by_file = {r.path: r for r in self.rows}
        self.rows = [
            checked_row(
                by_file.get(p.file, IntakeRow(p.file)), p, dry_run=report.dry_run, names=names
            )
            for p in report.packets
        ]
        self.checked = report.dry_run
        self._keys = keys if report.dry_run else None
        self._refresh()
        self.summary.setText(self.summary_text(report))
        if not report.dry_run:
            self.merged.emit()
            self.status_message.emit(self.summary.text(), 10_000)

    def summary_text(self, report: IntakeReport) -> str:
        states = Counter(p.status for p in report.packets)
        fields = {"ok": states["merged"], "dup": states["duplicate"], "bad": states["rejected"]}
        if report.dry_run:
            return self.tr(
                "Check finished. Can be merged: {ok}; merged before: {dup}; refused: {bad}. "
                "Nothing was changed yet: press Merge to commit."
            ).format(**fields)
        text = self.tr(
            "Merge finished. Merged: {ok}; merged before: {dup}; refused and copied to the "
            "quarantine folder {folder}: {bad}."
        ).format(folder=self.ws.paths.quarantine, **fields)
        if report.backup is not None:
            text += " " + self.tr("The database was backed up first.")
        return text

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self._update_buttons()
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            self.runner.reporter.report(exc)

    def _cancelled(self) -> None:
        self.busy = False
        self._update_buttons()
        self.summary.setText(
            self.tr(
                "Stopped. Packets merged before stopping stay merged; check the list again to "
                "see where each stands."
            )
        )
        if not self.running_dry_run:
            self.merged.emit()

    # -- edges --------------------------------------------------------------------------------

    def _ask_files(self) -> list[Path]:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add packet files"),
            "",
            self.tr("Packets (*{suffix})").format(suffix=PACKET_SUFFIX),
        )
        return [Path(f) for f in files]

    def _ask_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of packets"))
        return Path(folder) if folder else None

    def _ask_passphrase(self, purpose: str) -> str | None:
        return ask_bureau_passphrase(self, purpose)


def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
