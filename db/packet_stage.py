"""A packet's staged records as a SQLite database of their own, handed to the merge as bytes.

The bureau reads a packet (decrypts, parses, checks every record) in a worker process while it
merges the one before (app/services/packet_reading.py). Binding 100,000 rows into SQLite, one
``executemany`` parameter at a time, costs about as much as the merge's own SQL, and pickling
the rows to the merging process nearly as much again. So the worker binds them, into an
in-memory database with one table per synchronised table, already in the shape of the merge's
stage (db/repo_merge.py), and sends that database's image (``sqlite3.Connection.serialize``).
The merging connection loads the image into the schema ``incoming``, attached to every
connection when it opens (``attach_incoming``; ATTACH cannot run inside the transaction a merge
runs in), and merges each table from there: nothing is copied again on the merging side.

The columns have no declared types: each value keeps the type it was bound with, which for a
valid record is the type its central column stores (``SyncTable.row_from_record``: text,
integers, booleans as 0/1, decimals as REAL), so values compare with the central rows' as they
would after a copy into typed columns.

Memory: one image per packet, replaced by the next, so the merge's peak does not grow with the
number of packets.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from db.repo_merge import StageSpec, stage_columns

INCOMING = "incoming"

# table → (its column names, its rows as tuples of those columns' values)
StagedRows = Mapping[str, tuple[Sequence[str], Sequence[tuple[Any, ...]]]]


def staged_database(tables: StagedRows) -> bytes:
    """The image of an in-memory database holding ``tables``, each in the shape of a merge
    stage (the given columns, one of them ``uuid``, then the ``repo_merge.STAGE_COLUMNS`` not
    given; keyed by uuid): the merge works on these tables as they are (``incoming_spec``)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # nothing to roll back: a failure drops it all
        conn.execute("BEGIN")
        for name, (columns, rows) in tables.items():
            conn.execute(
                f"CREATE TABLE {name} ({', '.join(columns)}, {stage_columns(columns)}, "
                "PRIMARY KEY (uuid)) WITHOUT ROWID"
            )
            marks = ", ".join("?" for _ in columns)
            conn.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})", rows)
        conn.execute("COMMIT")
        return conn.serialize()
    finally:
        conn.close()


def attach_incoming(conn: sqlite3.Connection) -> None:
    conn.execute(f"ATTACH DATABASE ':memory:' AS {INCOMING}")


def load_incoming(db: Database, image: bytes) -> None:
    """Replace what the ``incoming`` schema holds by the database ``image``."""
    db.conn.deserialize(image, name=INCOMING)


def incoming_spec(spec: StageSpec) -> StageSpec:
    """``spec`` with its stage in the packet's table of ``incoming``."""
    return replace(spec, stage_schema=INCOMING, stage_table=spec.table)
