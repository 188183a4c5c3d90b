"""Checkpoints in a background thread: every commit reaches the database file, and the WAL stays
within its limit however many commits there are."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from db import connect, wal_checkpoints
from db.wal_checkpoints import BackgroundCheckpoints

PAGE = 4096
ROWS_PER_COMMIT = 200  # ~100 pages of 2 KB rows


def _commit_rows(db_conn: sqlite3.Connection, start: int) -> None:
    db_conn.execute("BEGIN")
    db_conn.executemany(
        "INSERT INTO t (n, body) VALUES (?, ?)",
        [(n, os.urandom(1000).hex()) for n in range(start, start + ROWS_PER_COMMIT)],
    )
    db_conn.execute("COMMIT")


def _bulk_database(tmp_path: Path) -> tuple[Path, Database]:
    path = tmp_path / "bulk.sqlite3"
    db = connect(path)
    db.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, body TEXT)")
    return path, db


def _wal_bytes(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


@pytest.fixture
def slow_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The thread's checkpoints take a while (as on a slow disk), so the writer always runs
    ahead of them and the WAL is never all copied back when a write begins, by chance."""
    checkpoint = wal_checkpoints._checkpoint

    def slow(conn: sqlite3.Connection) -> None:
        if threading.current_thread().name == "wal-checkpoints":
            time.sleep(0.02)
        checkpoint(conn)

    monkeypatch.setattr(wal_checkpoints, "_checkpoint", slow)


@pytest.mark.usefixtures("slow_thread")
def test_every_commit_reaches_the_database_file_and_the_wal_stays_within_its_limit(
    tmp_path: Path,
) -> None:
    path, db = _bulk_database(tmp_path)
    before = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    limit = 300 * PAGE
    commits = 30  # ~3,000 pages in all: ten times the limit
    with BackgroundCheckpoints(db, path, limit_bytes=limit) as checkpoints:
        assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        for i in range(commits):
            _commit_rows(db.conn, i * ROWS_PER_COMMIT)
            checkpoints.committed()
            # The limit and one commit's pages (and their frame headers) above it.
            assert _wal_bytes(path) <= (limit + 110 * PAGE) * (PAGE + 24) // PAGE + 32
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == before
    assert _wal_bytes(path) == 0  # given back
    # Nothing is left to copy back: the database file alone holds every row.
    busy, frames, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert (busy, copied) == (0, frames)
    db.close()
    copy = tmp_path / "file-only.sqlite3"
    copy.write_bytes(path.read_bytes())  # the main file without its WAL
    alone = sqlite3.connect(copy)
    assert alone.execute("SELECT count(*), max(n) FROM t").fetchone() == (
        commits * ROWS_PER_COMMIT,
        commits * ROWS_PER_COMMIT - 1,
    )
    alone.close()


@pytest.mark.usefixtures("slow_thread")
def test_without_the_writer_waiting_the_wal_would_keep_growing(tmp_path: Path) -> None:
    # What the limit is for: with a checkpoint after every commit but never a moment with
    # everything copied back when a write begins, SQLite appends to the WAL for ever.
    path, db = _bulk_database(tmp_path)
    with BackgroundCheckpoints(db, path, limit_bytes=10**12) as checkpoints:
        for i in range(12):
            _commit_rows(db.conn, i * ROWS_PER_COMMIT)
            checkpoints.committed()
        assert _wal_bytes(path) > 5 * 100 * PAGE
    db.close()


@pytest.mark.usefixtures("slow_thread")
def test_waiting_before_each_write_starts_the_wal_over(tmp_path: Path) -> None:
    # As the intake does (bureau_intake._commit): each transaction begins once the thread has
    # copied everything back, so its pages go to the start of the WAL again, however slow the
    # checkpoints: the file never holds more than one commit's pages.
    path, db = _bulk_database(tmp_path)
    with BackgroundCheckpoints(db, path, limit_bytes=10**12) as checkpoints:
        for i in range(12):
            checkpoints.before_next_write()
            _commit_rows(db.conn, i * ROWS_PER_COMMIT)
            checkpoints.committed()
            assert _wal_bytes(path) <= 110 * (PAGE + 24) + 32
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == 12 * ROWS_PER_COMMIT
    db.close()
