"""Reading a .bspkt in three stages, each usable on its own:

1. ``read_envelope(data)``: the container and the header, no key needed (``packet inspect``).
2. ``verify_envelope(envelope, school_keys)``: who signed it (an enrolled, active key of the
   school the header names), that the header is as signed and the body is the one it names —
   all before decrypting, so the bureau can check sender and sequence first.
3. ``decrypt_packet(verified, bureau_keys)``: HPKE-open the body and read every record,
   validated against the registry.

``open_packet`` runs all three. Every failure is a ``PacketRejected`` with a ``RejectCode``.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric import x25519

from app.errors import UserError
from app.i18n import tr
from app.packets.body_reader import read_tables
from app.packets.format import (
    DEFAULT_LIMITS,
    FORMAT_VERSION,
    MAGIC,
    PREFIX_BYTES,
    SIGNATURE_BYTES,
    SIGNING_CONTEXT,
    HeaderError,
    PacketHeader,
    PacketLimits,
    hpke_info,
    hpke_suite,
    parse_header,
)
from app.packets.keys import ed25519_public
from app.packets.rejection import PacketRejected, RejectCode, reject
from app.packets.sync_tables import Columns, Record, get_table


class SignerKey(Protocol):
    """A school public key as the bureau's registry knows it (db.repo_keys.RegistryKey fits)."""

    @property
    def fingerprint(self) -> str: ...
    @property
    def school_code(self) -> str: ...
    @property
    def public_key(self) -> bytes: ...  # raw Ed25519, 32 bytes
    @property
    def status(self) -> str: ...  # "active" | "rotated" | "revoked"


SchoolKeyLookup = Callable[[str], SignerKey | None]  # fingerprint → key, or None if unknown


@dataclass(frozen=True)
class PacketEnvelope:
    """The container split into its parts; only the framing and header syntax are checked."""

    header: PacketHeader
    header_bytes: bytes
    signature: bytes
    body: bytes  # HPKE ciphertext
    sha256: str  # of the whole file
    size: int


@dataclass(frozen=True)
class VerifiedPacket:
    """Signed by ``signer``, an active key of ``header.school_code``; body hash matches."""

    envelope: PacketEnvelope
    signer: SignerKey

    @property
    def header(self) -> PacketHeader:
        return self.envelope.header

    @property
    def sha256(self) -> str:
        return self.envelope.sha256


@dataclass(frozen=True)
class PacketContents:
    """A fully verified and decrypted packet: every record passed the registry's schema."""

    packet: VerifiedPacket
    records: dict[str, list[Record]]  # table name → records sorted by uuid (header's tables)
    # The tables checked in bulk, column by column (body_reader.BodyTables): what the bureau's
    # reader stages.
    columns: dict[str, Columns] = field(default_factory=dict)

    @property
    def header(self) -> PacketHeader:
        return self.packet.header

    @property
    def sha256(self) -> str:
        return self.packet.sha256


