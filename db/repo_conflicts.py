"""Merge conflicts kept for review at the bureau (table ``merge_conflicts``).

At most one open conflict per record: a later packet with the same record replaces the open
row's incoming version. A conflict resolved by keeping the central version remembers the
incoming version it refused (``incoming_sha256``), so the same version sent again is not
raised again; a newer revision of the record supersedes an open conflict.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

KINDS = ("revision", "transfer", "duplicate_natural_key")
RESOLUTIONS = ("central", "incoming", "superseded")


@dataclass(frozen=True)
class Conflict:
    id: int
    packet_sha256: str
    school_code: str
    table_name: str
    record_uuid: str
    kind: str  # revision | transfer | duplicate_natural_key
    central_uuid: str | None  # the central record in question (another school's, for a transfer)
    central: dict[str, Any] | None  # that record as a packet record, when the conflict arose
    incoming: dict[str, Any]  # the packet's version
    incoming_sha256: str
    status: str  # open | resolved
    resolution: str | None  # central | incoming | superseded
    resolved_by: str | None
    resolved_at: str | None
    created_at: str


@dataclass(frozen=True)
class NewConflict:
    packet_sha256: str
    school_code: str
    table_name: str
    record_uuid: str
    kind: str
    central_uuid: str | None
    central: str | None  # canonical JSON
    incoming: str  # canonical JSON
    incoming_sha256: str


def _conflict(r: dict[str, Any]) -> Conflict:
    return Conflict(
        **{
            **r,
            "central": json.loads(r["central"]) if r["central"] else None,
            "incoming": json.loads(r["incoming"]),
        }
    )


def list_conflicts(
    db: Database, *, status: str | None = "open", school_code: str | None = None
) -> list[Conflict]:
    where, args = [], []
    if status is not None:
        where.append("status = ?")
        args.append(status)
    if school_code is not None:
        where.append("school_code = ?")
        args.append(school_code)
    sql = "SELECT * FROM merge_conflicts"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [_conflict(r) for r in db.query(sql + " ORDER BY id", args)]


def get_conflict(db: Database, conflict_id: int) -> Conflict | None:
    rows = list(db.query("SELECT * FROM merge_conflicts WHERE id = ?", [conflict_id]))
    return _conflict(rows[0]) if rows else None


def count_open(db: Database) -> int:
    return int(
        db.execute("SELECT count(*) FROM merge_conflicts WHERE status = 'open'").fetchone()[0]
    )


def refused_before(db: Database, table: str, uuid: str, incoming_sha256: str) -> bool:
    """Whether the bureau already kept its version against this very incoming version."""
    row = db.execute(
        "SELECT 1 FROM merge_conflicts WHERE table_name = ? AND record_uuid = ? "
        "AND status = 'resolved' AND resolution = 'central' AND incoming_sha256 = ? LIMIT 1",
        [table, uuid, incoming_sha256],
    ).fetchone()
    return row is not None


def put_open_conflicts(db: Database, conflicts: Iterable[NewConflict], at: str) -> None:
    db.conn.executemany(
        "INSERT INTO merge_conflicts (packet_sha256, school_code, table_name, record_uuid, kind, "
        "central_uuid, central, incoming, incoming_sha256, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?) "
        "ON CONFLICT(table_name, record_uuid) WHERE status = 'open' DO UPDATE SET "
        "packet_sha256 = excluded.packet_sha256, school_code = excluded.school_code, "
        "kind = excluded.kind, central_uuid = excluded.central_uuid, central = excluded.central, "
        "incoming = excluded.incoming, incoming_sha256 = excluded.incoming_sha256",
        [
            (
                c.packet_sha256,
                c.school_code,
                c.table_name,
                c.record_uuid,
                c.kind,
                c.central_uuid,
                c.central,
                c.incoming,
                c.incoming_sha256,
                at,
            )
            for c in conflicts
        ],
    )


def mark_resolved(db: Database, conflict_id: int, resolution: str, actor: str, at: str) -> bool:
    if resolution not in RESOLUTIONS:
        raise ValueError(resolution)
    cur = db.execute(
        "UPDATE merge_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, "
        "resolved_at = ? WHERE id = ? AND status = 'open'",
        [resolution, actor, at, conflict_id],
    )
    return bool(cur.rowcount)
