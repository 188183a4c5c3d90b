"""Packets read ahead in worker processes: same records, refusals in this process's language,
a worker that dies costs nothing but time, and a school's packets are never read ahead of each
other."""

from __future__ import annotations

import logging
import os
import sqlite3
from typing import Any

import pytest

from app.packets.format import DEFAULT_LIMITS
from app.packets.packet_reader import (
    VerifiedPacket,
    read_envelope,
    read_packet_file,
    verify_envelope,
)
from app.packets.rejection import PacketRejected, RejectCode
from app.services import bureau_intake, bureau_keys
from app.services.bureau_keys import school_key_lookup
from app.services.merge import StagedPacket
from app.services.packet_reading import (
    READER_NICENESS,
    WORKER_EXIT_ENV,
    PacketReader,
    read_staged,
)
from app.services.workspace import Workspace
from tests.app.merge.helpers import central_dump, export, merge, rows, school_rows
from tests.app.packets.conftest import Pair
from tests.app.packets.helpers import PASSPHRASE

LIMITS = DEFAULT_LIMITS


def verified(pair: Pair, name: str) -> VerifiedPacket:
    data = read_packet_file(export(pair.school, pair.files, name))
    return verify_envelope(read_envelope(data), school_key_lookup(pair.bureau.db))


def test_the_worker_reads_what_this_process_would(pair: Pair) -> None:
    keys = bureau_keys.load_bureau_decryption_keys(pair.bureau, PASSPHRASE)
    packet = verified(pair, "p1.bspkt")
    with PacketReader(keys, LIMITS, workers=1) as reader:
        assert reader.in_worker
        tables = reader.start(packet).result()
        assert reader.in_worker
    here = read_staged(packet, keys, LIMITS)
    assert tables.counts == here.counts
    assert image_rows(tables) == image_rows(here)
    assert len(image_rows(tables)["students"]) == len(rows(pair.school, "students"))


def image_rows(staged: StagedPacket) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of a staged packet's database image, table by table."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(staged.image)
        return {
            name: conn.execute(f"SELECT * FROM {name} ORDER BY uuid").fetchall()
            for name in staged.counts
        }
    finally:
        conn.close()


def test_a_refusal_in_the_worker_is_raised_here_in_this_process_language(pair: Pair) -> None:
    packet = verified(pair, "p1.bspkt")
    with PacketReader({}, LIMITS, workers=1) as reader:  # no key: wrong bureau key
        pending = reader.start(packet)
        with pytest.raises(PacketRejected) as refused:
            pending.result()
    assert refused.value.code is RejectCode.WRONG_BUREAU_KEY
    assert refused.value.what.isascii()  # the tests' language is English; the worker's is not set


def test_two_schools_in_one_intake_merge_as_they_would_one_by_one(
    pair: Pair, second_school: Workspace
) -> None:
    a = export(pair.school, pair.files, "a1.bspkt")
    b = export(second_school, pair.files, "b1.bspkt")
    report = merge(pair.bureau, a, b)
    assert [p.status for p in report.packets] == ["merged", "merged"]
    for school in (pair.school, second_school):
        for table in ("classes", "students", "fitness_tests"):
            assert school_rows(pair.bureau, school, table) == rows(school, table)


def test_a_refused_packet_read_ahead_leaves_the_merged_one_alone(
    pair: Pair, second_school: Workspace
) -> None:
    a = export(pair.school, pair.files, "a1.bspkt")
    b = export(second_school, pair.files, "b1.bspkt")
    data = bytearray(b.read_bytes())
    data[-10] ^= 0x01  # a flipped byte in the body: refused before decryption
    b.write_bytes(bytes(data))
    report = merge(pair.bureau, a, b)
    outcome = {p.file.name: (p.status, p.code) for p in report.packets}
    assert outcome == {"a1.bspkt": ("merged", None), "b1.bspkt": ("rejected", "body_hash")}
    assert school_rows(pair.bureau, pair.school, "students") == rows(pair.school, "students")
    assert school_rows(pair.bureau, second_school, "students") == []


