"""Packets: the school's history of exported packets, the records an export selects, and the
bureau's ledger of received packets (the intake/merge builds on ``packet_ledger``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from db.records import changes_after_sql

PACKET_STATUSES = ("exported", "acknowledged", "returned")
LEDGER_STATUSES = ("merged", "duplicate", "rejected")


@dataclass(frozen=True)
class ExportedPacket:
    packet_uuid: str
    sequence: int
    sha256: str
    prev_sha256: str | None
    base_sha256: str | None
    term: str
    mode: str  # full | incremental
    created_at: str
    status: str  # exported | acknowledged | returned
    status_at: str | None
    file_name: str
    counts: dict[str, int]
    audit_mark: int  # highest audit_log id included: "changed since" for the next incremental
    bureau_key_id: str
    school_key_fingerprint: str


def _exported(r: dict[str, Any]) -> ExportedPacket:
    return ExportedPacket(**{**r, "counts": json.loads(r["counts"])})


def list_exported(db: Database) -> list[ExportedPacket]:
    return [_exported(r) for r in db.query("SELECT * FROM exported_packets ORDER BY sequence")]


def get_exported(db: Database, packet_uuid: str) -> ExportedPacket | None:
    rows = list(db.query("SELECT * FROM exported_packets WHERE packet_uuid = ?", [packet_uuid]))
    return _exported(rows[0]) if rows else None


def last_exported(db: Database) -> ExportedPacket | None:
    rows = list(db.query("SELECT * FROM exported_packets ORDER BY sequence DESC LIMIT 1"))
    return _exported(rows[0]) if rows else None


def last_acknowledged(db: Database) -> ExportedPacket | None:
    rows = list(
        db.query(
            "SELECT * FROM exported_packets WHERE status = 'acknowledged' "
            "ORDER BY sequence DESC LIMIT 1"
        )
    )
    return _exported(rows[0]) if rows else None


def add_exported(db: Database, packet: ExportedPacket) -> None:
    row = {**packet.__dict__, "counts": json.dumps(packet.counts, sort_keys=True)}
    cols = list(row)
    db.execute(
        f"INSERT INTO exported_packets ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )


def set_exported_status(db: Database, packet_uuid: str, status: str, at: str) -> bool:
    if status not in PACKET_STATUSES:
        raise ValueError(status)
    cur = db.execute(
        "UPDATE exported_packets SET status = ?, status_at = ? WHERE packet_uuid = ?",
        [status, at, packet_uuid],
    )
    return bool(cur.rowcount)


def audit_mark(db: Database) -> int:
    """The id of the newest audit row: every write of records adds one (db/records.py)."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0])


def select_records(
    db: Database,
    table: str,
    columns: Sequence[str],
    scope: str,
    params: Mapping[str, Any],
    *,
    changed_after: int | None = None,
) -> list[dict[str, Any]]:
    """Rows of ``table`` within ``scope``; with ``changed_after``, only those with an audit entry
    newer than that mark (a change counter, so clock changes on a school PC do not matter)."""
    sql = f"SELECT {', '.join(f't.{c}' for c in columns)} FROM {table} t WHERE ({scope})"
    args = dict(params)
    if changed_after is not None:
        sql += f" AND t.uuid IN ({changes_after_sql(table, ':changed_after')})"
        args.update(changed_after=changed_after)
    cur = db.execute(sql + " ORDER BY t.uuid", args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def classes_without_students(db: Database, school_code: str, on_roll: Sequence[str]) -> list[str]:
    """Names of the school's current classes with no student of the ``on_roll`` statuses."""
    marks = ", ".join("?" for _ in on_roll)
    return [
        r[0]
        for r in db.execute(
            "SELECT c.name FROM classes c WHERE c.school_code = ? AND c.deleted = 0 "
            "AND c.graduated = 0 AND NOT EXISTS (SELECT 1 FROM students s "
            f"WHERE s.class_uuid = c.uuid AND s.deleted = 0 AND s.status IN ({marks})) "
            "ORDER BY c.grade_code, c.class_no",
            [school_code, *on_roll],
        )
    ]


@dataclass(frozen=True)
class LedgerEntry:
    sha256: str
    school_code: str
    sequence: int | None
    packet_uuid: str | None
    status: str  # merged | duplicate | rejected
    reason: str  # a RejectCode for rejected packets
    detail: str
    received_at: str
    counts: dict[str, Any]
    header: str | None  # canonical header JSON, when it could be read


def _ledger(r: dict[str, Any]) -> LedgerEntry:
    return LedgerEntry(**{**r, "counts": json.loads(r["counts"])})


def ledger_entry(db: Database, sha256: str) -> LedgerEntry | None:
    rows = list(db.query("SELECT * FROM packet_ledger WHERE sha256 = ?", [sha256]))
    return _ledger(rows[0]) if rows else None


def add_ledger_entry(db: Database, entry: LedgerEntry) -> None:
    if entry.status not in LEDGER_STATUSES:
        raise ValueError(entry.status)
    row = {**entry.__dict__, "counts": json.dumps(entry.counts, sort_keys=True)}
    cols = list(row)
    db.execute(
        f"INSERT INTO packet_ledger ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )


def last_merged(db: Database, school_code: str) -> LedgerEntry | None:
    """The school's merged packet with the highest sequence number (the chain's head)."""
    rows = list(
        db.query(
            "SELECT * FROM packet_ledger WHERE school_code = ? AND status = 'merged' "
            "ORDER BY sequence DESC LIMIT 1",
            [school_code],
        )
    )
    return _ledger(rows[0]) if rows else None
