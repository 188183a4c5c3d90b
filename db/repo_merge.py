"""The SQL side of merging one table of a packet into the central table, set-wise.

The records of a table are staged in a table of the stage's shape (the record's columns, then
``STAGE_COLUMNS``, keyed by uuid): a packet's own table in the schema ``incoming``, made so where
the packet was read (db/packet_stage.py), or a TEMP table (``create_stage``). Each merge rule is
then one UPDATE of the stage's ``_outcome`` (joins against the central table), and the accepted
rows go in with one ``INSERT … SELECT … ON CONFLICT(uuid) DO UPDATE``.
The first rule (``probe_central``) looks every record up once and already decides the revision
outcome; each later rule overrides whatever is not rejected yet, so the rules' precedence is
their order and no pass is needed at the end to classify what is left. Only when
that statement breaks a database rule (a unique natural key, a reference) are the rows applied
one by one, each in its own savepoint, so the rows at fault are rejected and the rest still go in.
The rules themselves (what wins, what is a conflict) are app/services/merge.py's; every function
here runs inside the caller's transaction.

One module, though long: every statement here reads or writes the one stage shape, and the
rules' precedence is their order in this file.

Outcomes: ``created``, ``updated``, ``unchanged``, ``conflict``, ``rejected``; ``reason`` is a
stable code (``other_school``, ``missing_parent``, ``out_of_scope``, ``constraint``, ``transfer``,
``revision``, ``duplicate_natural_key``, ``older``, ``decided``, or a check's own, e.g.
``score_mismatch``) and ``detail`` technical text.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from db.repo_packets import LEDGER_STATUSES, LedgerEntry

STAGE = "merge_stage"
APPLIED = ("created", "updated")
# What the rules write beside each staged row (a table in the stage's shape ends with these).
STAGE_COLUMNS = (
    ("_outcome", "TEXT NOT NULL DEFAULT 'created'"),  # until the central table has the uuid
    ("_reason", "TEXT NOT NULL DEFAULT ''"),
    ("_detail", "TEXT NOT NULL DEFAULT ''"),
    ("_other", "TEXT"),
    ("_vouched", "TEXT"),
)


@dataclass(frozen=True)
class StageSpec:
    """What the engine needs to know of a synchronised table (built from sync_tables.SyncTable)."""

    table: str
    columns: tuple[str, ...]  # uuid, meta, content: the staged and written columns
    compared: tuple[str, ...]  # content columns + deleted: "equal content"
    owner_column: str | None
    scope: str  # SQL over alias ``t``: the sending school's records
    natural_key: str | None = None  # a column whose equal value at another school is a transfer
    # The columns of a unique index over live rows (deleted = 0 and each filter column = value).
    unique_key: tuple[str, ...] = ()
    unique_filter: tuple[tuple[str, int], ...] = ()
    # Where the staged rows are: a TEMP table (``create_stage``), or a packet's table in the
    # schema ``incoming`` already made in the stage's shape (db/packet_stage.py).
    stage_schema: str = "temp"
    stage_table: str = STAGE

    @property
    def stage(self) -> str:
        return f"{self.stage_schema}.{self.stage_table}"


def stage_columns(given: Sequence[str] = ()) -> str:
    """The definitions of ``STAGE_COLUMNS`` except the ``given`` ones."""
    return ", ".join(f"{name} {kind}" for name, kind in STAGE_COLUMNS if name not in given)


def create_stage(db: Database, spec: StageSpec) -> None:
    """An empty staging table with the central table's column types (so values compare alike)."""
    types = {r[1]: r[2] for r in db.execute(f"PRAGMA main.table_info({spec.table})")}
    missing = [c for c in spec.columns if c not in types]
    if missing:
        raise sqlite3.OperationalError(f"{spec.table} lacks columns {missing}")
    cols = ", ".join(
        f"{c} {types[c]} PRIMARY KEY" if c == "uuid" else f"{c} {types[c]}" for c in spec.columns
    )
    db.execute(f"DROP TABLE IF EXISTS {spec.stage}")
    db.execute(
        f"CREATE TABLE {spec.stage} ({cols}, {stage_columns()}) WITHOUT ROWID"
    )  # rows kept in uuid order: the packet's order, and every scan below needs no sort


