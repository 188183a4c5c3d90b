"""The 劳动周 of a school year.

Every school year has a 劳动周 (纲要 2020). Henan holds its province-wide 劳动教育周 in "the first
week after 五一" each year (domain_rules §1.2). The default here is the calendar week (Monday to
Sunday) after the week that contains 5月1日: in 2026 五一 is a Friday, so the 劳动周 is
4–10 May. The official May Day holiday (often 1–5 May) sometimes runs into that week (2022 began
on 5 May); the school then sets the real first day in the configuration
(``LaborConfig.labor_week_starts``), which always wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.labor.config import LaborConfig


@dataclass(frozen=True)
class LaborWeek:
    school_year: str
    start: dt.date
    end: dt.date  # inclusive
    configured: bool  # True when the school set the date, False for the Henan default


def henan_labor_week_start(year: int) -> dt.date:
    """Monday of the week after the (Monday-to-Sunday) week containing 5月1日 of ``year``."""
    may_day = dt.date(year, 5, 1)
    return may_day + dt.timedelta(days=7 - may_day.weekday())


def school_year_of(day: dt.date) -> str:
    """The school year (September to August) a date belongs to, e.g. 2026-05-04 → 2025-2026."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


def school_year_bounds(school_year: str) -> tuple[dt.date, dt.date]:
    start = int(school_year[:4])
    return dt.date(start, 9, 1), dt.date(start + 1, 8, 31)


def labor_week(school_year: str, config: LaborConfig | None = None) -> LaborWeek:
    """The 劳动周 of ``school_year`` (2025-2026): configured, or the Henan week after 五一."""
    config = config or LaborConfig()
    configured = config.labor_week_starts.get(school_year)
    if configured:
        start = dt.date.fromisoformat(configured)
    else:
        start = henan_labor_week_start(int(school_year[5:9]))
    end = start + dt.timedelta(days=config.labor_week_days - 1)
    return LaborWeek(school_year, start, end, configured=bool(configured))
