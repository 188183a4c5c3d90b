"""Receipts and returns: the bureau's signed answer to a packet (docs/packet-format.md §12).

A document is one canonical JSON object plus LF, signed by the bureau's Ed25519 signing key:
``signature`` = base64 of Ed25519-Sign(key, ``"baosong/receipt/v1" 0x00`` ‖ canonical JSON of
the document without ``signature``). A ``receipt`` answers one merged packet (per-table counts,
the records rejected or held for review, and any returns decided before it was written); a
``return`` sends records, or the whole packet, back for correction later. No database here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.errors import UserError
from app.i18n import tr
from app.packets import canonical
from app.packets.format import TABLE_NAME
from app.packets.keys import b64, ed25519_public, fingerprint, raw_public, unb64

RECEIPT_CONTEXT = b"baosong/receipt/v1\x00"
RECEIPT_FORMAT = "baosong-receipt"
RECEIPT_SUFFIX = ".bsrcpt"
KINDS = ("receipt", "return")
RECORD_STATUSES = ("rejected", "conflict", "returned")
COUNT_FIELDS = ("conflicts", "created", "rejected", "unchanged", "updated")
MAX_RECEIPT_BYTES = 64 * 1024 * 1024
_FIELDS = frozenset(
    {
        "format",
        "format_version",
        "kind",
        "document_uuid",
        "issued_at",
        "bureau_signing_fingerprint",
        "school_code",
        "packet_sha256",
        "packet_uuid",
        "sequence",
        "tables",
        "records",
        "packet_returned",
        "return_reason",
        "signature",
    }
)
_RECORD_FIELDS = frozenset({"table", "uuid", "status", "reason", "detail"})
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_SCHOOL = re.compile(r"^\d{10}$")
_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


class ReceiptError(UserError):
    """A file that is not a valid receipt, or not one signed by the trusted bureau."""


@dataclass(frozen=True)
class ReceiptRecord:
    table: str
    uuid: str
    status: str  # rejected | conflict | returned
    reason: str  # a merge reason code, or the bureau's words for a return
    detail: str


@dataclass(frozen=True)
class Receipt:
    kind: str  # receipt | return
    document_uuid: str
    issued_at: str
    bureau_signing_fingerprint: str
    school_code: str
    packet_sha256: str
    packet_uuid: str
    sequence: int
    tables: dict[str, dict[str, int]]  # per table: created/updated/unchanged/conflicts/rejected
    records: tuple[ReceiptRecord, ...]
    packet_returned: bool
    return_reason: str

    def body(self) -> dict[str, Any]:
        return {
            "format": RECEIPT_FORMAT,
            "format_version": 1,
            "kind": self.kind,
            "document_uuid": self.document_uuid,
            "issued_at": self.issued_at,
            "bureau_signing_fingerprint": self.bureau_signing_fingerprint,
            "school_code": self.school_code,
            "packet_sha256": self.packet_sha256,
            "packet_uuid": self.packet_uuid,
            "sequence": self.sequence,
            "tables": {name: dict(counts) for name, counts in self.tables.items()},
            "records": [r.__dict__ for r in sorted(self.records, key=_record_order)],
            "packet_returned": self.packet_returned,
            "return_reason": self.return_reason,
        }


def _record_order(r: ReceiptRecord) -> tuple[str, str, str]:
    return (r.table, r.uuid, r.status)


def sign_receipt(receipt: Receipt, key: ed25519.Ed25519PrivateKey) -> bytes:
    """The document's file bytes: canonical JSON with its signature, then LF."""
    if fingerprint(raw_public(key)) != receipt.bureau_signing_fingerprint:
        raise ValueError("the receipt names another signing key")
    body = receipt.body()
    signature = key.sign(RECEIPT_CONTEXT + canonical.dumps_bytes(body))
    return canonical.dumps_bytes({**body, "signature": b64(signature)}) + b"\n"


def _invalid() -> ReceiptError:
    return ReceiptError(
        tr("The file is not a valid Baosong receipt."),
        tr("Ask the bureau for the receipt again; it must be passed on unchanged."),
    )


