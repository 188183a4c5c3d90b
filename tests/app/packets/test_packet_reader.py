"""Reading packets: a round trip, and every kind of tampering refused with its own code."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import replace
from functools import cache
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from hypothesis import given
from hypothesis import strategies as st

from app.packets.format import (
    MAGIC,
    PREFIX_BYTES,
    SIGNING_CONTEXT,
    PacketHeader,
    PacketLimits,
    hpke_info,
    hpke_suite,
)
from app.packets.keys import fingerprint, raw_public
from app.packets.packet_reader import (
    decrypt_packet,
    open_packet,
    read_envelope,
    verify_envelope,
)
from app.packets.packet_writer import SealedPacket, write_packet
from app.packets.rejection import PacketRejected, RejectCode
from app.packets.sync_tables import TABLES
from tests.app.packets.helpers import (
    SCHOOL_A,
    SCHOOL_B,
    bureau_keyring,
    draft,
    enrolled,
    registry,
    sample_records,
)


@cache
def world() -> dict[str, Any]:
    """Two schools, two bureaus, and a valid packet from school A to bureau 1 (built once)."""
    a, b = ed25519.Ed25519PrivateKey.generate(), ed25519.Ed25519PrivateKey.generate()
    bureau1, bureau2 = x25519.X25519PrivateKey.generate(), x25519.X25519PrivateKey.generate()
    packet = write_packet(draft(), sample_records(), signing_key=a, bureau_key=bureau1.public_key())
    return {
        "a": a,
        "b": b,
        "bureau1": bureau1,
        "bureau2": bureau2,
        "packet": packet,
        "schools": registry(enrolled(a, SCHOOL_A), enrolled(b, SCHOOL_B)),
        "keyring": bureau_keyring(bureau1),
    }


def _open(data: bytes, **overrides: Any) -> Any:
    w = world()
    args = {"school_keys": w["schools"], "bureau_keys": w["keyring"], **overrides}
    return open_packet(data, **args)


def _code(data: bytes, **overrides: Any) -> RejectCode:
    with pytest.raises(PacketRejected) as info:
        _open(data, **overrides)
    assert info.value.what and info.value.todo, "a rejection always says what and what to do"
    return info.value.code


def _frame(header: bytes, signature: bytes, body: bytes) -> bytes:
    return (
        MAGIC
        + struct.pack(">HI", 1, len(header))
        + header
        + signature
        + struct.pack(">Q", len(body))
        + body
    )


def _parts(packet: SealedPacket) -> tuple[bytes, bytes, bytes]:
    env = read_envelope(packet.data)
    return env.header_bytes, env.signature, env.body


def test_round_trip_gives_back_every_record_sorted_by_uuid() -> None:
    w = world()
    contents = _open(w["packet"].data)
    expected = {
        name: sorted(rows, key=lambda r: r["uuid"]) for name, rows in sample_records().items()
    }
    # Every registered table travels, empty ones included; compare the ones this school filled.
    assert {k: v for k, v in contents.records.items() if v} == expected
    assert set(contents.records) == {t.name for t in TABLES}
    assert {k: n for k, n in contents.header.counts.items() if n} == {
        "schools": 1,
        "classes": 1,
        "students": 2,
        "student_events": 1,
    }
    assert contents.sha256 == hashlib.sha256(w["packet"].data).hexdigest() == w["packet"].sha256
    assert contents.packet.signer.school_code == SCHOOL_A


def test_the_header_is_checked_without_any_private_key() -> None:
    w = world()
    verified = verify_envelope(read_envelope(w["packet"].data), w["schools"])
    assert verified.header.school_code == SCHOOL_A
    assert verified.header.sequence == 1 and verified.header.prev_sha256 is None
    with pytest.raises(PacketRejected) as info:
        decrypt_packet(verified, {})
    assert info.value.code is RejectCode.WRONG_BUREAU_KEY


def test_the_body_is_hpke_base_mode_with_the_documented_info_and_no_aad() -> None:
    # Pins docs/packet-format.md §6.1 with the library's own lower-level call.
    rust_hpke = pytest.importorskip("cryptography.hazmat.bindings._rust").openssl.hpke
    if not hasattr(rust_hpke, "_decrypt_with_aad"):
        pytest.skip("this cryptography version has no aad-taking decrypt")
    w = world()
    env = read_envelope(w["packet"].data)
    info = f"baosong-bspkt-v1:{SCHOOL_A}:{env.header.packet_uuid}".encode()
    assert info == hpke_info(SCHOOL_A, env.header.packet_uuid) and len(info) == 64
    plain = rust_hpke._decrypt_with_aad(hpke_suite(), env.body, w["bureau1"], info=info, aad=b"")
    assert plain.startswith(b"PK\x03\x04")
    assert len(env.body) == 32 + len(plain) + 16


REGIONS = {
    "magic": {RejectCode.NOT_A_PACKET},
    "version": {RejectCode.VERSION},
    "hdr_len": {
        RejectCode.TOO_LARGE,
        RejectCode.TRUNCATED,
        RejectCode.TRAILING_DATA,
        RejectCode.BAD_HEADER,
    },
    "header": {RejectCode.BAD_HEADER, RejectCode.BAD_SIGNATURE, RejectCode.UNKNOWN_KEY},
    "signature": {RejectCode.BAD_SIGNATURE},
    "body_len": {RejectCode.TRUNCATED, RejectCode.TRAILING_DATA},
    "body": {RejectCode.BODY_HASH},
}


def _region(position: int, header_len: int) -> str:
    bounds = [
        ("magic", 8),
        ("version", 10),
        ("hdr_len", PREFIX_BYTES),
        ("header", PREFIX_BYTES + header_len),
        ("signature", PREFIX_BYTES + header_len + 64),
        ("body_len", PREFIX_BYTES + header_len + 72),
    ]
    return next((name for name, end in bounds if position < end), "body")


@given(st.data())
def test_any_flipped_byte_is_rejected_with_the_code_of_its_region(data: st.DataObject) -> None:
    packet = world()["packet"].data
    header_len = len(read_envelope(packet).header_bytes)
    position = data.draw(st.integers(0, len(packet) - 1), label="position")
    mask = data.draw(st.integers(1, 255), label="xor")
    flipped = bytearray(packet)
    flipped[position] ^= mask
    assert _code(bytes(flipped)) in REGIONS[_region(position, header_len)]


@given(st.integers(min_value=0))
def test_any_truncation_is_rejected(cut: int) -> None:
    packet = world()["packet"].data
    cut %= len(packet)
    expected = RejectCode.NOT_A_PACKET if cut == 0 else RejectCode.TRUNCATED
    assert _code(packet[:cut]) is expected


def test_extra_bytes_after_the_body_are_rejected() -> None:
    assert _code(world()["packet"].data + b"\x00") is RejectCode.TRAILING_DATA


def test_an_edited_header_field_with_the_old_signature_is_rejected() -> None:
    header, signature, body = _parts(world()["packet"])
    edits = [
        (b"2025-12-20T08:30:00Z", b"2025-12-21T08:30:00Z"),  # created_at
        ('"school_name":"孟'.encode(), b'"school_name":"X'),  # first character of the name
        (b'"students":2', b'"students":3'),  # a count
    ]
    for old, new in edits:
        assert header.count(old) == 1, old
        edited = header.replace(old, new)
        assert _code(_frame(edited, signature, body)) is RejectCode.BAD_SIGNATURE


def test_bodies_swapped_between_two_packets_are_rejected() -> None:
    w = world()
    other = write_packet(
        draft(), sample_records(), signing_key=w["a"], bureau_key=w["bureau1"].public_key()
    )
    header, signature, _ = _parts(w["packet"])
    _, _, other_body = _parts(other)
    assert _code(_frame(header, signature, other_body)) is RejectCode.BODY_HASH


def test_a_packet_signed_by_another_enrolled_school_is_rejected() -> None:
    w = world()
    # School B signs a packet claiming to be school A.
    forged = write_packet(
        draft(SCHOOL_A), sample_records(), signing_key=w["b"], bureau_key=w["bureau1"].public_key()
    )
    assert _code(forged.data) is RejectCode.WRONG_SCHOOL
    # ... and with school A's fingerprint written into the header, the signature fails.
    header, signature, body = _parts(forged)
    a_fp = world()["packet"].header.school_key_fingerprint
    disguised = header.replace(forged.header.school_key_fingerprint.encode(), a_fp.encode())
    assert _code(_frame(disguised, signature, body)) is RejectCode.BAD_SIGNATURE


def test_a_body_copied_into_another_schools_signed_header_cannot_be_decrypted() -> None:
    w = world()
    stolen = read_envelope(w["packet"].data)
    header = replace(stolen.header, school_code=SCHOOL_B, school_key_fingerprint=_fp(w["b"]))
    header_bytes = header.to_bytes()
    signature = w["b"].sign(SIGNING_CONTEXT + header_bytes)
    assert _code(_frame(header_bytes, signature, stolen.body)) is RejectCode.DECRYPT_FAILED


def _fp(key: ed25519.Ed25519PrivateKey) -> str:
    return fingerprint(raw_public(key))


@pytest.mark.parametrize(
    ("status", "code"), [("revoked", RejectCode.REVOKED_KEY), ("rotated", RejectCode.ROTATED_KEY)]
)
def test_revoked_and_rotated_keys_are_rejected(status: str, code: RejectCode) -> None:
    w = world()
    assert _code(w["packet"].data, school_keys=registry(enrolled(w["a"], SCHOOL_A, status))) is code


def test_an_unknown_key_is_rejected() -> None:
    assert _code(world()["packet"].data, school_keys=registry()) is RejectCode.UNKNOWN_KEY


def test_a_packet_for_another_bureau_is_rejected_before_decrypting() -> None:
    w = world()
    elsewhere = write_packet(
        draft(), sample_records(), signing_key=w["a"], bureau_key=w["bureau2"].public_key()
    )
    assert _code(elsewhere.data) is RejectCode.WRONG_BUREAU_KEY
    assert _open(elsewhere.data, bureau_keys=bureau_keyring(w["bureau2"])).records["students"]


def test_a_known_key_id_with_the_wrong_private_key_fails_to_decrypt() -> None:
    w = world()
    key_id = w["packet"].header.bureau_key_id
    assert _code(w["packet"].data, bureau_keys={key_id: w["bureau2"]}) is RejectCode.DECRYPT_FAILED


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", RejectCode.NOT_A_PACKET),
        (b"PK\x03\x04 a zip file is not a packet", RejectCode.NOT_A_PACKET),
        (MAGIC[:5], RejectCode.TRUNCATED),
        (MAGIC + b"\x00\x02" + b"\x00" * 100, RejectCode.VERSION),
        (MAGIC + b"\x00\x01" + struct.pack(">I", 10**6) + b"\x00" * 100, RejectCode.TOO_LARGE),
        (_frame(b"{}", bytes(64), b""), RejectCode.BAD_HEADER),
        (_frame(b"", bytes(64), b""), RejectCode.BAD_HEADER),
    ],
)
def test_malformed_containers_are_rejected(data: bytes, code: RejectCode) -> None:
    assert _code(data) is code


def test_a_file_over_the_size_limit_is_rejected_unread() -> None:
    packet = world()["packet"].data
    small = PacketLimits(max_file_bytes=len(packet) - 1)
    with pytest.raises(PacketRejected) as info:
        read_envelope(packet, small)
    assert info.value.code is RejectCode.TOO_LARGE


def test_a_signed_header_naming_an_unknown_table_is_rejected_before_decrypting() -> None:
    w = world()
    header, _, body = _parts(w["packet"])
    parsed = read_envelope(w["packet"].data).header
    newer = replace(parsed, counts={**parsed.counts, "arts_results": 3}).to_bytes()
    signed = _frame(newer, w["a"].sign(SIGNING_CONTEXT + newer), body)
    assert _code(signed, bureau_keys={}) is RejectCode.UNKNOWN_TABLE
    assert header != newer


def test_a_header_with_an_extra_field_is_malformed_even_if_signed() -> None:
    w = world()
    header, _, body = _parts(w["packet"])
    extra = header[:-1] + b',"zzz":1}'
    signed = _frame(extra, w["a"].sign(SIGNING_CONTEXT + extra), body)
    assert _code(signed) is RejectCode.BAD_HEADER


def test_header_to_bytes_is_canonical_and_parses_back() -> None:
    env = read_envelope(world()["packet"].data)
    assert isinstance(env.header, PacketHeader)
    assert env.header.to_bytes() == env.header_bytes