def load_stage(db: Database, spec: StageSpec, rows: Iterable[Sequence[Any]]) -> None:
    """Stage rows: each the values of ``spec.columns`` in that order, as the database stores
    them (booleans as 0/1, decimals as numbers)."""
    marks = ", ".join("?" for _ in spec.columns)
    db.conn.executemany(
        f"INSERT INTO {spec.stage} ({', '.join(spec.columns)}) VALUES ({marks})", rows
    )


def probe_central(db: Database, spec: StageSpec, params: Mapping[str, Any]) -> None:
    """Look each staged record up in the central table, once, and decide it by revision: a uuid
    the bureau holds for another school may not be overwritten by this one (rejected,
    ``other_school``); not held → created; higher → updated; lower → unchanged (older); equal
    and same content → unchanged; equal and different content → conflict (revision). The later
    rules override these (``NOT_REJECTED``). A lookup per record per rule was most of the
    merge's cost at district scale (bench/merge_bench.py)."""
    if spec.owner_column is not None:
        other = f"t.{spec.owner_column} IS NOT :school_code"
    else:  # the scope, over the central row ``t``: not the sending school's record
        other = f"NOT coalesce(({spec.scope}), 0)"
    same = " AND ".join(f"i.{c} IS t.{c}" for c in spec.compared)
    outcome = (
        f"CASE WHEN {other} THEN 'rejected' WHEN i.revision > t.revision THEN 'updated' "
        f"WHEN i.revision < t.revision OR ({same}) THEN 'unchanged' ELSE 'conflict' END"
    )
    reason = (
        f"CASE WHEN {other} THEN 'other_school' WHEN i.revision > t.revision THEN '' "
        f"WHEN i.revision < t.revision THEN 'older' WHEN ({same}) THEN '' ELSE 'revision' END"
    )
    # Correlated subqueries, not UPDATE … FROM: they keep the staged rows the outer loop (the
    # planner would rather scan the central table, which has no statistics). A record the
    # bureau does not hold keeps the stage's default, ``created``, and is not written at all:
    # the usual case, a school's new records, costs one lookup each.
    db.execute(
        f"UPDATE {spec.stage} AS i SET (_outcome, _reason) = (SELECT {outcome}, {reason} "
        f"FROM main.{spec.table} AS t WHERE t.uuid = i.uuid) "
        f"WHERE EXISTS (SELECT 1 FROM main.{spec.table} AS t WHERE t.uuid = i.uuid)",
        dict(params),
    )


# The staged records a later rule may still refuse or hold: every one ``probe_central`` did not
# reject, whatever revision outcome it gave.
NOT_REJECTED = "_outcome IS NOT 'rejected'"


def reject_missing_parents(db: Database, spec: StageSpec) -> None:
    """References (foreign keys) to records the bureau does not hold: the parent was rejected,
    is held for review, or was never sent. One pass for all of a table's references; the
    detail names the first missing one."""
    missing: list[tuple[str, str, str]] = []  # (condition, column, its parent)
    for fk in db.execute(f"PRAGMA main.foreign_key_list({spec.table})").fetchall():
        parent, column, target = fk[2], fk[3], fk[4] or _primary_key(db, parent=fk[2])
        condition = (
            f"(s.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM main.{parent} p "
            f"WHERE p.{target} = s.{column}))"
        )
        missing.append((condition, column, parent))
    if not missing:
        return
    detail = " ".join(f"WHEN {cond} THEN ? || ' ' || s.{column}" for cond, column, _ in missing)
    any_missing = " OR ".join(cond for cond, _, _ in missing)
    db.execute(
        f"UPDATE {spec.stage} AS s SET _outcome = 'rejected', _reason = 'missing_parent', "
        f"_detail = CASE {detail} END WHERE {NOT_REJECTED} AND ({any_missing})",
        [f"{column} → {parent}" for _, column, parent in missing],
    )


def _primary_key(db: Database, *, parent: str) -> str:
    rows = [r[1] for r in db.execute(f"PRAGMA main.table_info({parent})") if r[5]]
    return rows[0] if len(rows) == 1 else "rowid"


