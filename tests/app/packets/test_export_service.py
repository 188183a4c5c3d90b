"""Exporting packets from a real school workspace and reading them at a real bureau."""

from __future__ import annotations

from typing import Any

import pytest

from app.errors import UserError
from app.packets import sync_tables
from app.packets.packet_reader import PacketContents, open_packet, read_packet_file
from app.packets.sequence import ChainPoint, SequenceState, sequence_state
from app.services import bureau_keys, keys_service, packet_export
from app.services.workspace import Workspace
from db import repo_packets
from db.records import tombstone_record, update_record
from tests.app.packets.conftest import Pair, ask
from tests.app.packets.helpers import PASSPHRASE

TERM = "2026-2027-1"


def export(pair: Pair, name: str, *, incremental: bool = False) -> packet_export.ExportResult:
    plan = packet_export.plan_export(pair.school.db, term=TERM, incremental=incremental)
    key = keys_service.load_school_key(pair.school, PASSPHRASE)
    return packet_export.export_packet(pair.school, plan, signing_key=key, out=pair.files / name)


def read_at_bureau(pair: Pair, result: packet_export.ExportResult) -> PacketContents:
    assert result.out is not None
    return open_packet(
        read_packet_file(result.out),
        school_keys=bureau_keys.school_key_lookup(pair.bureau.db),
        bureau_keys=bureau_keys.load_bureau_decryption_keys(pair.bureau, PASSPHRASE),
    )


def db_rows(ws: Workspace, table: str) -> list[dict[str, Any]]:
    spec = sync_tables.TABLES_BY_NAME[table]
    cols = ", ".join(spec.all_columns)
    return list(ws.db.query(f"SELECT {cols} FROM {table} ORDER BY uuid"))


def test_a_full_packet_carries_exactly_the_school_rows(pair: Pair) -> None:
    result = export(pair, "p1.bspkt")
    contents = read_at_bureau(pair, result)
    assert contents.header.mode == "full" and contents.header.terms == (TERM,)
    for table in sync_tables.TABLES:
        got = [table.row_from_record(r) for r in contents.records[table.name]]
        assert got == db_rows(pair.school, table.name), table.name
    assert contents.header.counts["students"] == 60
    assert result.out is not None and result.out.read_bytes() == result.path.read_bytes()
    assert result.path.parent == pair.school.paths.exports
    history = packet_export.list_packets(pair.school.db)
    assert [(p.sequence, p.status, p.sha256) for p in history] == [(1, "exported", contents.sha256)]


def test_sequence_numbers_increase_and_each_packet_names_the_previous_one(pair: Pair) -> None:
    first = export(pair, "p1.bspkt")
    second = export(pair, "p2.bspkt")
    third = export(pair, "p3.bspkt")
    assert [r.header.sequence for r in (first, second, third)] == [1, 2, 3]
    assert first.header.prev_sha256 is None
    assert second.header.prev_sha256 == first.packet.sha256
    assert third.header.prev_sha256 == second.packet.sha256
    last = ChainPoint(first.packet.sequence, first.packet.sha256)
    assert sequence_state(second.header, last) is SequenceState.NEXT
    assert sequence_state(third.header, last) is SequenceState.GAP
    assert sequence_state(first.header, None) is SequenceState.FIRST
    assert sequence_state(first.header, last) is SequenceState.STALE
    assert read_at_bureau(pair, third).header.sequence == 3


def test_an_incremental_packet_holds_only_what_changed_since_the_acknowledged_one(
    pair: Pair,
) -> None:
    with pytest.raises(UserError, match="acknowledged"):
        packet_export.plan_export(pair.school.db, term=TERM, incremental=True)
    first = export(pair, "p1.bspkt")
    export(pair, "p2.bspkt")  # exported, never acknowledged
    packet_export.set_packet_status(pair.school.db, first.packet.packet_uuid, "acknowledged")
    db = pair.school.db
    # Students with no exemption reason, so that clearing it below really changes nothing (the
    # demo exempts a few students, and which come first by uuid varies from run to run).
    students = [s for s in db_rows(pair.school, "students") if s["pe_exempt_reason"] == ""]
    classes = db_rows(pair.school, "classes")
    with db.atomic():
        update_record(db, "students", students[0]["uuid"], {"pe_exempt_reason": ""}, "t")  # no-op
        update_record(db, "students", students[1]["uuid"], {"name": "改名字"}, "t")
        tombstone_record(db, "students", students[2]["uuid"], "t")
        update_record(db, "classes", classes[0]["uuid"], {"head_teacher": "赵老师"}, "t")
    result = export(pair, "p3.bspkt", incremental=True)
    assert result.header.mode == "incremental"
    assert result.header.base_sha256 == first.packet.sha256
    assert result.header.prev_sha256 is not None and result.header.sequence == 3
    contents = read_at_bureau(pair, result)
    assert {r["uuid"] for r in contents.records["students"]} == {
        students[1]["uuid"],
        students[2]["uuid"],
    }
    assert [r["uuid"] for r in contents.records["classes"]] == [classes[0]["uuid"]]
    assert contents.records["schools"] == [] and contents.records["student_events"] == []
    gone = next(r for r in contents.records["students"] if r["uuid"] == students[2]["uuid"])
    assert gone["deleted"] is True and gone["revision"] == 2
    # The next incremental, with the same ack, still holds them (cumulative since the ack).
    again = read_at_bureau(pair, export(pair, "p4.bspkt", incremental=True))
    assert again.header.counts == result.header.counts


def test_export_refuses_without_a_trusted_bureau(workspace: Workspace) -> None:
    from app.services.demo import create_demo_school

    create_demo_school(workspace.db, students=5, seed=4, actor="t")
    key = keys_service.ensure_school_key(workspace, ask)
    plan = packet_export.plan_export(workspace.db, term=TERM)
    with pytest.raises(UserError, match="trust"):
        packet_export.export_packet(workspace, plan, signing_key=key)


def test_a_failed_write_leaves_no_history_and_no_file(pair: Pair) -> None:
    (pair.files / "taken.bspkt").write_bytes(b"keep me")
    plan = packet_export.plan_export(pair.school.db, term=TERM)
    key = keys_service.load_school_key(pair.school, PASSPHRASE)
    with pytest.raises(UserError, match="already exists"):
        packet_export.export_packet(
            pair.school, plan, signing_key=key, out=pair.files / "taken.bspkt"
        )
    assert (pair.files / "taken.bspkt").read_bytes() == b"keep me"
    assert packet_export.list_packets(pair.school.db) == []
    assert list(pair.school.paths.exports.glob("*.bspkt")) == []
    assert export(pair, "ok.bspkt").header.sequence == 1


def test_only_the_current_school_key_may_sign(pair: Pair) -> None:
    from cryptography.hazmat.primitives.asymmetric import ed25519

    plan = packet_export.plan_export(pair.school.db, term=TERM)
    with pytest.raises(UserError, match="current signing key"):
        packet_export.export_packet(
            pair.school, plan, signing_key=ed25519.Ed25519PrivateKey.generate()
        )


def test_the_packet_status_can_be_set_and_is_checked(pair: Pair) -> None:
    first = export(pair, "p1.bspkt")
    returned = packet_export.set_packet_status(pair.school.db, first.packet.packet_uuid, "returned")
    assert returned.status == "returned" and returned.status_at
    with pytest.raises(UserError):
        packet_export.set_packet_status(pair.school.db, first.packet.packet_uuid, "lost")
    with pytest.raises(UserError):
        packet_export.set_packet_status(pair.school.db, "no-such-packet", "acknowledged")
    assert repo_packets.last_acknowledged(pair.school.db) is None
