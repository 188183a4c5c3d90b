"""Record identity and history shared by every synchronised table (DESIGN.md §2).

Every write of a record goes through here so that revision, ``updated_at``/``updated_by``, the
tombstone rule and the audit log cannot be forgotten by one repository.

The audit log is hash-chained: each row's hash covers the previous row's hash. A record written
on its own gets one row: ``new`` (and ``old`` for a change) is the canonical JSON of its content
(changed columns for an update). Records *created in bulk* (a roster import, a packet merged at
the bureau) get one ``create_many`` row per table and batch, whose ``new`` names the source and
lists the uuids: the content is not repeated, because it is the record itself at revision 1 —
every later change is audited with its old values, so the first version is always recoverable —
and at the bureau it is also the archived packet. That keeps a 10,000-student import or a
district's merge from writing its data twice (bench/roster_import_bench.py, merge_bench.py).
``changes_after_sql`` reads both shapes as one row per record (the ``audit_record_changes``
view), which is how an incremental packet finds what changed since the last one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from app.models import RecordMeta

META_FIELDS = ("revision", "updated_at", "updated_by", "deleted")
GENESIS_HASH = "0" * 64


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_uuid(at: dt.datetime | None = None) -> str:
    """A new record's uuid (version 7, see ``new_uuids``)."""
    return new_uuids(1, at)[0]


