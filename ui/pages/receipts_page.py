"""回执与退回: the signed receipts of merged packets, and returns for correction (退回).

Merging a packet keeps its receipt unsigned; "Write receipts to folder…" signs every receipt not
yet written with the bureau's signing key (passphrase asked) and writes one file per packet for
the school to import, plus a return document for each packet with returns decided after its
receipt went out. The lower half returns a whole packet or some of its records, with a reason.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.bureau_keys import load_bureau_signing_key
from app.services.bureau_lists import merged_packets, pending_return_count
from app.services.receipts import WrittenDocument, write_receipts
from app.services.workspace import Workspace
from ui.dialogs.bureau_passphrase import ask_bureau_passphrase
from ui.errors import show_user_error
from ui.icons import icon
from ui.models.bureau_labels import local_time
from ui.models.record_table_model import Column, RecordFilterProxy, RecordTableModel
from ui.pages.return_records_panel import ReturnRecordsPanel
from ui.tasks import TaskContext, TaskRunner
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table


class PendingReceiptsModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            Column(QCoreApplication.translate("ReceiptsModel", "School"), "", lambda p: f"{p.school_code} {p.school_name}"),
            Column(
                QCoreApplication.translate("ReceiptsModel", "No."),
                QCoreApplication.translate("ReceiptsModel", "The school's packet sequence number"),
                lambda p: p.sequence,
                number=True,
            ),
            Column(QCoreApplication.translate("ReceiptsModel", "Merged"), "", lambda p: local_time(p.received_at)),
            Column(
                QCoreApplication.translate("ReceiptsModel", "Records listed"),
                QCoreApplication.translate("ReceiptsModel", "Records rejected or held for review, named in the receipt"),
                lambda p: p.flagged,
                number=True,
            ),
            Column(
                QCoreApplication.translate("ReceiptsModel", "Returns"),
                QCoreApplication.translate("ReceiptsModel", "Returns for correction sent with this receipt"),
                lambda p: p.returns_pending,
                number=True,
            ),
        ]  # fmt: skip
        super().__init__(columns, parent)


class ReceiptsPage(QWidget):
    returns_changed = Signal()

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.ask_folder: Callable[[], Path | None] = self._ask_folder
        self.ask_passphrase: Callable[[str], str | None] = self._ask_passphrase
        self.busy = False
        self.last_written: list[WrittenDocument] = []
        self.model = PendingReceiptsModel(self)
        self.table = record_table(RecordFilterProxy(self.model, self), widths=(30, 5, 17, 10))
        hint = EmptyHint(
            self.tr(
                "No receipt is waiting. A receipt is made for every packet merged on the Packet "
                "intake page; returns decided below go out with the next receipts."
            )
        )
        self.stack = HintStack(self.table, hint)
        self.write_button = QPushButton(icon("export"), self.tr("Write receipts to folder…"))
        self.write_button.clicked.connect(self.write)
        self.pending_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.returns = ReturnRecordsPanel(ws)
        self.returns.returned.connect(self._returned)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._receipts_box())
        splitter.addWidget(self.returns)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self.reload()

    def _receipts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Receipts to send"))
        intro = QLabel(
            self.tr(
                "Each school imports its receipt to see which of its records the bureau holds "
                "and which it must correct. Write them to a folder (e.g. a USB stick) and pass "
                "them on."
            )
        )
        intro.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.pending_label, 1)
        row.addWidget(self.write_button)
        layout = QVBoxLayout(box)
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        return box

    def reload(self) -> None:
        self.model.set_rows(merged_packets(self.ws.db, unwritten_only=True))
        if self.model.rows:
            self.stack.show_content()
        else:
            self.stack.show_hint()
        returns = pending_return_count(self.ws.db)
        self.pending_label.setText(
            self.tr("{receipts} receipts and {returns} returns to write.").format(
                receipts=len(self.model.rows), returns=returns
            )
        )
        self.write_button.setEnabled(not self.busy and bool(self.model.rows or returns))
        self.returns.reload()

    def _returned(self) -> None:
        self.reload()
        self.returns_changed.emit()

    # -- writing ------------------------------------------------------------------------------

    def write(self) -> None:
        if self.busy:
            return
        folder = self.ask_folder()
        if folder is None:
            return
        passphrase = self.ask_passphrase(
            self.tr("Enter the passphrase of the bureau's keys to sign the receipts.")
        )
        if passphrase is None:
            return
        self.busy = True
        self.write_button.setEnabled(False)
        self.runner.run(
            _WriteJob(self.ws, folder, passphrase),
            parent=self,
            on_done=self._written,
            on_error=self._failed,
            progress_label=self.tr("Signing and writing the receipts…"),
            cancellable=False,
        )

    def _written(self, written: list[WrittenDocument]) -> None:
        self.busy = False
        self.last_written = written
        folder = written[0].path.parent if written else ""
        self.message.setText(
            self.tr("{n} documents were written to {folder}. Give each school its own.").format(
                n=len(written), folder=folder
            )
        )
        self.reload()
        self.returns_changed.emit()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.reload()
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            self.runner.reporter.report(exc)

    def _ask_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Write the receipts to"))
        return Path(folder) if folder else None

    def _ask_passphrase(self, purpose: str) -> str | None:
        return ask_bureau_passphrase(self, purpose)


class _WriteJob:
    def __init__(self, ws: Workspace, folder: Path, passphrase: str) -> None:
        self.paths, self.actor = ws.paths, ws.actor
        self.folder, self.passphrase = folder, passphrase

    def __call__(self, ctx: TaskContext) -> list[Any]:
        ws = Workspace(paths=self.paths, db=ctx.db, actor=self.actor)
        key = load_bureau_signing_key(ws, self.passphrase)
        return write_receipts(ws, self.folder, key)
