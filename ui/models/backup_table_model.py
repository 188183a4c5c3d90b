"""The list of database backups: ``BackupTableModel`` over ``BackupInfo`` records.

Kinds come from the file names the backup services write: ``daily``, ``monthly``, ``manual``,
``before-promotion``, ``before-restore``, ``before-<migration>`` (db.open_database) and, once
the bureau merges packets, ``before-merge``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.services.restore import BackupInfo
from ui.labels import yes_label

SORT_ROLE = Qt.ItemDataRole.UserRole
BACKUP_ROLE = Qt.ItemDataRole.UserRole + 1
COL_KIND, COL_DATE, COL_STUDENTS, COL_SCHOOL, COL_SIZE, COL_OK = range(6)
MANUAL_LABEL = "manual"  # the file-name label of "Back up now"
_DAMAGED_COLOR = QColor("#c62828")

ModelIndex = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    """What a backup is, in the user's words."""
    labels = {
        "daily": QCoreApplication.translate("BackupTableModel", "Daily"),
        "monthly": QCoreApplication.translate("BackupTableModel", "Monthly"),
        MANUAL_LABEL: QCoreApplication.translate("BackupTableModel", "Backed up by hand"),
        "before-promotion": QCoreApplication.translate(
            "BackupTableModel", "Before grade promotion"
        ),
        "before-restore": QCoreApplication.translate("BackupTableModel", "Before a restore"),
        "before-merge": QCoreApplication.translate("BackupTableModel", "Before a merge"),
    }
    if kind in labels:
        return labels[kind]
    if kind.startswith("before-") and kind[7:8].isdigit():  # before-0002_keys_and_packets
        return QCoreApplication.translate("BackupTableModel", "Before a database upgrade")
    return kind


def taken_at_text(info: BackupInfo) -> str:
    return info.taken_at.strftime("%Y-%m-%d %H:%M")


def size_text(size_bytes: int) -> str:
    return QCoreApplication.translate("BackupTableModel", "{size} MB").format(
        size=f"{size_bytes / 1_000_000:.1f}"
    )


def column_titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("BackupTableModel", "Kind"),
        QCoreApplication.translate("BackupTableModel", "Date"),
        QCoreApplication.translate("BackupTableModel", "Students"),
        QCoreApplication.translate("BackupTableModel", "School"),
        QCoreApplication.translate("BackupTableModel", "Size"),
        QCoreApplication.translate("BackupTableModel", "Intact"),
    )


class BackupTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = column_titles()
        self._damaged = QCoreApplication.translate("BackupTableModel", "Damaged")
        self.backups: list[BackupInfo] = []

    def set_backups(self, backups: Sequence[BackupInfo]) -> None:
        self.beginResetModel()
        self.backups = list(backups)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.backups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == SORT_ROLE:
            return self._sort_key(info, column)
        if role == BACKUP_ROLE:
            return info
        if role == Qt.ItemDataRole.ForegroundRole and not info.ok:
            return _DAMAGED_COLOR
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_STUDENTS, COL_SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, info: BackupInfo, column: int) -> str:
        if column == COL_KIND:
            return kind_label(info.kind)
        if column == COL_DATE:
            return taken_at_text(info)
        if column == COL_STUDENTS:
            return "" if info.students is None else str(info.students)
        if column == COL_SCHOOL:
            return info.school or ""
        if column == COL_SIZE:
            return size_text(info.size_bytes)
        return yes_label() if info.ok else self._damaged

    @staticmethod
    def _sort_key(info: BackupInfo, column: int) -> Any:
        keys: tuple[Any, ...] = (
            info.kind,
            info.taken_at.isoformat(),
            info.students if info.students is not None else -1,
            info.school or "",
            info.size_bytes,
            int(info.ok),
        )
        return keys[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None

    def backup_at(self, row: int) -> BackupInfo:
        return self.backups[row]
