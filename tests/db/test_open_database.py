"""open_database: migrations from empty, backup before migrating, refusal of a newer database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

import db as dbmod
from app.errors import NewerDatabaseError, WorkspaceError
from db.migrations import MIGRATIONS, migration_names


def test_fresh_database_gets_every_migration_and_pragmas(tmp_path: Path) -> None:
    database = dbmod.open_database(tmp_path / "a.sqlite3", backups_dir=tmp_path / "b")
    applied = [m.name for m in MIGRATIONS.applied(database)]
    assert applied == migration_names()
    assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute("PRAGMA busy_timeout").fetchone()[0] == dbmod.BUSY_TIMEOUT_MS
    checkpoint = database.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    assert checkpoint == dbmod.WAL_AUTOCHECKPOINT_PAGES
    assert {"students", "classes", "schools", "audit_log"} <= set(database.table_names())
    database.close()
    assert not (tmp_path / "b").exists(), "a brand-new database has nothing to back up"


def test_reopening_applies_nothing_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    database = dbmod.open_database(path)
    database.execute("INSERT INTO settings(key, value) VALUES('x', '1')")
    database.close()
    database = dbmod.open_database(path)
    assert database.execute("SELECT value FROM settings WHERE key='x'").fetchone()[0] == "1"
    database.close()


def _upgraded_set() -> Migrations:
    """The production migrations plus one more step, as the next release would have."""
    upgraded = Migrations("baosong")
    for m in MIGRATIONS._migrations:
        upgraded(name=m.name)(m.fn)

    @upgraded(name="9000_next_release")
    def next_release(db: Database) -> None:
        db.execute("ALTER TABLE students ADD COLUMN nickname TEXT")

    return upgraded


def test_pending_migration_backs_up_the_old_database_first(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    database = dbmod.open_database(path)
    database.execute("INSERT INTO settings(key, value) VALUES('marker', '\"kept\"')")
    database.close()
    backups = tmp_path / "backups"
    database = dbmod.open_database(path, backups_dir=backups, migrations=_upgraded_set())
    assert "nickname" in database["students"].columns_dict
    database.close()
    made = list(backups.glob("before-9000_next_release*.sqlite3"))
    assert len(made) == 1
    copy = sqlite3.connect(made[0])
    assert copy.execute("SELECT value FROM settings WHERE key='marker'").fetchone()[0] == '"kept"'
    columns = [r[1] for r in copy.execute("PRAGMA table_info(students)")]
    assert "nickname" not in columns, "the backup is the database as it was before migrating"
    copy.close()


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    dbmod.open_database(path, migrations=_upgraded_set()).close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError) as info:
        dbmod.open_database(path, backups_dir=tmp_path / "b")
    assert "newer version" in str(info.value)
    assert "9000_next_release" in str(info.value)
    assert path.read_bytes() == before
    assert not (tmp_path / "b").exists()


def test_garbage_file_is_a_clear_workspace_error(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(WorkspaceError) as info:
        dbmod.open_database(path)
    assert "backup" in str(info.value)
