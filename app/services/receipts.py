"""Receipts and returns, bureau side (DESIGN.md §3; docs/packet-format.md §12).

Merging a packet stores its receipt unsigned (counts, the records rejected or held for review)
in the same transaction; ``write_receipts`` later signs every receipt not yet written with the
bureau's signing key, one file per packet named by school code and sequence. A return (退回) of
records or of a whole packet travels in that packet's receipt if it is not written yet, else in
a separate signed ``return`` document. The school side is ``receipt_import.import_receipt``.
"""

from __future__ import annotations

import os
import re
import uuid as uuid_mod
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519
from sqlite_utils import Database

from app.errors import NotFoundError, UserError
from app.i18n import tr
from app.packets import canonical
from app.packets.format import PacketHeader
from app.packets.key_documents import utc_now_text
from app.packets.keys import fingerprint, raw_public
from app.packets.receipt_document import RECEIPT_SUFFIX, Receipt, ReceiptRecord, sign_receipt
from app.packets.sync_tables import TABLES_BY_NAME
from app.services.bureau_workspace import require_bureau
from app.services.keys_service import BUREAU_SIGNING
from app.services.merge import MergeOutcome
from app.services.receipt_import import import_receipt
from app.services.workspace import Workspace
from db import repo_keys, repo_packets, repo_receipts
from db.repo_receipts import RecordReturn, StoredReceipt

_SHA = re.compile(r"^[0-9a-f]{64}$")


def store_receipt(
    db: Database, header: PacketHeader, sha256: str, outcome: MergeOutcome, at: str
) -> None:
    """Keep the receipt of a packet being merged (call inside the merge's transaction)."""
    body = {
        "tables": {name: counts.to_json() for name, counts in outcome.tables.items()},
        "records": [
            {"table": i.table, "uuid": i.uuid, "status": i.status, "reason": i.reason,
             "detail": i.detail[:500]}
            for i in outcome.issues
        ],
    }  # fmt: skip
    repo_receipts.add_receipt(
        db,
        StoredReceipt(
            packet_sha256=sha256,
            school_code=header.school_code,
            sequence=header.sequence,
            packet_uuid=header.packet_uuid,
            body=canonical.dumps(body),
            created_at=at,
            written_at=None,
            file_name=None,
        ),
    )


def merged_packet(db: Database, packet: str) -> StoredReceipt:
    """The merged packet named by its SHA-256, or a school's latest merged packet by its code."""
    if _SHA.match(packet):
        stored = repo_receipts.get_receipt(db, packet)
    else:
        last = repo_packets.last_merged(db, packet)
        stored = repo_receipts.get_receipt(db, last.sha256) if last else None
    if stored is None:
        raise NotFoundError(
            tr("No merged packet matches {packet}.", packet=packet),
            tr("Give the packet's SHA-256 or the school code of a school that sent one."),
        )
    return stored


def return_records(
    db: Database,
    packet: str,
    records: Sequence[tuple[str, str, str]] | None,
    *,
    reason: str = "",
    actor: str,
) -> int:
    """Return records ``(table, uuid, reason)`` of a merged packet for correction, or with
    ``records`` None the whole packet (``reason`` required). Returns how many were recorded."""
    stored = merged_packet(db, packet)
    if records is None:
        if not reason.strip():
            raise UserError(tr("A return needs a reason."), tr("Say what the school must correct."))
        rows: list[tuple[str | None, str | None, str]] = [(None, None, reason.strip())]
    else:
        rows = [(table, uuid, why.strip()) for table, uuid, why in records]
        for table, uuid, why in rows:
            _check_returnable(db, stored.school_code, table or "", uuid or "", why)
    with db.atomic():
        repo_receipts.add_returns(db, stored.packet_sha256, rows, actor, utc_now_text())
    return len(rows)


def _check_returnable(db: Database, school: str, table: str, uuid: str, reason: str) -> None:
    spec = TABLES_BY_NAME.get(table)
    if spec is None:
        raise UserError(tr("'{name}' is not a kind of record.", name=table), "")
    if not reason:
        raise UserError(tr("A return needs a reason."), tr("Say what the school must correct."))
    owner = spec.owner_column
    row = db.execute(f"SELECT {owner or 'uuid'} FROM {spec.name} WHERE uuid = ?", [uuid]).fetchone()
    if row is None or (owner is not None and row[0] != school):
        raise NotFoundError(
            tr("The bureau holds no record {uuid} of this school.", uuid=uuid),
            tr("Check the record."),
        )


