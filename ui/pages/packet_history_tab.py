"""报送记录: every packet exported, with its status (exported / acknowledged / returned), and
导入回执… which reads the bureau's receipt or return through the TaskRunner and says what the
bureau took, what it flagged and which packet it answers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.packet_export import list_packets
from app.services.receipt_import import ImportedReceipt, import_receipt
from app.services.workspace import Workspace
from ui.errors import show_info
from ui.models.packet_labels import packet_status_labels
from ui.models.packet_table_models import PacketHistoryModel
from ui.models.record_table_model import RecordFilterProxy
from ui.tasks import Task, TaskContext, TaskRunner
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table

COUNT_KEYS = ("created", "updated", "unchanged", "conflicts", "rejected")


class PacketHistoryTab(QWidget):
    receipt_imported = Signal(object)  # the ImportedReceipt
    export_requested = Signal()

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.ask_receipt_path = self._ask_receipt_path
        self.task: Task | None = None
        self.last_message: QMessageBox | None = None
        self.model = PacketHistoryModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(5, 10, 8, 16, 20, 8))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        hint = EmptyHint(
            self.tr(
                "No packet exported yet. Enter the term's records, then export the first packet "
                "for the education bureau."
            )
        )
        self.export_hint_button = hint.add_button(self.tr("Export packet…"), self._request_export)
        self.stack = HintStack(self.table, hint)
        self.import_button = QPushButton(self.tr("Import receipt…"))
        self.import_button.setToolTip(
            self.tr("Read the bureau's receipt (.bsrcpt): it acknowledges or returns a packet.")
        )
        self.import_button.clicked.connect(self.import_receipt)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)

    def _request_export(self) -> None:
        self.export_requested.emit()

    def reload(self) -> None:
        packets = list_packets(self.ws.db)
        self.model.set_rows(packets)
        if packets:
            self.stack.show_content()
        else:
            self.stack.show_hint()
        self.import_button.setEnabled(bool(packets) and self.task is None)

    # -- receipts -----------------------------------------------------------------------------

    def _ask_receipt_path(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the bureau's receipt"),
            str(Path.home()),
            self.tr("Receipts (*.bsrcpt);;All files (*)"),
        )
        return Path(path) if path else None

    def import_receipt(self) -> None:
        if self.task is not None:
            return
        path = self.ask_receipt_path()
        if path is None:
            return
        self.import_button.setEnabled(False)
        self.task = self.runner.run(
            _ReceiptJob(self.ws, path),
            parent=self,
            on_done=self._receipt_imported,
            on_error=None,  # a UserError (wrong school, changed file…) as a plain message
            on_cancelled=self._idle,
            progress_label=self.tr("Importing the receipt…"),
            cancellable=False,
        )
        self.task.finished.connect(self._idle)

    def _idle(self) -> None:
        self.task = None
        self.reload()

    def _receipt_imported(self, result: ImportedReceipt) -> None:
        text = self.receipt_text(result)
        self.result_label.setText(text)
        self.last_message = show_info(self, self.tr("Receipt imported"), text)
        self.receipt_imported.emit(result)

    def packet_statuses(self) -> dict[int, str]:
        """Sequence → status as listed."""
        return {p.sequence: p.status for p in self.model.rows}

    def receipt_text(self, result: ImportedReceipt) -> str:
        receipt = result.receipt
        lines = []
        if result.already_imported:
            lines.append(self.tr("This receipt was imported before; nothing changed."))
        status = packet_status_labels().get(result.packet.status, result.packet.status)
        lines.append(
            self.tr("Packet {n} is now: {status}.").format(n=receipt.sequence, status=status)
        )
        if receipt.kind == "receipt" and receipt.tables:
            totals = {k: sum(c.get(k, 0) for c in receipt.tables.values()) for k in COUNT_KEYS}
            lines.append(
                self.tr(
                    "The bureau took {created} new and {updated} changed records; {unchanged} "
                    "were unchanged, {conflicts} are held for review and {rejected} were rejected."
                ).format(**{k: f"{v:,}" for k, v in totals.items()})
            )
        if receipt.packet_returned:
            lines.append(
                self.tr("The whole packet was returned: {reason}").format(
                    reason=receipt.return_reason
                )
            )
        if receipt.records:
            lines.append(
                self.tr(
                    "{n} records are flagged by the bureau: see Returned records. Correct them "
                    "and export again."
                ).format(n=len(receipt.records))
            )
        if result.cleared:
            lines.append(
                self.tr("{n} corrected records are no longer flagged.").format(n=result.cleared)
            )
        return "\n".join(lines)


class _ReceiptJob:
    def __init__(self, ws: Workspace, path: Path) -> None:
        self.ws, self.path = ws, path

    def __call__(self, ctx: TaskContext) -> ImportedReceipt:
        # The same workspace, through this thread's own connection.
        return import_receipt(replace(self.ws, db=ctx.db), self.path)
