"""Key files, passphrases, fingerprints and the signed public-key documents."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519

from app.errors import UserError
from app.packets import keys
from app.packets.key_documents import (
    BureauPublicKeys,
    KeyDocumentError,
    SchoolIdentity,
    bureau_keys_document,
    read_bureau_keys,
    read_school_identity,
    school_identity_document,
)
from tests.app.packets.helpers import PASSPHRASE, SCHOOL_A


def test_a_saved_key_opens_with_its_passphrase_only(tmp_path: Path) -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    path = tmp_path / "keys" / "school.key.pem"
    keys.save_private_key(path, key, PASSPHRASE)
    assert path.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = keys.as_signing_key(keys.load_private_key(path, PASSPHRASE))
    assert keys.raw_public(loaded) == keys.raw_public(key)
    with pytest.raises(keys.WrongPassphrase) as info:
        keys.load_private_key(path, PASSPHRASE + "x")
    assert isinstance(info.value, UserError)
    assert "passphrase is wrong" in info.value.what


def test_a_key_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "k.pem"
    first = x25519.X25519PrivateKey.generate()
    keys.save_private_key(path, first, PASSPHRASE)
    with pytest.raises(FileExistsError):
        keys.save_private_key(path, x25519.X25519PrivateKey.generate(), PASSPHRASE)
    reopened = keys.as_encryption_key(keys.load_private_key(path, PASSPHRASE))
    assert keys.raw_public(reopened) == keys.raw_public(first)


def test_a_damaged_key_file_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "k.pem"
    path.write_bytes(
        b"-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"
    )
    with pytest.raises(UserError):
        keys.load_private_key(path, PASSPHRASE)
    with pytest.raises(UserError, match="cannot be read"):
        keys.load_private_key(tmp_path / "missing.pem", PASSPHRASE)


def test_the_wrong_kind_of_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "k.pem"
    keys.save_private_key(path, x25519.X25519PrivateKey.generate(), PASSPHRASE)
    with pytest.raises(UserError, match="another kind of key"):
        keys.as_signing_key(keys.load_private_key(path, PASSPHRASE))


def test_short_passphrases_are_refused() -> None:
    with pytest.raises(UserError, match="too short"):
        keys.check_new_passphrase("123456789")
    keys.check_new_passphrase("1234567890")


def test_fingerprints_are_sha256_of_the_raw_key_in_groups_of_four() -> None:
    # Known answer: SHA-256 of 32 zero bytes.
    fp = keys.fingerprint(bytes(32))
    assert fp == "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"
    full = keys.format_fingerprint(fp)
    short = keys.format_fingerprint(fp, short=True)
    assert short == "6668-7AAD-F862-BD77-6C8F-C18B"
    assert re.fullmatch(r"([0-9A-F]{4}-){15}[0-9A-F]{4}", full)
    assert re.fullmatch(r"([0-9A-F]{4}-){5}[0-9A-F]{4}", short)
    assert full.startswith(short)
    assert full.replace("-", "").lower() == fp
    assert keys.fingerprint_matches(fp, short.lower())
    assert keys.fingerprint_matches(fp, full.replace("-", " "))
    assert not keys.fingerprint_matches(fp, short[:-1] + ("0" if short[-1] != "0" else "1"))
    assert not keys.fingerprint_matches(fp, short[:9]), "too short to mean anything"


def test_a_school_identity_round_trips_and_any_edit_breaks_it() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    identity = SchoolIdentity(
        SCHOOL_A, "孟津区城关镇第一小学", "410308", keys.raw_public(key), "2025-12-01T00:00:00Z"
    )
    data = school_identity_document(identity, key)
    assert data.endswith(b"\n")
    assert read_school_identity(data) == identity
    assert read_school_identity(b"  " + data + b"\r\n") == identity, "whitespace is tolerated"
    doc = json.loads(data)
    for field, value in (("school_code", "2141009999"), ("school_name", "别的学校")):
        edited = json.dumps({**doc, field: value}, ensure_ascii=False).encode()
        with pytest.raises(KeyDocumentError, match="signature"):
            read_school_identity(edited)
    other = ed25519.Ed25519PrivateKey.generate()
    swapped = {**doc, "signing_public_key": keys.b64(keys.raw_public(other))}
    with pytest.raises(KeyDocumentError):
        read_school_identity(json.dumps(swapped).encode())


def test_the_bureau_document_seals_the_encryption_key_with_the_signing_key() -> None:
    signing = ed25519.Ed25519PrivateKey.generate()
    encryption = x25519.X25519PrivateKey.generate()
    public = BureauPublicKeys(
        "孟津区教育局",
        "410308",
        keys.raw_public(signing),
        keys.raw_public(encryption),
        "2025-12-01T00:00:00Z",
    )
    data = bureau_keys_document(public, signing)
    assert read_bureau_keys(data) == public
    assert public.encryption_key_id == keys.fingerprint(keys.raw_public(encryption))
    doc = json.loads(data)
    attacker = x25519.X25519PrivateKey.generate()
    doc["encryption_public_key"] = keys.b64(keys.raw_public(attacker))
    doc["encryption_key_id"] = keys.fingerprint(keys.raw_public(attacker))
    with pytest.raises(KeyDocumentError, match="signature"):
        read_bureau_keys(json.dumps(doc).encode())


@pytest.mark.parametrize(
    "data",
    [b"", b"not json", b"[]", b'{"kind":"baosong-school-identity"}', b"{" * 70000],
)
def test_garbage_is_not_a_key_document(data: bytes) -> None:
    with pytest.raises(KeyDocumentError):
        read_school_identity(data)


def test_a_bureau_file_is_not_a_school_identity() -> None:
    signing = ed25519.Ed25519PrivateKey.generate()
    public = BureauPublicKeys(
        "局", "410308", keys.raw_public(signing), bytes(range(32)), "2025-12-01T00:00:00Z"
    )
    with pytest.raises(KeyDocumentError, match="school identity"):
        read_school_identity(bureau_keys_document(public, signing))


def test_a_newer_document_version_says_so() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    identity = SchoolIdentity(SCHOOL_A, "x", "410308", keys.raw_public(key), "2025-12-01T00:00:00Z")
    doc = json.loads(school_identity_document(identity, key))
    doc["format_version"] = 2
    with pytest.raises(KeyDocumentError, match="newer version"):
        read_school_identity(json.dumps(doc).encode())
