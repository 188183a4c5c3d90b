"""备份: the workspace's backups (kind, date, counts, intact or not), "Back up now" and "Restore…".

The dialog only asks: after the user confirmed, it emits ``restore_requested`` with the backup's
path and closes; the AppController closes the workspace, restores and opens it again (the
current state is saved first, so a restore can itself be undone).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.backup import backup_database
from app.services.restore import BackupInfo, list_backups
from app.services.workspace import Workspace
from ui.models.backup_table_model import (
    MANUAL_LABEL,
    SORT_ROLE,
    BackupTableModel,
    kind_label,
    taken_at_text,
)
from ui.tasks import TaskContext, TaskRunner


class BackupsDialog(QDialog):
    restore_requested = Signal(object)  # the backup's Path

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = ws.paths.backups
        self._runner = runner
        self.loaded = False
        self.last_manual_backup: Path | None = None
        self.setWindowTitle(self.tr("Backups"))
        intro = QLabel(
            self.tr(
                "Baosong saves a backup of the database every day (the last 14 days and the "
                "last 12 months are kept) and before every risky action: a database upgrade, "
                "grade promotion, a restore. The backups are in {folder}."
            ).format(folder=str(self._folder))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = BackupTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._build_table()
        self.status = QLabel()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 460)
        self._update_buttons()
        self.reload()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)  # newest first
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        return table

    # -- the list -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Check every backup in the background (quick_check reads each file)."""
        self.loaded = False
        self.status.setText(self.tr("Checking the backups…"))
        self._runner.run(
            _ListJob(self._folder),
            parent=self,
            on_done=self._listed,
            progress_label=self.tr("Checking the backups…"),
            cancellable=False,
        )

    def _listed(self, backups: list[BackupInfo]) -> None:
        self.model.set_backups(backups)
        damaged = sum(1 for b in backups if not b.ok)
        text = self.tr("{count} backups, newest first.").format(count=len(backups))
        if damaged:
            text += " " + self.tr("{count} damaged (in red) cannot be restored.").format(
                count=damaged
            )
        self.status.setText(text if backups else self.tr("No backups yet."))
        self.loaded = True
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.backup_at(self.proxy.mapToSource(rows[0]).row())

    def _update_buttons(self, *_args: object) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.ok)

    # -- actions ------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        task = self._runner.run(
            _ManualBackupJob(self._folder),
            parent=self,
            on_done=self._backed_up,
            progress_label=self.tr("Backing up the database…"),
            cancellable=False,
        )
        task.finished.connect(self._backup_finished)  # after success or failure

    def _backed_up(self, path: Path) -> None:
        self.last_manual_backup = path
        self.reload()

    def _backup_finished(self) -> None:
        self.backup_button.setEnabled(True)

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or not info.ok or not self.confirm_restore(info):
            return
        self.restore_requested.emit(info.path)
        self.accept()

    def confirm_restore(self, info: BackupInfo) -> bool:
        """The confirmation (an edge: tests replace it)."""
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Restore the backup of {date} ({kind}: {school}, {students} students)?\n\n"
                "The current state of the database is saved first as a backup, so this can be "
                "undone. Baosong then closes the workspace, puts the backup in its place and "
                "opens it again."
            ).format(
                date=taken_at_text(info),
                kind=kind_label(info.kind),
                school=info.school or "-",
                students=info.students if info.students is not None else 0,
            ),
        )
        return answer == QMessageBox.StandardButton.Yes


class _ListJob:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, _ctx: TaskContext) -> list[BackupInfo]:
        return list_backups(self.folder)


class _ManualBackupJob:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, ctx: TaskContext) -> Path:
        return backup_database(ctx.db, self.folder, MANUAL_LABEL)
