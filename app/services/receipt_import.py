"""Importing the bureau's receipt or return at the school.

The document is verified with a bureau signing key the school trusts (or trusted: a receipt may
arrive after the bureau's keys were replaced), must answer a packet in this school's history
(same packet id and file SHA-256), and then:

- a receipt marks the packet ``acknowledged``; a whole-packet return marks it ``returned``
  (which a later receipt does not undo);
- every record the document lists is flagged (``rejected``, ``conflict`` or ``returned``, with
  the reason) in ``record_statuses``, so the UI can show them; every other record of an
  acknowledged packet is acknowledged through the packet;
- a flag from an earlier packet is cleared (``acknowledged``) when the record was changed after
  that packet and this acknowledged packet carried the change.

Importing the same document twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import UserError
from app.i18n import tr
from app.packets.receipt_document import MAX_RECEIPT_BYTES, Receipt, ReceiptError, read_receipt
from app.services.packet_export import set_packet_status
from app.services.workspace import Workspace, require_school
from db import repo_keys, repo_packets, repo_receipts
from db.records import now_utc
from db.repo_packets import ExportedPacket
from db.repo_receipts import RecordStatus


@dataclass(frozen=True)
class ImportedReceipt:
    receipt: Receipt
    packet: ExportedPacket  # with its status after the import
    flagged: int  # records flagged by this document
    cleared: int  # earlier flags cleared because the corrected records were acknowledged
    already_imported: bool


def read_receipt_file(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(MAX_RECEIPT_BYTES + 1)
    except OSError as exc:
        raise UserError(
            tr("The file {path} cannot be read ({reason}).", path=path, reason=exc.strerror),
            tr("Check the file name and that the USB stick is plugged in."),
        ) from exc


def import_receipt(ws: Workspace, path: Path) -> ImportedReceipt:
    db = ws.db
    school = require_school(db)
    trusted = {
        t.signing_fingerprint: t.signing_public_key for t in repo_keys.trusted_bureau_history(db)
    }
    data = read_receipt_file(path)
    receipt = read_receipt(data, trusted)
    if receipt.school_code != school.code:
        raise ReceiptError(
            tr("This receipt is for school {code}, not this one.", code=receipt.school_code),
            tr("Give it to that school."),
        )
    packet = repo_packets.get_exported(db, receipt.packet_uuid)
    if packet is None or packet.sha256 != receipt.packet_sha256:
        raise ReceiptError(
            tr("This receipt answers a packet this school did not export (number {n}).",
               n=receipt.sequence),
            tr("Check that it is this school's receipt, from this computer's workspace."),
        )  # fmt: skip
    if repo_receipts.receipt_imported(db, receipt.document_uuid):
        return ImportedReceipt(receipt, packet, 0, 0, already_imported=True)
    at = now_utc()
    cleared = 0
    with db.atomic():
        status = _new_status(receipt, packet)
        if status != packet.status:
            packet = set_packet_status(db, packet.packet_uuid, status)
        if receipt.kind == "receipt" and status == "acknowledged":
            cleared = repo_receipts.clear_corrected_flags(db, packet.sha256, at)
        repo_receipts.put_record_statuses(
            db,
            [
                RecordStatus(r.table, r.uuid, r.status, r.reason, r.detail, packet.sha256, at)
                for r in receipt.records
            ],
        )
        repo_receipts.add_imported_receipt(
            db,
            document_uuid=receipt.document_uuid,
            packet_sha256=receipt.packet_sha256,
            kind=receipt.kind,
            issued_at=receipt.issued_at,
            document=data.decode("utf-8", errors="replace"),
            at=at,
        )
    return ImportedReceipt(receipt, packet, len(receipt.records), cleared, already_imported=False)


def _new_status(receipt: Receipt, packet: ExportedPacket) -> str:
    if receipt.packet_returned or packet.status == "returned":
        return "returned"
    if receipt.kind == "receipt":
        return "acknowledged"
    return packet.status


def flagged_records(ws: Workspace, table: str | None = None) -> list[RecordStatus]:
    """Records the bureau rejected, holds for review or returned (for the UI to flag)."""
    return repo_receipts.list_record_statuses(ws.db, table=table)
