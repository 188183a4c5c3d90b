"""报送情况 → 报送期限: each term's submission deadline (``app.services.district.config``).

A term either has its own date or is due a number of days after it ends (31 January, 31 July;
one number for every term without a date of its own). A date before the term begins is refused
with a message beside the term, and nothing is saved until every date is acceptable. The dialog
returns the new configuration (``config()``); the caller saves it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.district.config import DistrictConfig, term_end
from app.terms import parse_term
from ui.labels import term_label

ERROR_STYLE = "color: #c62828;"


def term_start(term: str) -> dt.date:
    parsed = parse_term(term)
    year = int(parsed.school_year[:4])
    return dt.date(year, 9, 1) if parsed.semester == 1 else dt.date(year + 1, 2, 1)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


@dataclass
class _TermRow:
    term: str
    own: QCheckBox
    date: QDateEdit
    error: QLabel


class DistrictDeadlinesDialog(QDialog):
    def __init__(
        self, config: DistrictConfig, terms: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Submission deadlines"))
        self._config = config
        intro = QLabel(
            self.tr(
                "A packet received on the deadline is on time; one received later, or none by "
                "then, is late. Days are counted in China time, by the day the bureau received "
                "the packet (not the school's clock)."
            )
        )
        intro.setWordWrap(True)
        self.days = QSpinBox()
        self.days.setRange(0, 365)
        self.days.setValue(config.days_after_term)
        self.days.setSuffix(self.tr(" days"))
        self.days.setToolTip(self.tr("Terms end on 31 January and on 31 July."))
        self.days.valueChanged.connect(self._update)
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Without a date of its own, a term is due")))
        form.addWidget(self.days)
        form.addWidget(QLabel(self.tr("after the term ends.")))
        form.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Term")), 0, 0)
        grid.addWidget(QLabel(self.tr("Own date")), 0, 1)
        grid.addWidget(QLabel(self.tr("Deadline")), 0, 2)
        self.rows: list[_TermRow] = []
        for i, term in enumerate(terms, start=1):
            row = self._term_row(term)
            grid.addWidget(QLabel(term_label(parse_term(term))), i, 0)
            grid.addWidget(row.own, i, 1)
            grid.addWidget(row.date, i, 2)
            grid.addWidget(row.error, i, 3)
            self.rows.append(row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        self._update()

    def _term_row(self, term: str) -> _TermRow:
        own = QCheckBox()
        own.setToolTip(self.tr("Give this term a deadline of its own."))
        date = QDateEdit(_qdate(self._config.deadline(term)))
        date.setCalendarPopup(True)
        date.setDisplayFormat("yyyy-MM-dd")
        has_own = term in self._config.deadlines
        own.setChecked(has_own)
        date.setEnabled(has_own)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        row = _TermRow(term, own, date, error)
        own.toggled.connect(self._update)
        date.dateChanged.connect(self._update)
        return row

    def _default(self, term: str) -> dt.date:
        return term_end(term) + dt.timedelta(days=self.days.value())

    def _update(self) -> None:
        for row in self.rows:
            row.date.setEnabled(row.own.isChecked())
            if not row.own.isChecked():
                row.date.blockSignals(True)
                row.date.setDate(_qdate(self._default(row.term)))
                row.date.blockSignals(False)
            row.error.setText(self._problem(row))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.problems())

    def _problem(self, row: _TermRow) -> str:
        if not row.own.isChecked():
            return ""
        start = term_start(row.term)
        if _pydate(row.date.date()) < start:
            return self.tr("Before the term begins ({date}).").format(date=start.isoformat())
        return ""

    def problems(self) -> list[str]:
        return [text for row in self.rows if (text := self._problem(row))]

    def set_deadline(self, term: str, day: dt.date | None) -> None:
        """Give ``term`` its own date (None: back to the default); for tests and callers."""
        row = next(r for r in self.rows if r.term == term)
        row.own.setChecked(day is not None)
        if day is not None:
            row.date.setDate(_qdate(day))

    def config(self) -> DistrictConfig:
        """The configuration as set: terms not shown keep their own dates."""
        deadlines = dict(self._config.deadlines)
        for row in self.rows:
            if row.own.isChecked():
                deadlines[row.term] = _pydate(row.date.date())
            else:
                deadlines.pop(row.term, None)
        return DistrictConfig(deadlines=deadlines, days_after_term=self.days.value())

    def accept(self) -> None:
        if self.problems():
            return
        super().accept()
