"""What the district overview is filtered on, shared by all its tabs: the term (the analytics of
a 学年 use its school year), the school type (学段: 小学/初中/高中, decided by grade, see
``app.services.district.scope``) and one school. One object for the whole page, so that a filter
chosen on 体质健康 still holds on 劳动教育; each tab's filter bar shows it and sets it.

Changing the school type drops a chosen school that has no grades of the new type, in the same
change (one ``changed`` signal, so one recomputation).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from app.services.district.scope import SchoolInfo, SchoolType
from app.terms import parse_term
from ui.widgets.term_combo import term_codes

TERMS_IN_MATRIX = 4  # the submission matrix: the current term and the three before it


def recent_terms(today: dt.date, current: str) -> list[str]:
    """The terms one may choose, oldest first, none after the current one."""
    return [t for t in term_codes(today, current) if t <= current]


def recent_years(terms: list[str]) -> list[str]:
    """The school years of ``terms``, newest first."""
    return sorted({parse_term(t).school_year for t in terms}, reverse=True)


class DistrictFilters(QObject):
    changed = Signal()  # term, school type or school
    schools_changed = Signal()  # the list of schools was read again

    def __init__(self, terms: list[str], current: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.terms = terms
        self.term = current
        self.school_type: SchoolType | None = None
        self.school_code: str | None = None
        self.schools: dict[str, SchoolInfo] = {}

    @property
    def school_year(self) -> str:
        return parse_term(self.term).school_year

    @property
    def matrix_terms(self) -> list[str]:
        return self.terms[-TERMS_IN_MATRIX:]

    def schools_of_type(self) -> dict[str, SchoolInfo]:
        if self.school_type is None:
            return dict(self.schools)
        return {c: s for c, s in self.schools.items() if self.school_type in s.types}

    def set_schools(self, schools: Mapping[str, SchoolInfo]) -> None:
        self.schools = dict(schools)
        self.schools_changed.emit()
        if self.school_code is not None and self.school_code not in self.schools_of_type():
            self.school_code = None
            self.changed.emit()

    def set_term(self, term: str) -> None:
        if term != self.term:
            self.term = term
            self.changed.emit()

    def set_school_year(self, school_year: str) -> None:
        """Keep the semester: 2025-2026-2 → 2026-2027-2 (if that term may be chosen)."""
        semester = parse_term(self.term).semester
        wanted = f"{school_year}-{semester}"
        if wanted not in self.terms:
            wanted = max(t for t in self.terms if t.startswith(school_year))
        self.set_term(wanted)

    def set_school_type(self, school_type: SchoolType | None) -> None:
        if school_type == self.school_type:
            return
        self.school_type = school_type
        if self.school_code is not None and self.school_code not in self.schools_of_type():
            self.school_code = None
        self.changed.emit()

    def set_school(self, school_code: str | None) -> None:
        if school_code != self.school_code:
            self.school_code = school_code
            self.changed.emit()

    def school_name(self) -> str:
        info = self.schools.get(self.school_code or "")
        return info.name if info is not None else ""
