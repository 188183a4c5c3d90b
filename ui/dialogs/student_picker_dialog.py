"""Choose students by ticking them: search by name or 学籍号, narrow to a class, tick a whole
class at once. Used for labor participants, activity participants, club members, award winners."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models import StudentRow
from ui.models.record_table_model import RecordFilterProxy
from ui.models.student_pick_model import StudentPickModel
from ui.widgets.record_view import record_table


class StudentPickerDialog(QDialog):
    def __init__(
        self,
        students: Sequence[StudentRow],
        *,
        chosen: Iterable[str] = (),
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Choose students"))
        self.model = StudentPickModel(self)
        self.model.set_students(students, chosen)
        self.proxy = RecordFilterProxy(self.model, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or student number"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.class_filter = QComboBox()
        self.class_filter.addItem(self.tr("All classes"), None)
        for uuid, name in dict.fromkeys((r.student.class_uuid, r.class_name) for r in students):
            self.class_filter.addItem(name, uuid)
        self.class_filter.currentIndexChanged.connect(self._filter)
        self.tick_all = QPushButton(self.tr("Tick all shown"))
        self.tick_all.clicked.connect(self._tick_shown)
        self.untick_all = QPushButton(self.tr("Untick all shown"))
        self.untick_all.clicked.connect(self._untick_shown)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(QLabel(self.tr("Class:")))
        filters.addWidget(self.class_filter)
        filters.addWidget(self.tick_all)
        filters.addWidget(self.untick_all)
        self.table = record_table(self.proxy, widths=(22, 8, 12))
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.count_label = QLabel()
        self.model.dataChanged.connect(self._count)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self._count()
        self.resize(640, 520)

    def _filter(self, *_args: object) -> None:
        text = self.search.text().strip().lower()
        class_uuid = self.class_filter.currentData()
        self.proxy.set_predicate(
            "text",
            None
            if not text
            else (lambda r: text in f"{r.student.name}\n{r.student.student_no}".lower()),
        )
        self.proxy.set_predicate(
            "class", None if class_uuid is None else (lambda r: r.student.class_uuid == class_uuid)
        )

    def _tick_shown(self) -> None:
        self._set_shown(True)

    def _untick_shown(self) -> None:
        self._set_shown(False)

    def _set_shown(self, chosen: bool) -> None:
        for row in self.proxy.records():
            self.model.set_chosen(row.student.meta.uuid, chosen)

    def _count(self, *_args: object) -> None:
        self.count_label.setText(
            self.tr("{count} students chosen").format(count=len(self.model.chosen))
        )

    def chosen(self) -> list[str]:
        """The ticked students' uuids, in list order."""
        return self.model.chosen_in_order()
