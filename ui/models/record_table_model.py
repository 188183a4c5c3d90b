"""A read-only table of records (frozen dataclasses) described by its columns, and its one
sort/filter proxy: the shape every list of the labor and arts pages shares.

Display strings and sort keys are prepared once in ``set_rows`` (never while painting); the
proxy sorts on ``SORT_ROLE`` and filters with named predicates over the records, so a page adds
"category", "text" or "only below threshold" filters without a proxy class of its own. Subclasses
add colours, icons and cell tooltips through the ``background``/``decoration``/``cell_tooltip``
hooks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

SORT_ROLE = Qt.ItemDataRole.UserRole
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex
Predicate = Callable[[Any], bool]
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    title: str
    tooltip: str  # the unit and format, shown on the header
    display: Callable[[Any], object]
    sort: Callable[[Any], Any] | None = None  # default: the display value
    number: bool = False  # right-aligned


def minutes_text(minutes: int) -> str:
    return f"{minutes:,}"


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.rows: list[Any] = []
        self._display: list[tuple[str, ...]] = []
        self._sort: list[tuple[Any, ...]] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._display = [
            tuple("" if (v := c.display(r)) is None else str(v) for c in self.columns)
            for r in self.rows
        ]
        self._sort = [
            tuple(
                c.sort(r) if c.sort is not None else d
                for c, d in zip(self.columns, shown, strict=True)
            )
            for r, shown in zip(self.rows, self._display, strict=True)
        ]
        self.endResetModel()

    def refresh_row(self, row: int, record: Any) -> None:
        """Replace one record (after an edit) and repaint its row."""
        self.rows[row] = record
        shown = tuple("" if (v := c.display(record)) is None else str(v) for c in self.columns)
        self._display[row] = shown
        self._sort[row] = tuple(
            c.sort(record) if c.sort is not None else d
            for c, d in zip(self.columns, shown, strict=True)
        )
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[row][column]
        if role == SORT_ROLE:
            return self._sort[row][column]
        if role == RECORD_ROLE:
            return self.rows[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[column].number:
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(self.rows[row], column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(self.rows[row], column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(self.rows[row], column)
        return None

    def background(self, record: Any, column: int) -> Any:
        return None

    def decoration(self, record: Any, column: int) -> Any:
        return None

    def cell_tooltip(self, record: Any, column: int) -> str | None:
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].tooltip
        return None

    def text(self, row: int, column: int) -> str:
        return self._display[row][column]


class RecordFilterProxy(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE``; shows the rows every named predicate accepts."""

    def __init__(self, source: RecordTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._predicates: dict[str, Predicate] = {}
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_predicate(self, name: str, predicate: Predicate | None) -> None:
        """Add, replace or (None) remove one filter."""
        self.beginFilterChange()
        if predicate is None:
            self._predicates.pop(name, None)
        else:
            self._predicates[name] = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        record = self._source.rows[source_row]
        return all(p(record) for p in self._predicates.values())

    def record_at(self, proxy_row: int) -> Any:
        return self._source.rows[self.mapToSource(self.index(proxy_row, 0)).row()]

    def records(self) -> list[Any]:
        """The visible records, in view order."""
        return [self.record_at(r) for r in range(self.rowCount())]