@dataclass(frozen=True)
class WrittenDocument:
    path: Path
    kind: str  # receipt | return
    school_code: str
    sequence: int
    records: int  # records listed (rejected, conflicts, returned)


def write_receipts(
    ws: Workspace, out_dir: Path, signing_key: ed25519.Ed25519PrivateKey
) -> list[WrittenDocument]:
    """Sign and write every receipt not yet written, then a return document for every packet
    with returns decided after its receipt was written."""
    require_bureau(ws.db)
    own = repo_keys.active_own_key(ws.db, BUREAU_SIGNING)
    fp = fingerprint(raw_public(signing_key))
    if own is None or own.fingerprint != fp:
        raise UserError(
            tr("This is not the bureau's current signing key."), tr("Open the current key.")
        )
    written = [
        _write_receipt(ws.db, stored, out_dir, signing_key, fp)
        for stored in repo_receipts.unwritten_receipts(ws.db)
    ]
    by_packet: dict[str, list[RecordReturn]] = {}
    for ret in repo_receipts.pending_returns(ws.db):
        by_packet.setdefault(ret.packet_sha256, []).append(ret)
    for sha, returns in by_packet.items():
        stored = repo_receipts.get_receipt(ws.db, sha)
        assert stored is not None  # returns are only accepted for merged packets
        written.append(_write_returns(ws.db, stored, returns, out_dir, signing_key, fp))
    return written


def _document(
    kind: str, stored: StoredReceipt, returns: Sequence[RecordReturn], fp: str, body: dict[str, Any]
) -> Receipt:
    whole = [r.reason for r in returns if r.table_name is None]
    records = [ReceiptRecord(**r) for r in body.get("records", [])]
    records += [
        ReceiptRecord(r.table_name, r.record_uuid, "returned", r.reason, "")
        for r in returns
        if r.table_name is not None and r.record_uuid is not None
    ]
    return Receipt(
        kind=kind,
        document_uuid=str(uuid_mod.uuid4()),
        issued_at=utc_now_text(),
        bureau_signing_fingerprint=fp,
        school_code=stored.school_code,
        packet_sha256=stored.packet_sha256,
        packet_uuid=stored.packet_uuid,
        sequence=stored.sequence,
        tables=body.get("tables", {}),
        records=tuple(records),
        packet_returned=bool(whole),
        return_reason="\n".join(whole),
    )


def _write_receipt(
    db: Database,
    stored: StoredReceipt,
    out_dir: Path,
    key: ed25519.Ed25519PrivateKey,
    fp: str,
) -> WrittenDocument:
    returns = repo_receipts.pending_returns(db, stored.packet_sha256)
    receipt = _document("receipt", stored, returns, fp, canonical.loads(stored.body))
    name = f"{stored.school_code}-{stored.sequence:04d}{RECEIPT_SUFFIX}"
    path = _write_file(out_dir / name, sign_receipt(receipt, key))
    with db.atomic():
        repo_receipts.mark_receipt_written(db, stored.packet_sha256, name, receipt.issued_at)
        repo_receipts.mark_returns_sent(
            db, [r.id for r in returns], receipt.document_uuid, receipt.issued_at
        )
    return WrittenDocument(
        path, "receipt", stored.school_code, stored.sequence, len(receipt.records)
    )


def _write_returns(
    db: Database,
    stored: StoredReceipt,
    returns: Sequence[RecordReturn],
    out_dir: Path,
    key: ed25519.Ed25519PrivateKey,
    fp: str,
) -> WrittenDocument:
    document = _document("return", stored, returns, fp, {})
    name = f"{stored.school_code}-{stored.sequence:04d}-return-{returns[0].id}{RECEIPT_SUFFIX}"
    path = _write_file(out_dir / name, sign_receipt(document, key))
    with db.atomic():
        repo_receipts.mark_returns_sent(
            db, [r.id for r in returns], document.document_uuid, document.issued_at
        )
    return WrittenDocument(path, "return", stored.school_code, stored.sequence, len(returns))


def _write_file(path: Path, data: bytes) -> Path:
    """Write via a temporary name, so a half-written file never looks like a receipt."""
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(
            tr("{path} cannot be written ({reason}).", path=path, reason=exc.strerror),
            tr("Choose another folder."),
        ) from exc
    return path


__all__ = [
    "WrittenDocument",
    "import_receipt",
    "merged_packet",
    "return_records",
    "store_receipt",
    "write_receipts",
]