def new_uuids(n: int, at: dt.datetime | None = None) -> list[str]:
    """``n`` new record uuids, in ascending order: RFC 9562 version 7, i.e. the creation time in
    milliseconds (``at``, default now) followed by 74 random bits.

    Why not random (version 4) uuids: every synchronised table and many indexes are keyed by
    uuid, and at the bureau a district's records land in them. Random keys put each record of
    a packet on a different page of an index far larger than the cache, so merging one school
    rewrote most of the uuid indexes (merge_bench). Time-ordered keys keep what one clerk
    created together (a batch, an import) on neighbouring pages. The time they reveal is when
    the record was made, which ``updated_at`` shows anyway; the random part keeps them
    unguessable and unique across schools without any coordination.
    """
    when = dt.datetime.now(dt.UTC) if at is None else at.astimezone(dt.UTC)
    millis = ((when - _EPOCH) // _MILLISECOND) & _48_BITS
    t = f"{millis:012x}"
    prefix = f"{t[:8]}-{t[8:]}-"
    pool = bytearray(os.urandom(10 * n))
    # Version and variant bits of all n at once: every 10th byte through a lookup table.
    pool[0::10] = pool[0::10].translate(_VERSION_7)
    pool[2::10] = pool[2::10].translate(_RFC_VARIANT)
    h = pool.hex()
    made = [
        f"{prefix}{h[i : i + 4]}-{h[i + 4 : i + 8]}-{h[i + 8 : i + 20]}"
        for i in range(0, 20 * n, 20)
    ]
    made.sort()  # one timestamp: the random part orders the batch
    return made


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MILLISECOND = dt.timedelta(milliseconds=1)
_48_BITS = (1 << 48) - 1
_VERSION_7 = bytes((b & 0x0F) | 0x70 for b in range(256))
_RFC_VARIANT = bytes((b & 0x3F) | 0x80 for b in range(256))


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


def canonical_json(value: Any) -> str:
    """The audit log's text of a value: sorted keys, no spaces, non-ASCII kept as it is."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# (table, record uuid, action, old, new) with old/new already canonical JSON text (or None).
EncodedEntry = tuple[str, str, str, str | None, str | None]


def canonical_encoder(
    keys: Sequence[str], constants: Mapping[str, Any] | None = None
) -> Callable[[Sequence[Any]], str]:
    """``canonical_json({**dict(zip(keys, values)), **constants})`` as a function of ``values``.

    For bulk writers, which audit thousands of records with the same columns: the keys are sorted
    and encoded once into a ``%`` template, together with ``constants`` (columns with the same
    value in every record), and each text value goes through the json module's own C string
    encoder. Same text as ``json.dumps`` (tests/db/test_audit.py), 2–3× faster.
    """
    fixed = dict(constants or {})
    if len(set(keys)) != len(keys) or not fixed.keys().isdisjoint(keys):
        raise ValueError(f"repeated keys: {keys}, {list(fixed)}")
    position = {k: i for i, k in enumerate(keys)}
    order = [position[k] for k in sorted([*keys, *fixed]) if k in position]  # json's key order

    def slot(key: str) -> str:  # "key":%s, or "key":value for a constant; % doubled in both
        value = canonical_json(fixed[key]).replace("%", "%%") if key in fixed else "%s"
        return canonical_json(key).replace("%", "%%") + ":" + value

    template = "{" + ",".join(slot(k) for k in sorted([*keys, *fixed])) + "}"
    in_order: Callable[[Sequence[Any]], Iterable[Any]] = (
        itemgetter(*order) if len(order) > 1 else lambda values: [values[i] for i in order]
    )

    def encode(values: Sequence[Any]) -> str:
        if len(values) != len(order):
            raise ValueError(f"{len(values)} values for {len(order)} keys")
        return template % tuple(
            [_encode_text(v) if type(v) is str else _json_value(v) for v in in_order(values)]
        )

    return encode


_encode_text = json.encoder.encode_basestring  # the C encoder json.dumps(ensure_ascii=False) uses


def _json_value(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    return canonical_json(value)  # anything else (float, bool, nested, subclasses) exactly as json


def append_audit(db: Database, actor: str, entries: Sequence[AuditEntry]) -> None:
    """Append entries to the hash-chained audit log (call inside the writing transaction)."""
    if not entries:
        return
    append_audit_encoded(
        db,
        actor,
        (
            (
                e.table,
                e.record_uuid,
                e.action,
                canonical_json(e.old) if e.old is not None else None,
                canonical_json(e.new) if e.new is not None else None,
            )
            for e in entries
        ),
    )


def append_audit_encoded(db: Database, actor: str, entries: Iterable[EncodedEntry]) -> None:
    """``append_audit`` for entries whose old/new are canonical JSON already (``canonical_json`` or
    ``canonical_encoder`` text): one row per entry, each hash-chained to the one before.

    ``entries`` may be a generator: rows are hashed as SQLite takes them, so a bulk write never
    holds a second copy of its audit rows. Call inside the writing transaction.
    """
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    db.conn.executemany(
        "INSERT INTO audit_log(at, actor, table_name, record_uuid, action, old, new, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _chained(row[0] if row else GENESIS_HASH, now_utc(), actor, entries),
    )


def _chained(
    prev: str, at: str, actor: str, entries: Iterable[EncodedEntry]
) -> Iterator[tuple[str, str, str, str, str, str | None, str | None, str, str]]:
    # The hashed text is "\x1f".join((prev, at, actor, table, uuid, action, old, new)), as
    # verify_audit_chain computes it; the part that is the same for every row is joined once.
    same = f"\x1f{at}\x1f{actor}\x1f"
    sha256 = hashlib.sha256
    for table, record_uuid, action, old, new in entries:
        text = f"{prev}{same}{table}\x1f{record_uuid}\x1f{action}\x1f{old or ''}\x1f{new or ''}"
        digest = sha256(text.encode()).hexdigest()
        yield (at, actor, table, record_uuid, action, old, new, prev, digest)
        prev = digest


CREATE_MANY = "create_many"


def created_batch_entry(table: str, uuids_json: str, source: str) -> EncodedEntry:
    """The ``create_many`` entry of records of ``table`` created together.

    ``uuids_json`` is the uuids as a compact JSON array (``canonical_json(list)``, or SQLite's
    ``json_group_array``, which writes the same text for uuids); ``source`` says where they came
    from (the file, the packet's SHA-256)."""
    new = '{"source":' + canonical_json(source) + ',"uuids":' + uuids_json + "}"
    return (table, "", CREATE_MANY, None, new)


# The source of a create_many entry when the writer was not told one: records a clerk entered
# together in one action (a class's participations, a batch of assessments).
BULK_SOURCE = "entered together"


def audit_created(db: Database, actor: str, table: str, uuids: Sequence[str], source: str) -> None:
    """Audit records of ``table`` just created together by one ``create_many`` entry."""
    if uuids:
        entry = created_batch_entry(table, canonical_json(sorted(uuids)), source)
        append_audit_encoded(db, actor, [entry])


def insert_many(
    db: Database,
    table: str,
    rows: Sequence[Mapping[str, Any]],
    actor: str,
    *,
    source: str = BULK_SOURCE,
) -> list[str]:
    """Insert new records (revision 1), audited by one ``create_many`` entry naming ``source``;
    rows without a uuid get one. Every row must have the first row's columns (in any order).
    Call inside ``db.atomic()``."""
    if not rows:
        return []
    at = now_utc()
    fresh = iter(new_uuids(sum(1 for r in rows if not r.get("uuid"))))
    full = [
        {"uuid": r.get("uuid") or next(fresh), **{k: v for k, v in r.items() if k != "uuid"}}
        for r in rows
    ]
    content = list(full[0])
    cols = [*content, *META_FIELDS]
    db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [(*(r[c] for c in content), 1, at, actor, 0) for r in full],
    )
    uuids = [str(r["uuid"]) for r in full]
    audit_created(db, actor, table, uuids, source)
    return uuids


def changes_after_sql(table: str, mark: str, upto: str | None = None) -> str:
    """SQL for the uuids of ``table``'s records with an audit entry after the audit id ``mark``
    (and at most ``upto``): SQL expressions, e.g. parameter names such as ``:mark``."""
    upper = f" AND id <= {upto}" if upto is not None else ""
    return (
        f"SELECT record_uuid FROM audit_record_changes WHERE id > {mark}{upper} "
        f"AND table_name = '{table}'"
    )


def changes_after(db: Database, mark: int) -> int:
    """How many record changes the audit log holds after the audit id ``mark`` (a
    ``create_many`` entry counts each of its records)."""
    row = db.execute(
        "SELECT coalesce(sum(CASE WHEN action = ? THEN json_array_length(new, '$.uuids') "
        "ELSE 1 END), 0) FROM audit_log WHERE id > ?",
        [CREATE_MANY, mark],
    ).fetchone()
    return int(row[0])


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
