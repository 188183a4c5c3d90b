"""The bureau connection's settings while an intake merges packets (app/services/bureau_intake.py):
what SQLite should do differently for a run of bulk transactions, each set for the run and put
back after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

BULK_CACHE_KIB = 128 * 1024


@contextmanager
def bulk_cache(db: Database) -> Iterator[None]:
    """A larger page cache while merging: a district's tables and indexes outgrow SQLite's
    default 2 MiB, and inserts at random uuids then read pages back from disk. The size is
    fixed, so peak memory still does not grow with the number of packets.

    Temporary storage in memory too. A merge writes each table with a multi-row
    ``INSERT … SELECT`` inside a savepoint (``repo_merge.apply_unless_refused``), so SQLite keeps
    the original of every page it changes in a statement journal until the savepoint ends, in
    case it must roll back; past 64 KiB that journal is a temporary file: some 80 MB of a district
    packet's index pages written through the kernel and thrown away (bench/merge_bench.py: the
    apply took 0.54–0.66 s per packet with the file, 0.45–0.49 s without, at 40 packets merged).
    In memory it lasts one table's apply."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    temp_store = db.execute("PRAGMA temp_store").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    db.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        db.execute(f"PRAGMA temp_store = {int(temp_store)}")
        db.execute(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def references_checked_by_the_merge(db: Database) -> Iterator[None]:
    """SQLite's foreign-key enforcement off for a packet's transaction: the merge checks every
    reference of every record it is about to write (``repo_merge.reject_missing_parents``,
    which rejects exactly the rows the foreign keys would refuse, with a reason a person can
    read), and it never deletes a row nor changes a referenced key (uuids, a school's code), so
    the per-row lookups would only repeat those checks (bench/merge_bench.py: the merging
    process took 2.1 s per packet with them, 1.8 s without, at 40 packets merged). The setting
    belongs to the connection and can change only outside a transaction: a dry run, all one
    transaction, keeps it on."""
    before = int(db.execute("PRAGMA foreign_keys").fetchone()[0])
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        db.execute(f"PRAGMA foreign_keys = {before}")
