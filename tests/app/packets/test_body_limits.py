"""Hostile bodies inside correctly signed and encrypted packets: limits, names and records."""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from functools import cache
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from hypothesis import given, settings
from hypothesis import strategies as st

from app.packets import canonical
from app.packets.format import PacketLimits
from app.packets.packet_reader import open_packet
from app.packets.rejection import PacketRejected, RejectCode
from tests.app.packets.helpers import (
    SCHOOL_A,
    SCHOOL_B,
    bureau_keyring,
    enrolled,
    jsonl_zip,
    registry,
    sample_records,
    seal_body,
    student,
    valid_body,
)

EMPTY = {"schools": 0, "classes": 0, "students": 0, "student_events": 0}


@cache
def keys() -> tuple[ed25519.Ed25519PrivateKey, x25519.X25519PrivateKey]:
    return ed25519.Ed25519PrivateKey.generate(), x25519.X25519PrivateKey.generate()


def _open(body: bytes, counts: dict[str, int], limits: PacketLimits | None = None) -> Any:
    school, bureau = keys()
    packet = seal_body(body, counts, school, bureau)
    extra = {"limits": limits} if limits else {}
    return open_packet(
        packet.data,
        school_keys=registry(enrolled(school, SCHOOL_A)),
        bureau_keys=bureau_keyring(bureau),
        **extra,
    )


def _code(body: bytes, counts: dict[str, int], limits: PacketLimits | None = None) -> RejectCode:
    with pytest.raises(PacketRejected) as info:
        _open(body, counts, limits)
    return info.value.code


def lines(*records: dict[str, Any]) -> bytes:
    return "".join(canonical.dumps(r) + "\n" for r in records).encode()


def body_with_students(data: bytes, count: int) -> tuple[bytes, dict[str, int]]:
    entries = [(f"{t}.jsonl", b"") for t in ("schools", "classes", "student_events")]
    return jsonl_zip([*entries, ("students.jsonl", data)]), {**EMPTY, "students": count}


def test_a_valid_hand_made_body_is_accepted() -> None:
    body, counts = valid_body()
    assert _open(body, counts).records["classes"] == sample_records()["classes"]
    rows = [student(n) for n in range(30, 40)]
    assert len(_open(*body_with_students(lines(*rows), 10)).records["students"]) == 10


def test_too_many_entries_are_refused_from_the_end_record() -> None:
    body = jsonl_zip((f"t{i}.jsonl", b"") for i in range(65))
    assert _code(body, EMPTY) is RejectCode.TOO_MANY_ENTRIES


def test_oversized_entries_lines_and_totals_are_refused() -> None:
    data = lines(*(student(n) for n in range(30, 60)))
    body, counts = body_with_students(data, 30)
    assert _code(body, counts, PacketLimits(max_entry_bytes=len(data) - 1)) is RejectCode.TOO_LARGE
    assert _code(body, counts, PacketLimits(max_total_bytes=len(data) - 1)) is RejectCode.TOO_LARGE
    assert _code(body, counts, PacketLimits(max_line_bytes=100)) is RejectCode.TOO_LARGE
    assert (
        len(_open(body, counts, PacketLimits(max_entry_bytes=len(data))).records["students"]) == 30
    )


def test_a_highly_compressible_large_entry_is_a_zip_bomb() -> None:
    body, counts = body_with_students(b"\n" * (20 * 1024 * 1024), 0)
    assert len(body) < 100_000
    assert _code(body, counts) is RejectCode.ZIP_BOMB


def test_an_entry_whose_declared_size_lies_is_not_inflated_past_it() -> None:
    real = b"{}\n" * 400_000  # 1.2 MB inflated
    body, counts = body_with_students(real, 400_000)
    lied = bytearray(body)
    central = lied.rindex(b"PK\x01\x02")  # the students entry is the last one written
    lied[central + 24 : central + 28] = struct.pack("<I", 3000)  # uncompressed size
    local = lied.rindex(b"PK\x03\x04", 0, central)
    lied[local + 22 : local + 26] = struct.pack("<I", 3000)
    # zipfile stops inflating at the declared 3000 bytes and fails the CRC check.
    assert _code(bytes(lied), counts) is RejectCode.BAD_ZIP


