"""Intake of real packets from real school workspaces into a real bureau."""

from __future__ import annotations

import json

import pytest

from app.errors import Cancelled
from app.packets import sync_tables
from app.services import bureau_keys
from app.services.bureau_intake import intake_packets
from app.services.district.caches import refresh_district_caches, stale_schools
from app.services.workspace import Workspace, require_school
from db import repo_packets
from db.records import changes_after, tombstone_record, update_record, verify_audit_chain
from tests.app.merge.helpers import central_dump, export, merge, rows, school_rows
from tests.app.packets.conftest import Pair
from tests.app.packets.helpers import PASSPHRASE


def test_a_full_packet_round_trips_into_the_central_database(pair: Pair) -> None:
    path = export(pair.school, pair.files, "p1.bspkt")
    report = merge(pair.bureau, path)
    [result] = report.packets
    assert (result.status, result.code, result.chain) == ("merged", None, "first")
    for table in sync_tables.TABLES:
        assert rows(pair.bureau, table.name) == rows(pair.school, table.name), table.name
        counts = result.tables[table.name]
        assert counts.created == len(rows(pair.school, table.name))
        assert counts.updated == counts.unchanged == counts.conflicts == counts.rejected == 0
    assert result.issues == []
    assert verify_audit_chain(pair.bureau.db) is None
    # One create_many entry per table with new records, naming the packet; one row per record
    # in the view the district caches read.
    entries = list(pair.bureau.db.query("SELECT * FROM audit_log ORDER BY id"))
    created = {n for n, c in result.tables.items() if c.created}
    assert sorted(e["table_name"] for e in entries) == sorted(created)
    for e in entries:
        assert (e["action"], e["record_uuid"], e["old"]) == ("create_many", "", None)
        content = json.loads(e["new"])
        assert content["source"] == f"packet {result.sha256}"
        assert sorted(content["uuids"]) == sorted(
            r["uuid"] for r in rows(pair.school, e["table_name"])
        )
    changes = pair.bureau.db.execute("SELECT count(*) FROM audit_record_changes").fetchone()[0]
    assert changes == sum(c.created for c in result.tables.values())
    entry = repo_packets.ledger_entry(pair.bureau.db, result.sha256 or "")
    assert entry is not None and entry.status == "merged" and entry.sequence == 1
    assert report.backup is not None and report.backup.exists()


def test_merging_the_same_packet_twice_gives_the_same_database(pair: Pair) -> None:
    path = export(pair.school, pair.files, "p1.bspkt")
    merge(pair.bureau, path)
    once = pair.bureau.db.conn.iterdump()
    again = merge(pair.bureau, path, pair.files)  # the file, and its folder, once more
    assert [p.status for p in again.packets] == ["duplicate"]  # the folder holds the same file
    assert "Already merged" in (again.packets[0].reason or "")
    assert list(pair.bureau.db.conn.iterdump()) == list(once)
    assert again.backup is None  # nothing to commit, no backup taken


def test_a_second_packet_with_the_same_records_changes_nothing(pair: Pair) -> None:
    merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt"))
    before = rows(pair.bureau, "students")
    [result] = merge(pair.bureau, export(pair.school, pair.files, "p2.bspkt")).packets
    assert (result.status, result.chain) == ("merged", "next")
    assert all(c.created == c.updated == 0 for c in result.tables.values())
    assert result.tables["students"].unchanged == len(before)
    assert rows(pair.bureau, "students") == before


def test_a_dry_run_reports_the_counts_and_changes_nothing(pair: Pair) -> None:
    first = export(pair.school, pair.files, "p1.bspkt")
    second = export(pair.school, pair.files, "p2.bspkt")
    before = list(pair.bureau.db.conn.iterdump())
    report = merge(pair.bureau, second, first, dry_run=True)
    assert report.dry_run and report.backup is None
    # Ordered by sequence whatever the order given; the second sees the first as merged.
    assert [(p.sequence, p.status, p.chain) for p in report.packets] == [
        (1, "merged", "first"),
        (2, "merged", "next"),
    ]
    assert report.packets[0].tables["students"].created == 60
    assert report.packets[1].tables["students"].unchanged == 60
    assert list(pair.bureau.db.conn.iterdump()) == before
    assert not pair.bureau.paths.quarantine.exists()


