"""Restore from a backup (the current state saved first) and the integrity check."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from app.errors import UserError
from app.services.backup import daily_backup_if_due
from app.services.restore import (
    database_is_healthy,
    latest_good_backup,
    list_backups,
    restore_backup,
)
from app.services.workspace import Workspace, open_workspace, set_current_term


def _corrupt(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, len(data), page * 2):
        data[offset : offset + 512] = b"\xde\xad\xbe\xef" * 128
    path.write_bytes(bytes(data))


def test_restore_brings_back_the_backed_up_state_and_keeps_the_current(
    school_ws: Workspace,
) -> None:
    paths = school_ws.paths
    set_current_term(school_ws.db, "2025-2026-1")
    backup = daily_backup_if_due(school_ws.db, paths.backups, today=dt.date(2026, 11, 30))
    assert backup is not None
    set_current_term(school_ws.db, "2026-2027-2")  # the "mistake"
    school_ws.close()

    saved = restore_backup(paths.database, backup, paths.backups)

    reopened = open_workspace(paths.root)
    try:
        value = reopened.db.execute(
            "SELECT value FROM settings WHERE key = 'current_term'"
        ).fetchone()[0]
        assert value == '"2025-2026-1"'
    finally:
        reopened.close()
    assert saved is not None and saved.name.startswith("before-restore-")
    conn = sqlite3.connect(saved)
    current = conn.execute("SELECT value FROM settings WHERE key = 'current_term'").fetchone()[0]
    conn.close()
    assert current == '"2026-2027-2"', "the state before the restore is kept"


def test_backup_list_shows_date_and_counts(school_ws: Workspace) -> None:
    daily_backup_if_due(school_ws.db, school_ws.paths.backups, today=dt.date(2026, 11, 30))
    infos = list_backups(school_ws.paths.backups)
    assert {b.kind for b in infos} == {"daily", "monthly"}
    assert all(b.ok and b.students == 0 and b.school for b in infos)


def test_damaged_database_is_detected_and_latest_good_backup_offered(
    school_ws: Workspace,
) -> None:
    paths = school_ws.paths
    # enough data that the file has many pages to damage
    school_ws.db.execute("CREATE TABLE filler (v TEXT)")
    school_ws.db.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 400)
    daily_backup_if_due(school_ws.db, paths.backups, today=dt.date(2026, 11, 30))
    school_ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    school_ws.close()
    assert database_is_healthy(paths.database)

    _corrupt(paths.database)

    assert not database_is_healthy(paths.database)
    good = latest_good_backup(paths.backups)
    assert good is not None and good.ok
    restore_backup(paths.database, good.path, paths.backups)
    assert database_is_healthy(paths.database)


def test_a_damaged_backup_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "daily-2026-01-01.sqlite3"
    bad.write_bytes(b"not a database" * 1000)
    target = tmp_path / "db.sqlite3"
    target.write_bytes(b"current")
    with pytest.raises(UserError):
        restore_backup(target, bad, tmp_path / "backups")
    assert target.read_bytes() == b"current"


def test_a_compressed_backup_damaged_after_it_was_taken_is_neither_offered_nor_restored(
    school_ws: Workspace,
) -> None:
    paths = school_ws.paths
    made = daily_backup_if_due(school_ws.db, paths.backups, today=dt.date(2026, 11, 30))
    assert made is not None
    school_ws.close()
    for backup in paths.backups.glob("*.sqlite3.gz"):
        data = bytearray(backup.read_bytes())
        data[len(data) // 2 :] = b"\x00" * (len(data) - len(data) // 2)
        backup.write_bytes(bytes(data))
    assert all(b.ok for b in list_backups(paths.backups)), "the sidecars still say sound"
    assert latest_good_backup(paths.backups) is None
    before = paths.database.read_bytes()
    with pytest.raises(UserError):
        restore_backup(paths.database, made, paths.backups)
    assert paths.database.read_bytes() == before
    assert not list(paths.backups.glob("before-restore-*"))
