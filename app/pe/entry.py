"""Checking what a teacher enters for a PE process record (the form or a pasted class block).

Percentages are whole numbers 0–100 ("95", "95%", "９５" are accepted); weekly minutes whole
minutes up to 2,100 (five hours a day: more is a typing slip); the skill level must be on the
school's scale; texts are trimmed and at most 100 characters (notes 500).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from app.i18n import tr
from app.pe.config import PEConfig
from app.validation.text import clean, clean_name, to_halfwidth

MAX_WEEKLY_MINUTES: Final = 2100
MAX_TEXT: Final = 100
MAX_NOTES: Final = 500
Raw = int | str | None


@dataclass(frozen=True)
class ProcessInput:
    """One student's term entries; None (or "") = not recorded."""

    pe_attendance_pct: Raw = None
    recess_exercise_pct: Raw = None
    after_school_minutes_per_week: Raw = None
    after_school_parent_confirmed: bool = False
    sports_club: str | None = None
    skill_item: str = ""
    skill_level: str = ""
    homework_completion_pct: Raw = None
    notes: str = ""


def _whole(raw: Raw, top: int, label: str, *, percent: bool) -> tuple[int | None, str | None]:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if isinstance(raw, bool):
        return None, tr("{field} must be a whole number.", field=label)
    text = to_halfwidth(str(raw)).strip()
    if percent:
        text = text.removesuffix("%").strip()
    if not text.isdigit():
        return None, tr("{field} must be a whole number.", field=label)
    value = int(text)
    if value > top:
        return None, tr("{field} must be from 0 to {top}.", field=label, top=top)
    return value, None


def process_values(cfg: PEConfig, data: ProcessInput) -> tuple[dict[str, Any], dict[str, str]]:
    """The stored columns of a record (student and term aside) and the field errors."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for key, top, label, percent in (
        ("pe_attendance_pct", 100, tr("PE class attendance"), True),
        ("recess_exercise_pct", 100, tr("Break-time exercise (大课间) participation"), True),
        ("after_school_minutes_per_week", MAX_WEEKLY_MINUTES, tr("Exercise minutes a week"), False),
        ("homework_completion_pct", 100, tr("PE homework completion"), True),
    ):
        value, problem = _whole(getattr(data, key), top, label, percent=percent)
        values[key] = value
        if problem:
            errors[key] = problem
    club = clean_name(data.sports_club or "")
    item, level = clean_name(data.skill_item), clean_name(data.skill_level)
    values.update(
        after_school_parent_confirmed=int(bool(data.after_school_parent_confirmed)),
        sports_club=club or None,
        skill_item=item,
        skill_level=level,
        notes=clean(data.notes),
    )
    for key in ("sports_club", "skill_item", "skill_level"):
        if len(values[key] or "") > MAX_TEXT:
            errors[key] = tr("The text is longer than {n} characters.", n=MAX_TEXT)
    if len(values["notes"]) > MAX_NOTES:
        errors["notes"] = tr("The text is longer than {n} characters.", n=MAX_NOTES)
    if level and cfg.skill_points(level) is None:
        names = "、".join(n for n, _ in cfg.skill_levels)
        errors["skill_level"] = tr(
            "'{value}' is not a skill level ({levels}).", value=level, levels=names
        )
    if level and not item:
        errors["skill_item"] = tr("Enter the sport the skill level is for.")
    return values, errors