def read_receipt(data: bytes, signing_keys: Mapping[str, bytes]) -> Receipt:
    """Parse and verify a receipt; ``signing_keys``: fingerprint → raw Ed25519 public key of
    every bureau signing key this school trusts (or trusted)."""
    if len(data) > MAX_RECEIPT_BYTES:
        raise _invalid()
    try:
        doc = canonical.loads(data.strip(), require_canonical=False)
    except canonical.CanonicalError:
        raise _invalid() from None
    if not isinstance(doc, dict) or doc.get("format") != RECEIPT_FORMAT:
        raise _invalid()
    if doc.get("format_version") != 1:
        raise ReceiptError(
            tr("The receipt was made by a newer version of Baosong."),
            tr("Install the newest version of Baosong."),
        )
    if set(doc) != _FIELDS:
        raise _invalid()
    public = signing_keys.get(str(doc["bureau_signing_fingerprint"]))
    if public is None:
        raise ReceiptError(
            tr("The receipt is signed by a bureau key this school does not trust."),
            tr("Check the bureau's keys (baosong-cli keys show) and ask for the receipt again."),
        )
    body = {k: v for k, v in doc.items() if k != "signature"}
    try:
        signature = unb64(str(doc["signature"]), length=64)
        ed25519_public(public).verify(signature, RECEIPT_CONTEXT + canonical.dumps_bytes(body))
    except (ValueError, InvalidSignature):
        raise ReceiptError(
            tr("The receipt's signature is not valid: it was changed after the bureau signed it."),
            tr("Ask the bureau for the receipt again; it must be passed on unchanged."),
        ) from None
    try:
        return _receipt(body)
    except (KeyError, TypeError, ValueError):
        raise _invalid() from None


def _text(value: Any, pattern: re.Pattern[str] | None = None) -> str:
    if not isinstance(value, str) or (pattern is not None and not pattern.match(value)):
        raise ValueError("malformed")
    return value


def _receipt(doc: dict[str, Any]) -> Receipt:
    sequence = doc["sequence"]
    if type(sequence) is not int or sequence < 1 or doc["kind"] not in KINDS:
        raise ValueError("malformed")
    if type(doc["packet_returned"]) is not bool:
        raise ValueError("malformed")
    return Receipt(
        kind=doc["kind"],
        document_uuid=_text(doc["document_uuid"], _UUID),
        issued_at=_text(doc["issued_at"], _UTC),
        bureau_signing_fingerprint=_text(doc["bureau_signing_fingerprint"], _HEX64),
        school_code=_text(doc["school_code"], _SCHOOL),
        packet_sha256=_text(doc["packet_sha256"], _HEX64),
        packet_uuid=_text(doc["packet_uuid"], _UUID),
        sequence=sequence,
        tables=_tables(doc["tables"]),
        records=tuple(_record(r) for r in doc["records"]),
        packet_returned=doc["packet_returned"],
        return_reason=_text(doc["return_reason"]),
    )


def _tables(value: Any) -> dict[str, dict[str, int]]:
    if not isinstance(value, dict):
        raise ValueError("malformed")
    tables: dict[str, dict[str, int]] = {}
    for name, counts in value.items():
        if not TABLE_NAME.match(name) or not isinstance(counts, dict):
            raise ValueError("malformed")
        if sorted(counts) != list(COUNT_FIELDS):
            raise ValueError("malformed")
        if not all(type(n) is int and n >= 0 for n in counts.values()):
            raise ValueError("malformed")
        tables[name] = dict(counts)
    return tables


def _record(value: Any) -> ReceiptRecord:
    if not isinstance(value, dict) or set(value) != _RECORD_FIELDS:
        raise ValueError("malformed")
    if not TABLE_NAME.match(_text(value["table"])) or value["status"] not in RECORD_STATUSES:
        raise ValueError("malformed")
    return ReceiptRecord(
        table=value["table"],
        uuid=_text(value["uuid"], _UUID),
        status=value["status"],
        reason=_text(value["reason"]),
        detail=_text(value["detail"]),
    )
