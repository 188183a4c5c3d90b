"""Packet-ledger, receipt, return and registry rows for the submission matrix tests, written
through the repositories the bureau intake and the receipts service use.

Terms: 2025-2026-2 (due 2026-08-14 by default, past on TODAY) and 2026-2027-1 (due 2027-02-14).

* P: #1 of 2025-2026-2 received 2026-08-14 15:59:59Z (23:59:59 in China: on time), receipt
  written → acknowledged; #2 of 2026-2027-1 merged, no receipt yet → submitted.
* J: #1 of 2025-2026-2 received 2026-08-14 16:00:00Z (00:00 on the 15th in China) → late,
  acknowledged; #3 of 2026-2027-1 merged and returned whole → returned; #2 never arrived (a
  gap); #4 refused (the last packet received).
* N: nothing for 2025-2026-2 → missing and late; #1 of 2026-2027-1 with one record returned.
* SILENT: enrolled only → missing everywhere.
"""

from __future__ import annotations

import hashlib

from app.packets.format import PacketHeader
from db import repo_keys, repo_packets, repo_receipts
from db.repo_packets import LedgerEntry
from db.repo_receipts import StoredReceipt
from tests.app.district.district_fixture import DISTRICT, SILENT, District

SPRING, AUTUMN = "2025-2026-2", "2026-2027-1"


def _sha(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def packet(
    district: District,
    key: str,
    sequence: int,
    term: str,
    received_at: str,
    *,
    status: str = "merged",
    receipt_written: bool = False,
) -> str:
    code = district.codes[key]
    sha = _sha(code, sequence, status)
    header = PacketHeader(
        packet_uuid=_uuid(sequence), school_code=code, school_name=district.names[code],
        terms=(term,), sequence=sequence, prev_sha256=None if sequence == 1 else _sha("prev"),
        base_sha256=None, mode="full", created_at=received_at[:19] + "Z", app_version="0.1",
        schema_version="8", counts={"students": 1}, body_sha256=_sha("body"),
        school_key_fingerprint=_sha("key"), bureau_key_id=_sha("bureau"),
    )  # fmt: skip
    db = district.ws.db
    with db.atomic():
        repo_packets.add_ledger_entry(
            db,
            LedgerEntry(
                sha,
                code,
                sequence,
                header.packet_uuid,
                status,
                "signature" if status == "rejected" else "",
                "",
                received_at,
                {},
                header.to_bytes().decode("utf-8"),
            ),
        )
        if status == "merged":
            repo_receipts.add_receipt(db, StoredReceipt(sha, code, sequence, header.packet_uuid,
                                                        "{}", received_at, None, None))  # fmt: skip
            if receipt_written:
                repo_receipts.mark_receipt_written(
                    db, sha, f"{code}-{sequence}.receipt", received_at
                )
    return sha


def enrol(district: District, code: str, name: str) -> None:
    with district.ws.db.atomic():
        repo_keys.enroll_key(district.ws.db, fingerprint=_sha("fp", code), school_code=code,
                             school_name=name, district=DISTRICT, public_key=b"\x01" * 32,
                             document="{}", at="2026-06-01T00:00:00.000000Z")  # fmt: skip


def add_packets(district: District) -> None:
    db = district.ws.db
    for key in ("P", "J", "N"):
        enrol(district, district.codes[key], district.names[district.codes[key]])
    enrol(district, SILENT[0], SILENT[1])
    packet(district, "P", 1, SPRING, "2026-08-14T15:59:59.000000Z", receipt_written=True)
    packet(district, "P", 2, AUTUMN, "2026-11-20T02:00:00.000000Z")
    packet(district, "J", 1, SPRING, "2026-08-14T16:00:00.000000Z", receipt_written=True)
    returned = packet(district, "J", 3, AUTUMN, "2026-11-10T02:00:00.000000Z", receipt_written=True)
    packet(district, "J", 4, AUTUMN, "2026-11-25T02:00:00.000000Z", status="rejected")
    one = packet(district, "N", 1, AUTUMN, "2026-11-18T02:00:00.000000Z", receipt_written=True)
    kid = district.of("N")[0]
    with db.atomic():
        repo_receipts.add_returns(db, returned, [(None, None, "名单不全")], "clerk",
                                  "2026-11-12T00:00:00.000000Z")  # fmt: skip
        repo_receipts.add_returns(db, one, [("students", kid.uuid, "出生日期有误")], "clerk",
                                  "2026-11-19T00:00:00.000000Z")  # fmt: skip
