"""Undo and redo of the class grid's cell edits (one typed value, a Delete, a paste).

A command holds the cells it changed with their values before and after; undoing writes the
previous values back through the service (so the database, not only the screen, goes back) and
marks again the items that were 缺测 before. The first ``redo`` is the edit itself: QUndoStack
calls it on ``push``, and a command that saved nothing makes itself obsolete so that the stack
drops it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from ui.models.fitness_grid_model import FitnessGridModel

Change = tuple[str, str, float | None]  # student uuid, item key, new value (None clears)
Previous = tuple[str, str, float | None, bool]  # student uuid, item key, old value, was absent


class CellsCommand(QUndoCommand):
    def __init__(
        self,
        model: FitnessGridModel,
        changes: Sequence[Change],
        previous: Sequence[Previous],
        text: str,
    ) -> None:
        super().__init__(text)
        self._model = model
        self._changes = list(changes)
        self._previous = list(previous)
        self.saved = 0  # cells the last redo/undo wrote

    def redo(self) -> None:
        self.saved = self._model.apply_changes(self._changes)
        if self.saved == 0:
            self.setObsolete(True)

    def undo(self) -> None:
        changes = [(uuid, key, old) for uuid, key, old, _absent in self._previous]
        absent = [(uuid, key) for uuid, key, _old, was_absent in self._previous if was_absent]
        self.saved = self._model.apply_changes(changes, mark_absent=absent)
        if self.saved == 0:
            self.setObsolete(True)  # the student is gone, say: nothing left to undo or redo
