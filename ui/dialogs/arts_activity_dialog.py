"""An arts activity of a term (社团 or 兴趣小组 activity, 艺术节, 展演): kind, name, date (optional
for a term-long club activity), the class when it is one class's, the programme it belongs to."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.arts.constants import ActivityKind
from app.arts.models import Activity, Programme
from app.errors import UserError
from app.models import SchoolClass
from app.services.arts_records import ActivityInput, ArtsRecordInvalid, save_activity
from app.services.workspace import Workspace
from ui.models.arts_labels import activity_kind_labels
from ui.widgets.form_field import FieldWithMessage


class ArtsActivityDialog(QDialog):
    activity_saved = Signal(str)

    def __init__(
        self,
        ws: Workspace,
        term: str,
        *,
        classes: list[SchoolClass],
        programmes: list[Programme],
        activity: Activity | None = None,
        class_uuid: str | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self.term = term
        self.activity = activity
        self.saved_uuid: str | None = None
        today = today or dt.date.today()
        self.setWindowTitle(self.tr("Edit activity") if activity else self.tr("New activity"))
        self.kind = QComboBox()
        for kind, label in activity_kind_labels().items():
            self.kind.addItem(label, kind.value)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 校园艺术节合唱比赛"))
        self.dated = QCheckBox(self.tr("On the day:"))
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.dated.toggled.connect(self.date.setEnabled)
        self.dated.setChecked(True)
        dates = QWidget()
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.dated)
        row.addWidget(self.date, 1)
        self.class_combo = QComboBox()
        self.class_combo.addItem(self.tr("The whole school"), None)
        for c in classes:
            self.class_combo.addItem(c.name, c.meta.uuid)
        self.class_combo.setCurrentIndex(max(self.class_combo.findData(class_uuid), 0))
        self.programme = QComboBox()
        self.programme.addItem(self.tr("None"), None)
        for p in programmes:
            self.programme.addItem(p.name, p.meta.uuid)
        self.description = QLineEdit()
        self.fields = {
            "kind": FieldWithMessage(self.kind),
            "name": FieldWithMessage(self.name),
            "date": FieldWithMessage(dates),
            "class_uuid": FieldWithMessage(self.class_combo),
            "programme_uuid": FieldWithMessage(self.programme),
            "description": FieldWithMessage(self.description),
        }
        form = QFormLayout()
        form.addRow(self.tr("Kind:"), self.fields["kind"])
        form.addRow(self.tr("Name:"), self.fields["name"])
        form.addRow(self.tr("Date:"), self.fields["date"])
        form.addRow(self.tr("Class:"), self.fields["class_uuid"])
        form.addRow(self.tr("Programme:"), self.fields["programme_uuid"])
        form.addRow(self.tr("Description:"), self.fields["description"])
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Term {term}").format(term=term)))
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        if activity is not None:
            self._fill(activity)

    def _fill(self, a: Activity) -> None:
        self.kind.setCurrentIndex(self.kind.findData(a.kind.value))
        self.name.setText(a.name)
        self.dated.setChecked(a.date is not None)
        if a.date is not None:
            self.date.setDate(QDate(a.date.year, a.date.month, a.date.day))
        self.class_combo.setCurrentIndex(max(self.class_combo.findData(a.class_uuid), 0))
        self.programme.setCurrentIndex(max(self.programme.findData(a.programme_uuid), 0))
        self.description.setText(a.description)

    def save(self) -> None:
        day = self.date.date()
        data = ActivityInput(
            kind=ActivityKind(self.kind.currentData()),
            name=self.name.text(),
            term=self.term,
            date=dt.date(day.year(), day.month(), day.day()) if self.dated.isChecked() else None,
            class_uuid=self.class_combo.currentData(),
            programme_uuid=self.programme.currentData(),
            description=self.description.text(),
        )
        uuid = self.activity.meta.uuid if self.activity else None
        try:
            saved = save_activity(self._ws.db, data, actor=self._ws.actor, uuid=uuid)
        except ArtsRecordInvalid as exc:
            for key, field in self.fields.items():
                field.set_message(exc.errors.get(key, ""))
            return
        except UserError as exc:
            self.general.setText(" ".join(p for p in (exc.what, exc.todo) if p))
            return
        self.saved_uuid = saved.meta.uuid
        self.activity_saved.emit(saved.meta.uuid)
        self.accept()
