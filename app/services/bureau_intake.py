"""Bureau intake: packet files (or folders of them) → verified, decrypted, merged (DESIGN.md §3).

Per packet, in this order:

1. read the file (size limit) and hash it; a file already merged (same SHA-256 in the ledger)
   is a ``duplicate``: a reported no-op, no key needed (the very bytes were verified before);
2. container and header, then sender and integrity with the registry's public keys: signature,
   school code against the key, key status, body hash (packet_reader.verify_envelope);
3. chain: ``stale`` and ``fork`` are refused, a ``gap`` is merged and reported; an incremental
   packet needs its base merged;
4. decrypt and read every record under the reader's limits;
5. merge (app/services/merge.py) in ONE transaction with the packet's receipt and ledger row.

While a packet merges, the next ones (``READ_AHEAD``) are already being decrypted and read in
worker processes (app/services/packet_reading.py, ``reader_workers``) when they are other
schools': nothing the merge writes can change those packets' checks, which all come before
decryption as above. A packet of a school that is merging or already read ahead waits, as its
place in the chain depends on them. Likewise the copy of each commit from the WAL into the
database file runs in a thread while the next packet is read (db/wal_checkpoints.py).

A refused packet is copied to the quarantine folder with a ``.reason.txt`` beside it and noted
in the ledger; the records, the audit log and the conflicts stay exactly as they were. Before
the first commit of a batch the database is backed up. A dry run does everything inside one
transaction that is rolled back at the end (later packets of a batch see earlier ones, as in
the real run) and copies nothing to quarantine.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import x25519
from sqlite_utils import Database

from app.errors import Cancelled, UserError
from app.i18n import tr
from app.packets.format import DEFAULT_LIMITS, PacketHeader, PacketLimits
from app.packets.packet_reader import read_envelope, read_packet_file, verify_envelope
from app.packets.rejection import PacketRejected
from app.services import intake_files
from app.services.backup import backup_database
from app.services.bureau_keys import school_key_lookup
from app.services.bureau_workspace import require_bureau
from app.services.intake_connection import bulk_cache, references_checked_by_the_merge
from app.services.intake_files import Refusal, chain_refusal
from app.services.merge import (
    MergeOutcome,
    PacketRef,
    RecordIssue,
    StagedPacket,
    TableCounts,
    merge_records,
)
from app.services.packet_reading import PacketReader, PendingRead
from app.services.receipts import store_receipt
from app.services.workspace import Workspace
from db import repo_merge, repo_packets
from db.records import now_utc
from db.repo_packets import LedgerEntry
from db.wal_checkpoints import BackgroundCheckpoints

Progress = Callable[[int, int], None]
# Packets being read (decrypted, parsed, checked) while one merges: one more than there are
# readers, so that a reader never waits for the merge to hand it a packet — also while the
# merge waits for the disk (db/wal_checkpoints.py). Each packet read ahead holds its staged
# records, some 30 MB for a school of 3,000, until it merges.
READ_AHEAD = 3
# Each reader's worker holds a packet's parsed records: ~450 MB for a school of 3,000.
MAX_READERS = 2


def reader_workers(packets: int) -> int:
    """Worker processes reading packets: none for a single packet; else one per core, up to
    ``MAX_READERS``. The merging process waits for the disk and for packets much of the time, and
    a reader beside a busy merge runs a third slower (both move hundreds of MB through memory
    per packet), so one reader left a quarter of two cores idle; a second one uses it
    (bench/merge_bench.py, 20 packets on two cores: 56 s with one reader, 41 s with two, at
    ~450 MB of memory per reader)."""
    cores = os.cpu_count() or 1
    return min(MAX_READERS, packets - 1, cores)


@dataclass
class PacketResult:
    file: Path
    status: str = "rejected"  # merged | duplicate | rejected (in a dry run: what would happen)
    code: str | None = None  # why it was refused: a RejectCode value or an intake code
    reason: str | None = None  # translated: why refused, or what to know (a gap)
    todo: str | None = None
    detail: str = ""
    sha256: str | None = None
    school_code: str | None = None
    sequence: int | None = None
    chain: str | None = None  # first | next | gap (merged packets)
    tables: dict[str, TableCounts] = field(default_factory=dict)
    issues: list[RecordIssue] = field(default_factory=list)
    quarantined: Path | None = None


@dataclass
class IntakeReport:
    packets: list[PacketResult]
    dry_run: bool
    backup: Path | None

    @property
    def any_rejected(self) -> bool:
        return any(p.status == "rejected" for p in self.packets)


@dataclass
class _Batch:
    ws: Workspace
    reader: PacketReader
    dry_run: bool
    limits: PacketLimits
    checkpoints: BackgroundCheckpoints | None = None
    backup: Path | None = None

    @property
    def db(self) -> Database:
        return self.ws.db


def intake_packets(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    decryption_keys: Mapping[str, x25519.X25519PrivateKey],
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    limits: PacketLimits = DEFAULT_LIMITS,
) -> IntakeReport:
    """Take in every packet of ``paths`` (files, or folders of ``*.bspkt``), each school's in
    sequence order. Cancelling stops before the next packet; merged packets stay merged."""
    require_bureau(ws.db)
    files = intake_files.ordered(intake_files.packet_files(paths))
    reader = PacketReader(decryption_keys, limits, workers=reader_workers(len(files)))
    batch = _Batch(ws, reader, dry_run, limits)
    if not dry_run and len(files) > 1:
        batch.checkpoints = BackgroundCheckpoints(ws.db, ws.paths.database)
    results: list[PacketResult] = []
    with (
        reader,
        bulk_cache(ws.db),
        _rolled_back(ws.db) if dry_run else _nothing(),
        batch.checkpoints or _nothing(),
    ):
        ahead: dict[int, PacketResult | _Ready] = {}  # files[i] prepared while others merge
        for done, path in enumerate(files):
            if cancelled is not None and cancelled():
                raise Cancelled()
            step = ahead.pop(done, None)
            if step is None:
                step = _prepare(batch, path)
            if isinstance(step, _Ready):
                _read_ahead(batch, files, done, step.header.school_code, ahead)
            results.append(step if isinstance(step, PacketResult) else _finish(batch, step))
            if progress is not None:
                progress(done + 1, len(files))
    return IntakeReport(results, dry_run, batch.backup)


@dataclass
class _Ready:
    """A packet verified and in sequence, being read (possibly in the reader's worker)."""

    result: PacketResult
    header: PacketHeader
    pending: PendingRead
    gap: str | None


def _read_ahead(
    batch: _Batch,
    files: Sequence[Path],
    done: int,
    merging: str,
    ahead: dict[int, PacketResult | _Ready],
) -> None:
    """While ``files[done]`` of school ``merging`` merges, prepare the next ``READ_AHEAD``
    files, up to the first of a school that is merging or already read ahead: that one's
    checks (its place in the chain) depend on the packets before it."""
    busy = {merging}
    for later in range(done + 1, min(done + 1 + READ_AHEAD, len(files))):
        step = ahead.get(later)
        if step is None:
            step = _prepare_ahead(batch, files[later], busy)
            if step is None:
                return
            ahead[later] = step
        school = step.header.school_code if isinstance(step, _Ready) else step.school_code
        if school is None:
            return  # unreadable: which school's is unknown
        busy.add(school)


def _prepare_ahead(batch: _Batch, path: Path, busy: set[str]) -> PacketResult | _Ready | None:
    """Prepare a packet while those of the schools ``busy`` merge or wait: only another
    school's, whose checks (duplicate, chain) their merges cannot change; else None (later)."""
    peeked = intake_files.peek_header(path)
    if peeked is None or peeked.school_code in busy:
        return None
    return _prepare_unless(batch, path, busy)


class _RollBack(Exception):
    pass


@contextmanager
def _rolled_back(db: Database) -> Iterator[None]:
    try:
        with db.atomic():
            yield
            raise _RollBack()
    except _RollBack:
        pass


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def _prepare(batch: _Batch, path: Path) -> PacketResult | _Ready:
    """Every check before decryption, then the reading begins: a ``_Ready``, or the packet's
    final result (a duplicate, a refusal, an unreadable file)."""
    step = _prepare_unless(batch, path, set())
    assert step is not None  # only a school to leave alone gives None
    return step


def _prepare_unless(
    batch: _Batch, path: Path, unless_schools: set[str]
) -> PacketResult | _Ready | None:
    """``_prepare``, except that a packet of one of ``unless_schools`` is left alone (None)
    before any check whose answer depends on the database or has a lasting effect."""
    result = PacketResult(file=path)
    try:
        data = read_packet_file(path, batch.limits)
    except PacketRejected as exc:  # larger than any packet may be
        return _refuse(batch, result, Refusal.of(exc), intake_files.file_sha256(path))
    except UserError as exc:
        result.code, result.reason, result.todo = "unreadable", exc.what, exc.todo
        return result
    result.sha256 = hashlib.sha256(data).hexdigest()
    seen = repo_packets.ledger_entry(batch.db, result.sha256)
    if seen is not None and seen.status == "merged":
        return _duplicate(result, seen)
    header: PacketHeader | None = None
    try:
        envelope = read_envelope(data, batch.limits)
        header = envelope.header
        if header.school_code in unless_schools:
            return None
        result.school_code, result.sequence = header.school_code, header.sequence
        verified = verify_envelope(envelope, school_key_lookup(batch.db))
        chain, gap = chain_refusal(batch.db, header)
        if isinstance(chain, Refusal):
            return _refuse(batch, result, chain, result.sha256, header)
    except PacketRejected as exc:
        return _refuse(batch, result, Refusal.of(exc), result.sha256, header)
    result.chain = chain
    return _Ready(result, header, batch.reader.start(verified), gap)


def _duplicate(result: PacketResult, seen: LedgerEntry) -> PacketResult:
    """A file already merged: a reported no-op (the very bytes were verified before)."""
    result.status = "duplicate"
    result.school_code, result.sequence = seen.school_code, seen.sequence
    result.reason = tr("Already merged on {at}; nothing to do.", at=seen.received_at)
    return result


def _finish(batch: _Batch, ready: _Ready) -> PacketResult:
    """Wait for the packet's records, then merge them (or refuse the packet)."""
    result = ready.result
    try:
        tables = ready.pending.result()
    except PacketRejected as exc:
        return _refuse(batch, result, Refusal.of(exc), result.sha256, ready.header)
    result.reason = ready.gap
    assert result.sha256 is not None
    _commit(batch, result, ready.header, result.sha256, tables)
    return result


def _commit(
    batch: _Batch,
    result: PacketResult,
    header: PacketHeader,
    sha256: str,
    tables: StagedPacket,
) -> None:
    """Merge, receipt and ledger row of one packet: one transaction (a savepoint in a dry run)."""
    _backup_once(batch)
    at = now_utc()
    ref = PacketRef(
        sha256=sha256,
        school_code=header.school_code,
        terms=header.terms,
        actor=f"{batch.ws.actor} (packet {header.school_code}#{header.sequence})",
        at=at,
        app_version=header.app_version,
    )
    if batch.checkpoints is not None:
        batch.checkpoints.before_next_write()
    with references_checked_by_the_merge(batch.db), batch.db.atomic():
        outcome = merge_records(batch.db, ref, tables)
        store_receipt(batch.db, header, sha256, outcome, at)
        repo_merge.put_ledger_entry(batch.db, _ledger(result, header, "merged", outcome, at))
    if batch.checkpoints is not None:
        batch.checkpoints.committed()
    result.status, result.tables, result.issues = "merged", outcome.tables, outcome.issues


def _backup_once(batch: _Batch) -> None:
    if batch.dry_run or batch.backup is not None:
        return
    batch.backup = backup_database(batch.db, batch.ws.paths.backups, "before-merge")


def _ledger(
    result: PacketResult,
    header: PacketHeader | None,
    status: str,
    outcome: MergeOutcome | None,
    at: str,
) -> LedgerEntry:
    assert result.sha256 is not None
    return LedgerEntry(
        sha256=result.sha256,
        school_code=header.school_code if header else "",
        sequence=header.sequence if header else None,
        packet_uuid=header.packet_uuid if header else None,
        status=status,
        reason=result.code or "",
        detail=result.detail[:2000],
        received_at=at,
        counts={n: c.to_json() for n, c in outcome.tables.items()} if outcome else {},
        header=header.to_bytes().decode("utf-8") if header else None,
    )


def _refuse(
    batch: _Batch,
    result: PacketResult,
    refusal: Refusal,
    sha256: str | None,
    header: PacketHeader | None = None,
) -> PacketResult:
    result.status, result.sha256 = "rejected", sha256
    result.code, result.reason, result.todo = refusal.code, refusal.what, refusal.todo
    result.detail = refusal.detail
    if batch.dry_run:
        return result
    at = now_utc()
    result.quarantined = intake_files.quarantine(batch.ws.paths.quarantine, result.file, refusal)
    if sha256 is not None:
        with batch.db.atomic():
            repo_merge.put_ledger_entry(batch.db, _ledger(result, header, "rejected", None, at))
    return result
