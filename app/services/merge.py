"""The merge rules (DESIGN.md §3), applied per table through the sync_tables registry.

Per record of a packet, against the central database:

- a uuid the bureau holds for another school, a reference to a record the bureau does not hold,
  a record outside the sending school's scope, or a break of a database rule → ``rejected``;
- the same 学籍号 live at another school → ``conflict`` (kind ``transfer``), kept for review;
- a live record whose natural key (a table's unique index, ``SyncTable.natural_key``) another
  live record holds under another uuid → ``conflict`` (kind ``duplicate_natural_key``): a school
  that deleted and re-entered a result sends the tombstone too, and tombstones are applied
  first, so only a second live copy is held, never a database error or a silent overwrite;
- a record failing its table's ``parent_check`` (fitness scores the engine would not give, for
  the bureau's own app version) → ``rejected`` with that check's reason (``score_mismatch``);
- not held yet → ``created``; a higher revision → ``updated`` (a tombstone marks it deleted);
- a lower revision, or an equal revision with equal content → ``unchanged``;
- an equal revision with different content → ``conflict`` (kind ``revision``): the central
  version stays, the incoming one waits in ``merge_conflicts`` (never a silent overwrite).

Each table is merged set-wise (db/repo_merge.py) in the packet's database image
(db/packet_stage.py), where each table is already a merge stage: classified with joins, written
with one ``INSERT … SELECT … ON CONFLICT``, audited in bulk (one ``create_many`` entry for a
table's new records, one entry per updated record). Tables go parents first, so a child sees
the parents this packet brought. (The rules, their reasons' texts and the reader's vouching
share this module, a little over 400 lines: they change together.) ``merge_records`` runs inside
the caller's transaction: the intake commits a packet whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from app import __version__
from app.i18n import tr
from app.packets import canonical
from app.packets.sync_tables import TABLES, TABLES_BY_NAME, Columns, Record, SyncTable
from db import packet_stage, repo_conflicts, repo_merge
from db.records import EncodedEntry, append_audit_encoded, canonical_json, created_batch_entry
from db.repo_conflicts import NewConflict
from db.repo_merge import StageSpec

# A column whose equal value at two schools means one student reported twice (a transfer).
TRANSFER_KEYS = {"students": "student_no"}
CRASH_ENV = "BAOSONG_TEST_CRASH_AFTER_TABLE"


@dataclass
class TableCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)

    def add(self, other: TableCounts) -> None:
        for name, value in other.__dict__.items():
            setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True)
class RecordIssue:
    """A record the merge did not take as it came: rejected, or held as a conflict."""

    table: str
    uuid: str
    status: str  # rejected | conflict
    reason: str  # stable code, see reason_text
    detail: str  # technical


@dataclass
class MergeOutcome:
    tables: dict[str, TableCounts] = field(default_factory=dict)
    issues: list[RecordIssue] = field(default_factory=list)

    def total(self) -> TableCounts:
        total = TableCounts()
        for counts in self.tables.values():
            total.add(counts)
        return total


_REASONS: dict[str, Callable[[], str]] = {
    "other_school": lambda: tr("The bureau holds this record for another school."),
    "missing_parent": lambda: tr(
        "It refers to a record the bureau does not hold (rejected, held for review or not sent)."
    ),
    "out_of_scope": lambda: tr("It is not a record of the sending school."),
    "constraint": lambda: tr("It breaks a rule of the central database (e.g. a duplicate number)."),
    "transfer": lambda: tr("The same student is on the roll of another school (a transfer)."),
    "revision": lambda: tr("Same revision as the bureau's copy but different content."),
    "duplicate_natural_key": lambda: tr(
        "Another record of the school takes the same place (e.g. the same student, school year "
        "and attempt) under another identity."
    ),
    "score_mismatch": lambda: tr(
        "Its computed scores (BMI, totals, level) differ from what the scoring engine gives for "
        "its measurements."
    ),
    "returned": lambda: tr("Returned by the bureau for correction."),
}


def reason_text(code: str) -> str:
    """The translated sentence for a per-record reason code."""
    make = _REASONS.get(code)
    return make() if make else code


def stage_spec(table: SyncTable) -> StageSpec:
    return StageSpec(
        table=table.name,
        columns=table.all_columns,
        compared=(*table.content_columns, "deleted"),
        owner_column=table.owner_column,
        scope=table.scope,
        natural_key=TRANSFER_KEYS.get(table.name),
        unique_key=table.natural_key,
        unique_filter=table.natural_key_filter,
    )


@dataclass(frozen=True)
class PacketRef:
    """Where merged records come from: named in conflicts and the audit log."""

    sha256: str
    school_code: str
    terms: tuple[str, ...]
    actor: str  # the audit actor, e.g. "clerk (merge 2141003456 #3)"
    at: str
    app_version: str = __version__  # the writer's, from the header: see _check_parents


def scope_params(school_code: str, terms: Sequence[str]) -> dict[str, str]:
    # Packets of version 1 cover one term; a scope naming the term uses the first.
    term = terms[0] if terms else ""
    return {"school_code": school_code, "term_code": term, "school_year": term[:9]}


@dataclass(frozen=True)
class StagedPacket:
    """A packet's records, validated by the reader, as staging rows in a database image
    (db/packet_stage.py): made where the packet is read, possibly another process
    (app/services/packet_reading.py), and loaded by the merge without binding a row again."""

    image: bytes
    counts: Mapping[str, int]  # table → rows staged


def staged_rows(
    records: Mapping[str, Sequence[Record]], columns: Mapping[str, Columns] | None = None
) -> dict[str, list[tuple[Any, ...]]]:
    """A packet's records, table by table, as tuples of ``SyncTable.all_columns`` values as
    the database stores them; ``columns``: the same values column by column, for the tables
    the reader checked in bulk (``PacketContents.columns``), so their rows are zipped rather
    than looked up record by record."""
    staged: dict[str, list[tuple[Any, ...]]] = {}
    for name, table_records in records.items():
        stored = _stored_columns(TABLES_BY_NAME[name], table_records, (columns or {}).get(name))
        staged[name] = list(zip(*stored, strict=True))
    return staged


def _stored_columns(
    table: SyncTable, records: Sequence[Record], columns: Columns | None
) -> list[Sequence[Any]]:
    """The values of ``table.all_columns`` column by column, as the database stores them: only
    decimals need converting (strings → REAL; SQLite binds booleans as 0/1 itself)."""
    if columns is None:
        columns = {c: list(map(itemgetter(c), records)) for c in table.all_columns}
    stored: list[Sequence[Any]] = [columns[c] for c in table.all_columns]
    for name, _ in table.decimal_columns:
        at = table.all_columns.index(name)
        stored[at] = [float(v) if isinstance(v, str) else v for v in stored[at]]
    return stored


def staged_tables(
    records: Mapping[str, Sequence[Record]], columns: Mapping[str, Columns] | None = None
) -> StagedPacket:
    """A packet's records (and their ``columns``, see ``staged_rows``) as a database image; a
    table with a ``parent_check`` gets the column ``_vouched`` too (``vouched_parents``)."""
    tables: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = {}
    for name, table_records in records.items():
        table = TABLES_BY_NAME[name]
        stored = _stored_columns(table, table_records, (columns or {}).get(name))
        vouched = vouched_parents(table, records)
        if vouched is None:
            tables[name] = (table.all_columns, list(zip(*stored, strict=True)))
        else:
            rows = list(zip(*stored, vouched, strict=True))
            tables[name] = ((*table.all_columns, "_vouched"), rows)
    image = packet_stage.staged_database(tables)
    return StagedPacket(image, {name: len(rows) for name, (_, rows) in tables.items()})


def vouched_parents(
    table: SyncTable, records: Mapping[str, Sequence[Record]]
) -> list[str | None] | None:
    """Where the packet is read (the reader's worker, beside the merge): each of the table's
    records checked by its ``parent_check`` against the parent record the packet itself
    carries. A record that passes gets the parent's checked values
    (``ParentCheck.parent_columns``) as a JSON array, the others None; the merge then checks
    again only the records whose parent the bureau holds with other values, or that were not
    vouched for (``_check_parents``). None: the table has no such check.

    The rule is given the packet's record as it is, where the merge gives it
    ``record_from_row`` of the staged row: the same record, as every decimal a valid record
    holds is the canonical text of its value (tests/app/packets/test_decimal_columns.py)."""
    check = table.parent_check
    if check is None:
        return None
    parent_table = TABLES_BY_NAME[check.parent]
    parents = {
        str(r["uuid"]): parent_table.row_from_record(r) for r in records.get(check.parent, ())
    }
    texts: dict[tuple[Any, ...], str] = {}  # the parents' values repeat (a student's sex)
    vouched: list[str | None] = []
    for record in records.get(table.name, ()):
        parent = None if record["deleted"] else parents.get(record[check.column])
        if parent is None or check.apply(record, parent):
            vouched.append(None)
            continue
        values = tuple(parent[c] for c in check.parent_columns)
        if values not in texts:
            texts[values] = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
        vouched.append(texts[values])
    return vouched


def merge_records(db: Database, packet: PacketRef, staged: StagedPacket) -> MergeOutcome:
    """Merge a packet's staged records (``staged_tables``) table by table, parents first."""
    outcome = MergeOutcome()
    params = scope_params(packet.school_code, packet.terms)
    packet_stage.load_incoming(db, staged.image)
    for table in TABLES:
        if table.name not in staged.counts:
            continue
        counts, issues = merge_table(db, table, packet, params)
        outcome.tables[table.name] = counts
        outcome.issues.extend(issues)
        if os.environ.get(CRASH_ENV) == table.name:
            os._exit(137)  # test hook: die inside the uncommitted transaction (test_cli_merge)
    return outcome


def merge_table(
    db: Database,
    table: SyncTable,
    packet: PacketRef,
    params: Mapping[str, str],
) -> tuple[TableCounts, list[RecordIssue]]:
    spec = packet_stage.incoming_spec(stage_spec(table))
    repo_merge.probe_central(db, spec, params)
    repo_merge.reject_missing_parents(db, spec)
    repo_merge.reject_out_of_scope(db, spec, params)
    repo_merge.mark_transfers(db, spec)
    _check_parents(db, table, spec, packet)
    conflicts = _apply_checking_keys(db, table, spec, packet)
    repo_merge.supersede_conflicts(db, spec, packet.actor, packet.at)
    repo_conflicts.put_open_conflicts(db, conflicts, packet.at)
    found = repo_merge.stage_counts(db, spec)
    issues = [
        RecordIssue(table.name, i.uuid, i.outcome, i.reason, i.detail)
        for i in repo_merge.stage_issues(db, spec)
    ]
    counts = TableCounts(
        created=found.get("created", 0),
        updated=found.get("updated", 0),
        unchanged=found.get("unchanged", 0),
        conflicts=found.get("conflict", 0),
        rejected=found.get("rejected", 0),
    )
    return counts, issues


def _check_parents(db: Database, table: SyncTable, spec: StageSpec, packet: PacketRef) -> None:
    """Reject the live records about to be written that fail the table's ``parent_check``.

    A rule that depends on reference data (the scoring standard) runs only for packets written
    by this very version: another version may carry another edition of the standard, and its
    figures are then no sign of tampering (docs/packet-format.md §6.5).

    Only the rows the reader did not vouch for with the parent values the bureau holds are
    checked here (``vouched_parents``): the rule is a function of the record and those values,
    so for the others the reader's verdict is this one's. At district scale this takes the
    rescoring of every fitness result off the merge (bench/merge_bench.py)."""
    check = table.parent_check
    if check is None or (check.same_version_only and packet.app_version != __version__):
        return
    staged = repo_merge.unvouched_rows(
        db, spec, column=check.column, parent=check.parent, parent_columns=check.parent_columns
    )
    if not staged:
        return
    parent_spec = stage_spec(TABLES_BY_NAME[check.parent])
    parents = repo_merge.central_rows(db, parent_spec, sorted({r[check.column] for r in staged}))
    failed: dict[str, str] = {}
    for row in staged:
        parent = parents.get(row[check.column])
        if parent is None:  # rejected as missing_parent already
            continue
        problems = check.apply(table.record_from_row(row), parent)
        if problems:
            failed[row["uuid"]] = "; ".join(problems)[:2000]
    repo_merge.reject_records(db, spec, failed, check.reason)


def record_json(table: SyncTable, row: Mapping[str, object]) -> str:
    return canonical.dumps(table.record_from_row(row))


def _hold_conflicts(
    db: Database, table: SyncTable, spec: StageSpec, packet: PacketRef
) -> list[NewConflict]:
    """The staged conflicts to keep for review; a version the bureau already refused becomes
    ``unchanged`` (decided) instead of being raised again."""
    staged = repo_merge.staged_rows(db, spec, "conflict")
    if not staged:
        return []
    issues = {i.uuid: i for i in repo_merge.stage_issues(db, spec) if i.outcome == "conflict"}
    central_ids = [issues[r["uuid"]].other_uuid or r["uuid"] for r in staged]
    central = repo_merge.central_rows(db, spec, central_ids)
    held: list[NewConflict] = []
    decided: list[str] = []
    for row, central_id in zip(staged, central_ids, strict=True):
        incoming = record_json(table, row)
        digest = hashlib.sha256(incoming.encode("utf-8")).hexdigest()
        if repo_conflicts.refused_before(db, table.name, row["uuid"], digest):
            decided.append(row["uuid"])
            continue
        other = central.get(central_id)
        held.append(
            NewConflict(
                packet_sha256=packet.sha256,
                school_code=packet.school_code,
                table_name=table.name,
                record_uuid=row["uuid"],
                kind=issues[row["uuid"]].reason,
                central_uuid=central_id,
                central=record_json(table, other) if other else None,
                incoming=incoming,
                incoming_sha256=digest,
            )
        )
    repo_merge.set_outcome(db, spec, decided, "unchanged", "decided")
    return held


def _apply_checking_keys(
    db: Database, table: SyncTable, spec: StageSpec, packet: PacketRef
) -> list[NewConflict]:
    """Write and audit the staged rows; the conflicts to keep. The table's unique index is the
    natural key (``SyncTable.natural_key``), so when it takes every row at once, no record
    takes another's place: the search for such records (``mark_duplicate_keys``, a lookup per
    record, a tenth of a district merge) is needed only when it does not."""
    source = f"packet {packet.sha256}"
    pairs = repo_merge.updated_pairs(db, spec)
    if repo_merge.apply_unless_refused(db, spec):
        _audit_applied(db, table, spec, pairs, packet.actor, source)
        return _hold_conflicts(db, table, spec, packet)
    repo_merge.mark_duplicate_keys(db, spec)
    conflicts = _hold_conflicts(db, table, spec, packet)
    apply_and_audit(db, table, spec, packet.actor, source)
    return conflicts


def apply_and_audit(
    db: Database, table: SyncTable, spec: StageSpec, actor: str, source: str
) -> None:
    """Write the staged created/updated rows and audit them: the created ones by one
    ``create_many`` entry naming their ``source``, each updated one with its old → new values."""
    pairs = repo_merge.updated_pairs(db, spec)
    if repo_merge.apply_stage(db, spec):
        still = repo_merge.applied_uuids(db, spec, "updated")
        pairs = [p for p in pairs if p[1][0] in still]
    _audit_applied(db, table, spec, pairs, actor, source)


def _audit_applied(
    db: Database,
    table: SyncTable,
    spec: StageSpec,
    pairs: Sequence[tuple[tuple[object, ...], tuple[object, ...]]],
    actor: str,
    source: str,
) -> None:
    entries = _update_entries(table.name, spec, pairs)
    created = repo_merge.created_uuids_json(db, spec)
    if created is not None:
        entries.insert(0, created_batch_entry(table.name, created, source))
    append_audit_encoded(db, actor, entries)


def _update_entries(
    table: str, spec: StageSpec, pairs: Sequence[tuple[tuple[object, ...], tuple[object, ...]]]
) -> list[EncodedEntry]:
    positions = [spec.columns.index(c) for c in spec.compared]
    entries: list[EncodedEntry] = []
    for old, new in pairs:
        changed = [i for i in positions if old[i] != new[i]]
        before = {spec.columns[i]: old[i] for i in changed}
        after = {spec.columns[i]: new[i] for i in changed}
        entries.append(
            (table, str(new[0]), "update", canonical_json(before), canonical_json(after))
        )
    return entries
