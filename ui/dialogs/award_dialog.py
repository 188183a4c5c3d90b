"""Record or correct an award (获奖): the event, who organised it, level, rank, date, winners.

What the award counts for is shown as it is typed: a 国家级 award is flagged unless its contest is
on the Ministry of Education's list of national competitions, and an arts award counts toward
the arts specialty only when an education authority organised it (``award_warnings``). The
warnings do not stop a save; field errors (``AwardInvalid.errors``) do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.arts.award_rules import award_warnings, counts_toward_arts_specialty
from app.arts.constants import AwardDomain, AwardLevel, parse_rank
from app.arts.models import Award
from app.errors import UserError
from app.models import RecordMeta, StudentRow
from app.services.awards import AwardInput, AwardInvalid, save_award
from app.services.workspace import Workspace
from ui.errors import show_user_error
from ui.models.arts_labels import domain_labels, level_labels
from ui.widgets.form_field import FieldWithMessage

PickStudents = Callable[[Sequence[StudentRow], Iterable[str]], list[str] | None]
WARNING_STYLE = "color: #e65100;"
RANKS = ("特等奖", "一等奖", "二等奖", "三等奖", "优秀奖", "金奖", "银奖", "铜奖")
WHITELIST_UNKNOWN, WHITELIST_YES, WHITELIST_NO = "unknown", "yes", "no"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AwardDialog(QDialog):
    award_saved = Signal(str)  # the award's uuid

    def __init__(
        self,
        ws: Workspace,
        students: dict[str, StudentRow],
        *,
        award: Award | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self.students = students
        self.award = award
        self.today = today or dt.date.today()
        self.winners: list[str] = list(award.winners) if award else []
        self.pick_students: PickStudents = self._pick_students  # an edge: tests replace it
        self.saved_uuid: str | None = None
        self.setWindowTitle(self.tr("Edit award") if award else self.tr("New award"))
        self._build()
        if award is not None:
            self._fill(award)
        self._show_winners()
        self.update_checks()
        self.resize(620, 600)

    def _build(self) -> None:
        self.domain = QComboBox()
        for domain, label in domain_labels().items():
            self.domain.addItem(label, domain.value)
        self.event_edit = QLineEdit()
        self.event_edit.setPlaceholderText(self.tr("e.g. 河南省中小学生艺术展演"))
        self.organizer = QLineEdit()
        self.organizer.setPlaceholderText(self.tr("e.g. 河南省教育厅"))
        self.authority = QCheckBox(
            self.tr("Organised by an education authority (school or bureau)")
        )
        self.level = QComboBox()
        for level, label in level_labels().items():
            self.level.addItem(label, level.value)
        self.level.setCurrentIndex(self.level.findData(AwardLevel.COUNTY.value))
        self.whitelist = QComboBox()
        self.whitelist.addItem(self.tr("Not stated"), WHITELIST_UNKNOWN)
        self.whitelist.addItem(self.tr("Yes, on the Ministry's list"), WHITELIST_YES)
        self.whitelist.addItem(self.tr("No, not on the list"), WHITELIST_NO)
        self.rank = QComboBox()
        self.rank.setEditable(True)
        self.rank.addItems(RANKS)
        self.rank.setCurrentText("一等奖")
        self.date = QDateEdit(_qdate(self.today))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(_qdate(self.today))
        self.category = QLineEdit()
        self.category.setPlaceholderText(self.tr("e.g. 声乐, 书法, 足球"))
        self.certificate = QLineEdit()
        self.adviser = QLineEdit()
        self.team = QLineEdit()
        self.note = QLineEdit()
        self.winners_label = QLabel()
        self.winners_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose students…"))
        self.choose_button.clicked.connect(self.choose_winners)
        winners = QWidget()
        row = QHBoxLayout(winners)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.winners_label, 1)
        row.addWidget(self.choose_button)
        widgets = {
            "domain": self.domain, "event": self.event_edit, "organizer": self.organizer,
            "authority": self.authority, "level": self.level, "whitelist": self.whitelist,
            "rank_text": self.rank, "date": self.date, "category": self.category,
            "certificate_no": self.certificate, "adviser": self.adviser,
            "team_name": self.team, "winners": winners, "note": self.note,
        }  # fmt: skip
        labels = {
            "domain": self.tr("Domain:"), "event": self.tr("Event:"),
            "organizer": self.tr("Organiser:"), "authority": "", "level": self.tr("Level:"),
            "whitelist": self.tr("Ministry's list:"), "rank_text": self.tr("Rank:"),
            "date": self.tr("Date:"), "category": self.tr("Category:"),
            "certificate_no": self.tr("Certificate number:"), "adviser": self.tr("Adviser:"),
            "team_name": self.tr("Team name:"), "winners": self.tr("Winners:"),
            "note": self.tr("Note:"),
        }  # fmt: skip
        self.fields = {key: FieldWithMessage(w) for key, w in widgets.items()}
        self.form = form = QFormLayout()
        for key, field in self.fields.items():
            form.addRow(labels[key], field)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.counts)
        layout.addWidget(self.warnings)
        layout.addStretch(1)
        layout.addWidget(buttons)
        for signal in (
            self.domain.currentIndexChanged, self.level.currentIndexChanged,
            self.whitelist.currentIndexChanged, self.authority.toggled,
            self.event_edit.textChanged, self.organizer.textChanged, self.rank.currentTextChanged,
        ):  # fmt: skip
            signal.connect(self.update_checks)

    def _fill(self, award: Award) -> None:
        self.domain.setCurrentIndex(self.domain.findData(award.domain.value))
        self.event_edit.setText(award.event)
        self.organizer.setText(award.organizer)
        self.authority.setChecked(award.organizer_is_education_authority)
        self.level.setCurrentIndex(self.level.findData(award.level.value))
        stated = {None: WHITELIST_UNKNOWN, True: WHITELIST_YES, False: WHITELIST_NO}
        self.whitelist.setCurrentIndex(self.whitelist.findData(stated[award.on_moe_whitelist]))
        self.rank.setCurrentText(award.rank_text or award.rank.label_zh)
        self.date.setMaximumDate(_qdate(max(self.today, award.date)))
        self.date.setDate(_qdate(award.date))
        self.category.setText(award.category)
        self.certificate.setText(award.certificate_no)
        self.adviser.setText(award.adviser)
        self.team.setText(award.team_name)
        self.note.setText(award.note)

    # -- values and checks --------------------------------------------------------------------

    def input(self) -> AwardInput:
        day = self.date.date()
        whitelist = self.whitelist.currentData()
        return AwardInput(
            event=self.event_edit.text(),
            organizer=self.organizer.text(),
            organizer_is_education_authority=self.authority.isChecked(),
            level=AwardLevel(self.level.currentData()),
            rank_text=self.rank.currentText(),
            date=dt.date(day.year(), day.month(), day.day()),
            domain=AwardDomain(self.domain.currentData()),
            certificate_no=self.certificate.text(),
            on_moe_whitelist=None if whitelist == WHITELIST_UNKNOWN else whitelist == WHITELIST_YES,
            adviser=self.adviser.text(),
            team_name=self.team.text(),
            category=self.category.text(),
            note=self.note.text(),
        )

    def as_award(self) -> Award:
        """The award as the form stands, for the counting rules (nothing is stored)."""
        data = self.input()
        level = AwardLevel(self.level.currentData())
        return Award(
            school_code="", domain=data.domain, event=data.event.strip() or "—",
            organizer=data.organizer.strip(),
            organizer_is_education_authority=data.organizer_is_education_authority,
            level=level, rank=parse_rank(data.rank_text),
            rank_text=data.rank_text, date=data.date if isinstance(data.date, dt.date) else self.today,
            certificate_no="", on_moe_whitelist=data.on_moe_whitelist, adviser="", team_name="",
            category="", note="", meta=RecordMeta(uuid=""),
        )  # fmt: skip

    def update_checks(self, *_args: object) -> None:
        national = self.level.currentData() == AwardLevel.NATIONAL.value
        # The Ministry's list only exists for national contests.
        self.form.setRowVisible(self.fields["whitelist"], national)
        award = self.as_award()
        self.warnings.setText("\n".join(award_warnings(award)))
        if award.domain is not AwardDomain.ARTS:
            self.counts.setText("")
        elif counts_toward_arts_specialty(award):
            self.counts.setText(self.tr("Counts toward the arts specialty score."))
        else:
            self.counts.setText(self.tr("Does not count toward the arts specialty score."))

    def warning_texts(self) -> list[str]:
        return [line for line in self.warnings.text().split("\n") if line]

    # -- winners ------------------------------------------------------------------------------

    def _pick_students(
        self, students: Sequence[StudentRow], chosen: Iterable[str]
    ) -> list[str] | None:
        from ui.dialogs.student_picker_dialog import StudentPickerDialog

        dialog = StudentPickerDialog(students, chosen=chosen, title=self.tr("Winners"), parent=self)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def choose_winners(self) -> None:
        on_roll = [
            r
            for r in self.students.values()
            if r.student.status.is_on_roll or r.student.meta.uuid in self.winners
        ]
        chosen = self.pick_students(on_roll, self.winners)
        if chosen is not None:
            self.winners = chosen
            self._show_winners()

    def _show_winners(self) -> None:
        names = [self.students[u].student.name for u in self.winners if u in self.students]
        self.winners_label.setText("、".join(names) or self.tr("No student chosen yet."))

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        try:
            award = save_award(
                self._ws.db, self.input(), winners=self.winners, actor=self._ws.actor,
                uuid=self.award.meta.uuid if self.award else None, today=self.today,
            )  # fmt: skip
        except AwardInvalid as exc:
            for key, field in self.fields.items():
                field.set_message(exc.errors.get(key, ""))
            return
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.saved_uuid = award.meta.uuid
        self.award_saved.emit(award.meta.uuid)
        self.accept()
