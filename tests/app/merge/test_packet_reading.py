"""Packets read ahead in a worker process: same records, refusals in this process's language,
and a worker that dies costs nothing but time."""

from __future__ import annotations

import logging
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
from app.services import bureau_keys
from app.services.bureau_keys import school_key_lookup
from app.services.merge import StagedPacket
from app.services.packet_reading import WORKER_EXIT_ENV, PacketReader, read_staged
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
    with PacketReader(keys, LIMITS, in_worker=True) as reader:
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
    with PacketReader({}, LIMITS, in_worker=True) as reader:  # no key: wrong bureau key
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
