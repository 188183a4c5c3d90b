"""Read-only lists the bureau's pages show: merged packets and their receipts, each school's
last packet, and a school's records that a return (退回) can name.

Nothing here writes; the use cases stay in bureau_intake, conflicts and receipts. The records
offered for a return are the bureau's central records of the packet's school (each table's own
scope, the one the merge checks), described in a few words for a person to pick from.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.packets.sync_tables import TABLES, TABLES_BY_NAME
from app.services.merge import scope_params

# What names a record for a person, in order of preference (the first present one is used).
_WHAT = ("name", "project", "event", "subject", "category", "kind", "file_name", "reason")
_WHEN = ("term", "school_year", "date", "corrected_at")
_MAX_LABEL = 80


@dataclass(frozen=True)
class MergedPacket:
    sha256: str
    school_code: str
    school_name: str  # as the signed header named it
    sequence: int
    terms: tuple[str, ...]
    received_at: str  # UTC, the bureau's clock
    receipt_written_at: str | None
    receipt_file: str | None
    flagged: int  # records the receipt lists (rejected or held for review)
    tables: tuple[str, ...]  # tables the packet brought records of
    returns_pending: int  # returns decided and not yet written


def _terms(header: Mapping[str, Any]) -> tuple[str, ...]:
    terms = header.get("terms")
    return tuple(str(t) for t in terms) if isinstance(terms, list) else ()


def _merged(row: Mapping[str, Any]) -> MergedPacket:
    header = json.loads(row["header"]) if row["header"] else {}
    body = json.loads(row["body"]) if row["body"] else {}
    counts = json.loads(row["counts"]) if row["counts"] else {}
    return MergedPacket(
        sha256=row["sha256"],
        school_code=row["school_code"],
        school_name=str(header.get("school_name", "")),
        sequence=int(row["sequence"] or 0),
        terms=_terms(header),
        received_at=row["received_at"],
        receipt_written_at=row["written_at"],
        receipt_file=row["file_name"],
        flagged=len(body.get("records", [])),
        tables=_in_table_order(name for name, c in counts.items() if any(c.values())),
        returns_pending=int(row["pending"]),
    )


def _in_table_order(names: Iterable[str]) -> tuple[str, ...]:
    """Parents first, as the packet format lists them (students before their records)."""
    order = {t.name: i for i, t in enumerate(TABLES)}
    return tuple(sorted(names, key=lambda n: (order.get(n, len(order)), n)))


_MERGED_SQL = (
    "SELECT l.sha256, l.school_code, l.sequence, l.received_at, l.header, l.counts, "
    "r.body, r.written_at, r.file_name, "
    "(SELECT count(*) FROM record_returns x WHERE x.packet_sha256 = l.sha256 "
    " AND x.sent_at IS NULL) AS pending "
    "FROM packet_ledger l LEFT JOIN receipts r ON r.packet_sha256 = l.sha256 "
    "WHERE l.status = 'merged'"
)


def merged_packets(db: Database, *, unwritten_only: bool = False) -> list[MergedPacket]:
    """Merged packets, newest first; ``unwritten_only``: those whose receipt is not written."""
    sql = _MERGED_SQL + (" AND r.written_at IS NULL" if unwritten_only else "")
    return [_merged(r) for r in db.query(sql + " ORDER BY l.received_at DESC, l.sha256")]


def last_merged_packets(db: Database) -> dict[str, MergedPacket]:
    """Each school's merged packet with the highest sequence number, by school code."""
    last: dict[str, MergedPacket] = {}
    for packet in merged_packets(db):
        seen = last.get(packet.school_code)
        if seen is None or packet.sequence > seen.sequence:
            last[packet.school_code] = packet
    return last


def pending_return_count(db: Database) -> int:
    """Returns decided and not yet written (they go out with the next 'write receipts')."""
    row = db.execute("SELECT count(*) FROM record_returns WHERE sent_at IS NULL").fetchone()
    return int(row[0])


@dataclass(frozen=True)
class ReturnableRecord:
    table: str
    uuid: str
    label: str  # e.g. "张伟 G410308… · 2026-2027-1"
    revision: int
    deleted: bool


def returnable_records(
    db: Database, school_code: str, terms: Sequence[str], table: str
) -> list[ReturnableRecord]:
    """The bureau's records of ``table`` held for the school, labelled for picking."""
    spec = TABLES_BY_NAME.get(table)
    if spec is None:
        return []
    columns = set(spec.content_columns)
    cols = ", ".join(f"t.{c}" for c in ("uuid", "revision", "deleted", *spec.content_columns))
    student = (
        ", (SELECT s.name FROM students s WHERE s.uuid = t.student_uuid) AS _student"
        if "student_uuid" in columns
        else ""
    )
    sql = f"SELECT {cols}{student} FROM {spec.name} t WHERE ({spec.scope}) ORDER BY t.uuid"
    rows = db.query(sql, scope_params(school_code, terms))
    return [
        ReturnableRecord(table, r["uuid"], _label(table, r), int(r["revision"]), bool(r["deleted"]))
        for r in rows
    ]


def _label(table: str, row: Mapping[str, Any]) -> str:
    parts: list[str] = []
    if table == "students":
        parts += [str(row["name"]), str(row["student_no"])]
    elif row.get("_student"):
        parts.append(str(row["_student"]))
    if table != "students":
        parts += [str(row[c]) for c in _WHAT if row.get(c)][:1]
        parts += [str(row[c]) for c in _WHEN if row.get(c)][:1]
    label = " · ".join(p for p in parts if p) or str(row["uuid"])[:8]
    return label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1] + "…"
