"""A packet's staged records as a SQLite database of their own, handed to the merge as bytes.

The bureau reads a packet (decrypts, parses, checks every record) in a worker process while it
merges the one before (app/services/packet_reading.py). Binding 100,000 rows into SQLite, one
``executemany`` parameter at a time, costs about as much as the merge's own SQL, and pickling
the rows to the merging process nearly as much again. So the worker binds them, into an
in-memory database with one table per synchronised table (columns named as the central table's,
no declared types: the values keep the types they were bound with, and the merge's staging
table applies the central column types when it copies them in), and sends that database's image
(``sqlite3.Connection.serialize``). The merging connection loads the image into the schema
``incoming``, attached to every connection when it opens (``attach_incoming``; ATTACH cannot
run inside the transaction a merge runs in), and copies each table into its staging table with
one ``INSERT … SELECT`` (db/repo_merge.py ``load_stage_from``).

Memory: one image per packet, replaced by the next, so the merge's peak does not grow with the
number of packets.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from sqlite_utils import Database

INCOMING = "incoming"

# table → (its column names, its rows as tuples of those columns' values)
StagedRows = Mapping[str, tuple[Sequence[str], Sequence[tuple[Any, ...]]]]


def staged_database(tables: StagedRows) -> bytes:
    """The image of an in-memory database holding ``tables``, each row in the given order (a
    packet's rows are in uuid order, which the staging copy keeps)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("BEGIN")
        for name, (columns, rows) in tables.items():
            conn.execute(f"CREATE TABLE {name} ({', '.join(columns)})")
            marks = ", ".join("?" for _ in columns)
            conn.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
        conn.execute("COMMIT")
        return conn.serialize()
    finally:
        conn.close()


def attach_incoming(conn: sqlite3.Connection) -> None:
    conn.execute(f"ATTACH DATABASE ':memory:' AS {INCOMING}")


def load_incoming(db: Database, image: bytes) -> None:
    """Replace what the ``incoming`` schema holds by the database ``image``."""
    db.conn.deserialize(image, name=INCOMING)


def incoming_table(name: str) -> str:
    return f"{INCOMING}.{name}"
