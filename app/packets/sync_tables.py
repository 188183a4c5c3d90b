"""THE registry of synchronised tables: what travels in a packet, and the schema each record of it
must satisfy (docs/packet-format.md §6).

A record in a packet is a flat JSON object: the key ``uuid``, the meta fields ``revision``,
``updated_at``, ``updated_by``, ``deleted`` (DESIGN.md §2) and the table's content columns, each
with a fixed JSON type (``sync_tables_core``: column kinds, the table spec, decimals as strings).
The tables themselves are declared per area in ``sync_tables_roster``, ``_arts``, ``_labor`` and
``_sport``; this module puts them in order and is the one to import from. A new area appends its
tables to ``TABLES``; the writer, the reader, the completeness check and the merge all follow it.
"""

from __future__ import annotations

from app.packets.sync_tables_arts import (
    ARTS_ACTIVITIES,
    ARTS_ACTIVITY_PARTICIPANTS,
    ARTS_ASSESSMENTS,
    ARTS_COURSE_RECORDS,
    ARTS_SELF_EVALUATIONS,
    ARTS_SPECIALTIES,
    ARTS_TABLES,
    AWARD_WINNERS,
    AWARDS,
    PROGRAMME_MEMBERS,
    SCHOOL_PROGRAMMES,
)
from app.packets.sync_tables_core import (
    MAX_TEXT,
    META_COLUMNS,
    UUID_RE,
    Column,
    Columns,
    ParentCheck,
    Record,
    RecordCheck,
    SyncTable,
    decimal_column,
    decimal_pattern,
    format_decimal,
)
from app.packets.sync_tables_labor import (
    LABOR_ACTIVITIES,
    LABOR_EVALUATION_CORRECTIONS,
    LABOR_EVIDENCE,
    LABOR_LITERACY_EVALUATIONS,
    LABOR_PARTICIPATIONS,
    LABOR_TABLES,
)
from app.packets.sync_tables_roster import (
    CLASSES,
    ROSTER_TABLES,
    SCHOOLS,
    STUDENT_EVENTS,
    STUDENTS,
)
from app.packets.sync_tables_sport import FITNESS_TESTS, PE_PROCESS_RECORDS

PE_TABLES = (PE_PROCESS_RECORDS,)
FITNESS_TABLES = (FITNESS_TESTS,)

# Order matters: parents before children, so a merge can insert in this order (it is also the
# order of the entries in a packet's zip).
TABLES: tuple[SyncTable, ...] = (
    *ROSTER_TABLES, *ARTS_TABLES, *LABOR_TABLES, *PE_TABLES, *FITNESS_TABLES,
)  # fmt: skip
TABLES_BY_NAME: dict[str, SyncTable] = {t.name: t for t in TABLES}


def get_table(name: str) -> SyncTable | None:
    return TABLES_BY_NAME.get(name)


__all__ = [
    "ARTS_ACTIVITIES", "ARTS_ACTIVITY_PARTICIPANTS", "ARTS_ASSESSMENTS", "ARTS_COURSE_RECORDS",
    "ARTS_SELF_EVALUATIONS", "ARTS_SPECIALTIES", "ARTS_TABLES", "AWARDS", "AWARD_WINNERS",
    "CLASSES", "FITNESS_TABLES", "FITNESS_TESTS", "LABOR_ACTIVITIES",
    "LABOR_EVALUATION_CORRECTIONS", "LABOR_EVIDENCE", "LABOR_LITERACY_EVALUATIONS",
    "LABOR_PARTICIPATIONS", "LABOR_TABLES", "MAX_TEXT", "META_COLUMNS", "PE_PROCESS_RECORDS",
    "PE_TABLES", "PROGRAMME_MEMBERS", "SCHOOLS", "SCHOOL_PROGRAMMES", "STUDENTS",
    "STUDENT_EVENTS", "TABLES", "TABLES_BY_NAME", "UUID_RE", "Column", "Columns", "ParentCheck",
    "Record", "RecordCheck", "SyncTable", "decimal_column", "decimal_pattern", "format_decimal",
    "get_table",
]  # fmt: skip
