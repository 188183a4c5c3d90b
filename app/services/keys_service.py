"""Key use cases: make, load, back up and exchange keys; enrol, rotate and revoke school keys.

Passphrases come in through an ``AskPassphrase`` callback (``ask(confirm)``; ``confirm`` is True
when a key is being created, so the caller asks twice), so the CLI and the GUI each ask their
own way and this module never prompts.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from sqlite_utils import Database

from app.errors import UserError
from app.i18n import tr
from app.packets import keys as keymod
from app.packets.key_documents import (
    BureauPublicKeys,
    SchoolIdentity,
    read_bureau_keys,
    read_document_file,
    school_identity_document,
    utc_now_text,
)
from app.packets.packet_reader import SchoolKeyLookup, SignerKey
from app.services.workspace import Workspace, require_school
from db import repo_keys
from db.repo_keys import OwnKey, TrustedBureau

AskPassphrase = Callable[[bool], str]
BUREAU_DOCUMENT = "bureau-public-keys.json"
SCHOOL_SIGNING = "school_signing"
BUREAU_SIGNING = "bureau_signing"
BUREAU_ENCRYPTION = "bureau_encryption"


def create_own_key(
    ws: Workspace,
    role: str,
    key: ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey,
    passphrase: str,
) -> OwnKey:
    raw = keymod.raw_public(key)
    fp = keymod.fingerprint(raw)
    file_name = f"{role.replace('_', '-')}-{fp[:16]}.key.pem"
    keymod.save_private_key(ws.paths.keys / file_name, key, passphrase)
    with ws.db.atomic():
        repo_keys.add_own_key(
            ws.db, role=role, fingerprint=fp, public_key=raw, file_name=file_name, at=utc_now_text()
        )
    created = repo_keys.active_own_key(ws.db, role)
    assert created is not None
    return created


def load_own_key(ws: Workspace, role: str, passphrase: str) -> keymod.PrivateKey:
    own = repo_keys.active_own_key(ws.db, role)
    if own is None:
        raise UserError(tr("This workspace has no key of this kind yet."), tr("Create it first."))
    return keymod.load_private_key(ws.paths.keys / own.file_name, passphrase)


# --- school -----------------------------------------------------------------------------------


def school_key(db: Database) -> OwnKey | None:
    return repo_keys.active_own_key(db, SCHOOL_SIGNING)


def create_school_key(ws: Workspace, passphrase: str) -> OwnKey:
    """Make the school's signing key. Only if it has none: use ``rotate_school_key`` to replace."""
    require_school(ws.db)
    keymod.check_new_passphrase(passphrase)
    if school_key(ws.db) is not None:
        raise UserError(
            tr("This school already has a signing key."),
            tr("To replace it, rotate it: baosong-cli keys rotate."),
        )
    return create_own_key(ws, SCHOOL_SIGNING, ed25519.Ed25519PrivateKey.generate(), passphrase)


def rotate_school_key(ws: Workspace, passphrase: str) -> OwnKey:
    """A new signing key (the old one is kept, marked rotated). The bureau must enrol the new
    identity before the next packet; the old passphrase is not needed, so a forgotten one can
    be recovered from this way."""
    require_school(ws.db)
    keymod.check_new_passphrase(passphrase)
    return create_own_key(ws, SCHOOL_SIGNING, ed25519.Ed25519PrivateKey.generate(), passphrase)


def create_school_key_if_possible(ws: Workspace, passphrase: str | None) -> OwnKey | None:
    """At set-up: make the key when a passphrase is already at hand and there is no key yet."""
    if not passphrase or school_key(ws.db) is not None:
        return None
    return create_school_key(ws, passphrase)


def load_school_key(ws: Workspace, passphrase: str) -> ed25519.Ed25519PrivateKey:
    return keymod.as_signing_key(load_own_key(ws, SCHOOL_SIGNING, passphrase))


def ensure_school_key(ws: Workspace, ask: AskPassphrase) -> ed25519.Ed25519PrivateKey:
    """The school's signing key, created first (passphrase asked twice) if there is none."""
    if school_key(ws.db) is None:
        passphrase = ask(True)
        create_school_key(ws, passphrase)
        return load_school_key(ws, passphrase)
    return load_school_key(ws, ask(False))


