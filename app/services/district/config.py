"""The bureau's district settings (settings key ``district_config``): submission deadlines.

Stored as ``{"deadlines": {"2026-2027-1": "2027-02-14", …}, "days_after_term": 14}``. A term
without a configured deadline is due ``days_after_term`` days (default 14) after the term's
end; the term ends on 31 January (first term) or 31 July (second term), the same default term
dates as the labor reports (``labor_totals.term_period``). The deadline day itself is still on
time: a packet received on it is not late.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from sqlite_utils import Database

from app.errors import UserError, ValidationError
from app.i18n import tr
from app.terms import parse_term
from db import repo_settings

CONFIG_KEY: Final = "district_config"
DEFAULT_DAYS_AFTER_TERM: Final = 14


def term_end(term: str) -> dt.date:
    parsed = parse_term(term)
    year = int(parsed.school_year[:4])
    return dt.date(year + 1, 1, 31) if parsed.semester == 1 else dt.date(year + 1, 7, 31)


@dataclass(frozen=True)
class DistrictConfig:
    deadlines: Mapping[str, dt.date] = field(default_factory=dict)
    days_after_term: int = DEFAULT_DAYS_AFTER_TERM

    def deadline(self, term: str) -> dt.date:
        """The configured deadline of ``term``, else its end + ``days_after_term`` days."""
        found = self.deadlines.get(term)
        return found if found else term_end(term) + dt.timedelta(days=self.days_after_term)

    def to_json(self) -> dict[str, Any]:
        return {
            "deadlines": {t: d.isoformat() for t, d in sorted(self.deadlines.items())},
            "days_after_term": self.days_after_term,
        }


def _bad(what: str) -> UserError:
    return UserError(
        tr("The district settings are not valid: {what}.", what=what),
        tr("Give each deadline as a date (2027-02-14) for a term (2026-2027-1)."),
    )


def config_from_json(data: Any) -> DistrictConfig:
    """Read a stored (or typed) configuration; raises UserError on a malformed value."""
    if data is None:
        return DistrictConfig()
    if not isinstance(data, dict):
        raise _bad("not an object")
    deadlines: dict[str, dt.date] = {}
    for term, day in dict(data.get("deadlines", {})).items():
        try:
            deadlines[parse_term(str(term)).code] = dt.date.fromisoformat(str(day))
        except (ValueError, ValidationError):
            raise _bad(f"{term}: {day}") from None
    days = data.get("days_after_term", DEFAULT_DAYS_AFTER_TERM)
    if type(days) is not int or not 0 <= days <= 365:
        raise _bad(f"days_after_term {days}")
    return DistrictConfig(deadlines=deadlines, days_after_term=days)


def load_district_config(db: Database) -> DistrictConfig:
    return config_from_json(repo_settings.get_setting(db, CONFIG_KEY))


def save_district_config(db: Database, config: DistrictConfig) -> None:
    checked = config_from_json(config.to_json())
    with db.atomic():
        repo_settings.set_setting(db, CONFIG_KEY, checked.to_json())