def test_a_worker_that_dies_is_replaced_by_reading_here(
    pair: Pair,
    second_school: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    a = export(pair.school, pair.files, "a1.bspkt")
    b = export(second_school, pair.files, "b1.bspkt")
    monkeypatch.setenv(WORKER_EXIT_ENV, "1")  # inherited by the worker, which exits at once
    with caplog.at_level(logging.WARNING, logger="app.services.packet_reading"):
        report = merge(pair.bureau, a, b)
    assert [p.status for p in report.packets] == ["merged", "merged"]
    assert "reading in this process" in caplog.text
    before = central_dump(pair.bureau)
    assert merge(pair.bureau, a, b).packets[0].status == "duplicate"
    assert central_dump(pair.bureau) == before


def test_two_packets_are_read_ahead_while_one_merges(
    pair: Pair,
    second_school: Workspace,
    third_school: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = [
        export(school, pair.files, f"{name}1.bspkt")
        for school, name in ((pair.school, "a"), (second_school, "b"), (third_school, "c"))
    ]
    started: list[str] = []
    merging: list[str] = []
    start, commit = PacketReader.start, bureau_intake._commit

    def noting_start(reader: PacketReader, packet: VerifiedPacket) -> Any:
        started.append(f"read {packet.header.school_code}")
        return start(reader, packet)

    def noting_commit(batch: Any, result: Any, header: Any, *args: Any) -> None:
        merging.append(header.school_code)
        started.append(f"merge {header.school_code}")
        commit(batch, result, header, *args)

    monkeypatch.setattr(PacketReader, "start", noting_start)
    monkeypatch.setattr(bureau_intake, "_commit", noting_commit)
    report = merge(pair.bureau, *files)
    assert [p.status for p in report.packets] == ["merged"] * 3
    first, second, third = merging
    # All three were being read before the first merged.
    assert started[:4] == [f"read {first}", f"read {second}", f"read {third}", f"merge {first}"]
    for school in (pair.school, second_school, third_school):
        assert school_rows(pair.bureau, school, "students") == rows(school, "students")


def test_a_schools_next_packet_is_not_read_ahead_of_its_previous_one(
    pair: Pair, second_school: Workspace
) -> None:
    # While a1 merges, b1 is read ahead; b2 must wait for b1's merge, or it would look like a
    # packet after a gap in b's chain.
    a1 = export(pair.school, pair.files, "a1.bspkt")
    b1 = export(second_school, pair.files, "b1.bspkt")
    b2 = export(second_school, pair.files, "b2.bspkt")
    report = merge(pair.bureau, a1, b1, b2)
    assert [(p.file.name, p.status, p.chain) for p in report.packets] == [
        ("a1.bspkt", "merged", "first"),
        ("b1.bspkt", "merged", "first"),
        ("b2.bspkt", "merged", "next"),
    ]


@pytest.mark.parametrize(
    ("packets", "cores", "workers"),
    [(1, 8, 0), (2, 8, 1), (3, 8, 2), (50, 8, 2), (50, 2, 2), (50, 1, 1), (50, None, 1)],
)
def test_packets_are_read_in_one_worker_per_core_up_to_a_cap(
    packets: int, cores: int | None, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bureau_intake.os, "cpu_count", lambda: cores)
    assert bureau_intake.reader_workers(packets) == workers


@pytest.mark.skipif(not hasattr(os, "nice"), reason="POSIX priorities")
def test_readers_run_at_a_lower_priority_than_the_merge() -> None:
    with PacketReader({}, LIMITS, workers=1) as reader:
        assert reader._pool is not None
        niceness = reader._pool.submit(os.nice, 0).result()
    assert niceness == min(os.nice(0) + READER_NICENESS, 19)
