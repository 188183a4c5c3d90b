"""Terms (学期) written ``2025-2026-1``: school year + semester."""

from __future__ import annotations

import datetime as dt
import re

from app.errors import ValidationError
from app.i18n import tr
from app.models import Term

_TERM = re.compile(r"^(\d{4})-(\d{4})-([12])$")
_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


def parse_term(text: str) -> Term:
    m = _TERM.match(text.strip())
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        raise ValidationError(
            tr("'{value}' is not a term.", value=text.strip()),
            tr("Write a term as 2025-2026-1: the school year, then 1 or 2 for the semester."),
        )
    return Term(
        code=text.strip(), school_year=f"{m.group(1)}-{m.group(2)}", semester=int(m.group(3))
    )


def parse_school_year(text: str) -> str:
    m = _YEAR.match(text.strip())
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        raise ValidationError(
            tr("'{value}' is not a school year.", value=text.strip()),
            tr("Write a school year as 2025-2026."),
        )
    return text.strip()


def term_for_date(day: dt.date) -> Term:
    """The term a date falls in: September–January is the first term, February–August the second."""
    if day.month >= 9:
        start = day.year
        semester = 1
    elif day.month == 1:
        start = day.year - 1
        semester = 1
    else:
        start = day.year - 1
        semester = 2
    year = f"{start}-{start + 1}"
    return Term(code=f"{year}-{semester}", school_year=year, semester=semester)


def previous_school_year(school_year: str) -> str:
    start = int(school_year[:4]) - 1
    return f"{start}-{start + 1}"
