"""Named, append-only schema migrations.

Rules: never edit or reorder a migration that has shipped; add a new one at the end with the next
number. Each runs in its own transaction together with the record that it was applied, so a crash
leaves the database at the previous step. Statements are run one by one (``executescript`` would
commit the surrounding transaction).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("baosong")

# Columns every synchronised record carries (DESIGN.md §2).
RECORD_COLUMNS = """
    revision INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
"""


def run_statements(db: Database, sql: str) -> None:
    for statement in sql.split(";\n"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0001_workspace_and_roster")
def m0001_workspace_and_roster(db: Database) -> None:
    run_statements(
        db,
        f"""
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE schools (
    code TEXT PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    district TEXT NOT NULL,
    stage TEXT NOT NULL,
    {RECORD_COLUMNS}
);
CREATE TABLE terms (
    code TEXT PRIMARY KEY,
    school_year TEXT NOT NULL,
    semester INTEGER NOT NULL CHECK (semester IN (1, 2))
);
CREATE TABLE classes (
    uuid TEXT PRIMARY KEY,
    school_code TEXT NOT NULL REFERENCES schools(code),
    grade_code INTEGER NOT NULL,
    class_no INTEGER NOT NULL,
    name TEXT NOT NULL,
    head_teacher TEXT NOT NULL DEFAULT '',
    graduated INTEGER NOT NULL DEFAULT 0,
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX classes_active_key ON classes(school_code, grade_code, class_no)
    WHERE deleted = 0 AND graduated = 0;
CREATE TABLE students (
    uuid TEXT PRIMARY KEY,
    school_code TEXT NOT NULL REFERENCES schools(code),
    student_no TEXT NOT NULL,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date TEXT NOT NULL,
    ethnicity_code TEXT NOT NULL,
    id_number TEXT,
    class_uuid TEXT NOT NULL REFERENCES classes(uuid),
    status TEXT NOT NULL,
    pe_exempt INTEGER NOT NULL DEFAULT 0,
    pe_exempt_reason TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX students_student_no ON students(student_no) WHERE deleted = 0;
CREATE INDEX students_class ON students(class_uuid);
CREATE INDEX students_name ON students(name);
CREATE TABLE student_events (
    uuid TEXT PRIMARY KEY,
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE INDEX student_events_student ON student_events(student_uuid);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    action TEXT NOT NULL,
    old TEXT,
    new TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log(record_uuid)
""",
    )


def migration_names(migrations: Migrations = MIGRATIONS) -> list[str]:
    """Every migration this version knows, in order (sqlite-utils keeps no public list)."""
    return [m.name for m in migrations._migrations]
