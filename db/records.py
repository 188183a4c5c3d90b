"""Record identity and history shared by every synchronised table (DESIGN.md §2).

Every write of a record goes through here so that revision, ``updated_at``/``updated_by``, the
tombstone rule and the audit log cannot be forgotten by one repository.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid as uuid_mod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.models import RecordMeta

META_FIELDS = ("revision", "updated_at", "updated_by", "deleted")
GENESIS_HASH = "0" * 64


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_uuid() -> str:
    return str(uuid_mod.uuid4())


def meta_from_row(row: Mapping[str, Any]) -> RecordMeta:
    return RecordMeta(
        uuid=row["uuid"],
        revision=row["revision"],
        updated_at=row["updated_at"],
        updated_by=row["updated_by"],
        deleted=bool(row["deleted"]),
    )


@dataclass(frozen=True)
class AuditEntry:
    table: str
    record_uuid: str
    action: str  # create / update / delete
    old: Mapping[str, Any] | None
    new: Mapping[str, Any] | None


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def append_audit(db: Database, actor: str, entries: Sequence[AuditEntry]) -> None:
    """Append entries to the hash-chained audit log (call inside the writing transaction)."""
    if not entries:
        return
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev = row[0] if row else GENESIS_HASH
    at = now_utc()
    rows = []
    for e in entries:
        old = _canonical(e.old) if e.old is not None else None
        new = _canonical(e.new) if e.new is not None else None
        digest = hashlib.sha256(
            "\x1f".join(
                (prev, at, actor, e.table, e.record_uuid, e.action, old or "", new or "")
            ).encode("utf-8")
        ).hexdigest()
        rows.append((at, actor, e.table, e.record_uuid, e.action, old, new, prev, digest))
        prev = digest
    db.conn.executemany(
        "INSERT INTO audit_log(at, actor, table_name, record_uuid, action, old, new, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def verify_audit_chain(db: Database) -> int | None:
    """Return the id of the first audit row whose hash does not match, or None if intact."""
    prev = GENESIS_HASH
    for row in db.execute(
        "SELECT id, at, actor, table_name, record_uuid, action, old, new, prev_hash, hash "
        "FROM audit_log ORDER BY id"
    ):
        rid, at, actor, table, ruuid, action, old, new, prev_hash, digest = row
        expect = hashlib.sha256(
            "\x1f".join((prev, at, actor, table, ruuid, action, old or "", new or "")).encode()
        ).hexdigest()
        if prev_hash != prev or digest != expect:
            return int(rid)
        prev = digest
    return None


def insert_record(db: Database, table: str, values: Mapping[str, Any], actor: str) -> str:
    """Insert a new record (revision 1) and audit it; returns its uuid."""
    row = dict(values)
    row.setdefault("uuid", new_uuid())
    row.update(revision=1, updated_at=now_utc(), updated_by=actor, deleted=0)
    cols = list(row)
    db.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )
    append_audit(db, actor, [AuditEntry(table, row["uuid"], "create", None, _content(row))])
    return str(row["uuid"])


def update_record(
    db: Database, table: str, uuid: str, changes: Mapping[str, Any], actor: str
) -> bool:
    """Apply changes to a record; bumps revision and audits old → new. False if nothing changed."""
    cur = db.execute(f"SELECT * FROM {table} WHERE uuid = ?", [uuid])
    names = [d[0] for d in cur.description]
    found = cur.fetchone()
    if found is None:
        raise KeyError(f"{table} {uuid}")
    old = dict(zip(names, found, strict=True))
    diff = {k: v for k, v in changes.items() if old.get(k) != v}
    if not diff:
        return False
    sets = {**diff, "revision": old["revision"] + 1, "updated_at": now_utc(), "updated_by": actor}
    db.execute(
        f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in sets)} WHERE uuid = ?",
        [*sets.values(), uuid],
    )
    append_audit(
        db,
        actor,
        [AuditEntry(table, uuid, "update", {k: old[k] for k in diff}, diff)],
    )
    return True


def tombstone_record(db: Database, table: str, uuid: str, actor: str) -> bool:
    """Delete by tombstone, so the deletion travels in packets."""
    return update_record(db, table, uuid, {"deleted": 1}, actor)


def _content(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in META_FIELDS}


def content_columns(columns: Iterable[str]) -> list[str]:
    return [c for c in columns if c not in META_FIELDS]