def reject_out_of_scope(db: Database, spec: StageSpec, params: Mapping[str, Any]) -> None:
    """Records that are not the sending school's (a child of another school's record)."""
    db.execute(
        f"UPDATE {spec.stage} AS t SET _outcome = 'rejected', _reason = 'out_of_scope' "
        f"WHERE {NOT_REJECTED} AND NOT coalesce(({spec.scope}), 0)",
        dict(params),
    )  # the scope read over the staged row itself (alias ``t``), one row at a time


def mark_transfers(db: Database, spec: StageSpec) -> None:
    """The same natural key (学籍号) live at another school: a transfer for the bureau to review."""
    if spec.natural_key is None or spec.owner_column is None:
        return
    key, owner = spec.natural_key, spec.owner_column
    other = (
        f"SELECT c.uuid FROM main.{spec.table} c WHERE c.{key} = s.{key} "
        f"AND c.deleted = 0 AND c.{owner} IS NOT s.{owner} AND c.uuid != s.uuid"
    )
    db.execute(
        f"UPDATE {spec.stage} AS s SET _outcome = 'conflict', _reason = 'transfer', "
        f"_other = ({other} LIMIT 1) WHERE {NOT_REJECTED} AND deleted = 0 "
        f"AND EXISTS ({other})"
    )


def _live(spec: StageSpec, alias: str) -> str:
    # Literal values: SQLite uses a partial index only when the query repeats its WHERE terms.
    terms = [f"{alias}.deleted = 0", *(f"{alias}.{c} = {int(v)}" for c, v in spec.unique_filter)]
    return " AND ".join(terms)


def mark_duplicate_keys(db: Database, spec: StageSpec) -> None:
    """A record about to go in live (created or updated) whose unique key another live record
    holds under another uuid: a conflict for review (``duplicate_natural_key``), not a database
    error. The other record is a central one this packet neither deletes nor moves off the key
    (tombstones are applied first), else an earlier staged record (by uuid) of this packet."""
    going_in = f"i._outcome IN {APPLIED} AND {_live(spec, 'i')}"
    if not spec.unique_key or not _exists(db, f"SELECT 1 FROM {spec.stage} i WHERE {going_in}"):
        return  # a re-merge: nothing goes in
    same = " AND ".join(f"o.{c} = i.{c}" for c in spec.unique_key)
    moved = " OR ".join(
        ["NOT (" + _live(spec, "u") + ")", *(f"u.{c} IS NOT o.{c}" for c in spec.unique_key)]
    )
    central = (
        f"SELECT o.uuid FROM main.{spec.table} o WHERE {_live(spec, 'o')} AND {same} "
        f"AND o.uuid != i.uuid AND NOT EXISTS (SELECT 1 FROM {spec.stage} u "
        f"WHERE u.uuid = o.uuid AND u._outcome = 'updated' AND ({moved})) LIMIT 1"
    )
    _mark_duplicates(db, spec, going_in, central)
    key = ", ".join(spec.unique_key)
    if not _exists(
        db, f"SELECT 1 FROM {spec.stage} i WHERE {going_in} GROUP BY {key} HAVING count(*) > 1"
    ):
        return  # the usual case: one sort, no index to build
    db.execute(f"CREATE INDEX IF NOT EXISTS {spec.stage}_key ON {spec.stage_table} ({key})")
    # The first record of a key (by uuid) is never marked, so the statement's own marks do
    # not change which record the later ones are held against.
    staged = (
        f"SELECT o.uuid FROM {spec.stage} o WHERE o._outcome IN {APPLIED} AND {_live(spec, 'o')} "
        f"AND {same} AND o.uuid < i.uuid ORDER BY o.uuid LIMIT 1"
    )
    _mark_duplicates(db, spec, going_in, staged)


def _exists(db: Database, sql: str) -> bool:
    return db.execute(sql + " LIMIT 1").fetchone() is not None


def _mark_duplicates(db: Database, spec: StageSpec, going_in: str, other: str) -> None:
    db.execute(
        f"UPDATE {spec.stage} AS i SET _outcome = 'conflict', _reason = 'duplicate_natural_key', "
        f"_other = ({other}) WHERE {going_in} AND EXISTS ({other})"
    )