def export_school_identity(ws: Workspace, ask: AskPassphrase, dest: Path) -> SchoolIdentity:
    """Write the school's identity file (code, name, public key; self-signed) for the bureau."""
    school = require_school(ws.db)
    key = ensure_school_key(ws, ask)
    identity = SchoolIdentity(
        school_code=school.code,
        school_name=school.name,
        district=school.district,
        signing_public_key=keymod.raw_public(key),
        created_at=utc_now_text(),
    )
    write_new_file(dest, school_identity_document(identity, key))
    return identity


@dataclass(frozen=True)
class TrustOutcome:
    keys: BureauPublicKeys
    replaced: TrustedBureau | None  # the bureau keys trusted before, if different
    unchanged: bool  # these very keys were already trusted


def trust_bureau(
    ws: Workspace, source: Path, expected_fingerprint: str | None = None
) -> TrustOutcome:
    """Trust the bureau's public keys file (after comparing its fingerprint by phone)."""
    require_school(ws.db)
    data = read_document_file(source)
    keys = read_bureau_keys(data)
    check_expected_fingerprint(keys.signing_fingerprint, expected_fingerprint)
    before = repo_keys.trusted_bureau(ws.db)
    same = before is not None and (
        before.signing_fingerprint == keys.signing_fingerprint
        and before.encryption_key_id == keys.encryption_key_id
    )
    if not same:
        with ws.db.atomic():
            repo_keys.trust_bureau(
                ws.db,
                signing_fingerprint=keys.signing_fingerprint,
                encryption_key_id=keys.encryption_key_id,
                bureau_name=keys.bureau_name,
                district=keys.district,
                signing_public_key=keys.signing_public_key,
                encryption_public_key=keys.encryption_public_key,
                document=data.decode("utf-8"),
                at=utc_now_text(),
            )
    return TrustOutcome(keys=keys, replaced=None if same else before, unchanged=same)


def trusted_bureau(db: Database) -> TrustedBureau | None:
    return repo_keys.trusted_bureau(db)


def require_trusted_bureau(db: Database) -> TrustedBureau:
    trusted = repo_keys.trusted_bureau(db)
    if trusted is None:
        raise UserError(
            tr("This school does not trust a bureau's keys yet, so it cannot encrypt a packet."),
            tr("Import the bureau's public keys first: baosong-cli school trust-bureau FILE."),
        )
    return trusted


@dataclass(frozen=True)
class OwnSigner:
    """The school's own key, shaped like a registry entry (for checking its own packets)."""

    fingerprint: str
    school_code: str
    public_key: bytes
    status: str


def own_key_lookup(db: Database) -> SchoolKeyLookup:
    school = require_school(db)
    own = {k.fingerprint: k for k in repo_keys.own_keys(db, SCHOOL_SIGNING)}

    def lookup(fp: str) -> SignerKey | None:
        key = own.get(fp)
        if key is None:
            return None
        return OwnSigner(fp, school.code, key.public_key, key.status)

    return lookup


# --- both -------------------------------------------------------------------------------------


def own_keys(db: Database) -> list[OwnKey]:
    return [k for role in repo_keys.OWN_ROLES for k in repo_keys.own_keys(db, role)]


def backup_keys(ws: Workspace, dest_dir: Path) -> list[Path]:
    """Copy every (still encrypted) private-key file and the public files to ``dest_dir``."""
    names = [k.file_name for k in own_keys(ws.db)]
    if (ws.paths.keys / BUREAU_DOCUMENT).exists():
        names.append(BUREAU_DOCUMENT)
    if not names:
        raise UserError(tr("This workspace has no keys to back up."), tr("Nothing was copied."))
    dest_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in names:
        target = dest_dir / name
        if target.exists():
            raise UserError(
                tr("{path} already exists.", path=target), tr("Choose an empty folder.")
            )
        shutil.copy2(ws.paths.keys / name, target)
        copied.append(target)
    return copied


def check_expected_fingerprint(fp: str, expected: str | None) -> None:
    if expected is not None and not keymod.fingerprint_matches(fp, expected):
        raise UserError(
            tr(
                "The file's fingerprint {fingerprint} is not the one you gave.",
                fingerprint=keymod.format_fingerprint(fp, short=True),
            ),
            tr("Do not use this file; ask for it again and compare the fingerprint by phone."),
        )


def write_new_file(dest: Path, data: bytes) -> None:
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with dest.open("xb") as f:
            f.write(data)
    except FileExistsError:
        raise UserError(
            tr("{path} already exists.", path=dest), tr("Choose another file name.")
        ) from None
    except OSError as exc:
        raise UserError(
            tr("{path} cannot be written ({reason}).", path=dest, reason=exc.strerror),
            tr("Choose another folder."),
        ) from exc
