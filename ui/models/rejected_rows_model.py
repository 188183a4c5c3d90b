"""The rejected rows of an import's dry run: file row number, the column as headed in the file,
and the reason. Sorted by a ``QSortFilterProxyModel`` on top (the row number is an int, so it
sorts as a number)."""

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

from app.services.import_spec import RejectedRowLike

ModelIndex = QModelIndex | QPersistentModelIndex

COL_ROW, COL_COLUMN, COL_REASON = range(3)


def column_titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("RejectedRowsModel", "Row"),
        QCoreApplication.translate("RejectedRowsModel", "Column"),
        QCoreApplication.translate("RejectedRowsModel", "Reason"),
    )


class RejectedRowsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = column_titles()
        self.rows: list[RejectedRowLike] = []

    def set_rows(self, rows: Sequence[RejectedRowLike]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_ROW:
                return row.row
            return row.field if column == COL_COLUMN else row.reason
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_REASON:
            return row.reason  # reasons can be longer than the column is wide
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None
