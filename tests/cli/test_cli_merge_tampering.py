"""Every kind of tampering, through ``bureau merge``: refused whole (exit 3), the central
database untouched (all but the ledger, which notes the refusal), the file in quarantine with
a reason file beside it."""

from __future__ import annotations

import hashlib
import json
import random
import string
import struct
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.packets import canonical
from app.packets.format import FORMAT_VERSION, MAGIC, SIGNING_CONTEXT
from app.packets.keys import fingerprint, raw_public
from app.packets.packet_reader import read_envelope
from app.services import bureau_keys, keys_service
from app.services.workspace import Workspace, require_school
from tests.app.merge import conftest as merge_fixtures
from tests.app.merge.helpers import central_dump, crafted, export
from tests.app.packets import conftest as packet_fixtures
from tests.app.packets.conftest import Pair
from tests.app.packets.helpers import PASSPHRASE, jsonl_zip, student

bureau_ws = packet_fixtures.bureau_ws
pair = packet_fixtures.pair
second_school = merge_fixtures.second_school
EMPTY = {"schools": 0, "classes": 0, "students": 0, "student_events": 0}


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOSONG_PASSPHRASE", PASSPHRASE)


def merge_cli(
    capsys: pytest.CaptureFixture[str], bureau: Workspace, path: Path
) -> tuple[int, dict[str, Any]]:
    code = main(
        [
            "--lang",
            "en",
            "--data-dir",
            str(bureau.paths.root),
            "bureau",
            "merge",
            str(path),
            "--json",
        ]
    )
    out = capsys.readouterr().out
    [packet] = json.loads(out)["packets"]
    return code, packet


def refused(
    capsys: pytest.CaptureFixture[str], pair: Pair, data: bytes, name: str, code: str | None = None
) -> str:
    path = pair.files / name
    path.write_bytes(data)
    before = central_dump(pair.bureau)
    exit_code, packet = merge_cli(capsys, pair.bureau, path)
    assert (exit_code, packet["status"]) == (3, "rejected"), packet
    if code is not None:
        assert packet["code"] == code, packet
    assert central_dump(pair.bureau) == before
    quarantined = Path(packet["quarantined"])
    assert quarantined.parent == pair.bureau.paths.quarantine and quarantined.read_bytes() == data
    reason = quarantined.with_name(quarantined.name + ".reason.txt").read_text(encoding="utf-8")
    assert f"code: {packet['code']}" in reason and "what: " in reason and "todo: " in reason
    return str(packet["code"])


def resign(
    data: bytes, key: ed25519.Ed25519PrivateKey, body: bytes | None = None, **header: Any
) -> bytes:
    """The packet re-framed: header fields changed, another body, signed by ``key``."""
    envelope = read_envelope(data)
    body = envelope.body if body is None else body
    changes = {
        "school_key_fingerprint": fingerprint(raw_public(key)),
        "body_sha256": hashlib.sha256(body).hexdigest(),
        **header,
    }
    header_bytes = replace(envelope.header, **changes).to_bytes()
    return b"".join((MAGIC, struct.pack(">HI", FORMAT_VERSION, len(header_bytes)), header_bytes,
                     key.sign(SIGNING_CONTEXT + header_bytes), struct.pack(">Q", len(body)), body))  # fmt: skip


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_a_flipped_byte_anywhere_is_refused(
    capsys: pytest.CaptureFixture[str], pair: Pair, data: st.DataObject
) -> None:
    original = (
        (pair.files / "p1.bspkt").read_bytes()
        if (pair.files / "p1.bspkt").exists()
        else export(pair.school, pair.files, "p1.bspkt").read_bytes()
    )
    position = data.draw(st.integers(0, len(original) - 1), label="position")
    flipped = bytearray(original)
    flipped[position] ^= data.draw(st.integers(1, 255), label="xor")
    refused(capsys, pair, bytes(flipped), f"flip-{position}.bspkt")


@pytest.mark.parametrize("keep", [3, 13, 200, -1])
def test_a_truncated_packet_is_refused(
    capsys: pytest.CaptureFixture[str], pair: Pair, keep: int
) -> None:
    data = export(pair.school, pair.files, "p1.bspkt").read_bytes()
    assert refused(capsys, pair, data[:keep], "cut.bspkt") == "truncated"


def test_an_edited_header_is_refused(capsys: pytest.CaptureFixture[str], pair: Pair) -> None:
    data = export(pair.school, pair.files, "p1.bspkt").read_bytes()
    name = require_school(pair.school.db).name.encode()
    edited = data.replace(name, "洛阳市".encode() + name[9:], 1)
    assert edited != data and len(edited) == len(data)
    assert refused(capsys, pair, edited, "edited.bspkt", "bad_signature")
    renumbered = data.replace(b'"sequence":1', b'"sequence":2', 1)
    assert refused(capsys, pair, renumbered, "renumbered.bspkt", "bad_header")


