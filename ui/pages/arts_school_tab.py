"""美育 → 学校: the school's 一校一品 programme, clubs and interest groups with their members in the
school year, and the annual 艺术教育工作自评 (pre-filled from the records, completed and saved)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.arts.models import Programme
from app.errors import UserError
from app.services.arts_settings import load_arts_config
from app.services.school_arts import (
    SelfEvaluationInvalid,
    add_class_members,
    delete_programme,
    get_self_evaluation,
    list_programmes,
    members,
    prefill_self_evaluation,
    save_self_evaluation,
    set_members,
)
from ui.errors import show_user_error
from ui.icons import icon
from ui.models.arts_activity_model import ArtsProgrammeModel
from ui.models.record_table_model import RecordFilterProxy
from ui.pages.arts_tab_base import ArtsTab
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table, select_record_rows, selected_records
from ui.widgets.self_evaluation_form import SelfEvaluationForm

if TYPE_CHECKING:
    from ui.pages.arts_page import ArtsPage


class ArtsSchoolTab(ArtsTab):
    def __init__(self, page: ArtsPage) -> None:
        super().__init__(page)
        self.model = ArtsProgrammeModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.inner_tabs = QTabWidget()
        self.inner_tabs.addTab(self._build_programmes(), self.tr("Programmes and clubs"))
        self.inner_tabs.addTab(self._build_self_evaluation(), self.tr("Annual self-evaluation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inner_tabs)
        self._update_actions()

    def _build_programmes(self) -> QWidget:
        self.new_action = self.add_action(self.tr("New programme"), self.new_programme, icon("add"))
        self.edit_action = self.add_action(self.tr("Edit"), self.edit_programme, icon("edit"))
        self.delete_action = self.add_action(
            self.tr("Delete"), self.delete_programme, self.trash_icon()
        )
        self.toolbar.addSeparator()
        self.members_action = self.add_action(self.tr("Members…"), self.choose_members)
        self.add_class_action = self.add_action(self.tr("Add the class"), self.add_class)
        self.table = record_table(self.proxy, widths=(16, 6, 16, 10, 10))
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        hint = EmptyHint()
        self.first_new_button = hint.add_button(
            self.tr("New programme"), self.new_programme, icon("add")
        )
        self.stack = HintStack(self.table, hint)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)
        return box

    def _build_self_evaluation(self) -> QWidget:
        self.form = SelfEvaluationForm(load_arts_config(self.page.ws.db))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.prefill_button = QPushButton(self.tr("Fill in from the records"))
        self.prefill_button.setToolTip(
            self.tr("Clubs, their projects, arts festivals and the share of students taking part.")
        )
        self.prefill_button.clicked.connect(self.prefill)
        self.save_button = QPushButton(self.tr("Save the self-evaluation"))
        self.save_button.clicked.connect(self.save_self_evaluation)
        self.total = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.prefill_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.total, 1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        return box

    # -- loading ------------------------------------------------------------------------------

    def reload(self, *, select_uuid: str | None = None) -> None:
        rows = list_programmes(self.page.ws.db, self.page.school_year)
        self.model.set_rows(rows)
        if rows:
            self.stack.show_content()
        else:
            self.stack.show_hint(
                self.tr(
                    "No programmes or clubs yet. Record the school's 一校一品 programme and its "
                    "clubs and interest groups, then their members for the school year {year}."
                ).format(year=self.page.school_year)
            )
        if select_uuid:
            select_record_rows(self.table, lambda p: p.meta.uuid == select_uuid)
        self._update_actions()
        self.reload_self_evaluation()

    def reload_self_evaluation(self) -> None:
        stored = get_self_evaluation(self.page.ws.db, self.page.school_year)
        self.form.set_values(stored.sections if stored else {})
        self.form.show_errors({})
        self._show_total(stored.total_score if stored else None, saved=stored is not None)

    def _show_total(self, total: int | None, *, saved: bool) -> None:
        if not saved:
            text = self.tr("{year}: not saved yet.")
        elif total is None:
            text = self.tr("{year}: saved; the total appears once every section has a score.")
        else:
            text = self.tr("{year}: saved, total {total} points.")
        self.total.setText(text.format(year=self.page.school_year, total=total))

    # -- programmes ---------------------------------------------------------------------------

    def selected(self) -> list[Programme]:
        return selected_records(self.table)

    def _update_actions(self, *_args: object) -> None:
        one = len(self.selected()) == 1
        for act in (self.edit_action, self.delete_action, self.members_action):
            act.setEnabled(one)
        self.add_class_action.setEnabled(one and self.page.class_uuid is not None)

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.edit_programme()

    def new_programme(self) -> None:
        self._open(None)

    def edit_programme(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self._open(chosen[0])

    def _open(self, programme: Programme | None) -> None:
        from ui.dialogs.programme_dialog import ProgrammeDialog

        dialog = ProgrammeDialog(self.page.ws, programme=programme, parent=self)
        self.open_dialog(dialog, dialog.programme_saved, self._saved)

    def _saved(self, uuid: str) -> None:
        self.reload(select_uuid=uuid)

    def delete_programme(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1 or not self.ask_confirm(
            self.tr("Delete programme"),
            self.tr("Delete “{name}” and its member lists of every school year?").format(
                name=chosen[0].name
            ),
        ):
            return
        try:
            delete_programme(self.page.ws.db, chosen[0].meta.uuid, actor=self.page.ws.actor)
        except UserError as exc:
            show_user_error(self, exc)
        self.reload()

    def pick_students(self, chosen: list[str]) -> list[str] | None:
        """The student picker (an edge: tests replace it)."""
        from ui.dialogs.student_picker_dialog import StudentPickerDialog

        students = [r for r in self.page.students.values() if r.student.status.is_on_roll]
        dialog = StudentPickerDialog(students, chosen=chosen, parent=self)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def choose_members(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        uuid, year = chosen[0].meta.uuid, self.page.school_year
        picked = self.pick_students(members(self.page.ws.db, uuid, year))
        if picked is None:
            return
        try:
            set_members(self.page.ws.db, uuid, year, picked, actor=self.page.ws.actor)
        except UserError as exc:
            show_user_error(self, exc)
        self.reload(select_uuid=uuid)

    def add_class(self) -> None:
        chosen = self.selected()
        class_uuid = self.page.class_uuid
        if len(chosen) != 1 or class_uuid is None:
            return
        uuid = chosen[0].meta.uuid
        try:
            add_class_members(
                self.page.ws.db, uuid, self.page.school_year, class_uuid, actor=self.page.ws.actor
            )
        except UserError as exc:
            show_user_error(self, exc)
        self.reload(select_uuid=uuid)

    # -- the self-evaluation ------------------------------------------------------------------

    def prefill(self) -> None:
        try:
            values = prefill_self_evaluation(self.page.ws.db, self.page.school_year)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.form.set_values(values, only_given=True)

    def save_self_evaluation(self) -> None:
        try:
            saved = save_self_evaluation(
                self.page.ws.db, self.page.school_year, self.form.values(), actor=self.page.ws.actor
            )
        except SelfEvaluationInvalid as exc:
            self.form.show_errors(exc.errors)
            return
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.form.set_values(saved.sections)
        self.form.show_errors({})
        self._show_total(saved.total_score, saved=True)
