"""Bureau key use cases: its own key pairs and public-keys file, and the registry of school keys
(enrol, rotate, revoke) that packet verification looks keys up in.

Rotation: enrolling a new identity for an enrolled school makes the old key 'rotated'. A rotated
key stays in the registry (its fingerprint is still recognised, and the school can go back to it
by enrolling it again), but packets signed with it are refused (``rotated_key``). Revoking a
school revokes all its keys for good.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from sqlite_utils import Database

from app.errors import NotFoundError, UserError
from app.i18n import tr
from app.packets import keys as keymod
from app.packets.key_documents import (
    BureauPublicKeys,
    SchoolIdentity,
    bureau_keys_document,
    read_bureau_keys,
    read_document_file,
    read_school_identity,
    utc_now_text,
)
from app.packets.packet_reader import SchoolKeyLookup
from app.services.bureau_workspace import require_bureau
from app.services.keys_service import (
    BUREAU_DOCUMENT,
    BUREAU_ENCRYPTION,
    BUREAU_SIGNING,
    check_expected_fingerprint,
    create_own_key,
    load_own_key,
    write_new_file,
)
from app.services.workspace import Workspace
from app.validation.ids import parse_district_code, parse_school_code
from db import repo_keys
from db.repo_keys import OwnKey, RegistryKey


def bureau_keys(db: Database) -> tuple[OwnKey, OwnKey] | None:
    signing = repo_keys.active_own_key(db, BUREAU_SIGNING)
    encryption = repo_keys.active_own_key(db, BUREAU_ENCRYPTION)
    return (signing, encryption) if signing and encryption else None


def create_bureau_keys(ws: Workspace, passphrase: str) -> BureauPublicKeys:
    """Make the bureau's signing and encryption keys and its signed public-keys file."""
    profile = require_bureau(ws.db)
    keymod.check_new_passphrase(passphrase)
    if bureau_keys(ws.db) is not None:
        raise UserError(tr("This bureau already has its keys."), tr("Nothing was changed."))
    signing = ed25519.Ed25519PrivateKey.generate()
    encryption = x25519.X25519PrivateKey.generate()
    create_own_key(ws, BUREAU_SIGNING, signing, passphrase)
    create_own_key(ws, BUREAU_ENCRYPTION, encryption, passphrase)
    public = BureauPublicKeys(
        bureau_name=profile.name,
        district=profile.district,
        signing_public_key=keymod.raw_public(signing),
        encryption_public_key=keymod.raw_public(encryption),
        created_at=utc_now_text(),
    )
    (ws.paths.keys / BUREAU_DOCUMENT).write_bytes(bureau_keys_document(public, signing))
    return public


def export_bureau_keys(ws: Workspace, dest: Path) -> BureauPublicKeys:
    """Copy the bureau's signed public-keys file for the schools (no passphrase needed)."""
    require_bureau(ws.db)
    source = ws.paths.keys / BUREAU_DOCUMENT
    if bureau_keys(ws.db) is None or not source.exists():
        raise UserError(
            tr("This bureau has no keys yet."),
            tr("Create them: baosong-cli bureau init --name NAME."),
        )
    data = source.read_bytes()
    keys = read_bureau_keys(data)
    write_new_file(dest, data)
    return keys


def load_bureau_signing_key(ws: Workspace, passphrase: str) -> ed25519.Ed25519PrivateKey:
    return keymod.as_signing_key(load_own_key(ws, BUREAU_SIGNING, passphrase))


def load_bureau_decryption_keys(
    ws: Workspace, passphrase: str
) -> dict[str, x25519.X25519PrivateKey]:
    """Every encryption key the bureau has had (key id → key), so older packets still open."""
    return {
        own.fingerprint: keymod.as_encryption_key(
            keymod.load_private_key(ws.paths.keys / own.file_name, passphrase)
        )
        for own in repo_keys.own_keys(ws.db, BUREAU_ENCRYPTION)
    }


def school_key_lookup(db: Database) -> SchoolKeyLookup:
    """The registry as packet_reader wants it: fingerprint → enrolled key (any status) or None."""
    return lambda fp: repo_keys.registry_key(db, fp)


@dataclass(frozen=True)
class EnrolOutcome:
    identity: SchoolIdentity
    action: str  # enrolled | rotated | unchanged | reactivated
    previous: RegistryKey | None  # the key this one replaced


def enroll_school(
    ws: Workspace, source: Path, expected_fingerprint: str | None = None
) -> EnrolOutcome:
    """Enrol a school's identity file; a new key for an enrolled school rotates the old one."""
    require_bureau(ws.db)
    data = read_document_file(source)
    identity = read_school_identity(data)
    parse_school_code(identity.school_code)
    parse_district_code(identity.district)
    check_expected_fingerprint(identity.fingerprint, expected_fingerprint)
    known = repo_keys.registry_key(ws.db, identity.fingerprint)
    current = repo_keys.active_registry_key(ws.db, identity.school_code)
    if known is not None and known.school_code != identity.school_code:
        raise UserError(
            tr("This key is already enrolled for school {code}.", code=known.school_code),
            tr("Each school needs its own key; check the file."),
        )
    if known is not None and known.status == "revoked":
        raise UserError(
            tr("This key was revoked and cannot be enrolled again."),
            tr("The school must make a new key (baosong-cli keys rotate) and send its identity."),
        )
    now = utc_now_text()
    with ws.db.atomic():
        if known is not None and known.status == "active":
            return EnrolOutcome(identity, "unchanged", None)
        if known is not None:
            repo_keys.reactivate_key(ws.db, identity.fingerprint, now)
            return EnrolOutcome(identity, "reactivated", current)
        repo_keys.enroll_key(
            ws.db,
            fingerprint=identity.fingerprint,
            school_code=identity.school_code,
            school_name=identity.school_name,
            district=identity.district,
            public_key=identity.signing_public_key,
            document=data.decode("utf-8"),
            at=now,
        )
    return EnrolOutcome(identity, "rotated" if current else "enrolled", current)


def revoke_school(ws: Workspace, school_code: str) -> int:
    """Revoke every key of the school: its packets are refused until it enrols a new key."""
    require_bureau(ws.db)
    code = parse_school_code(school_code)
    with ws.db.atomic():
        count = repo_keys.revoke_school_keys(ws.db, code, utc_now_text())
    if count == 0 and not any(k.school_code == code for k in repo_keys.list_registry(ws.db)):
        raise NotFoundError(
            tr("School {code} is not enrolled.", code=code), tr("Check the school code.")
        )
    return count


def list_registry(db: Database) -> list[RegistryKey]:
    return repo_keys.list_registry(db)
