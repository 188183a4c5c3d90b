"""美育 → 课程与活动: the course records of the chosen class for the term and subject (a grid
saved in one step), and the term's arts activities with their participants (a whole class is
added in one step)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.arts.constants import ArtsSubject
from app.arts.models import Activity
from app.errors import UserError
from app.services.arts_records import (
    ArtsRecordInvalid,
    add_class_to_activity,
    class_course_records,
    delete_activity,
    list_activities,
    participants,
    save_course_records,
    set_participants,
)
from app.services.school_arts import list_programmes
from ui.errors import show_user_error
from ui.icons import icon
from ui.models.arts_activity_model import ArtsActivityModel
from ui.models.arts_course_model import COL_NOTE, COL_PARTICIPATION, ArtsCourseModel, CourseRow
from ui.models.arts_labels import subject_labels
from ui.models.record_table_model import RecordFilterProxy
from ui.pages.arts_tab_base import ERROR_STYLE, ArtsTab
from ui.widgets.choice_delegate import ChoiceDelegate
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table, select_record_rows, selected_records

if TYPE_CHECKING:
    from ui.pages.arts_page import ArtsPage


class ArtsCoursesTab(ArtsTab):
    def __init__(self, page: ArtsPage) -> None:
        super().__init__(page)
        self.course_model = ArtsCourseModel(self)
        self.activity_model = ArtsActivityModel(self)
        self.activity_proxy = RecordFilterProxy(self.activity_model, self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_courses())
        splitter.addWidget(self._build_activities())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.course_model.message.connect(self._course_message)
        self._update_actions()

    def _build_courses(self) -> QWidget:
        self.subject = QComboBox()
        for subject, label in subject_labels().items():
            self.subject.addItem(label, subject.value)
        self.subject.currentIndexChanged.connect(self._subject_changed)
        self.teacher = QLineEdit()
        self.teacher.setPlaceholderText(self.tr("Teacher (optional)"))
        self.save_button = QPushButton(self.tr("Save course records"))
        self.save_button.clicked.connect(self.save_courses)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Course records —")))
        bar.addWidget(self.subject)
        bar.addWidget(self.teacher)
        bar.addWidget(self.save_button)
        bar.addStretch(1)
        self.course_table = QTableView()
        self.course_table.setModel(self.course_model)
        self.course_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.course_table.verticalHeader().setVisible(False)
        self.course_table.verticalHeader().setDefaultSectionSize(
            self.course_table.fontMetrics().height() + 8
        )
        self.course_table.setItemDelegateForColumn(COL_PARTICIPATION, ChoiceDelegate(self))
        self.course_table.horizontalHeader().setSectionResizeMode(
            COL_NOTE, QHeaderView.ResizeMode.Stretch
        )
        char = self.course_table.fontMetrics().horizontalAdvance("0")
        for column, chars in enumerate((21, 6, 8, 10, 7, 7)):
            self.course_table.setColumnWidth(column, chars * char + 16)
        self.course_message = QLabel()
        self.course_message.setWordWrap(True)
        self.course_message.setStyleSheet(ERROR_STYLE)
        grid = QWidget()
        grid_layout = QVBoxLayout(grid)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.course_table, 1)
        grid_layout.addWidget(self.course_message)
        hint = EmptyHint()
        self.first_class_button = hint.add_button(
            self.tr("Open the first class"), self.page.select_first_class
        )
        self.course_stack = HintStack(grid, hint)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.course_stack, 1)
        return box

    def _build_activities(self) -> QWidget:
        self.new_action = self.add_action(self.tr("New activity"), self.new_activity, icon("add"))
        self.edit_action = self.add_action(self.tr("Edit"), self.edit_activity, icon("edit"))
        self.delete_action = self.add_action(
            self.tr("Delete"), self.delete_activity, self.trash_icon()
        )
        self.toolbar.addSeparator()
        self.participants_action = self.add_action(
            self.tr("Participants…"), self.choose_participants
        )
        self.add_class_action = self.add_action(self.tr("Add the class"), self.add_class)
        self.activity_table = record_table(self.activity_proxy, widths=(8, 20, 10, 12, 6))
        self.activity_table.doubleClicked.connect(self._double_clicked)
        self.activity_table.selectionModel().selectionChanged.connect(self._update_actions)
        hint = EmptyHint()
        self.first_new_button = hint.add_button(
            self.tr("New activity"), self.new_activity, icon("add")
        )
        self.activity_stack = HintStack(self.activity_table, hint)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Arts activities of the term:")))
        layout.addWidget(self.toolbar)
        layout.addWidget(self.activity_stack, 1)
        return box

    # -- loading ------------------------------------------------------------------------------

    def reload(self, *, select_uuid: str | None = None) -> None:
        self.reload_courses()
        self.reload_activities(select_uuid=select_uuid)

    def reload_courses(self) -> None:
        self.course_message.setText("")
        class_uuid = self.page.class_uuid
        if class_uuid is None:
            self.course_model.set_rows([])
            self.course_stack.show_hint(
                self.tr(
                    "Choose a class in the tree on the left to enter its course records: "
                    "attendance, participation and tasks, subject by subject."
                )
            )
            self.save_button.setEnabled(False)
            return
        subject = ArtsSubject(self.subject.currentData())
        rows = []
        for uuid, record in class_course_records(
            self.page.ws.db, class_uuid, self.page.term, subject
        ):
            student = self.page.students[uuid].student
            rows.append(CourseRow.of(uuid, student.student_no, student.name, record))
            if record is not None and record.teacher and not self.teacher.text():
                self.teacher.setText(record.teacher)
        self.course_model.set_rows(rows)
        self.course_stack.show_content()
        self.save_button.setEnabled(True)

    def reload_activities(self, *, select_uuid: str | None = None) -> None:
        self.activity_model.set_class_names({u: c.name for u, c in self.page.classes.items()})
        activities = list_activities(self.page.ws.db, self.page.term)
        classes = self.page.scope_class_uuids()
        if classes is not None:  # the school's activities, and those of the classes in scope
            activities = [a for a in activities if a.class_uuid is None or a.class_uuid in classes]
        self.activity_model.set_rows(activities)
        if activities:
            self.activity_stack.show_content()
        else:
            self.activity_stack.show_hint(
                self.tr(
                    "No arts activities this term yet. Record a club's term, the arts festival or "
                    "a performance, then add its participants (a whole class at once)."
                )
            )
        if select_uuid:
            select_record_rows(self.activity_table, lambda a: a.meta.uuid == select_uuid)
        self._update_actions()

    def _subject_changed(self, _index: int) -> None:
        self.reload_courses()

    def _course_message(self, text: str) -> None:
        self.course_message.setText(text)

    def save_courses(self) -> None:
        entries = self.course_model.entries()
        if not entries:
            self.course_message.setText(self.tr("Nothing entered yet."))
            return
        try:
            result = save_course_records(
                self.page.ws.db, term=self.page.term,
                subject=ArtsSubject(self.subject.currentData()), entries=entries,
                actor=self.page.ws.actor, teacher=self.teacher.text(),
            )  # fmt: skip
        except ArtsRecordInvalid as exc:
            names = {r.student_uuid: r.name for r in self.course_model.rows}
            self.course_message.setText(
                "\n".join(f"{names.get(k, '')} {v}".strip() for k, v in exc.errors.items())
            )
            return
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.reload_courses()
        self.course_message.setText(
            self.tr("Saved: {created} new, {updated} changed, {unchanged} unchanged.").format(
                created=result.created, updated=result.updated, unchanged=result.unchanged
            )
        )

    # -- activities ---------------------------------------------------------------------------

    def selected(self) -> list[Activity]:
        return selected_records(self.activity_table)

    def _update_actions(self, *_args: object) -> None:
        one = len(self.selected()) == 1
        for act in (self.edit_action, self.delete_action, self.participants_action):
            act.setEnabled(one)
        self.add_class_action.setEnabled(one and self.page.class_uuid is not None)

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.edit_activity()

    def new_activity(self) -> None:
        self._open(None)

    def edit_activity(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self._open(chosen[0])

    def _open(self, activity: Activity | None) -> None:
        from ui.dialogs.arts_activity_dialog import ArtsActivityDialog

        dialog = ArtsActivityDialog(
            self.page.ws, self.page.term, classes=list(self.page.classes.values()),
            programmes=list_programmes(self.page.ws.db, self.page.school_year),
            activity=activity, class_uuid=self.page.class_uuid, today=self.page.today,
            parent=self,
        )  # fmt: skip
        self.open_dialog(dialog, dialog.activity_saved, self._saved)

    def _saved(self, uuid: str) -> None:
        self.reload_activities(select_uuid=uuid)

    def delete_activity(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1 or not self.ask_confirm(
            self.tr("Delete activity"),
            self.tr("Delete “{name}” and its list of participants?").format(name=chosen[0].name),
        ):
            return
        try:
            delete_activity(self.page.ws.db, chosen[0].meta.uuid, actor=self.page.ws.actor)
        except UserError as exc:
            show_user_error(self, exc)
        self.reload_activities()

    def pick_students(self, chosen: list[str]) -> list[str] | None:
        """The student picker (an edge: tests replace it)."""
        from ui.dialogs.student_picker_dialog import StudentPickerDialog

        students = [r for r in self.page.students.values() if r.student.status.is_on_roll]
        dialog = StudentPickerDialog(students, chosen=chosen, parent=self)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def choose_participants(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        uuid = chosen[0].meta.uuid
        picked = self.pick_students(participants(self.page.ws.db, uuid))
        if picked is None:
            return
        try:
            set_participants(self.page.ws.db, uuid, picked, actor=self.page.ws.actor)
        except UserError as exc:
            show_user_error(self, exc)
        self.reload_activities(select_uuid=uuid)

    def add_class(self) -> None:
        chosen = self.selected()
        class_uuid = self.page.class_uuid
        if len(chosen) != 1 or class_uuid is None:
            return
        uuid = chosen[0].meta.uuid
        try:
            add_class_to_activity(self.page.ws.db, uuid, class_uuid, actor=self.page.ws.actor)
        except UserError as exc:
            show_user_error(self, exc)
        self.reload_activities(select_uuid=uuid)
