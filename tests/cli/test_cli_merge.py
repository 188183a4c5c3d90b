"""The CLI contract of ``bureau merge``, ``bureau receipts`` and ``school import-receipt``."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import app
from tests.cli import test_cli_packets
from tests.cli.test_cli_packets import PASSPHRASE, Dirs, enrolled, export, run

ROOT = Path(app.__file__).resolve().parent.parent
dirs = test_cli_packets.dirs  # the fixture: a bureau and a school data directory


def merge(
    capsys: pytest.CaptureFixture[str], d: Dirs, *paths: Path | str, dry: bool = False
) -> tuple[int, dict]:  # type: ignore[type-arg]
    extra = ["--dry-run"] if dry else []
    code, out, err = run(
        capsys, "--data-dir", d.bureau, "bureau", "merge", *map(str, paths), "--json", *extra
    )
    assert err == "", err
    return code, json.loads(out)


def dump(data_dir: str) -> list[str]:
    conn = sqlite3.connect(Path(data_dir) / "baosong.sqlite3")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_school_to_bureau_to_receipt_to_school(
    capsys: pytest.CaptureFixture[str], dirs: Dirs
) -> None:
    enrolled(capsys, dirs)
    assert export(capsys, dirs, "p1.bspkt")[0] == 0
    code, dry = merge(capsys, dirs, dirs.usb / "p1.bspkt", dry=True)
    assert code == 0 and dry["dry_run"] is True and dry["packets"][0]["status"] == "merged"
    code, report = merge(capsys, dirs, dirs.usb / "p1.bspkt")
    assert code == 0
    [packet] = report["packets"]
    assert (packet["status"], packet["reason"], packet["sequence"]) == ("merged", None, 1)
    assert packet["tables"]["students"] == {
        "created": 60,
        "updated": 0,
        "unchanged": 0,
        "conflicts": 0,
        "rejected": 0,
    }
    code, again = merge(capsys, dirs, dirs.usb)  # the folder: the same packet again
    assert code == 0 and [p["status"] for p in again["packets"]] == ["duplicate"]
    code, out, _ = run(
        capsys, "--data-dir", dirs.bureau, "bureau", "receipts", "--out", str(dirs.usb / "receipts")
    )
    name = f"{packet['school_code']}-0001.bsrcpt"
    assert code == 0 and name in out and "1 documents written." in out
    code, out, _ = run(
        capsys,
        "--data-dir",
        dirs.school,
        "school",
        "import-receipt",
        str(dirs.usb / "receipts" / name),
    )
    assert code == 0 and "Packet 1 is now acknowledged; 0 records flagged" in out
    code, out, _ = run(
        capsys,
        "--data-dir",
        dirs.bureau,
        "bureau",
        "receipts",
        "--out",
        str(dirs.usb / "r2"),
        "--json",
    )
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, "--data-dir", dirs.school, "packet", "list", "--json")
    assert [p["status"] for p in json.loads(out)] == ["acknowledged"]


def test_a_batch_with_a_bad_file_exits_3_and_still_merges_the_good_one(
    capsys: pytest.CaptureFixture[str],
    dirs: Dirs,
) -> None:
    enrolled(capsys, dirs)
    export(capsys, dirs, "p1.bspkt")
    (dirs.usb / "junk.bspkt").write_bytes(b"not a packet")
    code, report = merge(capsys, dirs, dirs.usb)
    assert code == 3
    by_status = {p["status"]: p for p in report["packets"]}
    assert by_status["rejected"]["code"] == "not_a_packet"
    assert by_status["merged"]["tables"]["students"]["created"] == 60
    quarantined = Path(by_status["rejected"]["quarantined"])
    assert quarantined.read_bytes() == b"not a packet"
    assert "code: not_a_packet" in quarantined.with_name(
        quarantined.name + ".reason.txt"
    ).read_text(encoding="utf-8")


def test_the_text_report_and_a_missing_file(capsys: pytest.CaptureFixture[str], dirs: Dirs) -> None:
    enrolled(capsys, dirs)
    export(capsys, dirs, "p1.bspkt")
    code, out, _ = run(
        capsys,
        "--data-dir",
        dirs.bureau,
        "bureau",
        "merge",
        str(dirs.usb / "p1.bspkt"),
        "--dry-run",
    )
    assert code == 0 and "Dry run: nothing was changed." in out and "would be merged" in out
    assert "students: 60 created, 0 updated" in out
    code, out, _ = run(
        capsys, "--data-dir", dirs.bureau, "bureau", "merge", str(dirs.usb / "nope.bspkt")
    )
    assert code == 3 and "REJECTED" in out and "cannot be read" in out


def test_a_merge_killed_inside_its_transaction_leaves_the_database_as_before(
    capsys: pytest.CaptureFixture[str],
    dirs: Dirs,
) -> None:
    enrolled(capsys, dirs)
    export(capsys, dirs, "p1.bspkt")
    before = dump(dirs.bureau)
    command = [
        sys.executable,
        "-m",
        "app",
        "--lang",
        "en",
        "--data-dir",
        dirs.bureau,
        "bureau",
        "merge",
        str(dirs.usb / "p1.bspkt"),
        "--json",
    ]
    env = {
        **os.environ,
        "BAOSONG_PASSPHRASE": PASSPHRASE,
        "BAOSONG_TEST_CRASH_AFTER_TABLE": "students",
    }
    killed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert killed.returncode == 137, killed.stderr.decode()
    assert dump(dirs.bureau) == before  # students were written, but never committed
    env.pop("BAOSONG_TEST_CRASH_AFTER_TABLE")
    rerun = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    [packet] = json.loads(rerun.stdout)["packets"]
    assert packet["status"] == "merged" and packet["tables"]["students"]["created"] == 60
