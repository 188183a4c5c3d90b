"""The class tree beside the roster: 全校 → grades → classes, with student counts.

A QStandardItemModel is enough here: a school has a few dozen classes, not thousands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.models import SchoolClass
from ui.labels import grade_labels

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 10
KEY_ROLE = Qt.ItemDataRole.UserRole + 11


@dataclass(frozen=True)
class Scope:
    """What a tree node selects: the whole school, a grade, or a class."""

    grade_code: int | None = None
    class_uuid: str | None = None

    @property
    def key(self) -> str:
        """A plain string for QAbstractItemModel.match (it cannot compare Python objects)."""
        if self.class_uuid is not None:
            return f"class:{self.class_uuid}"
        if self.grade_code is not None:
            return f"grade:{self.grade_code}"
        return "school"


class ClassTreeModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([QCoreApplication.translate("ClassTreeModel", "Classes")])

    def set_classes(
        self,
        classes: Iterable[SchoolClass],
        class_counts: Counter[str],
        grade_counts: Counter[int],
        total: int,
    ) -> None:
        """Rebuild the tree; counts are of the students the roster currently shows per node."""
        self.removeRows(0, self.rowCount())
        root = self._item(
            QCoreApplication.translate("ClassTreeModel", "Whole school"), total, Scope()
        )
        labels = grade_labels()
        grade_items: dict[int, QStandardItem] = {}
        for c in classes:
            grade_item = grade_items.get(c.grade_code)
            if grade_item is None:
                label = labels.get(c.grade_code, str(c.grade_code))
                grade_item = self._item(
                    label, grade_counts[c.grade_code], Scope(grade_code=c.grade_code)
                )
                grade_items[c.grade_code] = grade_item
                root.appendRow(grade_item)
            grade_item.appendRow(
                self._item(c.name, class_counts[c.meta.uuid], Scope(class_uuid=c.meta.uuid))
            )
        self.appendRow(root)

    @staticmethod
    def _item(label: str, count: int, scope: Scope) -> QStandardItem:
        item = QStandardItem(f"{label} ({count})")
        item.setEditable(False)
        item.setData(scope, SCOPE_ROLE)
        item.setData(scope.key, KEY_ROLE)
        return item

    def root_index(self) -> QModelIndex:
        return self.index(0, 0)

    def find(self, scope: Scope) -> QModelIndex:
        """The index of the node with this scope (to keep the selection across a reload)."""
        flags = Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly
        matches = self.match(self.root_index(), KEY_ROLE, scope.key, 1, flags)
        return matches[0] if matches else QModelIndex()
