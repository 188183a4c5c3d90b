"""Start-up, when the integrity check fails: offer the latest good backup, or quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.services.restore import BackupInfo
from ui.models.backup_table_model import kind_label, taken_at_text


class DamagedDatabaseDialog(QDialog):
    """Accepted means: restore ``backup``. Without a good backup only Quit is offered."""

    def __init__(
        self, database: Path, backup: BackupInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The database is damaged"))
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        self.message = QLabel(
            self.tr(
                "The workspace database {path} is damaged: its integrity check failed. "
                "Baosong cannot open it safely."
            ).format(path=str(database))
        )
        self.offer = QLabel(self._offer_text(backup))
        for label in (self.message, self.offer):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.quit_button = QPushButton(self.tr("Quit"))
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = QPushButton(self.tr("Restore this backup"))
            buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.message)
        layout.addWidget(self.offer)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _offer_text(self, backup: BackupInfo | None) -> str:
        if backup is None:
            return self.tr(
                "No intact backup was found in the workspace's backups folder. Quit, and ask "
                "whoever supports Baosong at your school for help; do not delete the folder."
            )
        return self.tr(
            "The latest intact backup is from {date} ({kind}): {school}, {students} students.\n\n"
            "Restore it? Changes made after that moment are lost. The damaged database is kept "
            "in the backups folder."
        ).format(
            date=taken_at_text(backup),
            kind=kind_label(backup.kind),
            school=backup.school or self.tr("no school yet"),
            students=backup.students if backup.students is not None else 0,
        )


def ask_to_restore(database: Path, backup: BackupInfo | None) -> bool:
    """Show the dialog (before any window exists); True when the user chose to restore."""
    dialog = DamagedDatabaseDialog(database, backup)
    try:
        return backup is not None and dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
