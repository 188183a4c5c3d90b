"""Receipts and returns: signed by the bureau, imported and checked by the school."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import NotFoundError, UserError
from app.packets import canonical
from app.packets.keys import fingerprint, raw_public
from app.packets.receipt_document import (
    COUNT_FIELDS,
    Receipt,
    ReceiptError,
    ReceiptRecord,
    read_receipt,
    sign_receipt,
)
from app.services import bureau_keys, receipts
from app.services.receipt_import import flagged_records, import_receipt
from app.services.workspace import Workspace
from db import repo_packets, repo_receipts
from db.records import update_record
from tests.app.merge.helpers import export, merge, rows
from tests.app.packets.conftest import Pair
from tests.app.packets.helpers import PASSPHRASE


def write(bureau: Workspace, out: Path) -> list[receipts.WrittenDocument]:
    return receipts.write_receipts(
        bureau, out, bureau_keys.load_bureau_signing_key(bureau, PASSPHRASE)
    )


def status(school: Workspace, sequence: int) -> str:
    return next(p.status for p in repo_packets.list_exported(school.db) if p.sequence == sequence)


def test_round_trip_school_bureau_receipt_school(pair: Pair, tmp_path: Path) -> None:
    [merged] = merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt")).packets
    [doc] = write(pair.bureau, tmp_path / "out")
    assert doc.path.name == f"{merged.school_code}-0001.bsrcpt" and doc.kind == "receipt"
    body = json.loads(doc.path.read_text(encoding="utf-8"))
    assert body["packet_sha256"] == merged.sha256
    assert body["tables"]["students"] == {
        **dict.fromkeys(body["tables"]["students"], 0),
        "created": 60,
    }
    assert write(pair.bureau, tmp_path / "again") == []  # each receipt is written once
    result = import_receipt(pair.school, doc.path)
    assert (result.packet.status, result.flagged, result.already_imported) == (
        "acknowledged",
        0,
        False,
    )
    assert status(pair.school, 1) == "acknowledged"
    assert import_receipt(pair.school, doc.path).already_imported
    # The acknowledged packet is now the base of an incremental export.
    assert repo_packets.last_acknowledged(pair.school.db) is not None


def test_returned_records_and_packets_are_flagged_at_the_school(pair: Pair, tmp_path: Path) -> None:
    [merged] = merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt")).packets
    student = rows(pair.school, "students")[0]["uuid"]
    count = receipts.return_records(
        pair.bureau.db, merged.sha256 or "", [("students", student, "出生日期有误")], actor="局"
    )
    assert count == 1
    [doc] = write(pair.bureau, tmp_path)
    result = import_receipt(pair.school, doc.path)
    assert result.packet.status == "acknowledged" and result.flagged == 1
    [flag] = flagged_records(pair.school)
    assert (flag.table_name, flag.record_uuid, flag.status, flag.reason) == (
        "students", student, "returned", "出生日期有误",
    )  # fmt: skip
    # A whole-packet return after the receipt travels in its own document.
    receipts.return_records(
        pair.bureau.db, merged.school_code or "", None, reason="重新核对", actor="局"
    )
    [ret] = write(pair.bureau, tmp_path)
    assert ret.kind == "return" and "-return-" in ret.path.name
    assert import_receipt(pair.school, ret.path).packet.status == "returned"
    assert import_receipt(pair.school, doc.path).packet.status == "returned"  # stays returned


def test_a_corrected_record_is_acknowledged_by_the_next_receipt(pair: Pair, tmp_path: Path) -> None:
    [first] = merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt")).packets
    student = rows(pair.school, "students")[0]["uuid"]
    receipts.return_records(
        pair.bureau.db, first.sha256 or "", [("students", student, "姓名")], actor="局"
    )
    import_receipt(pair.school, write(pair.bureau, tmp_path / "1")[0].path)
    with pair.school.db.atomic():
        update_record(pair.school.db, "students", student, {"name": "王小改"}, "clerk")
    merge(pair.bureau, export(pair.school, pair.files, "p2.bspkt"))
    result = import_receipt(pair.school, write(pair.bureau, tmp_path / "2")[0].path)
    assert result.cleared == 1 and flagged_records(pair.school) == []
    flag = repo_receipts.record_status(pair.school.db, "students", student)
    assert flag is not None and flag.status == "acknowledged"


def test_an_uncorrected_record_stays_flagged(pair: Pair, tmp_path: Path) -> None:
    [first] = merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt")).packets
    student = rows(pair.school, "students")[0]["uuid"]
    receipts.return_records(
        pair.bureau.db, first.sha256 or "", [("students", student, "姓名")], actor="局"
    )
    import_receipt(pair.school, write(pair.bureau, tmp_path / "1")[0].path)
    merge(pair.bureau, export(pair.school, pair.files, "p2.bspkt"))
    assert import_receipt(pair.school, write(pair.bureau, tmp_path / "2")[0].path).cleared == 0
    assert [f.record_uuid for f in flagged_records(pair.school)] == [student]


def test_a_changed_receipt_is_refused(pair: Pair, tmp_path: Path) -> None:
    merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt"))
    [doc] = write(pair.bureau, tmp_path)
    data = json.loads(doc.path.read_bytes())
    data["tables"]["students"]["rejected"] = 5
    forged = tmp_path / "forged.bsrcpt"
    forged.write_bytes(canonical.dumps_bytes(data) + b"\n")
    with pytest.raises(ReceiptError, match="signature is not valid"):
        import_receipt(pair.school, forged)
    (tmp_path / "junk.bsrcpt").write_bytes(b"{}")
    with pytest.raises(ReceiptError, match="not a valid Baosong receipt"):
        import_receipt(pair.school, tmp_path / "junk.bsrcpt")
    assert status(pair.school, 1) == "exported"


def test_a_receipt_signed_by_an_untrusted_key_is_refused(pair: Pair, tmp_path: Path) -> None:
    merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt"))
    stranger = ed25519.Ed25519PrivateKey.generate()
    with pytest.raises(UserError, match="current signing key"):
        receipts.write_receipts(pair.bureau, tmp_path, stranger)
    [doc] = write(pair.bureau, tmp_path)
    from app.packets.keys import fingerprint, raw_public
    from app.packets.receipt_document import Receipt, read_receipt, sign_receipt

    own = bureau_keys.bureau_keys(pair.bureau.db)
    assert own is not None
    genuine = read_receipt(doc.path.read_bytes(), {own[0].fingerprint: own[0].public_key})
    fp = fingerprint(raw_public(stranger))
    fake = Receipt(**{**genuine.__dict__, "bureau_signing_fingerprint": fp})
    (tmp_path / "fake.bsrcpt").write_bytes(sign_receipt(fake, stranger))
    with pytest.raises(ReceiptError, match="does not trust"):
        import_receipt(pair.school, tmp_path / "fake.bsrcpt")


def test_a_receipt_for_another_school_or_packet_is_refused(
    pair: Pair, second_school: Workspace, tmp_path: Path
) -> None:
    merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt"))
    [doc] = write(pair.bureau, tmp_path)
    with pytest.raises(ReceiptError, match="not this one"):
        import_receipt(second_school, doc.path)


def test_returns_are_checked(pair: Pair) -> None:
    [merged] = merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt")).packets
    sha = merged.sha256 or ""
    with pytest.raises(NotFoundError):
        receipts.return_records(pair.bureau.db, "0" * 64, None, reason="x", actor="局")
    with pytest.raises(UserError, match="needs a reason"):
        receipts.return_records(pair.bureau.db, sha, None, actor="局")
    with pytest.raises(UserError, match="not a kind of record"):
        receipts.return_records(pair.bureau.db, sha, [("nope", "x", "y")], actor="局")
    with pytest.raises(NotFoundError, match="holds no record"):
        receipts.return_records(pair.bureau.db, sha, [("students", "x", "y")], actor="局")
    assert repo_receipts.pending_returns(pair.bureau.db) == []


def _signed_receipt() -> tuple[bytes, Receipt, dict[str, bytes]]:
    key = ed25519.Ed25519PrivateKey.generate()
    receipt = Receipt(
        kind="receipt", document_uuid="0f8e4c2a-5b1d-4e3f-9a7c-2d6b8e1f4a90",
        issued_at="2026-12-01T08:00:00Z", bureau_signing_fingerprint=fingerprint(raw_public(key)),
        school_code="2141003456", packet_sha256="a" * 64,
        packet_uuid="1f8e4c2a-5b1d-4e3f-9a7c-2d6b8e1f4a90", sequence=3,
        tables={"students": dict.fromkeys(COUNT_FIELDS, 1)},
        records=(ReceiptRecord("students", "2f8e4c2a-5b1d-4e3f-9a7c-2d6b8e1f4a90", "returned", "姓名\n有误", ""),),
        packet_returned=False, return_reason="",
    )  # fmt: skip
    return (
        sign_receipt(receipt, key),
        receipt,
        {receipt.bureau_signing_fingerprint: raw_public(key)},
    )


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_any_changed_byte_of_a_receipt_is_refused(data: st.DataObject) -> None:
    signed, receipt, trusted = _signed_receipt()
    assert read_receipt(signed, trusted) == receipt
    position = data.draw(st.integers(0, len(signed) - 1), label="position")
    changed = bytearray(signed)
    changed[position] ^= data.draw(st.integers(1, 255), label="xor")
    try:
        parsed = read_receipt(bytes(changed), trusted)
    except ReceiptError:
        return
    assert parsed == receipt  # only the final LF changed into other whitespace
