"""Receipts and returns: the bureau's receipts waiting to be signed and sent, its returns
(退回), and on the school side the documents imported and the records the bureau flagged."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

FLAGS = ("returned", "rejected", "conflict")

# --- bureau ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredReceipt:
    packet_sha256: str
    school_code: str
    sequence: int
    packet_uuid: str
    body: str  # canonical JSON of the merge result (counts, records) without the signed envelope
    created_at: str
    written_at: str | None
    file_name: str | None


@dataclass(frozen=True)
class RecordReturn:
    id: int
    packet_sha256: str
    table_name: str | None  # None: the whole packet
    record_uuid: str | None
    reason: str
    returned_by: str
    returned_at: str
    sent_at: str | None
    document_uuid: str | None


def add_receipt(db: Database, receipt: StoredReceipt) -> None:
    row = receipt.__dict__
    cols = list(row)
    db.execute(
        f"INSERT INTO receipts ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )


def get_receipt(db: Database, packet_sha256: str) -> StoredReceipt | None:
    rows = list(db.query("SELECT * FROM receipts WHERE packet_sha256 = ?", [packet_sha256]))
    return StoredReceipt(**rows[0]) if rows else None


def unwritten_receipts(db: Database) -> list[StoredReceipt]:
    return [
        StoredReceipt(**r)
        for r in db.query(
            "SELECT * FROM receipts WHERE written_at IS NULL ORDER BY school_code, sequence"
        )
    ]


def mark_receipt_written(db: Database, packet_sha256: str, file_name: str, at: str) -> None:
    db.execute(
        "UPDATE receipts SET written_at = ?, file_name = ? WHERE packet_sha256 = ?",
        [at, file_name, packet_sha256],
    )


def add_returns(
    db: Database,
    packet_sha256: str,
    records: Iterable[tuple[str | None, str | None, str]],
    actor: str,
    at: str,
) -> None:
    """``records``: (table, uuid, reason); (None, None, reason) returns the whole packet."""
    db.conn.executemany(
        "INSERT INTO record_returns (packet_sha256, table_name, record_uuid, reason, "
        "returned_by, returned_at) VALUES (?, ?, ?, ?, ?, ?)",
        [(packet_sha256, t, u, reason, actor, at) for t, u, reason in records],
    )


def pending_returns(db: Database, packet_sha256: str | None = None) -> list[RecordReturn]:
    sql = "SELECT * FROM record_returns WHERE sent_at IS NULL"
    args: list[Any] = []
    if packet_sha256 is not None:
        sql += " AND packet_sha256 = ?"
        args.append(packet_sha256)
    return [RecordReturn(**r) for r in db.query(sql + " ORDER BY id", args)]


def mark_returns_sent(db: Database, ids: Sequence[int], document_uuid: str, at: str) -> None:
    db.conn.executemany(
        "UPDATE record_returns SET sent_at = ?, document_uuid = ? WHERE id = ?",
        [(at, document_uuid, i) for i in ids],
    )


# --- school ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordStatus:
    table_name: str
    record_uuid: str
    status: str  # acknowledged | returned | rejected | conflict
    reason: str
    detail: str
    packet_sha256: str
    at: str


def receipt_imported(db: Database, document_uuid: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM imported_receipts WHERE document_uuid = ?", [document_uuid]
    ).fetchone()
    return row is not None


def add_imported_receipt(
    db: Database,
    *,
    document_uuid: str,
    packet_sha256: str,
    kind: str,
    issued_at: str,
    document: str,
    at: str,
) -> None:
    db.execute(
        "INSERT INTO imported_receipts (document_uuid, packet_sha256, kind, issued_at, "
        "imported_at, document) VALUES (?, ?, ?, ?, ?, ?)",
        [document_uuid, packet_sha256, kind, issued_at, at, document],
    )


def clear_corrected_flags(db: Database, packet_sha256: str, at: str) -> int:
    """Flags raised on an earlier packet for records changed since it and sent in this one
    (``packet_sha256``, acknowledged) become ``acknowledged``; returns how many."""
    cur = db.execute(
        "UPDATE record_statuses SET status = 'acknowledged', reason = '', detail = '', "
        "packet_sha256 = :packet, at = :at "
        "WHERE status IN ('returned', 'rejected', 'conflict') AND EXISTS ("
        "  SELECT 1 FROM exported_packets flagged, exported_packets now "
        "  WHERE flagged.sha256 = record_statuses.packet_sha256 AND now.sha256 = :packet "
        "  AND flagged.sequence < now.sequence AND EXISTS ("
        "    SELECT 1 FROM audit_record_changes a WHERE a.record_uuid = record_statuses.record_uuid "
        "    AND a.table_name = record_statuses.table_name "
        "    AND a.id > flagged.audit_mark AND a.id <= now.audit_mark))",
        {"packet": packet_sha256, "at": at},
    )
    return int(cur.rowcount)


def put_record_statuses(db: Database, statuses: Iterable[RecordStatus]) -> None:
    db.conn.executemany(
        "INSERT INTO record_statuses (table_name, record_uuid, status, reason, detail, "
        "packet_sha256, at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(table_name, record_uuid) DO UPDATE SET status = excluded.status, "
        "reason = excluded.reason, detail = excluded.detail, "
        "packet_sha256 = excluded.packet_sha256, at = excluded.at",
        [
            (s.table_name, s.record_uuid, s.status, s.reason, s.detail, s.packet_sha256, s.at)
            for s in statuses
        ],
    )


def list_record_statuses(
    db: Database, *, statuses: Sequence[str] = FLAGS, table: str | None = None
) -> list[RecordStatus]:
    sql = f"SELECT * FROM record_statuses WHERE status IN ({', '.join('?' for _ in statuses)})"
    args: list[Any] = list(statuses)
    if table is not None:
        sql += " AND table_name = ?"
        args.append(table)
    return [RecordStatus(**r) for r in db.query(sql + " ORDER BY table_name, record_uuid", args)]


def record_status(db: Database, table: str, uuid: str) -> RecordStatus | None:
    rows = list(
        db.query(
            "SELECT * FROM record_statuses WHERE table_name = ? AND record_uuid = ?", [table, uuid]
        )
    )
    return RecordStatus(**rows[0]) if rows else None
