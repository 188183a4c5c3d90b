"""美育 → 特长: the arts specialties of the students in the tree's scope for the school year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.arts.models import Specialty
from app.errors import UserError
from app.services.arts_records import delete_specialty, list_specialties
from ui.errors import show_user_error
from ui.icons import icon
from ui.models.arts_specialty_model import ArtsSpecialtyModel, SpecialtyRow
from ui.models.record_table_model import RecordFilterProxy
from ui.pages.arts_tab_base import ArtsTab
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table, select_record_rows, selected_records

if TYPE_CHECKING:
    from ui.pages.arts_page import ArtsPage


class ArtsSpecialtiesTab(ArtsTab):
    def __init__(self, page: ArtsPage) -> None:
        super().__init__(page)
        self.model = ArtsSpecialtyModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.new_action = self.add_action(self.tr("New specialty"), self.new_specialty, icon("add"))
        self.edit_action = self.add_action(self.tr("Edit"), self.edit_specialty, icon("edit"))
        self.delete_action = self.add_action(
            self.tr("Delete"), self.delete_specialty, self.trash_icon()
        )
        self.table = record_table(self.proxy, widths=(21, 6, 10, 12, 8, 12, 16))
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        note = QLabel(
            self.tr(
                "A specialty trained outside school counts as outside learning (校外学习); only "
                "in-school training and school clubs count toward the arts specialty score."
            )
        )
        note.setWordWrap(True)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.table, 1)
        inner.addWidget(note)
        hint = EmptyHint()
        self.first_new_button = hint.add_button(
            self.tr("New specialty"), self.new_specialty, icon("add")
        )
        self.stack = HintStack(content, hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)
        self._update_actions()

    def reload(self, *, select_uuid: str | None = None) -> None:
        students = self.page.students
        rows = [
            SpecialtyRow(
                s,
                students[s.student_uuid].student.student_no,
                students[s.student_uuid].student.name,
                students[s.student_uuid].class_name,
            )
            for s in list_specialties(self.page.ws.db, school_year=self.page.school_year)
            if s.student_uuid in students and self.page.in_scope(s.student_uuid)
        ]
        self.model.set_rows(rows)
        if rows:
            self.stack.show_content()
        else:
            self.stack.show_hint(
                self.tr(
                    "No arts specialties recorded for the school year {year} here yet. Record a "
                    "student's specialty: what it is and how it is trained."
                ).format(year=self.page.school_year)
            )
        if select_uuid:
            select_record_rows(self.table, lambda r: r.specialty.meta.uuid == select_uuid)
        self._update_actions()

    def selected(self) -> list[SpecialtyRow]:
        return selected_records(self.table)

    def _update_actions(self, *_args: object) -> None:
        one = len(self.selected()) == 1
        self.edit_action.setEnabled(one)
        self.delete_action.setEnabled(one)

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.edit_specialty()

    def new_specialty(self) -> None:
        self._open(None)

    def edit_specialty(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self._open(chosen[0].specialty)

    def _open(self, specialty: Specialty | None) -> None:
        from ui.dialogs.specialty_dialog import SpecialtyDialog

        students = self.page.scope_students()
        if specialty is not None and specialty.student_uuid in self.page.students:
            students = [self.page.students[specialty.student_uuid]]
        dialog = SpecialtyDialog(
            self.page.ws, students, self.page.school_year, specialty=specialty, parent=self
        )
        self.open_dialog(dialog, dialog.specialty_saved, self._saved)

    def _saved(self, uuid: str) -> None:
        self.reload(select_uuid=uuid)

    def delete_specialty(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        row = chosen[0]
        if not self.ask_confirm(
            self.tr("Delete specialty"),
            self.tr("Delete {name}'s specialty {category}?").format(
                name=row.name, category=row.specialty.category
            ),
        ):
            return
        try:
            delete_specialty(self.page.ws.db, row.specialty.meta.uuid, actor=self.page.ws.actor)
        except UserError as exc:
            show_user_error(self, exc)
        self.reload()
