"""Choosing a term (学期): the last two school years, this one and the next, newest last, with
the workspace's current term chosen at first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QWidget

from app.terms import parse_term, term_for_date
from ui.labels import term_label


def term_codes(today: dt.date, current: str) -> list[str]:
    year = int(term_for_date(today).school_year[:4])
    codes = [f"{y}-{y + 1}-{s}" for y in range(year - 2, year + 1) for s in (1, 2)]
    if current not in codes:
        codes.append(current)
    return sorted(codes)


class TermCombo(QComboBox):
    def __init__(self, today: dt.date, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code in term_codes(today, current):
            self.addItem(term_label(parse_term(code)), code)
        self.setCurrentIndex(self.findData(current))

    def code(self) -> str:
        return str(self.currentData())

    def school_year(self) -> str:
        return parse_term(self.code()).school_year

    def set_code(self, code: str) -> None:
        found = self.findData(code)
        if found < 0:
            self.addItem(term_label(parse_term(code)), code)
            found = self.count() - 1
        self.setCurrentIndex(found)
