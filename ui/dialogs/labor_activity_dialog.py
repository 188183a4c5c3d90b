"""The batch-entry dialog of a labor activity: one entry for a whole class or a group.

Choosing a class lists all its students on the roll, present with the activity's minutes;
individual students are added with "Add students…". Exceptions are per row (absent, other
minutes, ratings). Saving goes through ``record_activity`` / ``update_activity``; their field
errors (``LaborEntryInvalid.errors``) appear next to the field or on the participant's row, and
after a refused save every change is checked again at once (``check_entry`` writes nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models import StudentRow
from app.services.labor_checks import check_entry
from app.services.labor_records import (
    LaborEntryInvalid,
    activity_detail,
    labor_config,
    record_activity,
    update_activity,
)
from app.services.roster import find_students, list_classes
from app.services.workspace import Workspace, require_school
from ui.dialogs.labor_activity_form import FIELD_KEYS, LaborActivityForm
from ui.errors import show_user_error
from ui.models.labor_participant_model import (
    COL_NOTE,
    COL_RATINGS,
    LaborParticipantModel,
    Participant,
)
from ui.widgets.choice_delegate import ChoiceDelegate

PickStudents = Callable[[Sequence[StudentRow], Iterable[str]], list[str] | None]
PARTICIPANT_PREFIX = "participant:"
ERROR_STYLE = "color: #c62828;"


def participant_of(row: StudentRow) -> Participant:
    return Participant(
        row.student.meta.uuid, row.student.student_no, row.student.name, row.class_name,
        row.grade_code,
    )  # fmt: skip


class LaborActivityDialog(QDialog):
    activity_saved = Signal(str)  # the activity's uuid

    def __init__(
        self,
        ws: Workspace,
        *,
        activity_uuid: str | None = None,
        class_uuid: str | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self.today = today or dt.date.today()
        self.activity_uuid = activity_uuid
        self.config = labor_config(ws.db)
        self._school_code = require_school(ws.db).code
        self.students = {r.student.meta.uuid: r for r in find_students(ws.db)}
        # An edge: tests replace it. Arguments: the students to choose from, those listed.
        self.pick_students: PickStudents = self._pick_students
        self.attempted = False  # after a refused save, every change is checked at once
        self.errors: dict[str, str] = {}
        self.saved_uuid: str | None = None
        self.form = LaborActivityForm(self.config, today=self.today)
        self.model = LaborParticipantModel(self)
        self.model.scale = self.config.rating_scale
        self.model.default_minutes = self.form.minutes.value()
        self._build()
        self.form.changed.connect(self._changed)
        self.form.minutes_changed.connect(self.model.set_default_minutes)
        self.model.changed.connect(self._participants_changed)
        if activity_uuid is not None:
            self.setWindowTitle(self.tr("Edit labor activity"))
            self._fill(activity_uuid)
        else:
            self.setWindowTitle(self.tr("New labor activity"))
            if class_uuid is not None:
                self.choose_class(class_uuid)
        self._participants_changed()
        self.resize(980, 720)

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.class_combo = QComboBox()
        self.class_combo.addItem(self.tr("Individual students (no class)"), None)
        for c in list_classes(self._ws.db):
            if not c.graduated:
                self.class_combo.addItem(c.name, c.meta.uuid)
        self.class_combo.currentIndexChanged.connect(self._class_chosen)
        self.add_button = QPushButton(self.tr("Add students…"))
        self.add_button.clicked.connect(self.add_students)
        self.remove_button = QPushButton(self.tr("Remove from the list"))
        self.remove_button.clicked.connect(self.remove_selected)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Class:")))
        bar.addWidget(self.class_combo)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.delegate = ChoiceDelegate(self.table)
        for column in COL_RATINGS.values():
            self.table.setItemDelegateForColumn(column, self.delegate)
        char = self.table.fontMetrics().horizontalAdvance("0")
        for column, chars in enumerate((21, 6, 10, 4, 5, 6, 6, 6, 6)):
            self.table.setColumnWidth(column, chars * char + 16)
        self.table.horizontalHeader().setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.participants_message = QLabel()
        self.participants_message.setWordWrap(True)
        self.participants_message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        heading = QLabel(
            self.tr(
                "Participants — untick Present for an absent student; type other minutes for a "
                "student who did more or less; ratings are optional."
            )
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.participants_message)
        layout.addWidget(self.buttons)

    def _fill(self, uuid: str) -> None:
        detail = activity_detail(self._ws.db, uuid)
        activity = detail.activity
        self.form.fill(activity)
        self.model.default_minutes = activity.minutes
        self.class_combo.blockSignals(True)
        self.class_combo.setCurrentIndex(max(self.class_combo.findData(activity.class_uuid), 0))
        self.class_combo.blockSignals(False)
        rows = []
        for p in detail.participants:
            known = self.students.get(p.student_uuid)
            present = p.status.value == "present"
            rows.append(
                Participant(
                    p.student_uuid,
                    p.student_no,
                    p.student_name,
                    p.class_name,
                    known.grade_code if known else 0,
                    present,
                    None if not present or p.minutes == activity.minutes else p.minutes,
                    dict(p.ratings),
                    p.note,
                )
            )
        self.model.set_rows(rows)

    # -- participants -------------------------------------------------------------------------

    def choose_class(self, class_uuid: str) -> None:
        """Choose a class as the user would: its students on the roll become the list."""
        self.class_combo.setCurrentIndex(max(self.class_combo.findData(class_uuid), 0))

    def _class_chosen(self, _index: int) -> None:
        class_uuid = self.class_combo.currentData()
        if class_uuid is None:
            return
        on_roll = [
            r
            for r in self.students.values()
            if r.student.class_uuid == class_uuid and r.student.status.is_on_roll
        ]
        self.model.set_rows(participant_of(r) for r in on_roll)

    def _pick_students(
        self, students: Sequence[StudentRow], chosen: Iterable[str]
    ) -> list[str] | None:
        from ui.dialogs.student_picker_dialog import StudentPickerDialog

        dialog = StudentPickerDialog(
            students, chosen=chosen, title=self.tr("Add students"), parent=self
        )
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def add_students(self) -> None:
        on_roll = [r for r in self.students.values() if r.student.status.is_on_roll]
        listed = [p.student_uuid for p in self.model.rows]
        chosen = self.pick_students(on_roll, listed)
        if chosen is None:
            return
        self.model.add_rows(participant_of(self.students[u]) for u in chosen if u in self.students)

    def remove_selected(self) -> None:
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        if rows:
            self.model.remove_rows(rows)

    def _participants_changed(self) -> None:
        self.form.set_grades(p.grade_code for p in self.model.rows if p.grade_code)
        self.summary.setText(
            self.tr(
                "{listed} students listed, {present} present, {minutes} minutes in all."
            ).format(
                listed=len(self.model.rows),
                present=self.model.present_count(),
                minutes=self.model.total_minutes(),
            )
        )
        self._changed()

    # -- checking and saving ------------------------------------------------------------------

    def _changed(self) -> None:
        if self.attempted:
            self.check()

    def check(self) -> dict[str, str]:
        """Check the entry as the save would (nothing is written) and show what is wrong."""
        try:
            check_entry(
                self._ws.db, self._school_code, self.form.draft(self.class_combo.currentData()),
                self.model.entries(), self.config, today=self.today,
            )  # fmt: skip
        except LaborEntryInvalid as exc:
            self.show_errors(exc.errors)
            return exc.errors
        self.show_errors({})
        return {}

    def show_errors(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        self.form.show_errors(errors)
        self.model.set_errors(
            {
                k.removeprefix(PARTICIPANT_PREFIX): v
                for k, v in errors.items()
                if k.startswith(PARTICIPANT_PREFIX)
            }
        )
        others = [
            v
            for k, v in errors.items()
            if k not in FIELD_KEYS and not k.startswith(PARTICIPANT_PREFIX)
        ]
        rows = sum(k.startswith(PARTICIPANT_PREFIX) for k in errors)
        if rows:
            others.append(
                self.tr(
                    "{count} students' rows are marked red; rest the mouse on one for the reason."
                ).format(count=rows)
            )
        self.participants_message.setText("\n".join(others))
        self.participants_message.setVisible(bool(others))

    def save(self) -> None:
        self.attempted = True
        draft = self.form.draft(self.class_combo.currentData())
        entries = self.model.entries()
        actor = self._ws.actor
        try:
            if self.activity_uuid is None:
                uuid = record_activity(self._ws.db, draft, entries, actor=actor, today=self.today)
            else:
                update_activity(
                    self._ws.db, self.activity_uuid, draft, entries, actor=actor, today=self.today
                )
                uuid = self.activity_uuid
        except LaborEntryInvalid as exc:
            self.show_errors(exc.errors)
            return
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.saved_uuid = uuid
        self.activity_saved.emit(uuid)
        self.accept()
