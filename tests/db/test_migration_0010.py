"""Migration 0010: bulk-created records audited by one entry; role-specific student indexes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

import db as dbmod
from app.services.bureau_workspace import init_bureau
from db.records import append_audit_encoded, created_batch_entry
from tests.db.migration_helpers import migrations_before


def _indexes(database: Database) -> set[str]:
    return {r[0] for r in database.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


@pytest.mark.parametrize(("kind", "kept"), [("bureau", True), ("school", False), (None, False)])
def test_students_school_stays_only_in_a_bureau_workspace(
    tmp_path: Path, kind: str | None, kept: bool
) -> None:
    path = tmp_path / "a.sqlite3"
    old = dbmod.open_database(path, migrations=migrations_before("0010"))
    assert {"students_school", "students_name"} <= _indexes(old)
    if kind is not None:
        old.execute("INSERT INTO settings(key, value) VALUES ('workspace_kind', ?)", [kind])
    old.close()
    database = dbmod.open_database(path, backups_dir=tmp_path / "backups")
    assert ("students_school" in _indexes(database)) is kept
    assert "students_name" not in _indexes(database)
    database.close()


def test_a_new_bureau_gets_the_bureau_indexes(tmp_path: Path) -> None:
    database = dbmod.open_database(tmp_path / "a.sqlite3")
    assert "students_school" not in _indexes(database)
    init_bureau(database, name="孟津区教育局")
    assert "students_school" in _indexes(database)
    plan = database.execute(
        "EXPLAIN QUERY PLAN SELECT uuid FROM students WHERE school_code = '2141003456'"
    ).fetchall()
    assert any("students_school" in str(step) for step in plan)
    database.close()


def test_the_changes_view_lists_single_and_bulk_entries_one_row_per_record(
    tmp_path: Path,
) -> None:
    database = dbmod.open_database(tmp_path / "a.sqlite3")
    with database.atomic():
        append_audit_encoded(
            database,
            "clerk",
            [
                ("students", "u1", "update", '{"name":"a"}', '{"name":"b"}'),
                created_batch_entry("students", '["u2","u3"]', "roster import: x.xlsx"),
                created_batch_entry("classes", '["c1"]', "packet 00ff"),
            ],
        )
    rows = database.execute(
        "SELECT id, table_name, record_uuid FROM audit_record_changes ORDER BY id, record_uuid"
    ).fetchall()
    assert rows == [(1, "students", "u1"), (2, "students", "u2"), (2, "students", "u3"),
                    (3, "classes", "c1")]  # fmt: skip
    database.close()
