"""Checks of a labor entry (an activity and its participants) before it is written.

Problems are collected per field, like the student dialog's: ``LaborEntryInvalid.errors`` maps
a field key (``date``, ``project``, ``minutes`` …) or ``participant:<student uuid>`` to a
translated message, so the batch-entry dialog can mark the cell at fault.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.errors import UserError, ValidationError
from app.i18n import tr
from app.labor.config import LaborConfig
from app.labor.constants import TASK_GROUP_BY_NO, ParticipationStatus, Rater, band_of_grade
from app.labor.labor_week import school_year_of
from app.labor.models import LaborActivityDraft, ParticipantEntry
from app.labor.parsing import check_group_category
from app.terms import parse_term, term_for_date
from app.validation.text import clean_name
from db import repo_classes, repo_labor
from db.repo_labor import ratings_json

MAX_PROJECT = 100
MAX_DESCRIPTION = 1000
MAX_NOTE = 200


class LaborEntryInvalid(UserError):
    """The entry has field errors; ``errors`` maps field key → translated message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__(tr("The labor entry cannot be saved:") + " " + " ".join(errors.values()))


@dataclass(frozen=True)
class CheckedEntry:
    activity: dict[str, Any]  # content columns of labor_activities
    participants: dict[str, dict[str, Any]]  # student uuid → content columns (no activity_uuid)


def check_activity(
    db: Database,
    school_code: str,
    draft: LaborActivityDraft,
    config: LaborConfig,
    *,
    today: dt.date,
) -> tuple[dict[str, Any], dict[str, str]]:
    """The activity's stored values and the problems found (field key → message)."""
    errors: dict[str, str] = {}
    project = clean_name(draft.project)
    if not project:
        errors["project"] = tr("Enter the project (e.g. 整理书包).")
    elif len(project) > MAX_PROJECT:
        errors["project"] = tr("The project name is longer than {n} characters.", n=MAX_PROJECT)
    description = draft.description.strip()
    if len(description) > MAX_DESCRIPTION:
        errors["description"] = tr(
            "The description is longer than {n} characters.", n=MAX_DESCRIPTION
        )
    if draft.date > today:
        errors["date"] = tr("The date {date} is in the future.", date=draft.date.isoformat())
    if draft.task_group not in TASK_GROUP_BY_NO:
        errors["task_group"] = tr("Choose one of the ten task groups.")
    else:
        try:
            check_group_category(draft.task_group, draft.category)
        except ValidationError as exc:
            errors["category"] = exc.what
    if not 1 <= draft.minutes <= config.max_minutes_per_entry:
        errors["minutes"] = tr(
            "Enter between {low} and {high} minutes.", low=1, high=config.max_minutes_per_entry
        )
    term = _term(draft, errors)
    if draft.class_uuid is not None:
        found = repo_classes.get_class(db, draft.class_uuid)
        if found is None or found.meta.deleted or found.school_code != school_code:
            errors["class_uuid"] = tr("The class no longer exists.")
    values = {
        "school_code": school_code,
        "term": term,
        "date": draft.date.isoformat(),
        "category": draft.category.value,
        "task_group": draft.task_group,
        "project": project,
        "setting": draft.setting.value,
        "minutes": draft.minutes,
        "description": description,
        "class_uuid": draft.class_uuid,
        "organiser": clean_name(draft.organiser),
    }
    return values, errors


def _term(draft: LaborActivityDraft, errors: dict[str, str]) -> str:
    if draft.term is None:
        return term_for_date(draft.date).code
    try:
        term = parse_term(draft.term)
    except ValidationError as exc:
        errors["term"] = exc.what
        return draft.term
    if term.school_year != school_year_of(draft.date):
        errors["term"] = tr(
            "The date {date} is not in school year {year}.",
            date=draft.date.isoformat(),
            year=term.school_year,
        )
    return term.code


def check_participants(
    db: Database,
    school_code: str,
    draft: LaborActivityDraft,
    entries: Sequence[ParticipantEntry],
    config: LaborConfig,
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Participant rows keyed by student uuid, and the problems (``participant:<uuid>`` keys)."""
    errors: dict[str, str] = {}
    if not entries:
        errors["participants"] = tr("Choose at least one student.")
    grades = repo_labor.student_grades(db, school_code, [e.student_uuid for e in entries])
    rows: dict[str, dict[str, Any]] = {}
    for e in entries:
        key = f"participant:{e.student_uuid}"
        if e.student_uuid in rows:
            errors[key] = tr("The student is listed twice.")
            continue
        grade = grades.get(e.student_uuid)
        problem = (
            tr("The student no longer exists.")
            if grade is None
            else _participant_problem(draft, e, band_of_grade(grade), config)
        )
        if problem:
            errors[key] = problem
        present = e.status is ParticipationStatus.PRESENT
        minutes = (draft.minutes if e.minutes is None else e.minutes) if present else 0
        rows[e.student_uuid] = {
            "student_uuid": e.student_uuid,
            "status": e.status.value,
            "minutes": minutes,
            "ratings": ratings_json(e.ratings),
            "note": e.note.strip(),
        }
    return rows, errors


def _participant_problem(
    draft: LaborActivityDraft, e: ParticipantEntry, band: int, config: LaborConfig
) -> str:
    if draft.task_group in TASK_GROUP_BY_NO and draft.task_group not in config.groups_for_band(
        band
    ):
        return tr(
            "The school does not run task group {group} in this student's 学段.",
            group=TASK_GROUP_BY_NO[draft.task_group].name,
        )
    if (
        e.status is ParticipationStatus.PRESENT
        and e.minutes is not None
        and not 1 <= e.minutes <= config.max_minutes_per_entry
    ):
        return tr(
            "Enter between {low} and {high} minutes.", low=1, high=config.max_minutes_per_entry
        )
    return _ratings_problem(e.ratings, config) or (
        tr("The note is longer than {n} characters.", n=MAX_NOTE) if len(e.note) > MAX_NOTE else ""
    )


def _ratings_problem(ratings: Mapping[str, str], config: LaborConfig) -> str:
    raters = {r.value for r in Rater}
    for rater, level in ratings.items():
        if rater not in raters:
            return tr("'{rater}' is not a rater.", rater=rater)
        if level and level not in config.rating_scale:
            return tr(
                "'{level}' is not on the rating scale ({scale}).",
                level=level,
                scale="/".join(config.rating_scale),
            )
    return ""


def check_entry(
    db: Database,
    school_code: str,
    draft: LaborActivityDraft,
    entries: Sequence[ParticipantEntry],
    config: LaborConfig,
    *,
    today: dt.date,
) -> CheckedEntry:
    """Both checks; raises ``LaborEntryInvalid`` with every problem found."""
    activity, errors = check_activity(db, school_code, draft, config, today=today)
    participants, more = check_participants(db, school_code, draft, entries, config)
    errors.update(more)
    if errors:
        raise LaborEntryInvalid(errors)
    return CheckedEntry(activity, participants)