def test_bodies_swapped_between_packets_are_refused(
    capsys: pytest.CaptureFixture[str], pair: Pair, second_school: Workspace
) -> None:
    data = export(pair.school, pair.files, "p1.bspkt").read_bytes()
    first = read_envelope(data)
    second = export(pair.school, pair.files, "p2.bspkt").read_bytes()
    cut = 78 + len(read_envelope(second).header_bytes)  # magic, version, lengths, header, signature
    swapped = second[:cut] + struct.pack(">Q", len(first.body)) + first.body
    refused(capsys, pair, swapped, "swapped.bspkt", "body_hash")
    # Another enrolled school copies the body and its hash under its own signed header.
    other = keys_service.load_school_key(second_school, PASSPHRASE)
    copied = resign(data, other, school_code=require_school(second_school.db).code)
    refused(capsys, pair, copied, "copied.bspkt", "decrypt_failed")


def test_packets_signed_by_the_wrong_key_are_refused(
    capsys: pytest.CaptureFixture[str], pair: Pair, second_school: Workspace
) -> None:
    data = export(pair.school, pair.files, "p1.bspkt").read_bytes()
    other = keys_service.load_school_key(second_school, PASSPHRASE)
    refused(capsys, pair, resign(data, other), "other-school.bspkt", "wrong_school")
    refused(
        capsys,
        pair,
        resign(data, ed25519.Ed25519PrivateKey.generate()),
        "stranger.bspkt",
        "unknown_key",
    )
    bureau_keys.revoke_school(pair.bureau, require_school(pair.school.db).code)
    refused(capsys, pair, data, "revoked.bspkt", "revoked_key")


def test_a_packet_for_another_bureau_is_refused(
    capsys: pytest.CaptureFixture[str], pair: Pair
) -> None:
    body = jsonl_zip([(f"{t}.jsonl", b"") for t in EMPTY])
    other = raw_public(x25519.X25519PrivateKey.generate())
    packet = crafted(pair.school, pair.bureau, body, EMPTY, bureau_key=other)
    refused(capsys, pair, packet, "elsewhere.bspkt", "wrong_bureau_key")


def students_body(data: bytes, count: int) -> tuple[bytes, dict[str, int]]:
    entries = [(f"{t}.jsonl", b"") for t in ("schools", "classes", "student_events")]
    return jsonl_zip([*entries, ("students.jsonl", data)]), {**EMPTY, "students": count}


def lines(*records: dict[str, Any]) -> bytes:
    return "".join(canonical.dumps(r) + "\n" for r in records).encode()


@pytest.mark.parametrize(
    ("case", "reject"),
    [
        ("oversized", "too_large"),
        ("zip_bomb", "zip_bomb"),
        ("path_traversal", "bad_entry_name"),
        ("invalid_json", "bad_json"),
        ("invalid_record", "invalid_record"),
        ("foreign_record", "foreign_record"),
    ],
)
def test_hostile_bodies_are_refused(
    capsys: pytest.CaptureFixture[str], pair: Pair, case: str, reject: str
) -> None:
    code = require_school(pair.school.db).code
    letters = "".join(random.Random(1).choices(string.ascii_letters, k=1_100_000)).encode()
    bodies = {
        "oversized": lambda: students_body(letters + b"\n", 1),  # one line over 1 MiB
        "zip_bomb": lambda: students_body(b"\n" * (20 * 1024 * 1024), 0),
        "path_traversal": lambda: (
            jsonl_zip([("schools.jsonl", b""), ("../students.jsonl", b"")]),
            {"schools": 0},
        ),
        "invalid_json": lambda: students_body(b"{not json\n", 1),
        "invalid_record": lambda: students_body(lines(student(30, code, sex="unknown")), 1),
        "foreign_record": lambda: students_body(lines(student(30, "2141009999")), 1),
    }
    body, counts = bodies[case]()
    refused(capsys, pair, crafted(pair.school, pair.bureau, body, counts), f"{case}.bspkt", reject)


def test_a_replay_is_a_reported_no_op_and_a_gap_is_reported(
    capsys: pytest.CaptureFixture[str], pair: Pair
) -> None:
    first = export(pair.school, pair.files, "p1.bspkt")
    export(pair.school, pair.files, "p2.bspkt")
    third = export(pair.school, pair.files, "p3.bspkt")
    assert merge_cli(capsys, pair.bureau, first)[0] == 0
    before = central_dump(pair.bureau)
    code, packet = merge_cli(capsys, pair.bureau, first)
    assert (code, packet["status"], packet["quarantined"]) == (0, "duplicate", None)
    assert central_dump(pair.bureau) == before
    code, packet = merge_cli(capsys, pair.bureau, third)
    assert (code, packet["status"], packet["chain"]) == (0, "merged", "gap")
    assert "have not been received" in packet["reason"]
