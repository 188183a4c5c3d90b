"""Building blocks for packet tests: keys, a registry, valid records and hand-made bodies."""

from __future__ import annotations

import io
import uuid as uuid_mod
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519

from app.packets.keys import fingerprint, raw_public
from app.packets.packet_reader import SignerKey
from app.packets.packet_writer import PacketDraft, SealedPacket, build_body, seal

SCHOOL_A = "2141003456"
SCHOOL_B = "2141009999"
PASSPHRASE = "correct horse battery staple"


@dataclass(frozen=True)
class Enrolled:
    """A registry entry as the bureau holds it (same shape as db.repo_keys.RegistryKey)."""

    fingerprint: str
    school_code: str
    public_key: bytes
    status: str = "active"


def enrolled(key: ed25519.Ed25519PrivateKey, school: str, status: str = "active") -> Enrolled:
    raw = raw_public(key)
    return Enrolled(fingerprint(raw), school, raw, status)


def registry(*entries: Enrolled) -> Callable[[str], SignerKey | None]:
    by_fp = {e.fingerprint: e for e in entries}
    return by_fp.get


def bureau_keyring(key: x25519.X25519PrivateKey) -> dict[str, x25519.X25519PrivateKey]:
    return {fingerprint(raw_public(key)): key}


def _uuid(n: int) -> str:
    return str(uuid_mod.UUID(int=n, version=4))


def meta(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "uuid": _uuid(n),
        "revision": 1,
        "updated_at": "2025-12-01T02:10:44.123456Z",
        "updated_by": "clerk",
        "deleted": False,
        **extra,
    }


def student(n: int, school: str = SCHOOL_A, **changes: Any) -> dict[str, Any]:
    return (
        meta(
            n,
            school_code=school,
            student_no=f"L4103082016030900{n:02d}",
            name="王小明",
            sex="male",
            birth_date="2016-03-09",
            ethnicity_code="01",
            id_number=None,
            class_uuid=_uuid(2),
            status="enrolled",
            pe_exempt=False,
            pe_exempt_reason="",
        )
        | changes
    )


def sample_records(school: str = SCHOOL_A) -> dict[str, list[dict[str, Any]]]:
    return {
        "schools": [
            meta(1, code=school, name="孟津区城关镇第一小学", district="410308", stage="primary")
        ],
        "classes": [
            meta(
                2,
                school_code=school,
                grade_code=13,
                class_no=2,
                name="三年级(2)班",
                head_teacher="李老师",
                graduated=False,
            )
        ],
        "students": [student(10, school), student(11, school, name='张\n"小红"', sex="female")],
        "student_events": [
            meta(
                20,
                student_uuid=_uuid(10),
                kind="transfer_in",
                date="2025-09-01",
                note="",
                old_value="",
                new_value="",
            )
        ],
    }


def draft(school: str = SCHOOL_A, **changes: Any) -> PacketDraft:
    base = PacketDraft(
        packet_uuid=str(uuid_mod.uuid4()),
        school_code=school,
        school_name="孟津区城关镇第一小学",
        terms=("2025-2026-1",),
        sequence=1,
        prev_sha256=None,
        base_sha256=None,
        mode="full",
        created_at="2025-12-20T08:30:00Z",
        app_version="0.1.0",
        schema_version="0002_keys_and_packets",
    )
    return replace(base, **changes)


def jsonl_zip(entries: Iterable[tuple[str, bytes]], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def seal_body(
    body: bytes,
    counts: dict[str, int],
    signer: ed25519.Ed25519PrivateKey,
    bureau: x25519.X25519PrivateKey,
    school: str = SCHOOL_A,
) -> SealedPacket:
    """A correctly signed and encrypted packet around an arbitrary (possibly hostile) body."""
    return seal(draft(school), body, counts, signing_key=signer, bureau_key=bureau.public_key())


def valid_body(school: str = SCHOOL_A) -> tuple[bytes, dict[str, int]]:
    return build_body(sample_records(school), school)
