"""The first rows of a file being imported, under its own headers and the field each column is
mapped to, so the user sees what a mapping means before the dry run."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.excel.table_reader import RawTable
from app.excel.table_writer import cell_text

ModelIndex = QModelIndex | QPersistentModelIndex

PREVIEW_ROWS = 5


def column_letter(index: int) -> str:
    """Excel's name of a column: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def header_title(table: RawTable, column: int) -> str:
    """A column's header as written, or its letter when the header cell is empty."""
    return table.headers[column] or QCoreApplication.translate(
        "FilePreviewModel", "(column {letter})"
    ).format(letter=column_letter(column))


class FilePreviewModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._cells: list[list[str]] = []
        self._row_numbers: list[int] = []
        self._mapped: dict[int, str] = {}  # column → field label

    def set_table(self, table: RawTable) -> None:
        self.beginResetModel()
        self._headers = [header_title(table, c) for c in range(len(table.headers))]
        self._cells = [[cell_text(v) for v in row] for row in table.rows[:PREVIEW_ROWS]]
        self._row_numbers = table.row_numbers[:PREVIEW_ROWS]
        self._mapped = {}
        self.endResetModel()

    def set_mapping(self, mapping: Mapping[str, int], labels: Mapping[str, str]) -> None:
        """Field key → column, and field key → label."""
        self._mapped = {column: labels[key] for key, column in mapping.items()}
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._cells[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._row_numbers[section]  # the file's own row numbers
        label = self._mapped.get(section)
        if label is None:
            target = QCoreApplication.translate("FilePreviewModel", "(ignored)")
        else:
            target = "→ " + label
        return f"{self._headers[section]}\n{target}"
