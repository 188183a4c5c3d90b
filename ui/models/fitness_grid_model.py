"""The 体质健康 class grid: one row per student, one column per item of the class's grade.

Every cell is checked as it is typed: ``setData`` parses the text (run times as ``3'45``,
``3′45″``, ``3:45`` or seconds) and checks the national import range; a refused value is not
saved, its cell turns red with the reason in its tooltip and ``message`` carries the reason to
the status bar. A valid value is saved at once through ``FitnessStore`` (autosave) and the row is
rescored from the result the service returns, so item scores, total and level follow live.
Cells of items the student's sex is not tested on are disabled. Every saved edit is a command on
``undo_stack``.

``data()`` only indexes strings rendered once per change (``fitness_rows.render_row``): painting
60 rows × 20 columns never formats a number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QUndoStack

from app.errors import ValidationError
from app.scoring.fitness_ranges import item_label
from app.scoring.fitness_score import LevelSummary, summarize_levels
from app.services.fitness_records import FitnessSheet
from app.services.fitness_values import INPUT_KEYS, parse_item_value
from ui.models.fitness_columns import Column, Kind, format_value, grid_columns, level_labels
from ui.models.fitness_paste import PasteReport, paste_message, plan_paste
from ui.models.fitness_rows import GridRow, RowTexts, render_row
from ui.models.fitness_store import FitnessStore
from ui.models.fitness_undo import CellsCommand, Change, Previous

ModelIndex = QModelIndex | QPersistentModelIndex
SCORE_ROLE: Final = Qt.ItemDataRole.UserRole + 20  # an item's (or BMI's) score, an int
_EDITABLE: Final = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
)
_READ_ONLY: Final = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_REFUSED_BACK: Final = QColor("#ffcdd2")
_REFUSED_TEXT: Final = QColor("#b71c1c")
_NOT_TESTED_BACK: Final = QColor("#e6e6e6")
_MUTED: Final = QColor("#8a8a8a")
_WEAK: Final = QColor("#e65100")  # a value scoring below 60 (不及格 for the item)
_PASS_SCORE: Final = 60
_FAIL: Final = "不及格"


class FitnessGridModel(QAbstractTableModel):
    message = Signal(str)  # why a value was refused, or "" once a value is saved
    summary_changed = Signal()

    def __init__(self, store: FitnessStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.sheet: FitnessSheet | None = None
        self.columns: tuple[Column, ...] = grid_columns((), ())
        self.rows: list[GridRow] = []
        self.last_refused = False  # whether the last setData was refused (the view stays put)
        self._row_of: dict[str, int] = {}
        self._display: list[list[str]] = []
        self._scores: list[list[int | None]] = []
        self._errors: dict[tuple[str, str], tuple[str, str]] = {}  # (uuid, key) → text, reason
        self._texts = RowTexts()
        self._levels = level_labels()
        self._item_names = {k: item_label(k) for k in INPUT_KEYS}
        self._level_column = -1

    # -- loading ------------------------------------------------------------------------------

    def load(self, sheet: FitnessSheet, *, same_sheet: bool = False) -> None:
        """Show ``sheet``. ``same_sheet``: a re-read of the sheet on screen, which keeps the red
        cells and the undo history (and, with the same students, the current cell)."""
        attempt = self.store.attempt
        rows = [GridRow.from_sheet(r, attempt) for r in sheet.rows]
        grades = [sheet.grade_code, *(r.grade_code for r in sheet.rows)]
        columns = grid_columns(sheet.columns, grades)
        same_layout = (
            same_sheet
            and [r.uuid for r in rows] == [r.uuid for r in self.rows]
            and [c.key for c in columns] == [c.key for c in self.columns]
        )
        if not same_sheet:
            self.undo_stack.clear()
            self._errors.clear()
        if not same_layout:
            self.beginResetModel()
        self.sheet, self.rows, self.columns = sheet, rows, columns
        self._row_of = {r.uuid: i for i, r in enumerate(rows)}
        self._level_column = self.column_of("level")
        self._display, self._scores = [], []
        for i in range(len(rows)):
            display, scores = self._render(i)
            self._display.append(display)
            self._scores.append(scores)
        if same_layout:
            if rows:
                last = self.index(len(rows) - 1, len(columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.endResetModel()
        self.summary_changed.emit()

    def clear(self) -> None:
        self.beginResetModel()
        self.sheet, self.rows, self._display, self._scores, self._row_of = None, [], [], [], {}
        self.undo_stack.clear()
        self._errors.clear()
        self.endResetModel()
        self.summary_changed.emit()

    def _render(self, r: int) -> tuple[list[str], list[int | None]]:
        return render_row(
            self.rows[r],
            self.store.attempt,
            self.columns,
            self._errors,
            self._texts,
            self._levels,
            self._item_names,
        )

    def _rows_changed(self, rows: Iterable[int]) -> None:
        last = len(self.columns) - 1
        for r in sorted(set(rows)):
            self._display[r], self._scores[r] = self._render(r)
            self.dataChanged.emit(self.index(r, 0), self.index(r, last))

    # -- lookups ------------------------------------------------------------------------------

    def column_of(self, key: str) -> int:
        for i, col in enumerate(self.columns):
            if col.key == key:
                return i
        return -1

    def row_of(self, uuid: str) -> int:
        return self._row_of.get(uuid, -1)

    def item_key(self, column: int) -> str | None:
        col = self.columns[column]
        return col.key if col.kind is Kind.ITEM else None

    def error_at(self, row: int, column: int) -> str | None:
        error = self._errors.get((self.rows[row].uuid, self.columns[column].key))
        return None if error is None else error[1]

    def summary(self) -> LevelSummary:
        """FitnessSheet.summary() of what is on screen now (exempt and incomplete kept apart)."""
        return summarize_levels(r for row in self.rows if (r := row.year_result()) is not None)

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        col = self.columns[index.column()]
        if col.kind is not Kind.ITEM:
            return _READ_ONLY
        row = self.rows[index.row()]
        if col.key not in row.tested:
            return Qt.ItemFlag.NoItemFlags
        return _EDITABLE if row.editable(self.store.attempt) else _READ_ONLY

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[r][c]
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(r, c)
        if role == SCORE_ROLE:
            return self._scores[r][c]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(r, c)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(r, c)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, c)
        return None

    def _edit_text(self, r: int, c: int) -> str:
        """What the editor starts with: the refused text, else the value ("" for 缺测)."""
        row, key = self.rows[r], self.columns[c].key
        if self.columns[c].kind is not Kind.ITEM:
            return self._display[r][c]
        error = self._errors.get((row.uuid, key))
        return error[0] if error is not None else format_value(key, row.values.get(key))

    def _background(self, r: int, c: int) -> QColor | None:
        col = self.columns[c]
        if col.kind is not Kind.ITEM:
            return None
        row = self.rows[r]
        if (row.uuid, col.key) in self._errors:
            return _REFUSED_BACK
        return None if col.key in row.tested else _NOT_TESTED_BACK

    def _foreground(self, r: int, c: int) -> QColor | None:
        row, col = self.rows[r], self.columns[c]
        if col.kind is Kind.ITEM:
            if (row.uuid, col.key) in self._errors:
                return _REFUSED_TEXT
            if row.values.get(col.key) is None and col.key in row.absent:
                return _MUTED
            score = self._scores[r][c]
            if score is not None and score < _PASS_SCORE:
                return _WEAK
        if not row.editable(self.store.attempt):
            return _MUTED
        if c == self._level_column:
            result = row.result(self.store.attempt)
            return _REFUSED_TEXT if result is not None and result.level == _FAIL else None
        return None

    def _tooltip(self, r: int, c: int) -> str | None:
        row, col = self.rows[r], self.columns[c]
        if col.kind is Kind.COMPUTED:
            shown, score = self._display[r][c], self._scores[r][c]
            if col.key == "bmi" and score is not None:
                return self._texts.score.format(score=score)
            return shown if col.key == "status" and shown else None
        if col.kind is not Kind.ITEM or col.key not in row.tested:
            return None
        error = self._errors.get((row.uuid, col.key))
        if error is not None:
            text = self.tr("Not saved: {reason}").format(reason=error[1])
            value = row.values.get(col.key)
            if value is not None:  # what the database still holds, and the grid's totals use
                text += "\n" + self._texts.saved_value.format(value=format_value(col.key, value))
            return text
        result = row.result(self.store.attempt)
        if result is None or col.key not in result.keys:
            return None
        item = result.item(col.key)
        if item.score is None:
            return None
        text = self._texts.score.format(score=item.score)
        if item.bonus:
            text += self._texts.separator + self._texts.bonus.format(bonus=item.bonus)
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].tooltip
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Check and save one typed value (see the module docstring)."""
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        r, c = index.row(), index.column()
        row, key = self.rows[r], self.columns[c].key
        text = "" if value is None else str(value).strip()
        error = self._errors.get((row.uuid, key))
        if error is None and text == self._edit_text(r, c):
            self.last_refused = False  # the editor was opened and closed without a change
            return True
        try:
            parsed = parse_item_value(key, text)
        except ValidationError as exc:
            self.refuse([(r, key, text, str(exc))])
            return False
        if error is not None and parsed == row.values.get(key):
            self._errors.pop((row.uuid, key))  # typed back to what is stored: nothing to save
            self._rows_changed([r])
            self.last_refused = False
            return True
        label = self._item_names[key]
        return (
            self.change_cells([(row.uuid, key, parsed)], self.tr("Edit {item}").format(item=label))
            > 0
        )

    # -- writes -------------------------------------------------------------------------------

    def refuse(self, cells: Sequence[tuple[int, str, str, str]]) -> None:
        """Show typed values that were not saved: red, with the reason (row, key, text, reason)."""
        for r, key, text, reason in cells:
            self._errors[(self.rows[r].uuid, key)] = (text, reason)
        self._rows_changed(r for r, *_ in cells)
        self.last_refused = True
        if cells:
            self.message.emit(cells[0][3])

    def change_cells(self, changes: Sequence[Change], text: str) -> int:
        """Save checked values as one undoable step; returns the cells saved."""
        previous: list[Previous] = []
        for uuid, key, _value in changes:
            row = self.rows[self._row_of[uuid]]
            previous.append((uuid, key, row.values.get(key), key in row.absent))
        command = CellsCommand(self, changes, previous, text)
        self.undo_stack.push(command)  # runs command.redo(), i.e. apply_changes
        return command.saved

    def clear_cells(self, indexes: Iterable[QModelIndex]) -> int:
        """Delete: empty the editable item cells (red cells just lose their refused text)."""
        changes: list[Change] = []
        dropped: list[int] = []
        for index in indexes:
            if not self.editable(index.row(), index.column()):
                continue
            row, key = self.rows[index.row()], self.columns[index.column()].key
            if self._errors.pop((row.uuid, key), None) is not None:
                dropped.append(index.row())
            if row.values.get(key) is not None:
                changes.append((row.uuid, key, None))
        self._rows_changed(dropped)
        if not changes:
            return 0
        return self.change_cells(changes, self.tr("Delete"))

    def apply_changes(
        self, changes: Sequence[Change], *, mark_absent: Sequence[tuple[str, str]] = ()
    ) -> int:
        """Write values (from an edit, an undo or a redo) and rescore the rows; returns the cells
        saved. Used by the undo commands; a student the service refuses is shown red."""
        by_student: dict[str, dict[str, float | None]] = {}
        for uuid, key, value in changes:
            if uuid in self._row_of:
                by_student.setdefault(uuid, {})[key] = value
        outcome = self.store.save_rows(list(by_student.items()))
        attempt, touched, saved = self.store.attempt, [], 0
        day = self.store.test_date.isoformat() if self.store.test_date else None
        for uuid, result in outcome.results.items():
            r = self._row_of[uuid]
            self.rows[r].saved(attempt, by_student[uuid], result, day)
            for key in by_student[uuid]:
                self._errors.pop((uuid, key), None)
            touched.append(r)
            saved += len(by_student[uuid])
        for uuid, reason in outcome.errors.items():
            for key, value in by_student[uuid].items():
                self._errors[(uuid, key)] = (format_value(key, value), reason)
            touched.append(self._row_of[uuid])
        for uuid, key in mark_absent:
            if uuid in outcome.results:
                row = self.rows[self._row_of[uuid]]
                row.saved(attempt, {}, self.store.set_absent(uuid, [key], absent=True), None)
                row.absent.add(key)
        self._rows_changed(touched)
        self.last_refused = bool(outcome.errors)
        self.message.emit(next(iter(outcome.errors.values()), ""))
        self.summary_changed.emit()
        return saved

    def paste_block(self, top: int, left: int, block: Sequence[Sequence[str]]) -> PasteReport:
        """A block copied from Excel with its top-left cell at (top, left); see ``plan_paste``.
        Every valid value is saved in one transaction and one undo step; invalid ones turn red."""
        plan = plan_paste(self, top, left, block)
        saved = self.change_cells(plan.changes, self.tr("Paste")) if plan.changes else 0
        if plan.refused:
            self.refuse(plan.refused)
        report = PasteReport(saved, len(plan.refused), plan.skipped, plan.wrong_student)
        self.message.emit(paste_message(report, plan.refused[0][3] if plan.refused else ""))
        return report

    def editable(self, r: int, c: int) -> bool:
        return bool(self.flags(self.index(r, c)) & Qt.ItemFlag.ItemIsEditable)

    def display_text(self, r: int, c: int) -> str:
        return self._display[r][c]

    def has_error(self, uuid: str, key: str) -> bool:
        return (uuid, key) in self._errors
