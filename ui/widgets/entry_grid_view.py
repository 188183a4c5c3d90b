"""A table for typing a class's entries like a spreadsheet: Enter moves down, typing starts an
edit, Delete empties the selected cells, Ctrl+V pastes a block copied from Excel or WPS (tabs
between cells, one line a row) from the current cell. Every value still goes through the
model's ``setData``, so pasted values are checked like typed ones. Cells that choose from a list
use ``ChoiceDelegate``; tick-box cells take 是/否, 1/0 or ✓ when pasted. A model with a
``batch()`` context manager gathers a pasted block's messages (what was refused) into one.
"""

from __future__ import annotations

from contextlib import nullcontext

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QTableView,
    QWidget,
)

from ui.widgets.choice_delegate import ChoiceDelegate

TRUE_TEXTS = frozenset({"1", "是", "√", "✓", "✔", "y", "yes", "true", "确认", "已确认"})


class EntryGridView(QTableView):
    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(ChoiceDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def set_widths(self, chars: list[int]) -> None:
        """Widths in digits, never narrower than the column's title."""
        char = self.fontMetrics().horizontalAdvance("0")
        header = self.horizontalHeader()
        for column, n in enumerate(chars):
            self.setColumnWidth(column, max(n * char + 16, header.sectionSizeHint(column)))

    # -- moving -------------------------------------------------------------------------------

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        move_down = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache  # Enter
        super().closeEditor(editor, hint)
        if move_down:
            self.move_by(1)

    def move_by(self, rows: int) -> None:
        current = self.currentIndex()
        target = current.sibling(current.row() + rows, current.column())
        if target.isValid():
            self.selectionModel().setCurrentIndex(
                target, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_by(1)
            return
        if not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selected()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
            return
        super().keyPressEvent(event)

    # -- block edits --------------------------------------------------------------------------

    def clear_selected(self) -> int:
        model = self.model()
        cleared = 0
        for index in self.selectedIndexes():
            if index.flags() & Qt.ItemFlag.ItemIsEditable and index.data():
                cleared += bool(model.setData(index, "", Qt.ItemDataRole.EditRole))
        return cleared

    def paste(self, text: str) -> int:
        """Spread a tab-separated block over the cells from the current one; returns how many
        values were accepted (the model says why the others were not)."""
        start = self.currentIndex()
        if not start.isValid() or not text.strip():
            return 0
        accepted = 0
        lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
        batch = getattr(self.model(), "batch", nullcontext)  # a model's messages, gathered
        with batch():
            for dr, line in enumerate(lines):
                for dc, value in enumerate(line.split("\t")):
                    index = start.sibling(start.row() + dr, start.column() + dc)
                    accepted += self._paste_one(index, value.strip())
        return accepted

    def _paste_one(self, index: QModelIndex, value: str) -> bool:
        if not index.isValid():
            return False
        model, flags = self.model(), index.flags()
        if flags & Qt.ItemFlag.ItemIsEditable:
            return bool(model.setData(index, value, Qt.ItemDataRole.EditRole))
        if flags & Qt.ItemFlag.ItemIsUserCheckable:
            state = (
                Qt.CheckState.Checked if value.lower() in TRUE_TEXTS else Qt.CheckState.Unchecked
            )
            return bool(model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole))
        return False