@pytest.mark.parametrize(
    "name",
    [
        "../x",
        "../students.jsonl",
        "/students.jsonl",
        "a/students.jsonl",
        "students.jsonl/",
        "Students.jsonl",
        "students.json",
        "students.jsonl.exe",
        ".jsonl",
        "..\\students.jsonl",
    ],
)
def test_entry_names_outside_the_whitelist_are_refused(name: str) -> None:
    body = jsonl_zip([("schools.jsonl", b""), (name, b"")])
    assert _code(body, {"schools": 0}) is RejectCode.BAD_ENTRY_NAME


def test_a_repeated_entry_is_refused() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about the duplicate it writes
        body = jsonl_zip([("schools.jsonl", b""), ("schools.jsonl", b"")])
    assert _code(body, {"schools": 0}) is RejectCode.BAD_ENTRY_NAME


def test_an_entry_of_an_unknown_table_is_refused() -> None:
    body = jsonl_zip([("schools.jsonl", b""), ("arts_results.jsonl", b"")])
    assert _code(body, {"schools": 0}) is RejectCode.UNKNOWN_TABLE


@pytest.mark.parametrize(
    ("data", "count", "code"),
    [
        (b"{not json\n", 1, RejectCode.BAD_JSON),
        (b'{"uuid": "x"}\n', 1, RejectCode.BAD_JSON),  # valid JSON, not canonical
        (b"[1,2]\n", 1, RejectCode.BAD_JSON),
        (lines(student(30))[:-1], 1, RejectCode.BAD_JSON),  # no final LF
        (lines(student(30)).replace(b'"revision":1', b'"revision":1.0'), 1, RejectCode.BAD_JSON),
        (lines(student(30, sex="unknown")), 1, RejectCode.INVALID_RECORD),
        (lines(student(30, birth_date="2016-02-30")), 1, RejectCode.INVALID_RECORD),
        (lines(student(30, revision=0)), 1, RejectCode.INVALID_RECORD),
        (lines(student(30, deleted=0)), 1, RejectCode.INVALID_RECORD),  # 0 is not false
        (lines(student(30, extra="x")), 1, RejectCode.INVALID_RECORD),
        (lines(student(31), student(30)), 2, RejectCode.INVALID_RECORD),  # not sorted
        (lines(student(30, school=SCHOOL_B)), 1, RejectCode.FOREIGN_RECORD),
        (lines(student(30), student(30)), 2, RejectCode.DUPLICATE_RECORD),
        (lines(student(30)), 2, RejectCode.COUNT_MISMATCH),
    ],
)
def test_bad_record_lines_are_refused(data: bytes, count: int, code: RejectCode) -> None:
    assert _code(*body_with_students(data, count)) is code


def test_a_record_missing_a_field_is_invalid() -> None:
    record = student(30)
    del record["pe_exempt_reason"]
    assert _code(*body_with_students(lines(record), 1)) is RejectCode.INVALID_RECORD


def test_entries_must_match_the_header_tables() -> None:
    body, counts = valid_body()
    assert _code(body, {k: v for k, v in counts.items() if k != "student_events"}) is (
        RejectCode.COUNT_MISMATCH
    )


def _zip_with(**kwargs: Any) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", **kwargs) as zf:
        zf.writestr("schools.jsonl", b"")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "body",
    [
        b"not a zip at all",
        b"",
        _zip_with(compression=zipfile.ZIP_BZIP2),
        _zip_with() + b"x",  # end record no longer last
    ],
)
def test_unreadable_or_unsupported_archives_are_refused(body: bytes) -> None:
    assert _code(body, {"schools": 0}) is RejectCode.BAD_ZIP


def test_an_archive_comment_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("schools.jsonl", b"")
        zf.comment = b"hello"
    assert _code(buffer.getvalue(), {"schools": 0}) is RejectCode.BAD_ZIP


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_corruption_of_the_decrypted_body_is_a_clean_rejection(data: st.DataObject) -> None:
    # The body is authenticated, so only a compromised school could send this; the reader must
    # still answer with a PacketRejected and never crash or accept altered records.
    body, counts = valid_body()
    position = data.draw(st.integers(0, len(body) - 1), label="position")
    corrupted = bytearray(body)
    corrupted[position] ^= data.draw(st.integers(1, 255), label="xor")
    try:
        contents = _open(bytes(corrupted), counts)
    except PacketRejected:
        return
    assert {k: v for k, v in contents.records.items() if v} == {
        k: sorted(v, key=lambda r: r["uuid"]) for k, v in sample_records().items()
    }
