"""Public-key files that travel between a school and the bureau (docs/packet-format.md §8).

A document is a canonical JSON object signed by the Ed25519 key it carries (proof that its author
holds the private key, and a seal over the names and the bureau's encryption key). Trust comes
from comparing the fingerprint by phone, never from the file alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.errors import UserError
from app.i18n import tr
from app.packets import canonical
from app.packets.keys import b64, ed25519_public, fingerprint, raw_public, unb64

DOCUMENT_CONTEXT = b"baosong/key-document/v1\x00"
SCHOOL_IDENTITY_KIND = "baosong-school-identity"
BUREAU_KEYS_KIND = "baosong-bureau-keys"
MAX_DOCUMENT_BYTES = 64 * 1024
HPKE_SUITE_IDS = {"kem": 0x0020, "kdf": 0x0001, "aead": 0x0003}


class KeyDocumentError(UserError):
    """A key file that is not a valid Baosong key document."""


@dataclass(frozen=True)
class SchoolIdentity:
    school_code: str
    school_name: str
    district: str
    signing_public_key: bytes  # raw Ed25519
    created_at: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public_key)


@dataclass(frozen=True)
class BureauPublicKeys:
    bureau_name: str
    district: str
    signing_public_key: bytes  # raw Ed25519 (receipts, and the seal of this document)
    encryption_public_key: bytes  # raw X25519 (HPKE recipient)
    created_at: str

    @property
    def signing_fingerprint(self) -> str:
        return fingerprint(self.signing_public_key)

    @property
    def encryption_key_id(self) -> str:
        return fingerprint(self.encryption_public_key)


def utc_now_text() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _signed(body: dict[str, Any], key: ed25519.Ed25519PrivateKey) -> bytes:
    signature = key.sign(DOCUMENT_CONTEXT + canonical.dumps_bytes(body))
    return canonical.dumps_bytes({**body, "signature": b64(signature)}) + b"\n"


def school_identity_document(identity: SchoolIdentity, key: ed25519.Ed25519PrivateKey) -> bytes:
    if raw_public(key) != identity.signing_public_key:
        raise ValueError("the identity does not carry this key")
    body = {
        "kind": SCHOOL_IDENTITY_KIND,
        "format_version": 1,
        "school_code": identity.school_code,
        "school_name": identity.school_name,
        "district": identity.district,
        "signing_public_key": b64(identity.signing_public_key),
        "fingerprint": identity.fingerprint,
        "created_at": identity.created_at,
    }
    return _signed(body, key)


def bureau_keys_document(keys: BureauPublicKeys, key: ed25519.Ed25519PrivateKey) -> bytes:
    if raw_public(key) != keys.signing_public_key:
        raise ValueError("the document does not carry this key")
    body = {
        "kind": BUREAU_KEYS_KIND,
        "format_version": 1,
        "bureau_name": keys.bureau_name,
        "district": keys.district,
        "signing_public_key": b64(keys.signing_public_key),
        "signing_fingerprint": keys.signing_fingerprint,
        "encryption_public_key": b64(keys.encryption_public_key),
        "encryption_key_id": keys.encryption_key_id,
        "hpke_suite": HPKE_SUITE_IDS,
        "created_at": keys.created_at,
    }
    return _signed(body, key)


def _not_a(kind_label: str) -> KeyDocumentError:
    return KeyDocumentError(
        tr("The file is not a valid {kind} file.", kind=kind_label),
        tr("Ask the sender for the file again; it must be passed on unchanged."),
    )


def _verified_body(data: bytes, kind: str, fields: set[str], kind_label: str) -> dict[str, Any]:
    """Parse, check the field set and the self-signature; returns the document without it."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _not_a(kind_label)
    try:
        # Whitespace added by an editor or a mail program is tolerated: the signature covers
        # the canonical form, not the file's bytes.
        doc = canonical.loads(data.strip(), require_canonical=False)
    except canonical.CanonicalError:
        raise _not_a(kind_label) from None
    if not isinstance(doc, dict) or doc.get("kind") != kind:
        raise _not_a(kind_label)
    if doc.get("format_version") != 1:
        raise KeyDocumentError(
            tr("The {kind} file was made by a newer version of Baosong.", kind=kind_label),
            tr("Install the newest version of Baosong."),
        )
    if set(doc) != fields | {"kind", "format_version", "signature", "created_at"}:
        raise _not_a(kind_label)
    if not all(
        isinstance(v, str) for k, v in doc.items() if k not in ("format_version", "hpke_suite")
    ):
        raise _not_a(kind_label)
    body = {k: v for k, v in doc.items() if k != "signature"}
    try:
        public = ed25519_public(unb64(doc["signing_public_key"], length=32))
        public.verify(
            unb64(doc["signature"], length=64), DOCUMENT_CONTEXT + canonical.dumps_bytes(body)
        )
    except (ValueError, InvalidSignature):
        raise KeyDocumentError(
            tr("The signature of the {kind} file is not valid: it was changed.", kind=kind_label),
            tr("Ask the sender for the file again; it must be passed on unchanged."),
        ) from None
    return body


def read_school_identity(data: bytes) -> SchoolIdentity:
    label = tr("school identity")
    body = _verified_body(
        data,
        SCHOOL_IDENTITY_KIND,
        {"school_code", "school_name", "district", "signing_public_key", "fingerprint"},
        label,
    )
    identity = SchoolIdentity(
        school_code=body["school_code"],
        school_name=body["school_name"],
        district=body["district"],
        signing_public_key=unb64(body["signing_public_key"], length=32),
        created_at=body["created_at"],
    )
    if identity.fingerprint != body["fingerprint"]:
        raise _not_a(label)
    return identity


def read_bureau_keys(data: bytes) -> BureauPublicKeys:
    label = tr("bureau public keys")
    body = _verified_body(
        data,
        BUREAU_KEYS_KIND,
        {
            "bureau_name",
            "district",
            "signing_public_key",
            "signing_fingerprint",
            "encryption_public_key",
            "encryption_key_id",
            "hpke_suite",
        },
        label,
    )
    try:
        encryption = unb64(body["encryption_public_key"], length=32)
    except ValueError:
        raise _not_a(label) from None
    keys = BureauPublicKeys(
        bureau_name=body["bureau_name"],
        district=body["district"],
        signing_public_key=unb64(body["signing_public_key"], length=32),
        encryption_public_key=encryption,
        created_at=body["created_at"],
    )
    if (
        keys.signing_fingerprint != body["signing_fingerprint"]
        or keys.encryption_key_id != body["encryption_key_id"]
        or body["hpke_suite"] != HPKE_SUITE_IDS
    ):
        raise _not_a(label)
    return keys


def read_document_file(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise UserError(
            tr("The file {path} cannot be read ({reason}).", path=path, reason=exc.strerror),
            tr("Check the file name and that the USB stick is plugged in."),
        ) from exc
