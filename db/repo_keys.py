"""Keys: this workspace's own key pairs (public halves), the bureau a school trusts, and the
bureau's registry of school keys. Private keys never enter the database."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

OWN_ROLES = ("school_signing", "bureau_signing", "bureau_encryption")


@dataclass(frozen=True)
class OwnKey:
    fingerprint: str
    role: str
    public_key: bytes  # raw
    file_name: str  # inside the workspace's keys folder
    status: str  # active | rotated
    created_at: str
    rotated_at: str | None


@dataclass(frozen=True)
class TrustedBureau:
    signing_fingerprint: str
    encryption_key_id: str
    bureau_name: str
    district: str
    signing_public_key: bytes
    encryption_public_key: bytes
    document: str
    status: str  # active | replaced
    trusted_at: str


@dataclass(frozen=True)
class RegistryKey:
    """A school key enrolled at the bureau (fits packet_reader.SignerKey)."""

    fingerprint: str
    school_code: str
    school_name: str
    district: str
    public_key: bytes
    status: str  # active | rotated | revoked
    enrolled_at: str
    rotated_at: str | None
    revoked_at: str | None


def _raw(text: str) -> bytes:
    return base64.b64decode(text)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _own(r: dict[str, Any]) -> OwnKey:
    return OwnKey(
        fingerprint=r["fingerprint"],
        role=r["role"],
        public_key=_raw(r["public_key"]),
        file_name=r["file_name"],
        status=r["status"],
        created_at=r["created_at"],
        rotated_at=r["rotated_at"],
    )


def own_keys(db: Database, role: str) -> list[OwnKey]:
    """Every key of ``role``, the active one first, then rotated ones newest first."""
    return [
        _own(r)
        for r in db.query(
            "SELECT * FROM own_keys WHERE role = ? "
            "ORDER BY status = 'active' DESC, created_at DESC",
            [role],
        )
    ]


def active_own_key(db: Database, role: str) -> OwnKey | None:
    keys = own_keys(db, role)
    return keys[0] if keys and keys[0].status == "active" else None


def add_own_key(
    db: Database, *, role: str, fingerprint: str, public_key: bytes, file_name: str, at: str
) -> None:
    """Record a new active key of ``role``; the previous active one becomes 'rotated'."""
    db.execute(
        "UPDATE own_keys SET status = 'rotated', rotated_at = ? WHERE role = ? AND status = 'active'",
        [at, role],
    )
    db.execute(
        "INSERT INTO own_keys(fingerprint, role, public_key, file_name, status, created_at) "
        "VALUES (?, ?, ?, ?, 'active', ?)",
        [fingerprint, role, _b64(public_key), file_name, at],
    )


def _trusted(r: dict[str, Any]) -> TrustedBureau:
    return TrustedBureau(
        signing_fingerprint=r["signing_fingerprint"],
        encryption_key_id=r["encryption_key_id"],
        bureau_name=r["bureau_name"],
        district=r["district"],
        signing_public_key=_raw(r["signing_public_key"]),
        encryption_public_key=_raw(r["encryption_public_key"]),
        document=r["document"],
        status=r["status"],
        trusted_at=r["trusted_at"],
    )


def trusted_bureau(db: Database) -> TrustedBureau | None:
    rows = list(db.query("SELECT * FROM trusted_bureau_keys WHERE status = 'active'"))
    return _trusted(rows[0]) if rows else None


def trusted_bureau_history(db: Database) -> list[TrustedBureau]:
    return [_trusted(r) for r in db.query("SELECT * FROM trusted_bureau_keys ORDER BY id")]


def trust_bureau(
    db: Database,
    *,
    signing_fingerprint: str,
    encryption_key_id: str,
    bureau_name: str,
    district: str,
    signing_public_key: bytes,
    encryption_public_key: bytes,
    document: str,
    at: str,
) -> None:
    """Make these the trusted bureau keys; the previously trusted ones become 'replaced'."""
    db.execute(
        "UPDATE trusted_bureau_keys SET status = 'replaced', replaced_at = ? WHERE status = 'active'",
        [at],
    )
    db.execute(
        "INSERT INTO trusted_bureau_keys(signing_fingerprint, encryption_key_id, bureau_name, "
        "district, signing_public_key, encryption_public_key, document, status, trusted_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?) "
        "ON CONFLICT(signing_fingerprint, encryption_key_id) DO UPDATE SET "
        "status = 'active', replaced_at = NULL, trusted_at = excluded.trusted_at, "
        "bureau_name = excluded.bureau_name, district = excluded.district, "
        "document = excluded.document",
        [
            signing_fingerprint,
            encryption_key_id,
            bureau_name,
            district,
            _b64(signing_public_key),
            _b64(encryption_public_key),
            document,
            at,
        ],
    )


def _registry(r: dict[str, Any]) -> RegistryKey:
    return RegistryKey(
        fingerprint=r["fingerprint"],
        school_code=r["school_code"],
        school_name=r["school_name"],
        district=r["district"],
        public_key=_raw(r["public_key"]),
        status=r["status"],
        enrolled_at=r["enrolled_at"],
        rotated_at=r["rotated_at"],
        revoked_at=r["revoked_at"],
    )


def registry_key(db: Database, fingerprint: str) -> RegistryKey | None:
    rows = list(db.query("SELECT * FROM school_registry WHERE fingerprint = ?", [fingerprint]))
    return _registry(rows[0]) if rows else None


def active_registry_key(db: Database, school_code: str) -> RegistryKey | None:
    rows = list(
        db.query(
            "SELECT * FROM school_registry WHERE school_code = ? AND status = 'active'",
            [school_code],
        )
    )
    return _registry(rows[0]) if rows else None


def list_registry(db: Database) -> list[RegistryKey]:
    return [
        _registry(r)
        for r in db.query("SELECT * FROM school_registry ORDER BY school_code, enrolled_at")
    ]


def enroll_key(
    db: Database,
    *,
    fingerprint: str,
    school_code: str,
    school_name: str,
    district: str,
    public_key: bytes,
    document: str,
    at: str,
) -> None:
    """Enrol a school key as active; the school's previous active key becomes 'rotated'."""
    db.execute(
        "UPDATE school_registry SET status = 'rotated', rotated_at = ? "
        "WHERE school_code = ? AND status = 'active'",
        [at, school_code],
    )
    db.execute(
        "INSERT INTO school_registry(fingerprint, school_code, school_name, district, public_key, "
        "document, status, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, 'active', ?)",
        [fingerprint, school_code, school_name, district, _b64(public_key), document, at],
    )


def reactivate_key(db: Database, fingerprint: str, at: str) -> None:
    """Make a rotated key active again (a school going back to its backed-up key)."""
    key = registry_key(db, fingerprint)
    assert key is not None and key.status == "rotated"
    db.execute(
        "UPDATE school_registry SET status = 'rotated', rotated_at = ? "
        "WHERE school_code = ? AND status = 'active'",
        [at, key.school_code],
    )
    db.execute(
        "UPDATE school_registry SET status = 'active', rotated_at = NULL WHERE fingerprint = ?",
        [fingerprint],
    )


def revoke_school_keys(db: Database, school_code: str, at: str) -> int:
    """Revoke every not yet revoked key of the school; returns how many were revoked."""
    cur = db.execute(
        "UPDATE school_registry SET status = 'revoked', revoked_at = ? "
        "WHERE school_code = ? AND status != 'revoked'",
        [at, school_code],
    )
    return int(cur.rowcount)
