"""Checkpoints of a long run of bulk commits, done by a background thread.

In WAL mode a commit only appends pages to the ``-wal`` file; a checkpoint copies them into the
database file and syncs both files. SQLite runs one in the committing thread when the WAL has
grown past ``wal_autocheckpoint`` pages. A merged packet writes hundreds of megabytes of pages,
and at district scale that checkpoint is a fifth of the time per packet, nearly all of it
waiting for the disk (bench/merge_bench.py): time the next packet's merge could use.

``BackgroundCheckpoints`` turns the automatic checkpoint off on the writing connection and runs
a PASSIVE checkpoint on a connection of its own in a thread after each commit, while the writer
goes on. A checkpoint never changes what a connection reads and a PASSIVE one never blocks the
writer, so this changes when pages reach the database file, not what is in it; a crash at any
point leaves what a crash with SQLite's own checkpoints leaves.

Before the next transaction the writer waits for that copy (``before_next_write``). SQLite
starts the WAL file over, writing from its beginning, only when a write begins after everything
in it was copied back; a writer that never waits rarely sees that, so the file kept growing to
the limit below: every commit then wrote to new blocks of the file (the kernel allocating and
zeroing them, then throwing a gigabyte away at each truncation) and each page read searched a
longer WAL index. Starting over rewrites the same blocks (bench/merge_bench.py, 40 packets
merged, per packet: 0.9–1.0 s of kernel time in the merging process without the wait, 0.46 s
with it). The copy mostly runs while the next packet is still being read; what is left of the
wait (~0.06 s a packet at district scale, ``checkpoint_wait_s``) the packet readers fill, as
the intake reads one packet more ahead than it has readers (bureau_intake.READ_AHEAD).

Should the WAL grow anyway (another connection holding an old snapshot), once it is larger than
``limit_bytes`` ``committed`` waits for the thread and truncates the WAL itself (a TRUNCATE
checkpoint): the file stays within about the limit plus one commit's pages, and it is truncated
again at the end.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

log = logging.getLogger(__name__)

# A district packet adds 100–400 MB to the WAL: a waiting writer every few packets, and at
# most a few GB of disk while an intake runs (given back at its end).
LIMIT_BYTES = 1024 * 1024 * 1024


class BackgroundCheckpoints:
    """Use as a context manager around the commits of ``db`` (the file at ``path``); call
    ``committed`` after each commit."""

    def __init__(self, db: Database, path: Path, *, limit_bytes: int = LIMIT_BYTES) -> None:
        self._db = db
        self._path = path
        self._wal = path.with_name(path.name + "-wal")
        self._limit = limit_bytes
        self._wake = threading.Condition()
        self._requested = False
        self._busy = False
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="wal-checkpoints", daemon=True)
        self._autocheckpoint = 0

    def __enter__(self) -> BackgroundCheckpoints:
        self._autocheckpoint = int(self._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        self._db.execute("PRAGMA wal_autocheckpoint = 0")
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self._thread.join()
        self._db.execute(f"PRAGMA wal_autocheckpoint = {self._autocheckpoint}")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # the disk back

    def committed(self) -> None:
        """After a commit: the thread copies it back while the caller goes on; past the limit,
        wait for the thread and truncate the WAL here."""
        with self._wake:
            if _size(self._wal) <= self._limit:
                self._requested = True
                self._wake.notify()
                return
            while self._busy or self._requested:
                self._wake.wait()
        # Waits for readers of other connections (busy_timeout); if one outlasts it, the WAL
        # is not truncated and the next commit tries again.
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def before_next_write(self) -> None:
        """Before the next transaction: wait until the thread has copied every commit back,
        so that the transaction's first write starts the WAL over (see the module's note)."""
        with self._wake:
            while self._busy or self._requested:
                self._wake.wait()

    def _run(self) -> None:
        conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        try:
            while True:
                with self._wake:
                    while not (self._requested or self._stopping):
                        self._wake.wait()
                    if not self._requested:
                        return
                    self._requested, self._busy = False, True
                try:
                    _checkpoint(conn)
                except sqlite3.Error:  # a later checkpoint copies what this one did not
                    log.exception("background checkpoint failed")
                with self._wake:
                    self._busy = False
                    self._wake.notify_all()
        finally:
            conn.close()


def _checkpoint(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0