def test_changes_and_tombstones_travel_in_an_incremental_packet(pair: Pair) -> None:
    first = export(pair.school, pair.files, "p1.bspkt")
    merge(pair.bureau, first)
    ack = repo_packets.list_exported(pair.school.db)[0]
    repo_packets.set_exported_status(pair.school.db, ack.packet_uuid, "acknowledged", "now")
    students = rows(pair.school, "students")
    db = pair.school.db
    with db.atomic():
        update_record(db, "students", students[1]["uuid"], {"name": "改名字"}, "t")
        tombstone_record(db, "students", students[2]["uuid"], "t")
    [result] = merge(
        pair.bureau, export(pair.school, pair.files, "p2.bspkt", incremental=True)
    ).packets
    assert result.status == "merged"
    assert result.tables["students"].updated == 2
    central = {r["uuid"]: r for r in rows(pair.bureau, "students")}
    assert central[students[1]["uuid"]]["name"] == "改名字"
    assert central[students[2]["uuid"]]["deleted"] == 1  # the tombstone stays as a row
    assert rows(pair.bureau, "students") == rows(pair.school, "students")
    # Each record the packet changed at the bureau is audited with its old and new values.
    updates = {
        r["record_uuid"]: (json.loads(r["old"]), json.loads(r["new"]))
        for r in pair.bureau.db.query("SELECT * FROM audit_log WHERE action = 'update'")
    }
    assert updates == {
        students[1]["uuid"]: ({"name": students[1]["name"]}, {"name": "改名字"}),
        students[2]["uuid"]: ({"deleted": 0}, {"deleted": 1}),
    }
    assert verify_audit_chain(pair.bureau.db) is None


def test_an_incremental_packet_needs_its_base_merged(pair: Pair) -> None:
    export(pair.school, pair.files, "p1.bspkt")  # never merged
    ack = repo_packets.list_exported(pair.school.db)[0]
    repo_packets.set_exported_status(pair.school.db, ack.packet_uuid, "acknowledged", "now")
    path = export(pair.school, pair.files, "p2.bspkt", incremental=True)
    [result] = merge(pair.bureau, path).packets
    assert (result.status, result.code) == ("rejected", "missing_base")


def test_a_gap_is_merged_and_reported_and_the_missing_packet_is_then_stale(pair: Pair) -> None:
    p1 = export(pair.school, pair.files, "p1.bspkt")
    p2 = export(pair.school, pair.files, "p2.bspkt")
    p3 = export(pair.school, pair.files, "p3.bspkt")
    merge(pair.bureau, p1)
    [gap] = merge(pair.bureau, p3).packets
    assert (gap.status, gap.chain) == ("merged", "gap")
    assert gap.reason is not None and "2 to 2" in gap.reason
    before = central_dump(pair.bureau)
    [late] = merge(pair.bureau, p2).packets
    assert (late.status, late.code) == ("rejected", "stale")
    assert central_dump(pair.bureau) == before
    assert late.quarantined is not None and late.quarantined.exists()


def test_a_first_packet_that_is_not_number_one_is_a_gap(pair: Pair) -> None:
    export(pair.school, pair.files, "p1.bspkt")
    [result] = merge(pair.bureau, export(pair.school, pair.files, "p2.bspkt")).packets
    assert (result.status, result.chain) == ("merged", "gap")


def test_a_packet_refused_once_can_be_merged_after_the_cause_is_fixed(pair: Pair) -> None:
    path = export(pair.school, pair.files, "p1.bspkt")
    # The school's key is (wrongly) marked rotated at the bureau, then put right: the packet
    # refused for it is merged the second time and its ledger row says so.
    pair.bureau.db.execute("UPDATE school_registry SET status = 'rotated'")
    [refused] = merge(pair.bureau, path).packets
    assert refused.code == "rotated_key"
    pair.bureau.db.execute("UPDATE school_registry SET status = 'active'")
    [merged] = merge(pair.bureau, path).packets
    assert merged.status == "merged"
    entry = repo_packets.ledger_entry(pair.bureau.db, merged.sha256 or "")
    assert entry is not None and entry.status == "merged" and entry.reason == ""


def test_progress_is_reported_and_cancelling_stops_before_the_next_packet(pair: Pair) -> None:
    paths = [export(pair.school, pair.files, f"p{n}.bspkt") for n in (1, 2)]
    keys = bureau_keys.load_bureau_decryption_keys(pair.bureau, PASSPHRASE)
    seen: list[tuple[int, int]] = []
    calls = iter([False, True])
    with pytest.raises(Cancelled):
        intake_packets(
            pair.bureau,
            paths,
            decryption_keys=keys,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: next(calls),
        )
    assert seen == [(1, 2)]
    assert repo_packets.last_merged(pair.bureau.db, require_school(pair.school.db).code)


def test_the_records_of_two_schools_live_side_by_side(pair: Pair, second_school: Workspace) -> None:
    merge(pair.bureau, export(pair.school, pair.files, "a1.bspkt"))
    merge(pair.bureau, export(second_school, pair.files, "b1.bspkt"))
    for school in (pair.school, second_school):
        for table in ("classes", "students"):
            assert school_rows(pair.bureau, school, table) == rows(school, table)
    total = len(rows(pair.school, "students")) + len(rows(second_school, "students"))
    assert len(rows(pair.bureau, "students")) == total


def test_the_district_caches_see_the_school_a_merge_brought(pair: Pair) -> None:
    db = pair.bureau.db
    assert refresh_district_caches(db) == 0
    mark = repo_packets.audit_mark(db)
    [result] = merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt")).packets
    assert changes_after(db, mark) == sum(c.created for c in result.tables.values())
    assert stale_schools(db)[0] == [require_school(pair.school.db).code]
    assert refresh_district_caches(db) == 1
    assert refresh_district_caches(db) == 0
