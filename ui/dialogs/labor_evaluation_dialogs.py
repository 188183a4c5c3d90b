"""Dialogs of the 公示 workflow: the public-notice period, and the correction of a confirmed
evaluation (a reason is required; earlier corrections are listed with who, when and why)."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.labor.constants import Dimension
from app.labor.models import EvaluationCorrection, EvaluationFields, LiteracyEvaluation
from app.services.labor_evaluation import correct_evaluation, corrections
from app.services.workspace import Workspace
from ui.models.labor_evaluation_model import skills_text, split_skills
from ui.models.labor_labels import dimension_labels
from ui.models.record_table_model import Column, RecordFilterProxy, RecordTableModel
from ui.widgets.record_view import record_table

ERROR_STYLE = "color: #c62828;"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class PublicityDialog(QDialog):
    """The first and last day of the public notice (公示) of ``count`` evaluations."""

    def __init__(
        self, count: int, *, today: dt.date, min_days: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Public notice"))
        self.date_from = QDateEdit(_qdate(today))
        self.date_to = QDateEdit(_qdate(today + dt.timedelta(days=min_days - 1)))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        text = QLabel(
            self.tr(
                "Put {count} evaluations under public notice. They can be confirmed by the "
                "reviewer once the notice has ended; it lasts at least {days} days."
            ).format(count=count, days=min_days)
        )
        text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From:"), self.date_from)
        form.addRow(self.tr("To:"), self.date_to)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def period(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())


def correction_columns() -> list[Column]:
    return [
        Column(
            QCoreApplication.translate("CorrectionModel", "Corrected"),
            QCoreApplication.translate("CorrectionModel", "Date and time (UTC)."),
            lambda c: c.corrected_at[:16].replace("T", " "),
        ),
        Column(
            QCoreApplication.translate("CorrectionModel", "By"),
            QCoreApplication.translate("CorrectionModel", "Who made the correction."),
            lambda c: c.corrected_by,
        ),
        Column(
            QCoreApplication.translate("CorrectionModel", "Reason"),
            QCoreApplication.translate("CorrectionModel", "Why the evaluation was corrected."),
            lambda c: c.reason,
        ),
        Column(
            QCoreApplication.translate("CorrectionModel", "Changes"),
            QCoreApplication.translate("CorrectionModel", "Old value → new value, per field."),
            change_text,
        ),
    ]


def change_text(c: EvaluationCorrection) -> str:
    def shown(value: object) -> str:
        if isinstance(value, str) and value.startswith("["):
            try:
                return "、".join(json.loads(value))
            except ValueError:
                return value
        return str(value)

    return "; ".join(f"{k}: {shown(c.old.get(k, ''))} → {shown(v)}" for k, v in c.new.items())


class CorrectionDialog(QDialog):
    """Correct a confirmed evaluation: new values and a reason, through ``correct_evaluation``."""

    corrected = Signal(str)  # the evaluation's uuid

    def __init__(
        self, ws: Workspace, evaluation: LiteracyEvaluation, scale: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._ws = ws
        self.evaluation = evaluation
        self.setWindowTitle(
            self.tr("Correct the evaluation of {name}").format(name=evaluation.student_name)
        )
        fields = evaluation.fields
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        titles = {d.value: label for d, label in dimension_labels().items()}
        titles["overall"] = self.tr("Overall")
        for key in (*(d.value for d in Dimension), "overall"):
            combo = QComboBox()
            combo.addItem("", "")
            for level in scale:
                combo.addItem(level, level)
            combo.setCurrentIndex(max(combo.findData(getattr(fields, key)), 0))
            self.combos[key] = combo
            form.addRow(titles[key] + ":", combo)
        self.comment = QPlainTextEdit(fields.comment)
        self.comment.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.skills = QLineEdit(skills_text(fields.life_skills))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required: why the confirmed result changes"))
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow(self.tr("Life skills:"), self.skills)
        form.addRow(self.tr("Reason:"), self.reason)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.history = RecordTableModel(correction_columns(), self)
        self.history.set_rows(corrections(ws.db, evaluation.meta.uuid))
        self.history_view = record_table(RecordFilterProxy(self.history, self), widths=(16, 8, 20))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Earlier corrections:")))
        layout.addWidget(self.history_view, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def fields(self) -> EvaluationFields:
        values = {k: str(c.currentData() or "") for k, c in self.combos.items()}
        return EvaluationFields(
            comment=self.comment.toPlainText(),
            life_skills=split_skills(self.skills.text()),
            **values,
        )

    def save(self) -> None:
        if not self.reason.text().strip():
            self.message.setText(self.tr("Give the reason for the correction."))
            return
        try:
            changed = correct_evaluation(
                self._ws.db, self.evaluation.meta.uuid, self.fields(),
                reason=self.reason.text(), actor=self._ws.actor,
            )  # fmt: skip
        except UserError as exc:
            self.message.setText(exc.what or str(exc))
            return
        if not changed:
            self.message.setText(self.tr("Nothing was changed."))
            return
        self.corrected.emit(self.evaluation.meta.uuid)
        self.accept()
