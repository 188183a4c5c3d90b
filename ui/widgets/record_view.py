"""The table view every record list uses: whole rows selected, sorted by clicking a header, no
per-row measuring (fixed row heights), so long lists scroll smoothly; and the selected records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.record_table_model import RecordFilterProxy


def record_table(
    proxy: RecordFilterProxy,
    *,
    widths: tuple[int, ...] = (),
    multi: bool = False,
    editable: bool = False,
    parent: QWidget | None = None,
) -> QTableView:
    """``widths`` in characters per column (the last column stretches)."""
    table = QTableView(parent)
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    if not editable:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    char = table.fontMetrics().horizontalAdvance("0")
    for column, chars in enumerate(widths):
        table.setColumnWidth(column, chars * char + 16)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def selected_records(table: QTableView) -> list[Any]:
    """The records of the selected rows, in view order."""
    proxy = table.model()
    assert isinstance(proxy, RecordFilterProxy)
    rows = sorted(index.row() for index in table.selectionModel().selectedRows())
    return [proxy.record_at(r) for r in rows]


def select_record_rows(table: QTableView, wanted: Callable[[Any], bool]) -> None:
    """Select the rows whose record satisfies ``wanted``; the first becomes current."""
    proxy = table.model()
    assert isinstance(proxy, RecordFilterProxy)
    selection = table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    first = True
    for row in range(proxy.rowCount()):
        if wanted(proxy.record_at(row)):
            index = proxy.index(row, 0)
            if first:
                selection.setCurrentIndex(index, flags)
                first = False
            else:
                selection.select(index, flags)
