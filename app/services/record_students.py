"""Which student a synchronised record is about: for lists that name records by table and UUID
(the records the bureau returned or rejected), so the clerk sees "张伟", not a UUID."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlite_utils import Database

from app.packets.sync_tables import TABLES_BY_NAME

_CHUNK = 500  # SQLite's default limit on host parameters is 999 in older builds


def student_names(db: Database, refs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(table, record uuid) → the student's name: the student itself for ``students``, the
    student of the ``student_uuid`` column for tables that have one. Records of other tables
    (classes, activities…), and records this workspace does not hold, are left out."""
    by_table: defaultdict[str, list[str]] = defaultdict(list)
    for table, uuid in refs:
        by_table[table].append(uuid)
    names: dict[tuple[str, str], str] = {}
    for table, uuids in by_table.items():
        spec = TABLES_BY_NAME.get(table)  # a known table name: safe to put into the SQL
        if spec is None:
            continue
        if table == "students":
            link = "t.uuid"
        elif "student_uuid" in spec.all_columns:
            link = "t.student_uuid"
        else:
            continue
        for start in range(0, len(uuids), _CHUNK):
            chunk = uuids[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for uuid, name in db.execute(
                f"SELECT t.uuid, s.name FROM {spec.name} t JOIN students s ON s.uuid = {link} "
                f"WHERE t.uuid IN ({marks})",
                chunk,
            ):
                names[(table, uuid)] = name
    return names
