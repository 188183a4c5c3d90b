"""The class grid's view: keyboard-first entry as in a spreadsheet.

* typing starts editing (the typed key replaces the cell), F2 or a double click edits in place;
* Enter (or Return) saves and moves down to the next row in the same column, Shift+Enter up;
  Tab saves and moves right to the next editable cell (greyed cells are skipped, the end of a
  row wraps to the next row), Shift+Tab left; a refused value keeps the cursor on its red cell;
* Delete clears the selected cells, Ctrl+C copies them, Ctrl+V pastes a block copied from Excel
  at the current cell, Ctrl+Z / Ctrl+Y undo and redo;
* a context menu per row: absent (缺考), exempt (免测), clear the marks, enter the 补测.

An item's score is in its cell's tooltip; a value scoring below 60 is shown in orange, so the
weak items stand out without a score column per item (that would double the grid's width).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ui.models.fitness_grid_model import FitnessGridModel
from ui.models.fitness_paste import parse_clipboard

CursorAction = QAbstractItemView.CursorAction
# The events QAbstractItemDelegate's own editor filter handles (Esc, focus out, shortcuts).
_EDITOR_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.FocusOut, QEvent.Type.ShortcutOverride, QEvent.Type.Hide}
)
_MOVES = {
    (Qt.Key.Key_Return, False): CursorAction.MoveDown,
    (Qt.Key.Key_Enter, False): CursorAction.MoveDown,
    (Qt.Key.Key_Return, True): CursorAction.MoveUp,
    (Qt.Key.Key_Enter, True): CursorAction.MoveUp,
    (Qt.Key.Key_Tab, False): CursorAction.MoveNext,
    (Qt.Key.Key_Backtab, True): CursorAction.MovePrevious,
    (Qt.Key.Key_Backtab, False): CursorAction.MovePrevious,
}


def move_of(event: QKeyEvent) -> CursorAction | None:
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return _MOVES.get((Qt.Key(event.key()), shift))


class FitnessGridDelegate(QStyledItemDelegate):
    """Makes Enter and Tab in the editor save, close and move (see the view's docstring).

    No Python ``paint()``: a grid repaints hundreds of cells at a time, and Python painting is
    both slower and, with PySide6 6.12 on CPython 3.11, a reference leak per QPainter call.
    """

    navigate = Signal(object)  # the CursorAction to take once the value was committed

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            move = move_of(event)
            if move is not None and isinstance(editor, QWidget):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.navigate.emit(move)
                return True
        elif kind not in _EDITOR_EVENTS:
            return False  # the base filter only acts on these; no call into Qt for the rest
        return super().eventFilter(editor, event)


class FitnessGridView(QTableView):
    mark_absent_requested = Signal(int)  # row
    mark_exempt_requested = Signal(int)
    clear_marks_requested = Signal(int)
    retest_requested = Signal(int)

    def __init__(self, model: FitnessGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = model
        self.setModel(model)
        self.delegate = FitnessGridDelegate(self)
        self.delegate.navigate.connect(self._editor_moved)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu_requested)
        # Fixed row heights: nothing is measured per row, so opening a class never waits on it.
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        model.modelReset.connect(self._size_columns)
        self.menu: QMenu | None = None

    def _size_columns(self) -> None:
        digit = self.fontMetrics().horizontalAdvance("0")
        header = self.horizontalHeader().fontMetrics()
        for i, col in enumerate(self.grid.columns):
            title = max(header.horizontalAdvance(line) for line in col.title.split("\n"))
            self.setColumnWidth(i, max(col.chars * digit, title) + 18)
        self.horizontalHeader().setStretchLastSection(True)

    # -- moving -------------------------------------------------------------------------------

    def moveCursor(self, cursorAction: CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab and Shift+Tab go to the next/previous editable cell in reading order."""
        if cursorAction not in (CursorAction.MoveNext, CursorAction.MovePrevious):
            return super().moveCursor(cursorAction, modifiers)
        current = self.currentIndex()
        if not current.isValid():
            return super().moveCursor(cursorAction, modifiers)
        columns = self.grid.columnCount()
        step = 1 if cursorAction == CursorAction.MoveNext else -1
        cell = current.row() * columns + current.column() + step
        while 0 <= cell < self.grid.rowCount() * columns:
            r, c = divmod(cell, columns)
            if self.grid.editable(r, c):
                return self.grid.index(r, c)
            cell += step
        return current

    def first_editable(self, row: int) -> QModelIndex:
        """The row's first cell that takes a value (its first cell if none does)."""
        for c in range(self.grid.columnCount()):
            if self.grid.editable(row, c):
                return self.grid.index(row, c)
        return self.grid.index(row, 0)

    def step(self, action: CursorAction) -> None:
        index = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if index.isValid():
            self.setCurrentIndex(index)

    def _editor_moved(self, action: CursorAction) -> None:
        if not self.grid.last_refused:  # a red cell keeps the cursor, to be typed again
            self.step(action)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.grid.undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            self.grid.undo_stack.redo()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.grid.clear_cells(self.selectedIndexes() or [self.currentIndex()])
        elif (move := move_of(event)) is not None and self.state() != self.State.EditingState:
            self.step(move)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- clipboard ----------------------------------------------------------------------------

    def paste(self) -> None:
        current = self.currentIndex()
        text = QGuiApplication.clipboard().text()
        if not current.isValid() or not text:
            return
        block = parse_clipboard(text)
        self.grid.paste_block(current.row(), current.column(), block)

    def copy(self) -> None:
        """The selected cells as Excel reads them: tab between cells, newline between rows."""
        indexes = self.selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = [
            "\t".join(self.grid.display_text(r, c) if (r, c) in chosen else "" for c in columns)
            for r in rows
        ]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    # -- the context menu ---------------------------------------------------------------------

    def row_menu(self, row: int) -> QMenu:
        """The actions for one student's row (built per click: the menu is small)."""
        menu = QMenu(self)
        for text, signal in (
            (self.tr("Mark absent (缺考)"), self.mark_absent_requested),
            (self.tr("Mark exempt (免测)…"), self.mark_exempt_requested),
            (self.tr("Clear the marks"), self.clear_marks_requested),
            (self.tr("Enter the retest (补测)"), self.retest_requested),
        ):
            action = menu.addAction(text)
            action.triggered.connect(partial(signal.emit, row))
        return menu

    def _context_menu_requested(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.row_menu(index.row())
        self.menu.popup(self.viewport().mapToGlobal(pos))