def reject_records(db: Database, spec: StageSpec, details: Mapping[str, str], reason: str) -> None:
    """Reject staged records by uuid, each with its own detail."""
    db.conn.executemany(
        f"UPDATE {spec.stage} SET _outcome = 'rejected', _reason = ?, _detail = ? WHERE uuid = ?",
        [(reason, detail, uuid) for uuid, detail in details.items()],
    )


def set_outcome(
    db: Database, spec: StageSpec, uuids: Sequence[str], outcome: str, reason: str
) -> None:
    db.conn.executemany(
        f"UPDATE {spec.stage} SET _outcome = ?, _reason = ? WHERE uuid = ?",
        [(outcome, reason, u) for u in uuids],
    )


def stage_counts(db: Database, spec: StageSpec) -> dict[str, int]:
    return {
        r[0]: r[1] for r in db.execute(f"SELECT _outcome, count(*) FROM {spec.stage} GROUP BY 1")
    }


@dataclass(frozen=True)
class StagedIssue:
    uuid: str
    outcome: str  # rejected | conflict
    reason: str
    detail: str
    other_uuid: str | None


def stage_issues(db: Database, spec: StageSpec) -> list[StagedIssue]:
    return [
        StagedIssue(*r)
        for r in db.execute(
            f"SELECT uuid, _outcome, _reason, _detail, _other FROM {spec.stage} "
            "WHERE _outcome IN ('rejected', 'conflict') ORDER BY uuid"
        )
    ]


def staged_rows(db: Database, spec: StageSpec, outcome: str) -> list[dict[str, Any]]:
    cur = db.execute(
        f"SELECT {', '.join(spec.columns)} FROM {spec.stage} WHERE _outcome = ? ORDER BY uuid",
        [outcome],
    )
    return [dict(zip(spec.columns, r, strict=True)) for r in cur]


def unvouched_rows(
    db: Database, spec: StageSpec, *, column: str, parent: str, parent_columns: Sequence[str]
) -> list[dict[str, Any]]:
    """The live staged rows about to go in (created, updated, conflict) whose ``_vouched``
    differs from ``json_array`` of ``parent_columns`` of the central row their ``column``
    refers to in table ``parent``: the rows for which the packet's reader could not vouch
    (rule failed, parent not in the packet) or vouched with other parent values than the
    bureau holds. A mismatch only costs a check in Python, so the two JSON texts need only
    agree for the values that are equal."""
    cols = ", ".join(f"s.{c}" for c in spec.columns)
    values = ", ".join(f"c.{c}" for c in parent_columns)
    cur = db.execute(
        f"SELECT {cols} FROM {spec.stage} s LEFT JOIN main.{parent} c ON c.uuid = s.{column} "
        "WHERE s._outcome IN ('created', 'updated', 'conflict') AND s.deleted = 0 "
        f"AND s._vouched IS NOT json_array({values}) ORDER BY s.uuid"
    )
    return [dict(zip(spec.columns, r, strict=True)) for r in cur]