def read_packet_file(path: Path, limits: PacketLimits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, refusing to read more than ``limits.max_file_bytes``."""
    try:
        with path.open("rb") as f:
            data = f.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise UserError(
            tr("The file {path} cannot be read ({reason}).", path=path, reason=exc.strerror),
            tr("Check the file name and that the USB stick is plugged in."),
        ) from exc
    if len(data) > limits.max_file_bytes:
        raise reject(RejectCode.TOO_LARGE, f"file over {limits.max_file_bytes} bytes")
    return data


def read_envelope(data: bytes, limits: PacketLimits = DEFAULT_LIMITS) -> PacketEnvelope:
    """Split the container; raises PacketRejected (not_a_packet, version, truncated,
    trailing_data, too_large, bad_header)."""
    if len(data) > limits.max_file_bytes:
        raise reject(RejectCode.TOO_LARGE, f"file over {limits.max_file_bytes} bytes")
    if data[: len(MAGIC)] != MAGIC[: len(data)] or not data:
        raise reject(RejectCode.NOT_A_PACKET)
    if len(data) < PREFIX_BYTES:
        raise reject(RejectCode.TRUNCATED, "shorter than the fixed prefix")
    version, header_len = struct.unpack(">HI", data[len(MAGIC) : PREFIX_BYTES])
    if version != FORMAT_VERSION:
        raise reject(RejectCode.VERSION, f"container version {version}")
    if header_len > limits.max_header_bytes:
        raise reject(RejectCode.TOO_LARGE, f"header of {header_len} bytes")
    body_len_at = PREFIX_BYTES + header_len + SIGNATURE_BYTES
    if len(data) < body_len_at + 8:
        raise reject(RejectCode.TRUNCATED, "cut inside the header or signature")
    (body_len,) = struct.unpack(">Q", data[body_len_at : body_len_at + 8])
    end = body_len_at + 8 + body_len
    if end > len(data):
        raise reject(RejectCode.TRUNCATED, f"body: {len(data) - body_len_at - 8}/{body_len} bytes")
    if end < len(data):
        raise reject(RejectCode.TRAILING_DATA, f"{len(data) - end} bytes after the body")
    header_bytes = data[PREFIX_BYTES : PREFIX_BYTES + header_len]
    try:
        header = parse_header(header_bytes)
    except HeaderError as exc:
        raise reject(RejectCode.BAD_HEADER, str(exc)) from None
    return PacketEnvelope(
        header=header,
        header_bytes=header_bytes,
        signature=data[PREFIX_BYTES + header_len : body_len_at],
        body=data[body_len_at + 8 :],
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
    )


def verify_envelope(envelope: PacketEnvelope, school_keys: SchoolKeyLookup) -> VerifiedPacket:
    """Check the sender and integrity without decrypting; raises PacketRejected (unknown_key,
    bad_signature, wrong_school, revoked_key, rotated_key, body_hash)."""
    header = envelope.header
    key = school_keys(header.school_key_fingerprint)
    if key is None:
        raise reject(RejectCode.UNKNOWN_KEY, header.school_key_fingerprint)
    try:
        ed25519_public(key.public_key).verify(
            envelope.signature, SIGNING_CONTEXT + envelope.header_bytes
        )
    except (InvalidSignature, ValueError):
        raise reject(RejectCode.BAD_SIGNATURE) from None
    # Checked after the signature, so these codes describe what the key holder really sent.
    if key.school_code != header.school_code:
        raise reject(
            RejectCode.WRONG_SCHOOL, f"key of {key.school_code}, header {header.school_code}"
        )
    if key.status == "revoked":
        raise reject(RejectCode.REVOKED_KEY, key.fingerprint)
    if key.status != "active":
        raise reject(RejectCode.ROTATED_KEY, key.fingerprint)
    if hashlib.sha256(envelope.body).hexdigest() != header.body_sha256:
        raise reject(RejectCode.BODY_HASH)
    return VerifiedPacket(envelope=envelope, signer=key)


def decrypt_packet(
    packet: VerifiedPacket,
    bureau_keys: Mapping[str, x25519.X25519PrivateKey],
    limits: PacketLimits = DEFAULT_LIMITS,
) -> PacketContents:
    """Open the body with the bureau key the header names (``bureau_keys``: key id → key) and
    read every record; raises PacketRejected (unknown_table, wrong_bureau_key, decrypt_failed
    and the body codes of body_reader)."""
    header = packet.header
    unknown = [name for name in header.counts if get_table(name) is None]
    if unknown:
        raise reject(RejectCode.UNKNOWN_TABLE, ", ".join(sorted(unknown)))
    key = bureau_keys.get(header.bureau_key_id)
    if key is None:
        raise reject(RejectCode.WRONG_BUREAU_KEY, header.bureau_key_id)
    try:
        plaintext = hpke_suite().decrypt(
            packet.envelope.body, key, info=hpke_info(header.school_code, header.packet_uuid)
        )
    except (InvalidTag, ValueError):
        raise reject(RejectCode.DECRYPT_FAILED) from None
    body = read_tables(plaintext, header.counts, header.school_code, limits)
    return PacketContents(packet=packet, records=body.records, columns=body.columns)


def open_packet(
    data: bytes,
    *,
    school_keys: SchoolKeyLookup,
    bureau_keys: Mapping[str, x25519.X25519PrivateKey],
    limits: PacketLimits = DEFAULT_LIMITS,
) -> PacketContents:
    """All three stages: the one call for a bureau that does not need to stop in between."""
    verified = verify_envelope(read_envelope(data, limits), school_keys)
    return decrypt_packet(verified, bureau_keys, limits)


__all__ = [
    "PacketContents",
    "PacketEnvelope",
    "PacketRejected",
    "RejectCode",
    "SchoolKeyLookup",
    "SignerKey",
    "VerifiedPacket",
    "decrypt_packet",
    "open_packet",
    "read_envelope",
    "read_packet_file",
    "verify_envelope",
]
