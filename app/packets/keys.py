"""Key pairs, fingerprints and encrypted private-key files (no database here).

- A school signs packets with an Ed25519 key; the bureau signs receipts with an Ed25519 key and
  receives packets with an X25519 key (HPKE).
- A fingerprint is the SHA-256 of the raw 32-byte public key, stored as 64 lowercase hex digits
  and shown as 16 groups of 4 upper-case hex digits (``3F7A-91C2-…``); the first 6 groups are the
  short form read out on the phone (96 bits: far beyond what anyone can forge a match for).
- Private keys are PKCS #8 PEM encrypted by the cryptography package's BestAvailableEncryption
  (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC). Its PBKDF2 iteration count is fixed by the library
  and modest, so a minimum passphrase length is enforced here; the key files stay inside the
  workspace, which is the user's own account.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519

from app.errors import UserError
from app.i18n import tr

MIN_PASSPHRASE_LENGTH = 10
SHORT_GROUPS = 6
_HEX64 = re.compile(r"^[0-9a-f]{64}$")

PrivateKey = ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey


class WrongPassphrase(UserError):
    """The passphrase does not open the private key."""


def raw_public(key: PrivateKey | ed25519.Ed25519PublicKey | x25519.X25519PublicKey) -> bytes:
    """The raw 32-byte public key (RFC 8032 / RFC 7748 encoding)."""
    public = key.public_key() if isinstance(key, PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw_public_key: bytes) -> str:
    """SHA-256 of the raw public key, 64 lowercase hex digits."""
    return hashlib.sha256(raw_public_key).hexdigest()


def is_fingerprint(text: str) -> bool:
    return bool(_HEX64.match(text))


def format_fingerprint(fp: str, *, short: bool = False) -> str:
    """``3F7A-91C2-…`` for reading aloud; ``short`` keeps the first 6 groups."""
    groups = [fp[i : i + 4].upper() for i in range(0, len(fp), 4)]
    return "-".join(groups[:SHORT_GROUPS] if short else groups)


def fingerprint_matches(fp: str, typed: str) -> bool:
    """Whether what someone typed (full or short form, any case, dashes or spaces) is ``fp``."""
    digits = re.sub(r"[\s\-:]", "", typed).lower()
    return len(digits) >= SHORT_GROUPS * 4 and fp.startswith(digits)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, *, length: int | None = None) -> bytes:
    """Strict standard base64 (with padding); raises ValueError."""
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("not base64") from None
    if b64(data) != text or (length is not None and len(data) != length):
        raise ValueError("not a canonical base64 key")
    return data


def ed25519_public(raw: bytes) -> ed25519.Ed25519PublicKey:
    return ed25519.Ed25519PublicKey.from_public_bytes(raw)


def x25519_public(raw: bytes) -> x25519.X25519PublicKey:
    return x25519.X25519PublicKey.from_public_bytes(raw)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UserError(
            tr(
                "The passphrase is too short: at least {n} characters are needed.",
                n=MIN_PASSPHRASE_LENGTH,
            ),
            tr("Choose a longer passphrase, for example a few words with spaces between them."),
        )


def encrypt_private_key(key: PrivateKey, passphrase: str) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def decrypt_private_key(pem: bytes, passphrase: str) -> PrivateKey:
    """Open an encrypted PEM; a wrong passphrase is a WrongPassphrase (a UserError)."""
    try:
        key = serialization.load_pem_private_key(pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        # cryptography says ValueError for a wrong passphrase and for a damaged file alike.
        raise WrongPassphrase(
            tr("The passphrase is wrong, or the key file is damaged."),
            tr("Type the passphrase again; if it still fails, restore the key from its backup."),
        ) from None
    if not isinstance(key, PrivateKey):
        raise _wrong_kind()
    return key


def _wrong_kind() -> UserError:
    return UserError(
        tr("The key file holds another kind of key than expected."),
        tr("Restore the key from its backup."),
    )


def as_signing_key(key: PrivateKey) -> ed25519.Ed25519PrivateKey:
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise _wrong_kind()
    return key


def as_encryption_key(key: PrivateKey) -> x25519.X25519PrivateKey:
    if not isinstance(key, x25519.X25519PrivateKey):
        raise _wrong_kind()
    return key


def save_private_key(path: Path, key: PrivateKey, passphrase: str) -> None:
    """Write a new encrypted key file (owner-only permissions); never overwrites one."""
    pem = encrypt_private_key(key, passphrase)
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two processes creating "the" key at once must not silently replace each other.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
        f.flush()
        os.fsync(f.fileno())


def load_private_key(path: Path, passphrase: str) -> PrivateKey:
    try:
        pem = path.read_bytes()
    except OSError as exc:
        raise UserError(
            tr("The key file {path} cannot be read ({reason}).", path=path, reason=exc.strerror),
            tr("Restore the key from its backup."),
        ) from exc
    return decrypt_private_key(pem, passphrase)