def central_rows(db: Database, spec: StageSpec, uuids: Sequence[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(uuids), 500):
        chunk = uuids[start : start + 500]
        cur = db.execute(
            f"SELECT {', '.join(spec.columns)} FROM main.{spec.table} "
            f"WHERE uuid IN ({', '.join('?' for _ in chunk)})",
            list(chunk),
        )
        for r in cur:
            found[r[0]] = dict(zip(spec.columns, r, strict=True))
    return found


def updated_pairs(db: Database, spec: StageSpec) -> list[tuple[tuple[Any, ...], tuple[Any, ...]]]:
    """(central, incoming) values of the rows about to be updated, for the audit's old → new."""
    n = len(spec.columns)
    cols = ", ".join([*(f"c.{c}" for c in spec.columns), *(f"i.{c}" for c in spec.columns)])
    cur = db.execute(
        f"SELECT {cols} FROM {spec.stage} i JOIN main.{spec.table} c ON c.uuid = i.uuid "
        "WHERE i._outcome = 'updated' ORDER BY i.uuid"
    )
    return [(r[:n], r[n:]) for r in cur]


def created_uuids_json(db: Database, spec: StageSpec) -> str | None:
    """The created rows' uuids as a compact JSON array in uuid order (SQLite writes the text
    ``canonical_json`` would for them), or None when nothing was created."""
    row = db.execute(
        f"SELECT count(*), json_group_array(uuid) FROM (SELECT uuid FROM {spec.stage} "
        "WHERE _outcome = 'created' ORDER BY uuid)"
    ).fetchone()
    return str(row[1]) if row[0] else None


def applied_uuids(db: Database, spec: StageSpec, outcome: str) -> set[str]:
    return {
        r[0] for r in db.execute(f"SELECT uuid FROM {spec.stage} WHERE _outcome = ?", [outcome])
    }


# Tombstones first, then the other updates, then new rows: a natural key (学籍号) freed by a
# deletion or a change in the same packet is free before a new record takes it.
_APPLY_ORDER = (
    "_outcome = 'updated' AND deleted = 1",
    "_outcome = 'updated' AND deleted = 0",
    "_outcome = 'created'",
)


def _apply_sql(spec: StageSpec, which: str) -> str:
    cols = ", ".join(spec.columns)
    sets = ", ".join(f"{c} = excluded.{c}" for c in spec.columns if c != "uuid")
    return (
        f"INSERT INTO main.{spec.table} ({cols}) SELECT {cols} FROM {spec.stage} "
        f"WHERE {which} ORDER BY uuid ON CONFLICT(uuid) DO UPDATE SET {sets}"
    )


def apply_unless_refused(db: Database, spec: StageSpec) -> bool:
    """Write the created and updated rows, all or none: False, and nothing written, when a
    database rule (a unique index, a reference, a check) refuses any of them."""
    try:
        with db.atomic():  # a savepoint: a failed statement leaves nothing behind
            for which in _APPLY_ORDER:
                db.execute(_apply_sql(spec, which))
        return True
    except sqlite3.IntegrityError:
        return False


def apply_stage(db: Database, spec: StageSpec) -> int:
    """Write the created and updated rows; returns how many were rejected by a database rule
    (each rejected as ``constraint`` with SQLite's message, the others written)."""
    if apply_unless_refused(db, spec):
        return 0
    rejected = 0
    for which in _APPLY_ORDER:
        pending = db.execute(f"SELECT uuid FROM {spec.stage} WHERE {which} ORDER BY uuid")
        single = _apply_sql(spec, f"{which} AND uuid = :uuid")
        for (uuid,) in pending.fetchall():
            try:
                with db.atomic():
                    db.execute(single, {"uuid": uuid})
            except sqlite3.IntegrityError as exc:
                rejected += 1
                db.execute(
                    f"UPDATE {spec.stage} SET _outcome = 'rejected', _reason = 'constraint', "
                    "_detail = ? WHERE uuid = ?",
                    [str(exc), uuid],
                )
    return rejected


def drop_stage(db: Database, spec: StageSpec) -> None:
    db.execute(f"DROP TABLE IF EXISTS {spec.stage}")


# --- ledger ------------------------------------------------------------------------------------


def put_ledger_entry(db: Database, entry: LedgerEntry) -> None:
    """Insert or replace the ledger row of a packet file (a packet rejected once, e.g. for an
    unknown key, may be merged later; a merged packet is never downgraded by the caller)."""
    if entry.status not in LEDGER_STATUSES:
        raise ValueError(entry.status)
    row = {**entry.__dict__, "counts": json.dumps(entry.counts, sort_keys=True)}
    cols = list(row)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "sha256")
    db.execute(
        f"INSERT INTO packet_ledger ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)}) "
        f"ON CONFLICT(sha256) DO UPDATE SET {updates}",
        [row[c] for c in cols],
    )


def supersede_conflicts(db: Database, spec: StageSpec, actor: str, at: str) -> None:
    """Close the open conflicts of records this packet has just replaced by a newer revision."""
    # Driven by the table's open conflicts (few), each looked up in the stage by uuid: an IN
    # over the stage would read every staged record.
    db.execute(
        "UPDATE merge_conflicts SET status = 'resolved', resolution = 'superseded', "
        "resolved_by = ?, resolved_at = ? WHERE status = 'open' AND table_name = ? AND "
        f"EXISTS (SELECT 1 FROM {spec.stage} s WHERE s.uuid = merge_conflicts.record_uuid "
        f"AND s._outcome IN {APPLIED})",
        [actor, at, spec.table],
    )
