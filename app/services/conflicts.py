"""Reviewing merge conflicts at the bureau (the service side of the conflicts page).

A conflict is resolved by keeping the central version (nothing changes; the same incoming
version sent again is not raised again) or by taking the incoming one:

- ``revision``: the incoming record replaces the central one, which must not have changed since
  the conflict was raised;
- ``transfer``: the other school's record of the student is tombstoned at the bureau (the
  bureau's own revision + 1, audited) and the incoming record goes in.

Records that referred to a record held in a transfer conflict were rejected with that packet;
the school's next packet brings them again once the student is in.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.errors import NotFoundError, UserError
from app.i18n import tr
from app.packets.sync_tables import TABLES_BY_NAME, SyncTable
from app.services.merge import apply_and_audit, stage_spec
from db import repo_conflicts, repo_merge
from db.records import now_utc, tombstone_record
from db.repo_conflicts import Conflict

TAKE = ("central", "incoming")


def list_conflicts(
    db: Database, *, status: str | None = "open", school_code: str | None = None
) -> list[Conflict]:
    """Conflicts, oldest first (``status`` None: open and resolved)."""
    return repo_conflicts.list_conflicts(db, status=status, school_code=school_code)


def count_open_conflicts(db: Database) -> int:
    return repo_conflicts.count_open(db)


def differences(conflict: Conflict) -> list[tuple[str, Any, Any]]:
    """(field, central value, incoming value) for each field that differs, meta fields included."""
    central = conflict.central or {}
    return [
        (name, central.get(name), value)
        for name, value in sorted(conflict.incoming.items())
        if central.get(name) != value
    ]


def resolve_conflict(db: Database, conflict_id: int, *, take: str, actor: str) -> Conflict:
    """Keep the central version (``take='central'``) or take the incoming one; one transaction."""
    if take not in TAKE:
        raise UserError(
            tr("'{take}' is not a way to resolve a conflict.", take=take),
            tr("Choose central or incoming."),
        )
    with db.atomic():
        conflict = repo_conflicts.get_conflict(db, conflict_id)
        if conflict is None:
            raise NotFoundError(
                tr("There is no conflict number {id}.", id=conflict_id),
                tr("Reload the list of conflicts."),
            )
        if conflict.status != "open":
            raise UserError(
                tr("Conflict {id} is already resolved.", id=conflict_id),
                tr("Reload the list of conflicts."),
            )
        if take == "incoming":
            _take_incoming(db, conflict, actor)
        repo_conflicts.mark_resolved(db, conflict_id, take, actor, now_utc())
    resolved = repo_conflicts.get_conflict(db, conflict_id)
    assert resolved is not None
    return resolved


def _take_incoming(db: Database, conflict: Conflict, actor: str) -> None:
    table = TABLES_BY_NAME.get(conflict.table_name)
    if table is None:
        raise UserError(
            tr("This Baosong does not know the table {name}.", name=conflict.table_name),
            tr("Install the newest version of Baosong."),
        )
    spec = stage_spec(table)
    current = repo_merge.central_rows(db, spec, [conflict.record_uuid]).get(conflict.record_uuid)
    if conflict.kind == "revision":
        if current is None or table.record_from_row(current) != conflict.central:
            raise UserError(
                tr("The central record has changed since this conflict was raised."),
                tr("Keep the central version, or wait for the school's next packet."),
            )
    elif conflict.central_uuid:
        other = repo_merge.central_rows(db, spec, [conflict.central_uuid]).get(
            conflict.central_uuid
        )
        if other is not None and not other["deleted"]:
            tombstone_record(db, table.name, conflict.central_uuid, actor)
    _write_incoming(db, table, conflict, exists=current is not None, actor=actor)


def _write_incoming(
    db: Database, table: SyncTable, conflict: Conflict, *, exists: bool, actor: str
) -> None:
    spec = stage_spec(table)
    repo_merge.create_stage(db, spec)
    try:
        row = table.row_from_record(conflict.incoming)
        repo_merge.load_stage(db, spec, [tuple(row[c] for c in spec.columns)])
        outcome = "updated" if exists else "created"
        repo_merge.set_outcome(db, spec, [conflict.record_uuid], outcome, "")
        source = f"conflict {conflict.id}: the incoming version of packet {conflict.packet_sha256}"
        apply_and_audit(db, table, spec, actor, source)
        problems = [i for i in repo_merge.stage_issues(db, spec) if i.outcome == "rejected"]
    finally:
        repo_merge.drop_stage(db, spec)
    if problems:
        raise UserError(
            tr("The incoming record cannot be stored: {detail}", detail=problems[0].detail),
            tr("Keep the central version, or ask the school to correct the record."),
        )
