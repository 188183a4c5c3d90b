"""Labor records (平时表现): record an activity for one student, a group or a whole class in one
entry, edit it, delete it (tombstone), list activities; and the labor configuration.

The batch-entry dialog builds one ``LaborActivityDraft`` (date, category, task group, project,
setting, default minutes …) and one ``ParticipantEntry`` per student; exceptions are per entry:
``status=ABSENT`` (stored with 0 minutes) or ``minutes=`` a different number. Each participant
is a row of its own, with the minutes actually done, so totals are plain sums.

The per-student totals and the threshold report live in ``labor_totals`` and are re-exported
here (``student_hours``, ``below_threshold``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlite_utils import Database

from app.errors import NotFoundError
from app.i18n import tr
from app.labor.config import LaborConfig
from app.labor.constants import ParticipationStatus
from app.labor.models import (
    ActivityDetail,
    ActivityFilter,
    LaborActivity,
    LaborActivityDraft,
    LaborActivityRow,
    ParticipantEntry,
)
from app.services.labor_checks import LaborEntryInvalid, check_entry
from app.services.labor_totals import below_threshold, student_hours, term_period
from app.services.workspace import require_school
from db import records, repo_labor
from db.records import insert_record, new_uuid, tombstone_record, update_record


def labor_config(db: Database) -> LaborConfig:
    return repo_labor.get_config(db)


def save_labor_config(db: Database, config: LaborConfig) -> None:
    """Store the configuration; raises ``LaborEntryInvalid`` naming the settings at fault."""
    bad = config.problems()
    if bad:
        raise LaborEntryInvalid({name: tr("This setting is out of range.") for name in bad})
    with db.atomic():
        repo_labor.save_config(db, config)


def record_activity(
    db: Database,
    activity: LaborActivityDraft,
    participants: Sequence[ParticipantEntry],
    *,
    actor: str,
    today: dt.date | None = None,
) -> str:
    """Write one activity and its participants in one transaction; returns the activity uuid."""
    school = require_school(db)
    checked = check_entry(
        db, school.code, activity, participants, labor_config(db), today=today or dt.date.today()
    )
    with db.atomic():
        uuid = insert_record(db, "labor_activities", checked.activity, actor)
        rows = [
            {"uuid": new_uuid(), "activity_uuid": uuid, **row}
            for row in checked.participants.values()
        ]
        records.insert_many(db, "labor_participations", rows, actor)
    return uuid


def update_activity(
    db: Database,
    uuid: str,
    activity: LaborActivityDraft,
    participants: Sequence[ParticipantEntry] | None = None,
    *,
    actor: str,
    today: dt.date | None = None,
) -> bool:
    """Change an activity; with ``participants``, the list becomes exactly that one (students
    left out are tombstoned). Without it, present participants who had the old default minutes
    follow a new default. Returns False if nothing changed."""
    school = require_school(db)
    old = get_activity(db, uuid)
    stored = repo_labor.participation_rows(db, uuid)
    if participants is None:
        participants = _keep_participants(old, stored)
    checked = check_entry(
        db, school.code, activity, participants, labor_config(db), today=today or dt.date.today()
    )
    changed = False
    with db.atomic():
        changed |= update_record(db, "labor_activities", uuid, checked.activity, actor)
        new_rows = []
        for student_uuid, row in checked.participants.items():
            existing = stored.pop(student_uuid, None)
            if existing is None:
                new_rows.append({"uuid": new_uuid(), "activity_uuid": uuid, **row})
            else:
                changed |= update_record(db, "labor_participations", existing["uuid"], row, actor)
        records.insert_many(db, "labor_participations", new_rows, actor)
        gone = {str(row["uuid"]) for row in stored.values()}
        for participation in sorted(gone):
            tombstone_record(db, "labor_participations", participation, actor)
        for evidence in repo_labor.evidence_of(db, uuid):
            if evidence.participation_uuid in gone:  # a removed student's own photo goes too
                tombstone_record(db, "labor_evidence", evidence.meta.uuid, actor)
        changed |= bool(new_rows or stored)
    return changed


def _keep_participants(
    old: LaborActivity, stored: dict[str, dict[str, object]]
) -> list[ParticipantEntry]:
    """The stored participants as entries; those who had the old default follow the new one."""
    entries = []
    for student_uuid, row in stored.items():
        status = ParticipationStatus(str(row["status"]))
        minutes = row["minutes"]
        follows_default = status is ParticipationStatus.PRESENT and minutes == old.minutes
        entries.append(
            ParticipantEntry(
                student_uuid=student_uuid,
                status=status,
                minutes=None if follows_default else int(str(minutes)),
                ratings=repo_labor.ratings_from_json(str(row["ratings"])),
                note=str(row["note"]),
            )
        )
    return entries


def delete_activity(db: Database, uuid: str, *, actor: str) -> None:
    """Tombstone the activity, its participations and its evidence rows (files stay)."""
    get_activity(db, uuid)
    with db.atomic():
        for row in repo_labor.participation_rows(db, uuid).values():
            tombstone_record(db, "labor_participations", str(row["uuid"]), actor)
        for evidence in repo_labor.evidence_of(db, uuid):
            tombstone_record(db, "labor_evidence", evidence.meta.uuid, actor)
        tombstone_record(db, "labor_activities", uuid, actor)


def get_activity(db: Database, uuid: str) -> LaborActivity:
    found = repo_labor.get_activity(db, uuid)
    if found is None or found.meta.deleted:
        raise NotFoundError(tr("The labor activity no longer exists."), tr("Refresh the list."))
    return found


def activity_detail(db: Database, uuid: str) -> ActivityDetail:
    """The activity with its participants (student number, name, class), for the edit dialog."""
    return ActivityDetail(get_activity(db, uuid), tuple(repo_labor.participations_of(db, uuid)))


def list_activities(db: Database, filters: ActivityFilter | None = None) -> list[LaborActivityRow]:
    """Live activities, newest first, with participant and evidence counts (the list page)."""
    return repo_labor.list_activities(db, require_school(db).code, filters or ActivityFilter())


__all__ = [
    "LaborEntryInvalid",
    "activity_detail",
    "below_threshold",
    "delete_activity",
    "get_activity",
    "labor_config",
    "list_activities",
    "record_activity",
    "save_labor_config",
    "student_hours",
    "term_period",
    "update_activity",
]
