"""Exporting a submission packet (school side): plan → completeness check → sign and write.

Sequence numbers and the previous-packet hash come from the history table ``exported_packets``,
read and written in the same transaction, so two exports can never share a number. An
incremental packet holds the records changed (by the audit log's change counter) since the last
packet the bureau acknowledged.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid as uuid_mod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ed25519
from sqlite_utils import Database

from app import __version__
from app.errors import Cancelled, NotFoundError, UserError
from app.i18n import tr
from app.models import School, Term
from app.packets import completeness
from app.packets.format import PacketHeader
from app.packets.keys import fingerprint, raw_public, x25519_public
from app.packets.packet_writer import PacketDraft, write_packet
from app.packets.sync_tables import TABLES, Record
from app.services.keys_service import require_trusted_bureau, school_key
from app.services.workspace import Workspace, require_school
from app.terms import parse_term
from db import repo_packets
from db.migrations import migration_names
from db.repo_packets import ExportedPacket

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportPlan:
    school: School
    term: Term
    mode: str  # full | incremental
    base: ExportedPacket | None  # the acknowledged packet an incremental builds on
    audit_mark: int
    records: dict[str, list[Record]]

    @property
    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.records.items()}


@dataclass(frozen=True)
class ExportResult:
    packet: ExportedPacket
    header: PacketHeader
    path: Path  # the copy kept in the workspace's exports folder
    out: Path | None  # the copy written where the user asked


def plan_export(
    db: Database,
    *,
    term: str,
    incremental: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportPlan:
    """Select the records a packet for ``term`` would hold (nothing is written)."""
    school = require_school(db)
    parsed = parse_term(term)
    base = repo_packets.last_acknowledged(db) if incremental else None
    if incremental and base is None:
        raise UserError(
            tr("No packet has been acknowledged by the bureau yet, so there is no base to add to."),
            tr("Export a full packet instead (without --incremental)."),
        )
    # Take the mark before reading: a change made meanwhile is sent again next time, never lost.
    mark = repo_packets.audit_mark(db)
    params = {
        "school_code": school.code,
        "term_code": parsed.code,
        "school_year": parsed.school_year,
    }
    records: dict[str, list[Record]] = {}
    for done, table in enumerate(TABLES):
        if cancelled is not None and cancelled():
            raise Cancelled()
        rows = repo_packets.select_records(
            db,
            table.name,
            table.all_columns,
            table.scope,
            params,
            changed_after=base.audit_mark if base else None,
        )
        records[table.name] = [table.record_from_row(r) for r in rows]
        if progress is not None:
            progress(done + 1, len(TABLES))
    mode = "incremental" if incremental else "full"
    return ExportPlan(school, parsed, mode, base, mark, records)


def check_completeness(db: Database, plan: ExportPlan) -> completeness.CompletenessReport:
    ctx = completeness.CheckContext(db, plan.school.code, plan.term, plan.records)
    return completeness.run_checks(ctx)


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def export_packet(
    ws: Workspace,
    plan: ExportPlan,
    *,
    signing_key: ed25519.Ed25519PrivateKey,
    out: Path | None = None,
) -> ExportResult:
    """Sign, encrypt and write the packet; record it in the history as 'exported'."""
    db = ws.db
    bureau = require_trusted_bureau(db)
    own = school_key(db)
    if own is None or own.fingerprint != fingerprint(raw_public(signing_key)):
        raise UserError(
            tr("This is not the school's current signing key."), tr("Open the current key.")
        )
    written: list[Path] = []
    try:
        with db.atomic():
            last = repo_packets.last_exported(db)
            sequence = last.sequence + 1 if last else 1
            draft = PacketDraft(
                packet_uuid=str(uuid_mod.uuid4()),
                school_code=plan.school.code,
                school_name=plan.school.name,
                terms=(plan.term.code,),
                sequence=sequence,
                prev_sha256=last.sha256 if last else None,
                base_sha256=plan.base.sha256 if plan.base else None,
                mode=plan.mode,
                created_at=_utc_now(),
                app_version=__version__,
                schema_version=migration_names()[-1],
            )
            sealed = write_packet(
                draft,
                plan.records,
                signing_key=signing_key,
                bureau_key=x25519_public(bureau.encryption_public_key),
            )
            name = f"{plan.school.code}-{plan.term.code}-{sequence:04d}.bspkt"
            packet = ExportedPacket(
                packet_uuid=draft.packet_uuid,
                sequence=sequence,
                sha256=sealed.sha256,
                prev_sha256=draft.prev_sha256,
                base_sha256=draft.base_sha256,
                term=plan.term.code,
                mode=plan.mode,
                created_at=draft.created_at,
                status="exported",
                status_at=None,
                file_name=name,
                counts=sealed.header.counts,
                audit_mark=plan.audit_mark,
                bureau_key_id=sealed.header.bureau_key_id,
                school_key_fingerprint=sealed.header.school_key_fingerprint,
            )
            repo_packets.add_exported(db, packet)
            ws.paths.exports.mkdir(parents=True, exist_ok=True)
            path = _write_new(ws.paths.exports / name, sealed.data, written)
            target = None
            if out is not None:
                target = out / name if out.is_dir() else out
                _write_new(target, sealed.data, written)
    except BaseException:
        for made in written:
            made.unlink(missing_ok=True)
        raise
    return ExportResult(packet=packet, header=sealed.header, path=path, out=target)


def _write_new(path: Path, data: bytes, written: list[Path]) -> Path:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    except FileExistsError:
        raise UserError(
            tr("{path} already exists.", path=path), tr("Choose another file name.")
        ) from None
    except OSError as exc:
        raise UserError(
            tr("{path} cannot be written ({reason}).", path=path, reason=exc.strerror),
            tr("Choose another folder."),
        ) from exc
    written.append(path)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    return path


def list_packets(db: Database) -> list[ExportedPacket]:
    return repo_packets.list_exported(db)


def set_packet_status(db: Database, packet_uuid: str, status: str) -> ExportedPacket:
    """Mark a packet acknowledged or returned (receipts will call this)."""
    if status not in repo_packets.PACKET_STATUSES:
        raise UserError(
            tr("'{status}' is not a packet status.", status=status),
            tr("Use exported, acknowledged or returned."),
        )
    with db.atomic():
        if not repo_packets.set_exported_status(db, packet_uuid, status, _utc_now()):
            raise NotFoundError(
                tr("No exported packet has the id {uuid}.", uuid=packet_uuid),
                tr("Check the packet list: baosong-cli packet list."),
            )
    packet = repo_packets.get_exported(db, packet_uuid)
    assert packet is not None
    return packet
