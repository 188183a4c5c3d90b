"""What a .bspkt file is, version 1 (docs/packet-format.md is the normative description).

Container, all integers big-endian, nothing before, between or after the parts::

    magic      8 bytes   89 42 53 50 4B 54 0D 0A   ("\\x89BSPKT\\r\\n")
    version    2 bytes   0x0001
    hdr_len    4 bytes   length of the header, 1 … 65,536
    header     hdr_len   canonical JSON object (HEADER_FIELDS)
    signature  64 bytes  Ed25519 over SIGNING_CONTEXT + header
    body_len   8 bytes   length of the body
    body       body_len  HPKE enc (32 bytes) ‖ ChaCha20-Poly1305 ciphertext of a zip

The shared pieces of writer and reader live here: constants, limits, the header record and its
strict parser, and the rejection codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hpke

from app.packets import canonical

MAGIC = b"\x89BSPKT\r\n"
FORMAT_VERSION = 1
FORMAT_NAME = "baosong-packet"
SIGNING_CONTEXT = b"baosong/bspkt/v1/header\x00"
HPKE_INFO_PREFIX = b"baosong-bspkt-v1:"
HPKE_SUITE_IDS = {"aead": 0x0003, "kdf": 0x0001, "kem": 0x0020}
SIGNATURE_BYTES = 64
HPKE_ENC_BYTES = 32
AEAD_TAG_BYTES = 16
PREFIX_BYTES = len(MAGIC) + 2 + 4
ENTRY_SUFFIX = ".jsonl"
MODES = ("full", "incremental")

HEADER_FIELDS = frozenset(
    {
        "app_version",
        "base_sha256",
        "body_sha256",
        "bureau_key_id",
        "counts",
        "created_at",
        "format",
        "format_version",
        "hpke_suite",
        "mode",
        "packet_uuid",
        "prev_sha256",
        "schema_version",
        "school_code",
        "school_key_fingerprint",
        "school_name",
        "sequence",
        "terms",
    }
)

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_SCHOOL = re.compile(r"^\d{10}$")
_TERM = re.compile(r"^\d{4}-\d{4}-[12]$")
_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
TABLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def hpke_suite() -> hpke.Suite:
    """RFC 9180 base mode: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305."""
    return hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


def hpke_info(school_code: str, packet_uuid: str) -> bytes:
    """Binds the ciphertext to its packet: another header cannot reuse it (64 bytes exactly)."""
    return HPKE_INFO_PREFIX + school_code.encode("ascii") + b":" + packet_uuid.encode("ascii")


@dataclass(frozen=True)
class PacketLimits:
    """Hard limits applied before anything is trusted; exceeding one rejects the packet."""

    max_file_bytes: int = 256 * 1024 * 1024
    max_header_bytes: int = 64 * 1024
    max_entries: int = 64
    max_entry_bytes: int = 256 * 1024 * 1024  # uncompressed, per table file
    max_total_bytes: int = 512 * 1024 * 1024  # uncompressed, whole body
    max_ratio: int = 200  # uncompressed / compressed, for entries above ratio_floor_bytes
    ratio_floor_bytes: int = 1024 * 1024
    max_line_bytes: int = 1024 * 1024  # one record


DEFAULT_LIMITS = PacketLimits()


@dataclass(frozen=True)
class PacketHeader:
    """The clear-text, signed header (field meanings: docs/packet-format.md §4)."""

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
    counts: dict[str, int]
    body_sha256: str
    school_key_fingerprint: str
    bureau_key_id: str
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "app_version": self.app_version,
            "base_sha256": self.base_sha256,
            "body_sha256": self.body_sha256,
            "bureau_key_id": self.bureau_key_id,
            "counts": dict(self.counts),
            "created_at": self.created_at,
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "hpke_suite": dict(HPKE_SUITE_IDS),
            "mode": self.mode,
            "packet_uuid": self.packet_uuid,
            "prev_sha256": self.prev_sha256,
            "schema_version": self.schema_version,
            "school_code": self.school_code,
            "school_key_fingerprint": self.school_key_fingerprint,
            "school_name": self.school_name,
            "sequence": self.sequence,
            "terms": list(self.terms),
        }

    def to_bytes(self) -> bytes:
        return canonical.dumps_bytes(self.to_json())


class HeaderError(ValueError):
    """The header bytes are not a version-1 header (the reader turns this into a rejection)."""


def _text(doc: dict[str, Any], key: str, pattern: re.Pattern[str] | None = None) -> str:
    value = doc[key]
    if not isinstance(value, str) or (pattern is not None and not pattern.match(value)):
        raise HeaderError(f"field {key!r} is malformed")
    return value


def _optional_hash(doc: dict[str, Any], key: str) -> str | None:
    return None if doc[key] is None else _text(doc, key, _HEX64)


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or not value:
        raise HeaderError("field 'counts' is malformed")
    for name, count in value.items():
        if not TABLE_NAME.match(name) or type(count) is not int or count < 0:
            raise HeaderError("field 'counts' is malformed")
    return dict(value)


def parse_header(data: bytes) -> PacketHeader:
    """Strictly parse header bytes: canonical JSON, exactly the version-1 fields, each well formed."""
    try:
        doc = canonical.loads(data)
    except canonical.CanonicalError as exc:
        raise HeaderError(f"not canonical JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise HeaderError("not a packet header")
    if set(doc) != HEADER_FIELDS:
        raise HeaderError("unexpected or missing fields")
    if doc["format_version"] != FORMAT_VERSION:
        raise HeaderError("format_version does not match the container version")
    if doc["hpke_suite"] != HPKE_SUITE_IDS:
        raise HeaderError("unsupported HPKE suite")
    terms = doc["terms"]
    if not (isinstance(terms, list) and terms and all(isinstance(t, str) for t in terms)):
        raise HeaderError("field 'terms' is malformed")
    if not all(_TERM.match(t) for t in terms):
        raise HeaderError("field 'terms' is malformed")
    sequence = doc["sequence"]
    if type(sequence) is not int or sequence < 1:
        raise HeaderError("field 'sequence' is malformed")
    mode = _text(doc, "mode")
    if mode not in MODES or (mode == "incremental") != (doc["base_sha256"] is not None):
        raise HeaderError("fields 'mode' and 'base_sha256' disagree")
    if (sequence == 1) != (doc["prev_sha256"] is None):
        raise HeaderError("fields 'sequence' and 'prev_sha256' disagree")
    return PacketHeader(
        packet_uuid=_text(doc, "packet_uuid", _UUID),
        school_code=_text(doc, "school_code", _SCHOOL),
        school_name=_text(doc, "school_name"),
        terms=tuple(terms),
        sequence=sequence,
        prev_sha256=_optional_hash(doc, "prev_sha256"),
        base_sha256=_optional_hash(doc, "base_sha256"),
        mode=mode,
        created_at=_text(doc, "created_at", _UTC),
        app_version=_text(doc, "app_version"),
        schema_version=_text(doc, "schema_version"),
        counts=_counts(doc["counts"]),
        body_sha256=_text(doc, "body_sha256", _HEX64),
        school_key_fingerprint=_text(doc, "school_key_fingerprint", _HEX64),
        bureau_key_id=_text(doc, "bureau_key_id", _HEX64),
        format_version=FORMAT_VERSION,
    )
