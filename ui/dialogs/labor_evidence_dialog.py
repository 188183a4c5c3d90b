"""The files attached to a labor activity (photos, documents as evidence): list, add, remove.

Files are copied into the workspace by the evidence service (hashed, checked against their
type) on a background task; removing one keeps the stored file (see app.services.labor_evidence).
The file chooser and the confirmation are edges that tests replace.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.labor.models import EvidenceFile, LaborActivity
from app.services.labor_evidence import add_evidence, list_evidence, remove_evidence
from app.services.labor_records import labor_config
from app.services.workspace import Workspace
from ui.errors import show_user_error
from ui.models.record_table_model import Column, RecordFilterProxy, RecordTableModel
from ui.tasks import TaskContext, TaskRunner
from ui.widgets.record_view import record_table, selected_records

ERROR_STYLE = "color: #c62828;"


def evidence_columns() -> list[Column]:
    return [
        Column(
            QCoreApplication.translate("LaborEvidenceModel", "File"),
            QCoreApplication.translate(
                "LaborEvidenceModel", "The file's name when it was attached."
            ),
            lambda e: e.file_name,
        ),
        Column(
            QCoreApplication.translate("LaborEvidenceModel", "Size"),
            QCoreApplication.translate("LaborEvidenceModel", "Kilobytes (KB)."),
            lambda e: f"{max(1, round(e.size / 1024)):,}",
            sort=lambda e: e.size,
            number=True,
        ),
        Column(
            QCoreApplication.translate("LaborEvidenceModel", "Attached"),
            QCoreApplication.translate(
                "LaborEvidenceModel", "When and by whom (UTC date and time, user)."
            ),
            lambda e: f"{e.meta.updated_at[:16].replace('T', ' ')} {e.meta.updated_by}",
        ),
    ]


class LaborEvidenceDialog(QDialog):
    files_changed = Signal()

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        activity: LaborActivity,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self.activity = activity
        self.busy = False
        self.setWindowTitle(
            self.tr("Files of “{project}”, {date}").format(
                project=activity.project, date=activity.date.isoformat()
            )
        )
        self.model = RecordTableModel(evidence_columns(), self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(30, 8), multi=True)
        config = labor_config(ws.db)
        self.limits = QLabel(
            self.tr("Photos and documents up to {mb} MB: {types}.").format(
                mb=round(config.evidence_max_bytes / 2**20),
                types=", ".join(config.evidence_extensions),
            )
        )
        self.limits.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.clicked.connect(self.add_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.limits)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(620, 420)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(list_evidence(self._ws.db, self.activity.meta.uuid))

    def files(self) -> list[EvidenceFile]:
        return list(self.model.rows)

    # -- the edges ----------------------------------------------------------------------------

    def ask_open_paths(self) -> list[Path]:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), str(Path.home()), self.tr("Photos and documents (*.*)")
        )
        return [Path(p) for p in paths]

    def ask_confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove files"), text)
        return answer == QMessageBox.StandardButton.Yes

    # -- actions ------------------------------------------------------------------------------

    def add_files(self) -> None:
        if self.busy:
            return
        paths = self.ask_open_paths()
        if not paths:
            return
        self.busy = True
        self.add_button.setEnabled(False)
        self.message.setText("")
        job = _AddJob(self._ws.paths.evidence, paths, self.activity.meta.uuid, self._ws.actor)
        self._runner.run(
            job,
            parent=self,
            on_done=self._added,
            on_error=self._failed,
            progress_label=self.tr("Attaching the files…"),
            cancellable=False,
        )

    def _added(self, problems: list[str]) -> None:
        self._idle()
        self.message.setText("\n".join(problems))
        self.reload()
        self.files_changed.emit()

    def _failed(self, exc: Exception) -> None:
        self._idle()
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            self._runner.reporter.report(exc)

    def _idle(self) -> None:
        self.busy = False
        self.add_button.setEnabled(True)

    def remove_selected(self) -> None:
        chosen: Sequence[EvidenceFile] = selected_records(self.table)
        if not chosen or not self.ask_confirm(
            self.tr("Remove {count} files from this activity?").format(count=len(chosen))
        ):
            return
        for evidence in chosen:
            remove_evidence(self._ws.db, evidence.meta.uuid, actor=self._ws.actor)
        self.reload()
        self.files_changed.emit()


class _AddJob:
    """Runs on a worker thread with the task's own connection; one message per refused file."""

    def __init__(self, folder: Path, paths: list[Path], activity_uuid: str, actor: str) -> None:
        self.folder, self.paths, self.activity_uuid, self.actor = (
            folder,
            paths,
            activity_uuid,
            actor,
        )

    def __call__(self, ctx: TaskContext) -> list[str]:
        problems = []
        for done, path in enumerate(self.paths):
            try:
                add_evidence(
                    ctx.db, self.folder, path, activity_uuid=self.activity_uuid, actor=self.actor
                )
            except UserError as exc:
                problems.append(f"{path.name}: {exc.what or exc}")
            ctx.progress(done + 1, len(self.paths))
        return problems
