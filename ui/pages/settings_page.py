"""设置: the UI language, the current term and the school's profile."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models import SchoolStage
from app.services.workspace import (
    DEFAULT_DISTRICT,
    Workspace,
    current_term,
    init_school,
    require_school,
    school_code,
    set_current_term,
)
from app.terms import term_for_date
from ui.dialogs.arts_settings_dialog import ArtsSettingsDialog
from ui.dialogs.labor_settings_dialog import LaborSettingsDialog
from ui.labels import stage_labels, term_label
from ui.widgets.settings_sections import BackupsBox, LanguageBox, message_label, say


def nearby_terms(today: dt.date) -> list[str]:
    """The last two school years' terms, the current one and the next two, oldest first."""
    year = int(term_for_date(today).school_year[:4])
    return [f"{y}-{y + 1}-{s}" for y in range(year - 2, year + 2) for s in (1, 2)]


class SettingsPage(QWidget):
    profile_changed = Signal()  # school name, stage or current term changed
    backups_requested = Signal()  # the main window opens the backups dialog

    def __init__(
        self, ws: Workspace, *, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._today = today or dt.date.today()
        layout = QVBoxLayout(self)
        layout.addWidget(self._language_box())
        layout.addWidget(self._term_box())
        layout.addWidget(self._school_box())
        layout.addWidget(self._backups_box())
        layout.addWidget(self._rules_box())
        layout.addStretch(1)
        self.load()

    def _language_box(self) -> QGroupBox:
        self.language_box = LanguageBox(self._ws)
        self.language = self.language_box.language
        self.language_note = self.language_box.note
        return self.language_box

    def _term_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Current term"))
        self.term = QComboBox()
        self.term.setEditable(True)
        self.term.addItems(nearby_terms(self._today))
        self.term_apply = QPushButton(self.tr("Apply"))
        self.term_apply.clicked.connect(self.apply_term)
        self.term_message = message_label()
        row = QHBoxLayout()
        row.addWidget(self.term, 1)
        row.addWidget(self.term_apply)
        form = QFormLayout(box)
        form.addRow(self.tr("Term (e.g. 2025-2026-1)"), row)
        form.addRow(self.term_message)
        return box

    def _school_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("School"))
        self.code = QLineEdit()
        self.code.setMaxLength(10)
        self.name = QLineEdit()
        self.district = QLineEdit()
        self.district.setMaxLength(6)
        self.stage = QComboBox()
        for stage, label in stage_labels().items():
            self.stage.addItem(label, stage.value)
        self.school_save = QPushButton(self.tr("Save school profile"))
        self.school_save.clicked.connect(self.save_school)
        self.school_message = message_label()
        form = QFormLayout(box)
        form.addRow(self.tr("School code (学校标识码)"), self.code)
        form.addRow(self.tr("School name"), self.name)
        form.addRow(self.tr("District code"), self.district)
        form.addRow(self.tr("School stage"), self.stage)
        form.addRow(self.school_save)
        form.addRow(self.school_message)
        return box

    def _backups_box(self) -> QGroupBox:
        box = BackupsBox(
            self.tr(
                "Baosong backs the database up every day (the last 14 days and 12 months are "
                "kept) and before every risky action. A backup can be restored here."
            )
        )
        self.backups_button = box.button
        box.requested.connect(self.backups_requested)
        return box

    def _rules_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Labor and arts rules"))
        self.labor_rules_button = QPushButton(self.tr("Labor education rules…"))
        self.labor_rules_button.clicked.connect(self.open_labor_rules)
        self.arts_rules_button = QPushButton(self.tr("Arts assessment rules…"))
        self.arts_rules_button.clicked.connect(self.open_arts_rules)
        layout = QVBoxLayout(box)
        for button, note in (
            (
                self.labor_rules_button,
                self.tr(
                    "Weekly labor hours, the labor course, rating scales and task groups. The "
                    "defaults follow the national documents; the district may adjust them."
                ),
            ),
            (
                self.arts_rules_button,
                self.tr(
                    "Arts assessment sub-scores, bands and the total cap. The defaults follow "
                    "the national documents; the district may adjust them."
                ),
            ),
        ):
            text = message_label()
            text.setText(note)
            layout.addWidget(text)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def open_labor_rules(self) -> LaborSettingsDialog:
        dialog = LaborSettingsDialog(self._ws, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_arts_rules(self) -> ArtsSettingsDialog:
        dialog = ArtsSettingsDialog(self._ws, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def load(self) -> None:
        db = self._ws.db
        self.language_box.load()
        self.term.setCurrentText(current_term(db).code)
        if school_code(db) is None:
            self.code.setEnabled(True)
            self.district.setText(DEFAULT_DISTRICT)
            self.school_message.setText(self.tr("No school yet: enter its profile and save."))
            return
        school = require_school(db)
        self.code.setText(school.code)
        self.code.setEnabled(False)  # the code identifies the workspace; it never changes
        self.name.setText(school.name)
        self.district.setText(school.district)
        self.stage.setCurrentIndex(self.stage.findData(school.stage.value))

    def apply_language(self, _index: int = 0) -> None:
        self.language_box.apply()

    def apply_term(self) -> None:
        try:
            term = set_current_term(self._ws.db, self.term.currentText())
        except UserError as exc:
            say(self.term_message, str(exc), ok=False)
            return
        say(
            self.term_message,
            self.tr("The current term is now {term}.").format(term=term_label(term)),
            ok=True,
        )
        self.profile_changed.emit()

    def save_school(self) -> None:
        try:
            school = init_school(
                self._ws.db,
                code=self.code.text(),
                name=self.name.text(),
                district=self.district.text(),
                stage=SchoolStage(self.stage.currentData()),
                actor=self._ws.actor,
                today=self._today,
            )
        except UserError as exc:
            say(self.school_message, str(exc), ok=False)
            return
        self.code.setEnabled(False)
        self.name.setText(school.name)  # as stored: spaces and full-width brackets normalised
        self.term.setCurrentText(current_term(self._ws.db).code)
        say(self.school_message, self.tr("The school profile was saved."), ok=True)
        self.profile_changed.emit()
