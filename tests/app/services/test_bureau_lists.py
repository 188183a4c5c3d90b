"""The bureau pages' read-only lists, on a real bureau that merged a real packet."""

from __future__ import annotations

from pathlib import Path

from app.services import receipts
from app.services.bureau_keys import load_bureau_signing_key
from app.services.bureau_lists import (
    last_merged_packets,
    merged_packets,
    pending_return_count,
    returnable_records,
)
from app.services.workspace import require_school
from tests.app.merge.helpers import TERM, export, merge, rows
from tests.app.packets.conftest import Pair, bureau_ws, pair  # noqa: F401 (fixtures)
from tests.app.packets.helpers import PASSPHRASE


def test_merged_packets_receipts_and_returns(pair: Pair, tmp_path: Path) -> None:  # noqa: F811
    assert merged_packets(pair.bureau.db) == [] and last_merged_packets(pair.bureau.db) == {}
    [result] = merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt")).packets
    school = require_school(pair.school.db)
    [packet] = merged_packets(pair.bureau.db, unwritten_only=True)
    assert (packet.sha256, packet.school_code, packet.school_name, packet.sequence) == (
        result.sha256,
        school.code,
        school.name,
        1,
    )
    assert packet.terms == (TERM,) and packet.receipt_written_at is None
    assert packet.tables[:3] == ("schools", "classes", "students")  # parents first
    assert set(packet.tables) == {n for n, c in result.tables.items() if c.created}
    assert last_merged_packets(pair.bureau.db) == {school.code: packet}

    students = returnable_records(pair.bureau.db, school.code, packet.terms, "students")
    first = rows(pair.school, "students")[0]
    mine = next(r for r in students if r.uuid == first["uuid"])
    assert mine.label == f"{first['name']} · {first['student_no']}"
    assert len(students) == len(rows(pair.school, "students"))
    assert returnable_records(pair.bureau.db, "2141000000", packet.terms, "students") == []
    assert returnable_records(pair.bureau.db, school.code, packet.terms, "no_such_table") == []

    receipts.return_records(
        pair.bureau.db, packet.sha256, [("students", mine.uuid, "姓名有误")], actor="局"
    )
    assert pending_return_count(pair.bureau.db) == 1
    assert merged_packets(pair.bureau.db)[0].returns_pending == 1
    key = load_bureau_signing_key(pair.bureau, PASSPHRASE)
    receipts.write_receipts(pair.bureau, tmp_path, key)
    assert merged_packets(pair.bureau.db, unwritten_only=True) == []
    [written] = merged_packets(pair.bureau.db)
    assert written.receipt_written_at and written.receipt_file
    assert pending_return_count(pair.bureau.db) == 0
