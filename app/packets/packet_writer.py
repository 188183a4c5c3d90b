"""Writing a .bspkt: records → canonical JSON Lines in a zip → HPKE → signed header → container.

Pure functions over bytes and keys; choosing the records, numbering packets and keeping the
history is the export service's job (app/services/packet_export.py).
"""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519

from app.errors import UserError
from app.i18n import tr
from app.packets import canonical
from app.packets.format import (
    FORMAT_VERSION,
    MAGIC,
    SIGNING_CONTEXT,
    PacketHeader,
    hpke_info,
    hpke_suite,
)
from app.packets.keys import fingerprint, raw_public
from app.packets.sync_tables import TABLES, SyncTable

# A fixed timestamp and host system make the zip a function of the records alone.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class PacketDraft:
    """The header fields the export service decides; the rest is derived while sealing."""

    packet_uuid: str
    school_code: str
    school_name: str
    terms: tuple[str, ...]
    sequence: int
    prev_sha256: str | None
    base_sha256: str | None
    mode: str
    created_at: str
    app_version: str
    schema_version: str


@dataclass(frozen=True)
class SealedPacket:
    data: bytes  # the complete file
    header: PacketHeader
    sha256: str  # of ``data``: the packet's identity in chains, ledgers and receipts


def jsonl(table: SyncTable, records: Sequence[Mapping[str, Any]], school_code: str) -> bytes:
    """Canonical JSON Lines of valid records, sorted by uuid, each line ending in LF."""
    ordered = sorted(records, key=lambda r: str(r["uuid"]))
    for record in ordered:
        problems = table.validate(record)
        owner = table.owner_column
        if not problems and owner is not None and record[owner] != school_code:
            problems = [f"{owner} is {record[owner]}"]
        if problems:
            raise UserError(
                tr(
                    "A record of {table} cannot be exported ({uuid}: {problems}).",
                    table=table.name,
                    uuid=record.get("uuid"),
                    problems="; ".join(problems),
                ),
                tr("Correct the record, or report this as a bug if it cannot be edited."),
            )
    return "".join(canonical.dumps(r) + "\n" for r in ordered).encode("utf-8")


def build_body(
    records: Mapping[str, Sequence[Mapping[str, Any]]], school_code: str
) -> tuple[bytes, dict[str, int]]:
    """The plaintext body (a zip with one ``<table>.jsonl`` per registered table) and the counts."""
    unknown = set(records) - {t.name for t in TABLES}
    if unknown:
        raise ValueError(f"not synchronised tables: {sorted(unknown)}")
    buffer = io.BytesIO()
    counts: dict[str, int] = {}
    with zipfile.ZipFile(buffer, "w") as zf:
        for table in TABLES:
            rows = records.get(table.name, ())
            counts[table.name] = len(rows)
            info = zipfile.ZipInfo(table.entry_name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, jsonl(table, rows, school_code), compresslevel=_COMPRESS_LEVEL)
    return buffer.getvalue(), counts


def seal(
    draft: PacketDraft,
    body_plaintext: bytes,
    counts: Mapping[str, int],
    *,
    signing_key: ed25519.Ed25519PrivateKey,
    bureau_key: x25519.X25519PublicKey,
) -> SealedPacket:
    """Encrypt the body to the bureau, sign the header, frame the container."""
    body = hpke_suite().encrypt(
        body_plaintext, bureau_key, info=hpke_info(draft.school_code, draft.packet_uuid)
    )
    header = PacketHeader(
        packet_uuid=draft.packet_uuid,
        school_code=draft.school_code,
        school_name=draft.school_name,
        terms=draft.terms,
        sequence=draft.sequence,
        prev_sha256=draft.prev_sha256,
        base_sha256=draft.base_sha256,
        mode=draft.mode,
        created_at=draft.created_at,
        app_version=draft.app_version,
        schema_version=draft.schema_version,
        counts=dict(counts),
        body_sha256=hashlib.sha256(body).hexdigest(),
        school_key_fingerprint=fingerprint(raw_public(signing_key)),
        bureau_key_id=fingerprint(raw_public(bureau_key)),
    )
    header_bytes = header.to_bytes()
    signature = signing_key.sign(SIGNING_CONTEXT + header_bytes)
    data = b"".join(
        (
            MAGIC,
            struct.pack(">HI", FORMAT_VERSION, len(header_bytes)),
            header_bytes,
            signature,
            struct.pack(">Q", len(body)),
            body,
        )
    )
    return SealedPacket(data=data, header=header, sha256=hashlib.sha256(data).hexdigest())


def write_packet(
    draft: PacketDraft,
    records: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    signing_key: ed25519.Ed25519PrivateKey,
    bureau_key: x25519.X25519PublicKey,
) -> SealedPacket:
    body, counts = build_body(records, draft.school_code)
    return seal(draft, body, counts, signing_key=signing_key, bureau_key=bureau_key)
