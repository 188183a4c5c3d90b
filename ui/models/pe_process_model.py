"""The 体育过程评价 grid of a class for a term: one row per student on roll, the term's entries
typed in place, and the process score and the comprehensive PE result computed as they are typed.

Entries are drafts until the class is saved (``dirty_rows`` → ``save_class_process_records``, one
transaction): a typed value is checked at once (``process_values``, the rule the service applies)
and refused in its cell with a message when it is not a value at all (150 %, "abc"); rules
between fields (a skill level without its sport) mark the cell red until corrected. Changed
cells are tinted until saved. The scores shown for a draft come from the core's ``process_score``
and ``comprehensive`` with the school's settings, so they are the ones the save will give.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.arts.models import Award
from app.models import RecordMeta
from app.pe.config import PEConfig
from app.pe.entry import ProcessInput, process_values
from app.pe.models import PROCESS_FIELDS, ProcessRecord
from app.pe.scoring import Comprehensive, ProcessScore, comprehensive, process_score
from ui.models.pe_columns import (
    CHECK,
    EDIT,
    NUMBER_KEYS,
    PEColumn,
    cell_text,
    pe_columns,
    score_tooltip,
)
from ui.widgets.choice_delegate import CHOICES_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex
CHANGED = QColor("#fff8e1")
INVALID = QColor("#ffcdd2")
INCOMPLETE = QColor("#f5f5f5")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def input_of(record: ProcessRecord | None) -> ProcessInput:
    """A stored record as the grid edits it (nothing stored: every entry empty)."""
    if record is None:
        return ProcessInput()
    return ProcessInput(**{k: getattr(record, k) for k in PROCESS_FIELDS})


@dataclass
class PERow:
    student_uuid: str
    student_no: str
    name: str
    term: str
    awards: tuple[Award, ...]
    fitness_total: float | None  # the term's 学年总分 (decisive attempt), None if incomplete
    fitness_exempt: bool
    saved: ProcessInput
    has_record: bool
    score: ProcessScore
    result: Comprehensive
    draft: ProcessInput = field(init=False)
    errors: dict[str, str] = field(default_factory=dict)  # field → why it cannot be saved

    def __post_init__(self) -> None:
        self.draft = self.saved

    @property
    def dirty(self) -> bool:
        return bool(self.draft != self.saved)

    def changed(self, key: str) -> bool:
        return bool(getattr(self.draft, key) != getattr(self.saved, key))

    def recompute(self, cfg: PEConfig) -> None:
        """The draft's problems, process score and comprehensive result."""
        values, self.errors = process_values(cfg, self.draft)
        record = None
        if self.has_record or self.dirty:
            content = {k: values[k] for k in PROCESS_FIELDS}
            content["after_school_parent_confirmed"] = bool(
                content["after_school_parent_confirmed"]
            )
            record = ProcessRecord(self.student_uuid, self.term, meta=RecordMeta(""), **content)
        self.score = process_score(cfg, record, self.awards)
        self.result = comprehensive(
            cfg, self.fitness_total, self.score.score, exempt=self.fitness_exempt
        )


class PEProcessModel(QAbstractTableModel):
    message = Signal(str)  # why a value was refused; "" after an accepted one
    dirty_changed = Signal(int)  # students with unsaved entries

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PERow] = []
        self.cfg = PEConfig()
        self.columns: tuple[PEColumn, ...] = pe_columns(self.cfg)
        self._batch: list[str] | None = None  # messages gathered during ``batch()``

    def load(self, rows: list[PERow], cfg: PEConfig) -> None:
        self.beginResetModel()
        self.cfg = cfg
        self.columns = pe_columns(cfg)
        self.rows = rows
        self.endResetModel()
        self.dirty_changed.emit(0)

    def clear(self) -> None:
        self.load([], self.cfg)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def dirty_rows(self) -> list[PERow]:
        return [r for r in self.rows if r.dirty]

    def discard(self) -> None:
        """Every draft back to what is stored."""
        self.beginResetModel()
        for row in self.rows:
            row.draft = row.saved
            row.recompute(self.cfg)
        self.endResetModel()
        self.dirty_changed.emit(0)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """A pasted block: its refusals are reported together at the end, not overwritten by
        the values accepted after them."""
        self._batch = []
        try:
            yield
        finally:
            found, self._batch = self._batch, None
            more = f" (+{len(found) - 3})" if len(found) > 3 else ""
            self.message.emit("; ".join(found[:3]) + more)

    def _say(self, text: str) -> None:
        if self._batch is None:
            self.message.emit(text)
        elif text:
            self._batch.append(text)

    def refresh(self) -> None:
        """Repaint every row (drafts were put back after a save) and report the unsaved."""
        if self.rows:
            last = self.index(len(self.rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.dirty_changed.emit(len(self.dirty_rows()))

    # -- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.columns[index.column()].kind
        if kind == EDIT:
            return base | Qt.ItemFlag.ItemIsEditable
        if kind == CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        key = column.key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cell_text(row, key)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == CHECK:
            checked = bool(getattr(row.draft, key))
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == CHOICES_ROLE and key == "skill_level":
            return [("—", ""), *((name, name) for name, _points in self.cfg.skill_levels)]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in row.errors:
                return row.errors[key]
            return score_tooltip(self.cfg, row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return _RIGHT
        return None

    def _background(self, row: PERow, column: PEColumn) -> QColor | None:
        if column.key in row.errors:
            return INVALID
        if column.kind in (EDIT, CHECK) and row.changed(column.key):
            return CHANGED
        if column.key == "process_score" and row.score.score is None:
            return INCOMPLETE
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

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        r = index.row()
        column = self.columns[index.column()]
        if column.kind == CHECK and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._set(r, column.key, checked)
        if column.kind != EDIT or role != Qt.ItemDataRole.EditRole:
            return False
        text = "" if value is None else str(value).strip()
        row = self.rows[r]
        empty = None if column.key in NUMBER_KEYS else ""
        trial = replace(row.draft, **{column.key: text or empty})
        values, errors = process_values(self.cfg, trial)
        if column.key in errors:  # not a value at all: refused, the cell keeps the old one
            self._say(f"{row.name}: {errors[column.key]}")
            return False
        # As the record will store it (95% → 95, trimmed text, no club → None).
        return self._set(r, column.key, values[column.key])

    def _set(self, r: int, key: str, value: object) -> bool:
        row = self.rows[r]
        before = len(self.dirty_rows())
        row.draft = replace(row.draft, **{key: value})
        row.recompute(self.cfg)
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))
        self._say(row.errors.get(key, "") and f"{row.name}: {row.errors[key]}")
        after = len(self.dirty_rows())
        if after != before:
            self.dirty_changed.emit(after)
        return True
