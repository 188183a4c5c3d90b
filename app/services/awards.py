"""Awards (获奖记录), shared by arts, sports and labor: record, correct, delete, list, and the
counting rules (``counts_toward_arts_specialty``, ``whitelist_warning``; see app.arts.award_rules).

An award is one result of one event (level, rank, date, certificate); its winners are students
of the school (a team award has several) and/or a team name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.arts.award_rules import (
    award_school_year,
    award_warnings,
    counts_toward_arts_specialty,
    whitelist_warning,
)
from app.arts.constants import AwardDomain, AwardLevel, AwardRank, parse_level, parse_rank
from app.arts.models import Award
from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import tr
from app.services.arts_common import require_students, school_year_range, sync_students
from app.services.workspace import require_school
from app.validation.dates import parse_date
from app.validation.text import clean, clean_name
from db import repo_awards
from db.records import insert_record, tombstone_record, update_record
from db.repo_arts import tombstone_many

MAX_TEXT = 200  # event, organizer and the other short texts


@dataclass(frozen=True)
class AwardInput:
    """What the award form (or an import row) gives; ``rank`` defaults to what ``rank_text``
    names (金奖 → 一等奖 …)."""

    event: str
    organizer: str
    organizer_is_education_authority: bool
    level: AwardLevel | str
    rank_text: str
    date: dt.date | str
    domain: AwardDomain = AwardDomain.ARTS
    rank: AwardRank | None = None
    certificate_no: str = ""
    on_moe_whitelist: bool | None = None
    adviser: str = ""
    team_name: str = ""
    category: str = ""
    note: str = ""


class AwardInvalid(UserError):
    """The award form has field errors; ``errors`` maps field name → message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__(tr("The award cannot be saved:") + " " + " ".join(errors.values()))


def award_values(data: AwardInput, *, today: dt.date) -> tuple[dict[str, Any], dict[str, str]]:
    """The stored columns of an award (school_code aside) and the field errors."""
    errors: dict[str, str] = {}
    event, organizer = clean_name(data.event), clean_name(data.organizer)
    if not event:
        errors["event"] = tr("Enter the name of the competition or event.")
    if not organizer:
        errors["organizer"] = tr("Enter who organised the event.")
    level = data.level if isinstance(data.level, AwardLevel) else parse_level(data.level)
    if level is None:
        errors["level"] = tr(
            "'{value}' is not an award level (国家级, 省级, 市级, 县区级, 校级).", value=data.level
        )
    rank_text = clean_name(data.rank_text)
    rank = data.rank or parse_rank(rank_text)
    if rank is AwardRank.OTHER and not rank_text:
        errors["rank_text"] = tr("Enter the award's rank as on the certificate (e.g. 一等奖).")
    try:
        date = parse_date(data.date, today=today)  # also refuses a future date
    except ValidationError as exc:
        errors["date"] = exc.what
        date = today
    texts = {
        "event": event,
        "organizer": organizer,
        "rank_text": rank_text,
        "adviser": clean_name(data.adviser),
        "team_name": clean_name(data.team_name),
        "category": clean_name(data.category),
        "certificate_no": clean(data.certificate_no),
    }
    for key, text in texts.items():
        if len(text) > MAX_TEXT:
            errors[key] = tr("The text is longer than {n} characters.", n=MAX_TEXT)
    if len(data.note) > 1000:
        errors["note"] = tr("The text is longer than {n} characters.", n=1000)
    values = {
        **texts,
        "domain": AwardDomain(data.domain).value,
        "organizer_is_education_authority": int(bool(data.organizer_is_education_authority)),
        "level": level.value if level else "",
        "rank": rank.value,
        "date": date.isoformat(),
        # The white-list question only exists for national contests.
        "on_moe_whitelist": (
            None
            if level is not AwardLevel.NATIONAL or data.on_moe_whitelist is None
            else int(data.on_moe_whitelist)
        ),
        "note": data.note.strip(),
    }
    return values, errors


def save_award(
    db: Database,
    data: AwardInput,
    *,
    winners: Sequence[str],
    actor: str,
    uuid: str | None = None,
    today: dt.date | None = None,
) -> Award:
    """Create (uuid None) or correct an award and set its winners; raises AwardInvalid."""
    school = require_school(db)
    values, errors = award_values(data, today=today or dt.date.today())
    if not winners and not values["team_name"]:
        errors["winners"] = tr("Choose the students who won the award, or enter the team's name.")
    if errors:
        raise AwardInvalid(errors)
    students = require_students(db, school.code, winners)
    with db.atomic():
        if uuid is None:
            uuid = insert_record(db, "awards", {"school_code": school.code, **values}, actor)
        else:
            get_award(db, uuid)
            update_record(db, "awards", uuid, values, actor)
        current = repo_awards.active_winners(db, uuid)
        sync_students(db, "award_winners", {"award_uuid": uuid}, current, students, actor)
    return get_award(db, uuid)


def get_award(db: Database, uuid: str) -> Award:
    award = repo_awards.get_award(db, uuid)
    if award is None or award.meta.deleted:
        raise NotFoundError(tr("The award no longer exists."), tr("Refresh the list."))
    return award


def delete_award(db: Database, uuid: str, *, actor: str) -> None:
    """Tombstone the award and its winner rows (the deletion travels in packets)."""
    get_award(db, uuid)
    with db.atomic():
        tombstone_many(db, "award_winners", repo_awards.active_winners(db, uuid).values(), actor)
        tombstone_record(db, "awards", uuid, actor)


def list_awards(
    db: Database,
    *,
    domain: AwardDomain | None = None,
    school_year: str | None = None,
    student_uuid: str | None = None,
) -> list[Award]:
    school = require_school(db)
    start, end = school_year_range(school_year) if school_year else (None, None)
    return repo_awards.list_awards(
        db, school.code, domain=domain, date_from=start, date_to=end, student_uuid=student_uuid
    )


__all__ = [
    "AwardInput",
    "AwardInvalid",
    "award_school_year",
    "award_values",
    "award_warnings",
    "counts_toward_arts_specialty",
    "delete_award",
    "get_award",
    "list_awards",
    "save_award",
    "whitelist_warning",
]
